/** SPEC §6: the command line's files, options, JSON document and exit statuses, run on real .xlsx files in a temp folder. */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { reportTable, runCli } from "../../src/cli/main";
import { SESSIONS_HEADER, TRACKING_HEADER, count } from "../helpers/practice";

const NOW = (): Date => new Date(2026, 10, 29, 9, 0);
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(cwd: string, args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    cwd,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    now: NOW,
  });
  return { code, stdout, stderr };
}

/** stderr holds exactly one line, ends with a newline, and carries no stack trace. */
function expectOneLine(stderr: string): string {
  expect(stderr.endsWith("\n")).toBe(true);
  const lines = stderr.split("\n").filter((l) => l !== "");
  expect(lines).toHaveLength(1);
  expect(stderr).not.toContain("    at ");
  expect(stderr).not.toMatch(/^\s*at\s/m);
  return lines[0];
}

/**
 * A small practice: client 1001 typed as a number, a valid Sessions line, an
 * invalid line (Track By "Weekly"), an Any line without an authorization number,
 * a No Show, a booked appointment after the as-of date.
 */
async function writePractice(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Clients").addRows([
    ["Client ID", "Client Name", "Primary Insurance", "Member ID"],
    [1001, "Ann Lee", "Aetna", "M-1"],
    ["C2", "Bo Diaz", null, null],
  ]);
  wb.addWorksheet("Tracking").addRows([
    ["Client", "Track By", "Start Date", "End Date", "Billing Code", "Allowed", "Authorization #"],
    [1001, "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 12, "A123"],
    ["C2", "Weekly", utc(2026, 1, 1), utc(2026, 12, 31), "90834", 5, "B9"],
    ["C2", "Sessions", utc(2026, 1, 1), utc(2026, 6, 30), "Any", 6, null],
  ]);
  wb.addWorksheet("Sessions").addRows([
    ["Date", "Client", "Billing Code", "Units", "Status", "Prior Auth #"],
    [utc(2026, 3, 5), 1001, "90837", null, "Completed", null],
    [utc(2026, 3, 12), 1001, "90837", null, "No Show", null],
    [utc(2026, 7, 1), 1001, "90837", null, "Scheduled", null],
    [utc(2026, 3, 5), "C2", "90834", null, null, null],
  ]);
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ws.name);
}

let dir: string;
let practice: Buffer;

beforeAll(async () => {
  const seed = fs.mkdtempSync(path.join(os.tmpdir(), "cli-seed-"));
  await writePractice(path.join(seed, "in.xlsx"));
  practice = fs.readFileSync(path.join(seed, "in.xlsx"));
  fs.rmSync(seed, { recursive: true, force: true });
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-test-"));
  fs.writeFileSync(path.join(dir, "in.xlsx"), practice);
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const files = (d: string): string[] => fs.readdirSync(d).sort();

describe("SPEC §6 output file", () => {
  test("writes IN-refreshed.xlsx beside IN by default and leaves IN byte for byte", async () => {
    const r = await run(dir, ["in.xlsx", "--as-of", "2026-06-30"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(files(dir)).toEqual(["in-refreshed.xlsx", "in.xlsx"]);
    expect(fs.readFileSync(path.join(dir, "in.xlsx")).equals(practice)).toBe(true);
    expect(await sheetNames(path.join(dir, "in-refreshed.xlsx"))).toEqual([
      "Clients",
      "Tracking",
      "Sessions",
      "Authorized Insurance Sessions",
    ]);
  });

  test("the default name keeps the extension's case: Book.XLSX → Book-refreshed.XLSX", async () => {
    fs.renameSync(path.join(dir, "in.xlsx"), path.join(dir, "Book.XLSX"));
    const r = await run(dir, ["Book.XLSX", "--as-of", "2026-06-30"]);
    expect(r.code).toBe(0);
    expect(files(dir)).toEqual(["Book-refreshed.XLSX", "Book.XLSX"]);
    expect(fs.readFileSync(path.join(dir, "Book.XLSX")).equals(practice)).toBe(true);
  });

  test("--out replaces an existing OUT", async () => {
    fs.writeFileSync(path.join(dir, "out.xlsx"), "an old file that is not even a workbook");
    const r = await run(dir, ["in.xlsx", "--out", "out.xlsx", "--as-of", "2026-06-30"]);
    expect(r.code).toBe(0);
    expect(files(dir)).toEqual(["in.xlsx", "out.xlsx"]);
    expect(await sheetNames(path.join(dir, "out.xlsx"))).toContain("Authorized Insurance Sessions");
  });

  test("a refresh replaces an existing IN-refreshed.xlsx too", async () => {
    fs.writeFileSync(path.join(dir, "in-refreshed.xlsx"), "stale");
    const r = await run(dir, ["in.xlsx", "--as-of", "2026-06-30"]);
    expect(r.code).toBe(0);
    expect(await sheetNames(path.join(dir, "in-refreshed.xlsx"))).toContain("Authorized Insurance Sessions");
  });

  test.each([["in.xlsx"], ["./in.xlsx"], ["sub/../in.xlsx"], ["<IN's absolute path>"]])(
    "never overwrites IN without --in-place (--out %s)",
    async (out) => {
      fs.mkdirSync(path.join(dir, "sub"));
      const target = out.startsWith("<") ? path.join(dir, "in.xlsx") : out;
      const r = await run(dir, ["in.xlsx", "--out", target, "--as-of", "2026-06-30"]);
      expect(r.code).not.toBe(0);
      expectOneLine(r.stderr);
      expect(fs.readFileSync(path.join(dir, "in.xlsx")).equals(practice)).toBe(true);
      expect(files(dir)).toEqual(["in.xlsx", "sub"]);
    },
  );

  test("--in-place overwrites IN and writes no other workbook", async () => {
    const r = await run(dir, ["in.xlsx", "--in-place", "--as-of", "2026-06-30"]);
    expect(r.code).toBe(0);
    expect(files(dir)).toEqual(["in.xlsx"]);
    expect(fs.readFileSync(path.join(dir, "in.xlsx")).equals(practice)).toBe(false);
    expect(await sheetNames(path.join(dir, "in.xlsx"))).toContain("Authorized Insurance Sessions");
  });

  test("relative IN, --out and --json are taken from io.cwd, not the process's folder", async () => {
    fs.mkdirSync(path.join(dir, "work"));
    fs.mkdirSync(path.join(dir, "results"));
    fs.renameSync(path.join(dir, "in.xlsx"), path.join(dir, "work", "in.xlsx"));
    const cwd = path.join(dir, "work");
    const before = files(process.cwd());
    const r = await run(cwd, [
      "in.xlsx",
      "--out",
      "../results/r.xlsx",
      "--json",
      "../results/r.json",
      "--as-of",
      "2026-06-30",
    ]);
    expect(r.code).toBe(0);
    expect(files(path.join(dir, "results"))).toEqual(["r.json", "r.xlsx"]);
    expect(files(cwd)).toEqual(["in.xlsx"]);
    expect(files(process.cwd())).toEqual(before);

    const r2 = await run(dir, ["work/in.xlsx", "--as-of", "2026-06-30"]);
    expect(r2.code).toBe(0);
    expect(files(cwd)).toEqual(["in-refreshed.xlsx", "in.xlsx"]);
  });
});

describe("SPEC §6 usage errors exit 2", () => {
  test.each<[string, string[]]>([
    ["--in-place with --out", ["in.xlsx", "--in-place", "--out", "x.xlsx"]],
    ["an unknown option", ["in.xlsx", "--bogus"]],
    ["no file", []],
    ["no file, only options", ["--as-of", "2026-06-30"]],
    ["two files", ["in.xlsx", "other.xlsx"]],
    ["--as-of an impossible date", ["in.xlsx", "--as-of", "2026-02-30"]],
    ["--as-of not YYYY-MM-DD", ["in.xlsx", "--as-of", "06/30/2026"]],
    ["--as-of a word", ["in.xlsx", "--as-of", "tomorrow"]],
    ["--as-of blank", ["in.xlsx", "--as-of", ""]],
    ["--as-of without a value", ["in.xlsx", "--as-of"]],
  ])("%s", async (_name, args) => {
    const r = await run(dir, args);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(files(dir)).toEqual(["in.xlsx"]);
  });
});

describe("SPEC §6 --json", () => {
  const LINE_KEYS = [
    "trackingRow",
    "clientId",
    "clientName",
    "insurance",
    "authorization",
    "trackBy",
    "codes",
    "any",
    "start",
    "end",
    "allowed",
    "used",
    "scheduled",
    "remaining",
    "status",
    "lastSession",
  ];
  const SESSION_KEYS = ["row", "trackingRow", "remaining", "priorAuth"];
  const PROBLEM_KEYS = ["sheet", "row", "column", "message"];

  async function jsonOf(args: string[]): Promise<any> {
    const r = await run(dir, ["in.xlsx", "--json", "-", ...args]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    return JSON.parse(r.stdout);
  }

  test("--json - puts exactly the JSON document on standard output", async () => {
    const r = await run(dir, ["in.xlsx", "--json", "-", "--as-of", "2026-06-30"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimStart().startsWith("{")).toBe(true);
    expect(r.stdout.trimEnd().endsWith("}")).toBe(true);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).sort()).toEqual(["asOf", "lines", "problems", "sessions"]);
    expect(files(dir)).toEqual(["in-refreshed.xlsx", "in.xlsx"]);
  });

  test("--json FILE writes the same document to the file, and the summary still goes to standard output", async () => {
    const viaStdout = await jsonOf(["--as-of", "2026-06-30"]);
    const r = await run(dir, ["in.xlsx", "--json", "counts.json", "--as-of", "2026-06-30"]);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).toThrow();
    expect(r.stdout).toContain("in-refreshed.xlsx");
    expect(JSON.parse(fs.readFileSync(path.join(dir, "counts.json"), "utf8"))).toEqual(viaStdout);
  });

  test("every key of SPEC §6's example is present in lines, sessions and problems", async () => {
    const doc = await jsonOf(["--as-of", "2026-06-30"]);
    expect(doc.asOf).toBe("2026-06-30");
    expect(doc.lines).toHaveLength(3);
    expect(doc.sessions).toHaveLength(4);
    expect(doc.problems.length).toBeGreaterThan(0);
    for (const l of doc.lines) for (const k of LINE_KEYS) expect(l).toHaveProperty([k]);
    for (const s of doc.sessions) for (const k of SESSION_KEYS) expect(s).toHaveProperty([k]);
    for (const p of doc.problems) for (const k of PROBLEM_KEYS) expect(p).toHaveProperty([k]);
  });

  test('lines: IDs as strings (1001 → "1001"), null for blank fields, an invalid line as Invalid with used 0, scheduled 0, remaining null', async () => {
    const doc = await jsonOf(["--as-of", "2026-06-30"]);
    expect(doc.lines).toEqual([
      {
        trackingRow: 2,
        clientId: "1001",
        clientName: "Ann Lee",
        insurance: "Aetna",
        authorization: "A123",
        trackBy: "Sessions",
        codes: ["90837"],
        any: false,
        start: "2026-01-01",
        end: "2026-12-31",
        allowed: 12,
        used: 1,
        scheduled: 1,
        remaining: 10,
        status: "Active",
        lastSession: "2026-03-05",
      },
      expect.objectContaining({
        trackingRow: 3,
        clientId: "C2",
        clientName: "Bo Diaz",
        insurance: null,
        authorization: "B9",
        codes: ["90834"],
        any: false,
        start: "2026-01-01",
        end: "2026-12-31",
        allowed: 5,
        used: 0,
        scheduled: 0,
        remaining: null,
        status: "Invalid",
        lastSession: null,
      }),
      {
        trackingRow: 4,
        clientId: "C2",
        clientName: "Bo Diaz",
        insurance: null,
        authorization: null,
        trackBy: "Sessions",
        codes: [],
        any: true,
        start: "2026-01-01",
        end: "2026-06-30",
        allowed: 6,
        used: 1,
        scheduled: 0,
        remaining: 5,
        status: "Expiring soon",
        lastSession: "2026-03-05",
      },
    ]);
    // The unreadable Track By is a blank (null) field, never the raw text.
    expect(doc.lines[1].trackBy).toBeNull();
  });

  test("sessions: null trackingRow, remaining and priorAuth for a session that draws from no line", async () => {
    const doc = await jsonOf(["--as-of", "2026-06-30"]);
    expect(doc.sessions).toEqual([
      { row: 2, trackingRow: 2, remaining: 11, priorAuth: "A123" },
      { row: 3, trackingRow: null, remaining: null, priorAuth: null },
      { row: 4, trackingRow: 2, remaining: 10, priorAuth: "A123" },
      { row: 5, trackingRow: 4, remaining: 5, priorAuth: null },
    ]);
  });

  test("problems name sheet, 1-based row and column", async () => {
    const doc = await jsonOf(["--as-of", "2026-06-30"]);
    expect(doc.problems).toContainEqual(
      expect.objectContaining({
        sheet: "Tracking",
        row: 3,
        column: "Track By",
        message: expect.stringContaining("Weekly"),
      }),
    );
    for (const p of doc.problems) {
      expect(typeof p.message).toBe("string");
      expect(p.message.length).toBeGreaterThan(0);
    }
  });

  test("--as-of moves a booked session from Scheduled to Used", async () => {
    const doc = await jsonOf(["--as-of", "2026-07-01"]);
    expect(doc.asOf).toBe("2026-07-01");
    expect(doc.lines[0]).toMatchObject({ used: 2, scheduled: 0, remaining: 10, lastSession: "2026-07-01" });
  });

  test("without --as-of the count is as of io.now's local calendar date", async () => {
    const doc = await jsonOf([]);
    expect(doc.asOf).toBe("2026-11-29");
    expect(doc.lines[2].status).toBe("Expired");
  });
});

describe("SPEC §6 exit 1 with one clear line on stderr", () => {
  async function workbookWith(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  const cases: [string, string, () => Promise<Buffer | "dir" | null>][] = [
    ["a missing file", "missing.xlsx", async () => null],
    [
      "a text file renamed .xlsx",
      "notes.xlsx",
      async () => Buffer.from("Ann Lee, 90837, 3/5/2026\nBo Diaz, 90834, 3/6/2026\n"),
    ],
    [
      "a corrupt zip (a real .xlsx cut in half)",
      "cut.xlsx",
      async () => practice.subarray(0, Math.floor(practice.length / 2)),
    ],
    [
      "a password-protected file",
      "locked.xlsx",
      async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]),
    ],
    [
      "a workbook without a Sessions sheet",
      "nosessions.xlsx",
      () =>
        workbookWith((wb) =>
          wb.addWorksheet("Visits").addRows([
            ["Date", "Client", "Billing Code"],
            [46086, "C1", "90837"],
          ]),
        ),
    ],
    [
      "a Sessions sheet without a header row",
      "noheader.xlsx",
      () =>
        workbookWith((wb) =>
          wb.addWorksheet("Sessions").addRows([
            ["When", "Who", "What"],
            [46086, "C1", "90837"],
          ]),
        ),
    ],
    ["an .xlsm file", "macros.xlsm", async () => practice],
    ["a folder", "folder.xlsx", async () => "dir"],
  ];

  const messages = new Map<string, string>();

  test.each(cases)("%s", async (name, file, make) => {
    const content = await make();
    if (content === "dir") fs.mkdirSync(path.join(dir, file));
    else if (content !== null) fs.writeFileSync(path.join(dir, file), content);
    const before = files(dir);
    const r = await run(dir, [file, "--as-of", "2026-06-30", "--json", "out.json"]);
    expect(r.code).toBe(1);
    const line = expectOneLine(r.stderr);
    expect(r.stdout).toBe("");
    expect(files(dir)).toEqual(before);
    if (content !== null && content !== "dir") {
      expect(fs.readFileSync(path.join(dir, file)).equals(content)).toBe(true);
    }
    messages.set(name, line);
  });

  test("each of those failures says something different", () => {
    expect(messages.size).toBe(cases.length);
    expect(new Set(messages.values()).size).toBe(cases.length);
  });
});

describe("never lose what the file library cannot keep", () => {
  /** The practice with extra zip parts, as Excel would store a chart or macros. */
  async function withParts(parts: Record<string, string>): Promise<Buffer> {
    const JSZip = require("jszip") as typeof import("jszip");
    const zip = await JSZip.loadAsync(practice);
    for (const [name, content] of Object.entries(parts)) zip.file(name, content);
    return zip.generateAsync({ type: "nodebuffer" });
  }

  test.each([
    ["charts", { "xl/charts/chart1.xml": "<chartSpace/>" }],
    ["pivot tables", { "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>" }],
    ["macros", { "xl/vbaProject.bin": "binary" }],
    ["charts and pivot tables", { "xl/charts/chart1.xml": "<c/>", "xl/pivotTables/pivotTable1.xml": "<p/>" }],
  ])("a workbook with %s is refused in one line, and nothing is written", async (what, parts) => {
    fs.writeFileSync(path.join(dir, "in.xlsx"), await withParts(parts));
    const r = await run(dir, ["in.xlsx", "--as-of", "2026-06-30"]);
    expect(r.code).toBe(1);
    expect(expectOneLine(r.stderr)).toContain(`has ${what}, which refreshing the file here would lose`);
    expect(files(dir)).toEqual(["in.xlsx"]);
  });
});

describe("the terminal report table", () => {
  test("an invalid line's Used and Sched are blank, as on the report sheet; a valid line's 0 is shown", () => {
    const c = count({
      Tracking: [
        TRACKING_HEADER,
        ["C1", "Sessions", "2026-01-01", "2026-12-31", "90837", 10, "OK-1"],
        ["C2", "Sessions", "2026-12-31", "2026-01-01", "90837", 10, "BACKWARDS"],
      ],
      Sessions: [SESSIONS_HEADER],
    });
    const rows = reportTable(c.result).split("\n");
    const cells = (auth: string): string[] => rows.find((r) => r.includes(auth))!.split(/\s{2,}/);
    // Client, Auth #, Codes, Start, End, Allowed, Used, Sched, Remaining, Status
    expect(cells("OK-1").slice(5)).toEqual(["10", "0", "0", "10", "Active"]);
    expect(cells("BACKWARDS").slice(5)).toEqual(["10", "Invalid"]);
  });
});
