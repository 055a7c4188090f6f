/**
 * SPEC §3 "a cell the add-in cannot read never stops the run": a corpus of broken workbooks, built with ExcelJS,
 * each refreshed through the command line. Each exits 0, and each bad row is reported with its sheet, row and column.
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/main";

const NOW = (): Date => new Date(2026, 10, 29, 9, 0);
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const err = (code: "#N/A" | "#REF!" | "#DIV/0!"): ExcelJS.CellErrorValue => ({ error: code }) as ExcelJS.CellErrorValue;
const rich = (...parts: string[]): ExcelJS.CellRichTextValue => ({ richText: parts.map((text) => ({ text })) });

/** A message short enough to read: a 10,000-character cell must be shortened in it. */
const MAX_MESSAGE = 300;

type Rows = (ExcelJS.CellValue | undefined)[][];

interface Sheets {
  Clients?: Rows;
  Tracking?: Rows;
  Sessions?: Rows;
  Settings?: Rows;
}

interface Problem {
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

interface Doc {
  asOf: string;
  lines: { trackingRow: number; status: string; allowed: number | null; remaining: number | null; used: number }[];
  sessions: { row: number; trackingRow: number | null; remaining: number | null; priorAuth: string | null }[];
  problems: Problem[];
}

const CLIENTS: Rows = [
  ["Client ID", "Client Name", "Primary Insurance", "Member ID"],
  ["C1", "Ann Lee", "Aetna", "M-1"],
  ["C2", "Bo Diaz", "BCBS", "M-2"],
];
const TRACKING_HEADER = ["Client", "Track By", "Start Date", "End Date", "Billing Code", "Allowed", "Authorization #"];
const SESSIONS_HEADER = ["Date", "Client", "Billing Code", "Units", "Status", "Prior Auth #", "Remaining"];
/** Tracking row 2: 50 sessions of 90837; row 3: 100 units of 97153. */
const LINE_90837 = ["C1", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 50, "A1"];
const LINE_97153 = ["C1", "Units", utc(2026, 1, 1), utc(2026, 12, 31), "97153", 100, "U1"];
const MAR5 = utc(2026, 3, 5);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bad-input-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function fillSheet(ws: ExcelJS.Worksheet, rows: Rows): void {
  rows.forEach((cells, i) => {
    const row = ws.getRow(i + 1);
    cells.forEach((v, j) => {
      if (v !== undefined) row.getCell(j + 1).value = v;
    });
  });
}

/** Writes the workbook, refreshes it through runCli with --json, and reads back the JSON and the refreshed workbook. */
async function refresh(sheets: Sheets, decorate?: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets) as [string, Rows | undefined][]) {
    if (rows) fillSheet(wb.addWorksheet(name), rows);
  }
  decorate?.(wb);
  const file = path.join(dir, "bad.xlsx");
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  let stdout = "";
  let stderr = "";
  const code = await runCli(["bad.xlsx", "--as-of", "2026-06-30", "--json", "bad.json"], {
    cwd: dir,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    now: NOW,
  });
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  expect(stdout).not.toContain("    at ");
  const doc = JSON.parse(fs.readFileSync(path.join(dir, "bad.json"), "utf8")) as Doc;
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(fs.readFileSync(path.join(dir, "bad-refreshed.xlsx")) as unknown as ArrayBuffer);
  expect(out.getWorksheet("Authorized Insurance Sessions")).toBeDefined();
  for (const p of doc.problems) {
    expect(p.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(p.message).not.toContain("\n");
  }
  return { doc, out, stdout };
}

/** Each bad cell is a problem on its sheet, row and column. */
function expectReported(doc: Doc, bad: [sheet: string, row: number, column: string | null][]): void {
  for (const [sheet, row, column] of bad) {
    const found = doc.problems.filter((p) => p.sheet === sheet && p.row === row && p.column === column);
    if (found.length === 0) {
      throw new Error(
        `no problem reported for ${sheet} row ${row}, column ${column}; problems were:\n${doc.problems
          .map((p) => `  ${p.sheet} ${p.row} ${p.column}: ${p.message.slice(0, 120)}`)
          .join("\n")}`,
      );
    }
  }
}

/** The session rows that draw from no line: left out of counting. */
function leftOut(doc: Doc, rows: number[]): void {
  for (const row of rows) {
    const s = doc.sessions.find((x) => x.row === row);
    expect(s).toEqual({ row, trackingRow: null, remaining: null, priorAuth: null });
  }
}

function line(doc: Doc, trackingRow: number) {
  const l = doc.lines.find((x) => x.trackingRow === trackingRow);
  if (!l) throw new Error(`no line on tracking row ${trackingRow}`);
  return l;
}

function session(doc: Doc, row: number) {
  const s = doc.sessions.find((x) => x.row === row);
  if (!s) throw new Error(`no session on row ${row}`);
  return s;
}

test("error values (#N/A, #REF!, #DIV/0!) in every column are reported, and their rows left out", async () => {
  const { doc } = await refresh({
    Clients: [...CLIENTS, ["C3", err("#N/A"), err("#REF!"), null]],
    Tracking: [
      TRACKING_HEADER,
      LINE_90837,
      [err("#N/A"), "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 5, "X3"],
      ["C2", err("#REF!"), utc(2026, 1, 1), utc(2026, 12, 31), "90837", 5, "X4"],
      ["C2", "Sessions", err("#DIV/0!"), utc(2026, 12, 31), "90837", 5, "X5"],
      ["C2", "Sessions", utc(2026, 1, 1), err("#N/A"), "90837", 5, "X6"],
      ["C2", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), err("#REF!"), 5, "X7"],
      ["C2", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90837", err("#DIV/0!"), "X8"],
      ["C2", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 5, err("#N/A")],
    ],
    Sessions: [
      SESSIONS_HEADER,
      [err("#N/A"), "C1", "90837", null, null, null],
      [MAR5, err("#REF!"), "90837", null, null, null],
      [MAR5, "C1", err("#N/A"), null, null, null],
      [MAR5, "C1", "90837", err("#DIV/0!"), null, null],
      [MAR5, "C1", "90837", null, err("#N/A"), null],
      [MAR5, "C1", "90837", null, null, err("#REF!")],
      [MAR5, "C1", "90837", null, null, null],
    ],
  });
  expectReported(doc, [
    ["Clients", 4, "Client Name"],
    ["Clients", 4, "Primary Insurance"],
    ["Tracking", 3, "Client"],
    ["Tracking", 4, "Track By"],
    ["Tracking", 5, "Start Date"],
    ["Tracking", 6, "End Date"],
    ["Tracking", 7, "Billing Code"],
    ["Tracking", 8, "Allowed"],
    ["Tracking", 9, "Authorization #"],
    ["Sessions", 2, "Date"],
    ["Sessions", 3, "Client"],
    ["Sessions", 4, "Billing Code"],
    ["Sessions", 5, "Units"],
    ["Sessions", 6, "Status"],
    ["Sessions", 7, "Prior Auth #"],
  ]);
  for (const row of [3, 4, 5, 6, 7, 8, 9]) expect(line(doc, row).status).toBe("Invalid");
  leftOut(doc, [2, 3, 4, 5, 6, 7]);
  expect(session(doc, 8)).toEqual({ row: 8, trackingRow: 2, remaining: 49, priorAuth: "A1" });
  for (const p of doc.problems) expect(p.message).toMatch(/#N\/A|#REF!|#DIV\/0!/);
});

test("booleans and rich text where numbers and dates are due: unreadable ones reported, readable rich text used", async () => {
  const { doc } = await refresh({
    Clients: CLIENTS,
    Tracking: [
      TRACKING_HEADER,
      LINE_90837,
      LINE_97153,
      ["C2", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90834", true, "B4"],
      ["C2", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90834", rich("ten"), "B5"],
      ["C2", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90834", rich("1", "2"), "B6"],
    ],
    Sessions: [
      SESSIONS_HEADER,
      [MAR5, "C1", "97153", true, null, null],
      [MAR5, "C1", "97153", false, null, null],
      [MAR5, "C1", "97153", rich("two"), null, null],
      [MAR5, "C1", "97153", rich(" 3", ".5 "), null, null],
      [true, "C1", "90837", null, null, null],
      [rich("Mar 5, ", "2026"), "C1", "90837", null, null, null],
      [MAR5, "C2", "90834", null, null, null],
    ],
  });
  expectReported(doc, [
    ["Tracking", 4, "Allowed"],
    ["Tracking", 5, "Allowed"],
    ["Sessions", 2, "Units"],
    ["Sessions", 3, "Units"],
    ["Sessions", 4, "Units"],
    ["Sessions", 6, "Date"],
  ]);
  expect(line(doc, 4).status).toBe("Invalid");
  expect(line(doc, 5).status).toBe("Invalid");
  expect(line(doc, 6)).toMatchObject({ allowed: 12, used: 1, remaining: 11 });
  leftOut(doc, [2, 3, 4, 6]);
  expect(session(doc, 5)).toMatchObject({ trackingRow: 3, remaining: 96.5 });
  expect(session(doc, 7)).toMatchObject({ trackingRow: 2, remaining: 49 });
  expect(session(doc, 8)).toMatchObject({ trackingRow: 6, remaining: 11 });
});

test("impossible dates, typed or as serials, are reported with their column", async () => {
  const { doc } = await refresh({
    Clients: CLIENTS,
    Tracking: [
      TRACKING_HEADER,
      LINE_90837,
      ["C2", "Sessions", "2026-13-01", utc(2026, 12, 31), "90834", 5, "B3"],
      ["C2", "Sessions", utc(2026, 1, 1), "31/31/2026", "90834", 5, "B4"],
      ["C2", "Sessions", utc(2026, 1, 1), 60, "90834", 5, "B5"],
    ],
    Sessions: [
      SESSIONS_HEADER,
      ["2/30/2026", "C1", "90837"],
      ["13/45/2025", "C1", "90837"],
      ["2026-02-29", "C1", "90837"],
      ["Feb 30, 2026", "C1", "90837"],
      [60, "C1", "90837"],
      [-5, "C1", "90837"],
      [3_000_000, "C1", "90837"],
      ["4/31/2026 10:00", "C1", "90837"],
      ["00/00/0000", "C1", "90837"],
      ["2/28/2026", "C1", "90837"],
    ],
  });
  expectReported(doc, [
    ["Tracking", 3, "Start Date"],
    ["Tracking", 4, "End Date"],
    ["Tracking", 5, "End Date"],
    ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((row): [string, number, string] => ["Sessions", row, "Date"]),
  ]);
  for (const row of [3, 4, 5]) expect(line(doc, row).status).toBe("Invalid");
  leftOut(doc, [2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(session(doc, 11)).toMatchObject({ trackingRow: 2, remaining: 49 });
});

test("blank rows (empty, spaces only, or only a stale Remaining) are skipped without a word", async () => {
  const { doc, out } = await refresh(
    {
      Clients: [...CLIENTS, [], ["  ", null, "   "], ["C3", "Cy Park", null, null]],
      Tracking: [TRACKING_HEADER, LINE_90837, [], ["", "  ", null, "", "", null, " "], LINE_97153],
      Sessions: [
        SESSIONS_HEADER,
        [MAR5, "C1", "90837"],
        [],
        ["  ", "", null, " ", "", ""],
        [null, null, null, null, null, null, 7],
        [utc(2026, 3, 6), "C1", "90837"],
        [],
        [null, null, null, null, null, null, 3],
      ],
    },
    (wb) => {
      const ws = wb.getWorksheet("Sessions")!;
      for (const r of [5, 8])
        ws.getCell(r, 7).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    },
  );
  expect(doc.problems).toEqual([]);
  expect(doc.lines.map((l) => l.trackingRow)).toEqual([2, 5]);
  expect(doc.sessions.map((s) => s.row)).toEqual([2, 6]);
  expect(session(doc, 2)).toMatchObject({ trackingRow: 2, remaining: 49 });
  expect(session(doc, 6)).toMatchObject({ trackingRow: 2, remaining: 48 });
  const ws = out.getWorksheet("Sessions")!;
  expect(ws.getCell(2, 7).value).toBe(49);
  expect(ws.getCell(6, 7).value).toBe(48);
  for (const r of [3, 4, 5, 7, 8]) {
    expect(ws.getCell(r, 7).value).toBeNull();
    expect((ws.getCell(r, 7).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe("FFFFFF00");
  }
});

test("10,000-character cells (dates, numbers, codes, status, Remaining, a pinning Prior Auth #, all of Clients): messages stay short, the run goes on", async () => {
  const LONG = "Lorem ipsum dolor sit amet, ".repeat(400).slice(0, 10_000);
  expect(LONG).toHaveLength(10_000);
  const { doc, out, stdout } = await refresh({
    Clients: [...CLIENTS, [LONG, LONG, LONG, LONG]],
    Tracking: [
      TRACKING_HEADER,
      LINE_90837,
      ["C2", "Sessions", LONG, utc(2026, 12, 31), "90834", 5, "B3"],
      ["C2", "Sessions", utc(2026, 1, 1), LONG, "90834", 5, "B4"],
      ["C2", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90834", LONG, "B5"],
      ["C2", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90834", 5, LONG],
      ["C2", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), LONG, 5, "B7"],
    ],
    Sessions: [
      SESSIONS_HEADER,
      [LONG, "C1", "90837"],
      [MAR5, "C1", LONG],
      [MAR5, "C1", "90837", LONG],
      [MAR5, "C1", "90837", null, LONG],
      [MAR5, "C1", "90837", null, null, null, LONG],
      [MAR5, "C2", "90834", null, null, LONG],
      [MAR5, LONG, "90837"],
    ],
  });
  expectReported(doc, [
    ["Tracking", 3, "Start Date"],
    ["Tracking", 4, "End Date"],
    ["Tracking", 5, "Allowed"],
    ["Sessions", 2, "Date"],
    ["Sessions", 4, "Units"],
  ]);
  leftOut(doc, [2, 4]);
  // A status the practice did not list as Not counted still counts; the add-in's own Remaining is rewritten.
  expect(session(doc, 5)).toMatchObject({ trackingRow: 2, remaining: 49 });
  expect(session(doc, 6)).toMatchObject({ trackingRow: 2, remaining: 48 });
  expect(out.getWorksheet("Sessions")!.getCell(6, 7).value).toBe(48);
  // A Prior Auth # equal to a line's (long) Authorization # pins the session to it.
  expect(session(doc, 7)).toMatchObject({ trackingRow: 6, remaining: 4, priorAuth: LONG });
  // The long client is the one on Clients row 4, found by its ID.
  expect(session(doc, 8)).toMatchObject({ trackingRow: null });
  for (const l of stdout.split("\n")) expect(l.length).toBeLessThanOrEqual(MAX_MESSAGE + 10);
});

test("negative units and a negative Allowed are reported, and their rows left out", async () => {
  const { doc } = await refresh({
    Clients: CLIENTS,
    Tracking: [
      TRACKING_HEADER,
      LINE_90837,
      LINE_97153,
      ["C2", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90834", -5, "B4"],
    ],
    Sessions: [
      SESSIONS_HEADER,
      [MAR5, "C1", "97153", -2],
      [MAR5, "C1", "97153", " -0.5 "],
      [MAR5, "C1", "90837", -1],
      [MAR5, "C1", "97153", 2.25],
      [MAR5, "C1", "97153", 0],
    ],
  });
  expectReported(doc, [
    ["Tracking", 4, "Allowed"],
    ["Sessions", 2, "Units"],
    ["Sessions", 3, "Units"],
    ["Sessions", 4, "Units"],
  ]);
  expect(line(doc, 4).status).toBe("Invalid");
  leftOut(doc, [2, 3, 4]);
  expect(session(doc, 5)).toMatchObject({ trackingRow: 3, remaining: 97.75 });
  expect(session(doc, 6)).toMatchObject({ trackingRow: 3, remaining: 97.75 });
  expect(line(doc, 3)).toMatchObject({ used: 2.25, remaining: 97.75 });
});

test("duplicate clients (the same ID twice, 1001 and 01001, a shared name) are reported, and what uses them left out", async () => {
  const { doc } = await refresh({
    Clients: [
      ["Client ID", "Client Name", "Primary Insurance"],
      ["C1", "Ann Lee", "Aetna"],
      ["C1", "Ann Leigh", "Aetna"],
      [1001, "Cy Park", "BCBS"],
      ["01001", "Dee Park", "BCBS"],
      ["C5", "Eve Moss", "Cigna"],
      ["C6", "eve  moss", "Cigna"],
    ],
    Tracking: [
      TRACKING_HEADER,
      ["C1", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 10, "A2"],
      [1001, "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 10, "A3"],
      ["C5", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 10, "A4"],
      ["Eve Moss", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90834", 10, "A5"],
    ],
    Sessions: [
      SESSIONS_HEADER,
      [MAR5, "C1", "90837"],
      [MAR5, "1001", "90837"],
      [MAR5, "C5", "90837"],
      [MAR5, "EVE MOSS", "90834"],
    ],
  });
  for (const row of [2, 3, 4, 5]) {
    const p = doc.problems.filter((x) => x.sheet === "Clients" && x.row === row);
    expect(p.length).toBeGreaterThan(0);
    for (const x of p) expect([null, "Client ID"]).toContain(x.column);
  }
  expectReported(doc, [
    ["Tracking", 2, "Client"],
    ["Tracking", 3, "Client"],
    ["Tracking", 5, "Client"],
    ["Sessions", 2, "Client"],
    ["Sessions", 3, "Client"],
    ["Sessions", 5, "Client"],
  ]);
  for (const row of [2, 3, 5]) expect(line(doc, row).status).toBe("Invalid");
  expect(line(doc, 4)).toMatchObject({ status: "Active", used: 1, remaining: 9 });
  leftOut(doc, [2, 3, 5]);
  expect(session(doc, 4)).toMatchObject({ trackingRow: 4, remaining: 9 });
});

test("formula cells are read by their cached result, and a formula with no usable result is reported", async () => {
  const { doc, out } = await refresh({
    Clients: CLIENTS,
    Tracking: [
      TRACKING_HEADER,
      LINE_90837,
      ["C1", "Units", utc(2026, 1, 1), utc(2026, 12, 31), "97153", { formula: "50*2", result: 100 }, "U1"],
    ],
    Sessions: [
      SESSIONS_HEADER,
      [
        { formula: "DATE(2026,3,5)", result: MAR5 },
        { formula: '"C1"', result: "C1" },
        "97153",
        { formula: "2*2", result: 4 },
      ],
      [MAR5, "C1", "97153", { formula: "1/0", result: err("#DIV/0!") }],
      [{ formula: "A2+1", result: 46087 }, "C1", "90837"],
      [{ formula: "TODAY()" } as ExcelJS.CellFormulaValue, "C1", "90837"],
    ],
  });
  expectReported(doc, [
    ["Sessions", 3, "Units"],
    ["Sessions", 5, "Date"],
  ]);
  leftOut(doc, [3, 5]);
  expect(line(doc, 3)).toMatchObject({ allowed: 100, used: 4, remaining: 96 });
  expect(session(doc, 2)).toMatchObject({ trackingRow: 3, remaining: 96 });
  expect(session(doc, 4)).toMatchObject({ trackingRow: 2, remaining: 49 });
  // The formulas themselves survive the refresh.
  const ws = out.getWorksheet("Sessions")!;
  expect(ws.getCell("A2").formula).toBe("DATE(2026,3,5)");
  expect(ws.getCell("D2").formula).toBe("2*2");
  expect(ws.getCell("D3").formula).toBe("1/0");
  expect(out.getWorksheet("Tracking")!.getCell("F3").formula).toBe("50*2");
});

describe("dates typed as text", () => {
  const GOOD_MDY = [
    "3/5/2026",
    "03/05/2026",
    "03-05-26",
    "3.5.2026",
    " 3/5/2026 ",
    "2026-03-05",
    "2026-3-5",
    "Mar 5, 2026",
    "Mar. 5, 2026",
    "March 5, 2026",
    "March 5th, 2026",
    "5 March 2026",
    "5 Mar 2026",
    "Thu, Mar 5, 2026",
    "3/5/2026 10:30 AM",
    "2026-03-05T10:30:00",
    "2026-03-05 23:59:59",
  ];
  const BAD = ["March 2026", "3/5", "next Tuesday", "3/5/2026/1", "5th of March", "2026.03.05.1"];

  test("every form SPEC §3 lists reads as the same day (M/D/Y); other text is reported", async () => {
    const { doc } = await refresh({
      Clients: CLIENTS,
      // A one-day line, its dates typed as text too: any misread date would fall outside it.
      Tracking: [TRACKING_HEADER, ["C1", "Sessions", "2026-03-05", "3/5/2026", "90837", 50, "A1"]],
      Sessions: [SESSIONS_HEADER, ...[...GOOD_MDY, ...BAD].map((d) => [d, "C1", "90837"])],
    });
    GOOD_MDY.forEach((text, i) => {
      const row = i + 2;
      expect({ text, ...session(doc, row) }).toMatchObject({ text, trackingRow: 2, remaining: 50 - (i + 1) });
      expect(doc.problems.filter((p) => p.sheet === "Sessions" && p.row === row)).toEqual([]);
    });
    const badRows = BAD.map((_, i) => GOOD_MDY.length + 2 + i);
    expectReported(
      doc,
      badRows.map((row): [string, number, string] => ["Sessions", row, "Date"]),
    );
    leftOut(doc, badRows);
    expect(line(doc, 2)).toMatchObject({ used: GOOD_MDY.length, remaining: 50 - GOOD_MDY.length });
  });

  test("with Date order D/M/Y, numeric text reads day first", async () => {
    const { doc } = await refresh({
      Settings: [
        ["Setting", "Value"],
        ["Date order", "D/M/Y"],
      ],
      Clients: CLIENTS,
      Tracking: [TRACKING_HEADER, ["C1", "Sessions", "5/3/2026", "2026-03-05", "90837", 50, "A1"]],
      Sessions: [
        SESSIONS_HEADER,
        ["5/3/2026", "C1", "90837"],
        ["05-03-26", "C1", "90837"],
        ["5.3.2026", "C1", "90837"],
        ["3/15/2026", "C1", "90837"],
      ],
    });
    expect(doc.problems.filter((p) => p.row !== 5)).toEqual([]);
    for (const row of [2, 3, 4]) expect(session(doc, row).trackingRow).toBe(2);
    expectReported(doc, [["Sessions", 5, "Date"]]);
  });
});

test("unreadable settings are reported on the Settings sheet and the defaults used", async () => {
  const { doc } = await refresh({
    Settings: [
      ["Setting", "Value"],
      ["Low remaining at", "lots"],
      ["Expiring within days", err("#N/A")],
      ["Date order", "Y/M/D"],
      ["Colour of the report", "blue"],
    ],
    Clients: CLIENTS,
    Tracking: [TRACKING_HEADER, LINE_90837],
    Sessions: [SESSIONS_HEADER, [MAR5, "C1", "90837"], ["3/6/2026", "C1", "90837"]],
  });
  for (const row of [2, 3, 4, 5]) {
    expect(doc.problems.some((p) => p.sheet === "Settings" && p.row === row)).toBe(true);
  }
  // Defaults: M/D/Y reads 3/6/2026 as March 6.
  expect(session(doc, 3)).toMatchObject({ trackingRow: 2, remaining: 48 });
});

test("a 10,000-character client, Track By, Billing Code, Prior Auth # or Authorization # is shortened in messages", async () => {
  const LONG = "Lorem ipsum dolor sit amet,\n ".repeat(400).slice(0, 10_000);
  const { doc } = await refresh({
    Clients: CLIENTS,
    Tracking: [
      TRACKING_HEADER,
      ["C1", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 0, LONG],
      [LONG, "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 5, "B3"],
      ["C2", LONG, utc(2026, 1, 1), utc(2026, 12, 31), "90837", 5, "B4"],
      ["C2", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "x-".repeat(5000), 5, "B5"],
    ],
    Sessions: [
      SESSIONS_HEADER,
      [MAR5, "C1", "90837"],
      [MAR5, "C1", "90837", null, null, `${LONG}!`],
      [MAR5, `${LONG}?`, "90837"],
    ],
  });
  expectReported(doc, [
    ["Tracking", 3, "Client"],
    ["Tracking", 4, "Track By"],
    ["Tracking", 5, "Billing Code"],
    ["Sessions", 3, "Prior Auth #"],
    ["Sessions", 4, "Client"],
  ]);
  expect(
    doc.problems.some((p) => p.row === 2 && p.sheet === "Sessions" && p.message.includes("over authorization")),
  ).toBe(true);
});
