/**
 * Real .xlsx files through the command line and back through ExcelJS: what a refresh changes (SPEC §4: only
 * Remaining and blank Prior Auth # cells), what it writes (SPEC §5 report), and what it must leave alone (SPEC §6).
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/main";

const NOW = (): Date => new Date(2026, 10, 29, 9, 0);
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const REPORT = "Authorized Insurance Sessions";
const YELLOW = "FFFFFF00";
const REPORT_COLUMNS = [
  "Client ID",
  "Client Name",
  "Insurance",
  "Authorization #",
  "Track By",
  "Billing Code",
  "Start Date",
  "End Date",
  "Allowed",
  "Used",
  "Scheduled",
  "Remaining",
  "Status",
  "Last Session",
  "Note",
];
const HYPERLINK_TEXT = '=HYPERLINK("http://x","y")';

interface Doc {
  asOf: string;
  lines: {
    trackingRow: number;
    clientId: string | null;
    status: string;
    used: number;
    scheduled: number;
    remaining: number | null;
    allowed: number | null;
    lastSession: string | null;
    any: boolean;
    codes: string[];
  }[];
  sessions: { row: number; trackingRow: number | null; remaining: number | null; priorAuth: string | null }[];
  problems: { sheet: string; row: number | null; column: string | null; message: string }[];
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "roundtrip-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    cwd: dir,
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

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function open(name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(path.join(dir, name)) as unknown as ArrayBuffer);
  return wb;
}

/** Refreshes IN to OUT as of 2026-06-30 and returns the JSON document. */
async function refresh(input: string, output: string, asOf = "2026-06-30"): Promise<Doc> {
  const r = await run([input, "--out", output, "--as-of", asOf, "--json", `${output}.json`]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
  return JSON.parse(fs.readFileSync(path.join(dir, `${output}.json`), "utf8")) as Doc;
}

// ---- cell snapshots -------------------------------------------------------------------------------------------

/** JSON with keys sorted, so equal objects read back by ExcelJS compare equal whatever their key order. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x) && !(x instanceof Date)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

interface CellView {
  row: number;
  col: number;
  value: ExcelJS.CellValue;
  text: string;
}

/** Every cell of a sheet that has a value or a style, by address, as value + style. */
function cellsOf(ws: ExcelJS.Worksheet): Map<string, CellView> {
  const out = new Map<string, CellView>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const style = stable(cell.style ?? {});
      if ((cell.value === null || cell.value === undefined) && style === "{}") return;
      out.set(cell.address, {
        row: Number(cell.row),
        col: Number(cell.col),
        value: cell.value,
        text: stable({ value: cell.value ?? null, style: cell.style ?? {} }),
      });
    });
  });
  return out;
}

/** Addresses whose value or style differ between two sheets. */
function changedCells(
  before: ExcelJS.Worksheet,
  after: ExcelJS.Worksheet,
): { address: string; before?: CellView; after?: CellView }[] {
  const a = cellsOf(before);
  const b = cellsOf(after);
  const changed: { address: string; before?: CellView; after?: CellView }[] = [];
  for (const address of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(address)?.text !== b.get(address)?.text)
      changed.push({ address, before: a.get(address), after: b.get(address) });
  }
  return changed;
}

function isYellow(cell: ExcelJS.Cell): boolean {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb?.toUpperCase() === YELLOW;
}

/** What a test reads of a cell, as plain data. */
interface CellFacts {
  address: string;
  value: ExcelJS.CellValue;
  type: ExcelJS.ValueType;
  formula: string | undefined;
  numFmt: string | undefined;
  yellow: boolean;
}

function facts(cell: ExcelJS.Cell): CellFacts {
  return {
    address: cell.address,
    value: cell.value,
    type: cell.type,
    formula: cell.formula,
    numFmt: cell.numFmt,
    yellow: isYellow(cell),
  };
}

const isBlankValue = (v: ExcelJS.CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** 1-based column of a header in a sheet's header row. */
function columnOf(ws: ExcelJS.Worksheet, headerRow: number, header: string): number {
  const c = (ws.getRow(headerRow).values as ExcelJS.CellValue[]).indexOf(header);
  if (c > 0) return c;
  throw new Error(`no "${header}" header on row ${headerRow} of ${ws.name}`);
}

/** The report's header row: the row whose first cell is "Client ID". */
function reportHeaderRow(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= 10; r++) if (ws.getCell(r, 1).value === "Client ID") return r;
  throw new Error("the report has no header row");
}

// ---- the practice ---------------------------------------------------------------------------------------------

/**
 * Tracking rows: 2 Carl (CIG-1), 3 Ann range + code (AET-2), 4 Ann 90837 Q1 (AET-1, goes over), 5 bob Units,
 * 6 the HYPERLINK-named client's Any line (authorization "=2+3", text), 7 an unknown client, 8 Ann with an
 * unreadable Start Date, 9 no client, 10 Ann Track By "Weekly".
 */
function tracking(ws: ExcelJS.Worksheet): void {
  ws.addRows([
    ["Client", "Track By", "Start Date", "End Date", "Billing Code", "Allowed", "Authorization #"],
    ["C1003", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 10, "CIG-1"],
    ["C1001", "Sessions", utc(2026, 4, 1), utc(2026, 12, 31), "90832-90838, 90846", 5, "AET-2"],
    ["C1001", "Sessions", utc(2026, 1, 1), utc(2026, 3, 31), "90837", 2, "AET-1"],
    [1002, "Units", utc(2026, 1, 1), utc(2026, 12, 31), "97153", 20, "BCB-1"],
    ["C1004", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "Any", 6, "=2+3"],
    ["Zed Unknown", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 3, "Z-1"],
    ["C1001", "Sessions", "not a date", utc(2026, 12, 31), "90834", 4, "AET-3"],
    [null, "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 4, "X-9"],
    ["C1001", "Weekly", utc(2026, 2, 1), utc(2026, 12, 31), "90837", 4, "AET-W"],
  ]);
  ws.getRow(1).font = { bold: true };
  ws.getColumn(3).numFmt = "mm/dd/yyyy";
  ws.getColumn(4).numFmt = "mm/dd/yyyy";
}

/** Sessions rows 2–17; row 14 is blank. `withAddinColumns` adds Prior Auth # (with a pin and a typo) and a stale Remaining. */
function sessions(ws: ExcelJS.Worksheet, withAddinColumns: boolean): void {
  const rows: ExcelJS.CellValue[][] = [
    [utc(2026, 1, 10), "C1001", "90837", null, "Completed", null, "first visit"],
    [utc(2026, 2, 10), "C1001", "90837", null, "Completed", null, null],
    [utc(2026, 3, 10), "C1001", "90837", null, "Completed", null, null],
    [utc(2026, 4, 10), "C1001", "90834", null, "Completed", null, null],
    [utc(2026, 4, 17), "C1001", "90846", null, "Completed", "AET-2", null],
    [utc(2026, 4, 24), "C1001", "90837", null, "No Show", null, null],
    [utc(2026, 5, 1), "C1001", "90785", null, "Completed", null, "add-on"],
    [utc(2026, 3, 1), 1002, "97153", 4, "Completed", null, null],
    [utc(2026, 3, 2), 1002, "97153", 2.5, "Completed", null, null],
    [utc(2026, 3, 5), "C1004", "90834", null, null, null, null],
    [utc(2026, 3, 6), "C1004", "90785", null, null, null, null],
    [utc(2026, 7, 15), "C1003", "90837", null, "Scheduled", null, null],
    [null, null, null, null, null, null, null],
    [utc(2026, 3, 7), "Zed Unknown", "90837", null, null, null, null],
    [utc(2026, 2, 1), "C1003", "90837", null, null, "WRONG-1", null],
    [utc(2025, 12, 1), "C1003", "90837", null, null, null, "before the authorization"],
  ];
  if (withAddinColumns) {
    ws.addRow(["Date", "Client", "Billing Code", "Units", "Status", "Prior Auth #", "Notes", "Remaining"]);
    rows.forEach((r) => ws.addRow([...r, null]));
    // A stale count from an earlier refresh: on rows that now draw nothing, and on the blank row, it must go.
    const stale: [number, number, boolean][] = [
      [2, 99, true],
      [7, 3, true],
      [12, 4, false],
      [14, 5, true],
    ];
    for (const [r, v, yellow] of stale) {
      const cell = ws.getCell(r, 8);
      cell.value = v;
      if (yellow) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: YELLOW } };
    }
  } else {
    ws.addRow(["Date", "Client", "Billing Code", "Units", "Status", "Notes"]);
    rows.forEach((r) => ws.addRow([...r.slice(0, 5), r[6]]));
  }
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDDDDD" } };
  });
  ws.getColumn(1).numFmt = "mm/dd/yyyy";
  ws.getColumn(1).width = 14;
  ws.getCell("G2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFCCE5FF" } };
}

function practice(withAddinColumns: boolean): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const clients = wb.addWorksheet("Clients");
  clients.addRows([
    ["Client ID", "Client Name", "Primary Insurance", "Member ID"],
    ["C1001", "Ann Lee", "Aetna", "M1"],
    [1002, "bob stone", "BCBS", "M2"],
    ["C1003", "Carl Ames", "Cigna", "M3"],
    ["C1004", HYPERLINK_TEXT, "EAP", "M4"],
  ]);
  clients.getColumn(2).width = 30;
  tracking(wb.addWorksheet("Tracking"));
  sessions(wb.addWorksheet("Sessions"), withAddinColumns);
  return wb;
}

/** Another sheet with everything a user might have: formulas, merged cells, a note, a table, validation, widths, formats, a name. */
function addOtherSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Budget");
  ws.getCell("A1").value = "Visits this year";
  ws.getCell("B1").value = 120;
  ws.getCell("B2").value = { formula: "B1*2", result: 240 };
  ws.getCell("B3").value = { formula: "COUNTA(Sessions!A:A)", result: 16 };
  ws.getCell("B4").value = 0.125;
  ws.getCell("B4").numFmt = "0.0%";
  ws.getCell("B5").value = utc(2026, 3, 5);
  ws.getCell("B5").numFmt = "dd mmm yyyy";
  ws.mergeCells("D1:F2");
  ws.getCell("D1").value = "Merged heading";
  ws.getCell("A1").note = "Counted by the front desk";
  ws.getCell("C6").value = "Yes";
  ws.getCell("C6").dataValidation = { type: "list", allowBlank: true, formulae: ['"Yes,No"'] };
  ws.getColumn(1).width = 31.5;
  ws.getColumn(3).width = 7.25;
  ws.addTable({
    name: "Rates",
    ref: "A10",
    headerRow: true,
    columns: [{ name: "Code" }, { name: "Rate" }],
    rows: [
      ["90837", 150],
      ["90834", 110],
    ],
  });
  wb.definedNames.add("Budget!$B$1", "VisitsBudget");
}

// ---- tests ----------------------------------------------------------------------------------------------------

describe("SPEC §4: a refresh changes only Remaining, blank Prior Auth # cells and the report", () => {
  test.each([
    ["with Prior Auth # and a stale Remaining column", true],
    ["without them (both headers appended)", false],
  ])("%s", async (_name, withAddinColumns) => {
    const wb = practice(withAddinColumns);
    addOtherSheet(wb);
    await save(wb, "in.xlsx");
    const doc = await refresh("in.xlsx", "out.xlsx");
    const before = await open("in.xlsx");
    const after = await open("out.xlsx");

    expect(after.worksheets.map((w) => w.name)).toEqual([...before.worksheets.map((w) => w.name), REPORT]);
    // The comparison sees every cell: 5 rows × 4 columns of Clients, 16 session rows below a header.
    expect(cellsOf(before.getWorksheet("Clients")!).size).toBe(20);
    expect(
      changedCells(before.getWorksheet("Sessions")!, after.getWorksheet("Sessions")!).length,
    ).toBeGreaterThanOrEqual(11);
    for (const ws of before.worksheets) {
      const changed = changedCells(ws, after.getWorksheet(ws.name)!);
      if (ws.name !== "Sessions") {
        expect({ sheet: ws.name, changed }).toEqual({ sheet: ws.name, changed: [] });
      }
    }

    const b = before.getWorksheet("Sessions")!;
    const a = after.getWorksheet("Sessions")!;
    const priorAuthCol = columnOf(a, 1, "Prior Auth #");
    const remainingCol = columnOf(a, 1, "Remaining");
    if (withAddinColumns) {
      expect([priorAuthCol, remainingCol]).toEqual([6, 8]);
    } else {
      // Appended after the last header, Prior Auth # first, styled like the header beside it.
      expect([priorAuthCol, remainingCol]).toEqual([7, 8]);
      expect(a.getCell(1, 7).font).toEqual(a.getCell(1, 6).font);
    }
    for (const c of changedCells(b, a)) {
      const { row, col } = (c.after ?? c.before)!;
      const allowed =
        (row > 1 && col === remainingCol) ||
        (row > 1 && col === priorAuthCol && isBlankValue(c.before?.value)) ||
        (row === 1 && !withAddinColumns && (col === priorAuthCol || col === remainingCol) && c.before === undefined);
      expect({ address: c.address, allowed }).toEqual({ address: c.address, allowed: true });
    }

    // What the changed cells now hold.
    const expected: Record<number, [number | null, string | null]> = {
      2: [1, "AET-1"],
      3: [0, "AET-1"],
      4: [-1, "AET-1"],
      5: [4, "AET-2"],
      6: [3, "AET-2"],
      7: [null, null],
      8: [null, null],
      9: [16, "BCB-1"],
      10: [13.5, "BCB-1"],
      11: [5, "=2+3"],
      12: [null, null],
      13: [8, "CIG-1"],
      14: [null, null],
      15: [2, "Z-1"],
      16: [9, withAddinColumns ? "WRONG-1" : "CIG-1"],
      17: [null, null],
    };
    for (const [row, [remaining, priorAuth]] of Object.entries(expected)) {
      const r = Number(row);
      expect({
        row: r,
        remaining: a.getCell(r, remainingCol).value,
        priorAuth: a.getCell(r, priorAuthCol).value,
      }).toEqual({
        row: r,
        remaining,
        priorAuth,
      });
      expect(doc.sessions.find((s) => s.row === r)?.remaining ?? null).toBe(remaining);
    }
    // The Prior Auth # "=2+3" copied from Tracking is text, not a formula.
    expect(a.getCell(11, priorAuthCol).formula).toBeUndefined();
    expect(a.getCell(11, priorAuthCol).type).toBe(ExcelJS.ValueType.String);
  });
});

test("yellow fills sit on exactly the Remaining cells that hold a number, on Sessions and on the report", async () => {
  await save(practice(false), "in.xlsx");
  await refresh("in.xlsx", "out.xlsx");
  const out = await open("out.xlsx");
  const sessionsWs = out.getWorksheet("Sessions")!;
  const report = out.getWorksheet(REPORT)!;
  const headerRow = reportHeaderRow(report);
  const targets: [ExcelJS.Worksheet, number, number][] = [
    [sessionsWs, 1, columnOf(sessionsWs, 1, "Remaining")],
    [report, headerRow, columnOf(report, headerRow, "Remaining")],
  ];
  for (const [ws, hRow, col] of targets) {
    const yellow: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (isYellow(cell)) yellow.push(cell.address);
      }),
    );
    const numbers: string[] = [];
    let blanks = 0;
    for (let r = hRow + 1; r <= ws.rowCount; r++) {
      const f = facts(ws.getCell(r, col));
      if (typeof f.value === "number") numbers.push(f.address);
      else if (f.value === null) blanks += 1;
    }
    expect({ sheet: ws.name, yellow: yellow.sort() }).toEqual({ sheet: ws.name, yellow: numbers.sort() });
    expect(numbers.length).toBeGreaterThan(3);
    expect(blanks).toBeGreaterThan(0);
  }
});

test("refreshing the refreshed workbook changes nothing", async () => {
  const wb = practice(false);
  addOtherSheet(wb);
  await save(wb, "in.xlsx");
  const first = await refresh("in.xlsx", "once.xlsx");
  const second = await refresh("once.xlsx", "twice.xlsx");
  expect(second).toEqual(first);
  const once = await open("once.xlsx");
  const twice = await open("twice.xlsx");
  expect(twice.worksheets.map((w) => w.name)).toEqual(once.worksheets.map((w) => w.name));
  for (const ws of once.worksheets) {
    const other = twice.getWorksheet(ws.name)!;
    expect({ sheet: ws.name, changed: changedCells(ws, other) }).toEqual({ sheet: ws.name, changed: [] });
    expect(stable(other.model.merges)).toBe(stable(ws.model.merges));
    expect(stable(other.columns?.map((c) => c.width) ?? [])).toBe(stable(ws.columns?.map((c) => c.width) ?? []));
  }
  expect(cellsOf(twice.getWorksheet(REPORT)!).size).toBeGreaterThan(100);
  expect(stable(twice.definedNames.model)).toBe(stable(once.definedNames.model));
  const r1 = once.getWorksheet(REPORT)!;
  const r2 = twice.getWorksheet(REPORT)!;
  expect(stable(r2.views)).toBe(stable(r1.views));
  expect(stable(r2.pageSetup)).toBe(stable(r1.pageSetup));
  expect(stable(r2.headerFooter)).toBe(stable(r1.headerFooter));
});

test("a 1904-date-system workbook counts the same as a 1900 one", async () => {
  // The same practice; plain numbers are serials in each workbook's own system (2026-04-01 is 46113 in 1900, 44651 in 1904).
  const build = (date1904: boolean): ExcelJS.Workbook => {
    const wb = new ExcelJS.Workbook();
    if (date1904) wb.properties.date1904 = true;
    const serial = (s1900: number): number => (date1904 ? s1900 - 1462 : s1900);
    wb.addWorksheet("Tracking").addRows([
      ["Client", "Start Date", "End Date", "Billing Code", "Allowed", "Authorization #"],
      ["C1", utc(2026, 1, 1), utc(2026, 3, 31), "90837", 2, "A1"],
      ["C1", serial(46113), "2026-12-31", "90837", 5, "A2"],
    ]);
    wb.addWorksheet("Sessions").addRows([
      ["Date", "Client", "Billing Code"],
      [utc(2026, 3, 31), "C1", "90837"],
      [utc(2026, 4, 1), "C1", "90837"],
      [serial(46115), "C1", "90837"],
      [serial(46115.75), "C1", "90837"],
      [utc(2026, 7, 1), "C1", "90837"],
    ]);
    return wb;
  };
  await save(build(false), "d1900.xlsx");
  await save(build(true), "d1904.xlsx");
  const a = await refresh("d1900.xlsx", "o1900.xlsx");
  const b = await refresh("d1904.xlsx", "o1904.xlsx");
  expect(b).toEqual(a);
  expect(a.lines.map((l) => [l.trackingRow, l.used, l.scheduled, l.remaining, l.lastSession])).toEqual([
    [2, 1, 0, 1, "2026-03-31"],
    [3, 3, 1, 1, "2026-04-03"],
  ]);
  const o1904 = await open("o1904.xlsx");
  expect(o1904.properties.date1904).toBe(true);
  const report = o1904.getWorksheet(REPORT)!;
  const h = reportHeaderRow(report);
  const start = columnOf(report, h, "Start Date");
  const end = columnOf(report, h, "End Date");
  const last = columnOf(report, h, "Last Session");
  expect([
    report.getCell(h + 1, start).value,
    report.getCell(h + 1, end).value,
    report.getCell(h + 1, last).value,
  ]).toEqual([utc(2026, 1, 1), utc(2026, 3, 31), utc(2026, 3, 31)]);
  expect(report.getCell(h + 2, start).value).toEqual(utc(2026, 4, 1));
  expect(o1904.getWorksheet("Sessions")!.getCell("A2").value).toEqual(utc(2026, 3, 31));
});

test("titles above the headers and synonym headers (DOS, Patient, CPT Code, Qty, Auth #…)", async () => {
  const wb = new ExcelJS.Workbook();
  const clients = wb.addWorksheet("Clients");
  clients.addRows([
    ["Client list — confidential"],
    [],
    ["MRN", "Patient Name", "Payer", "Subscriber ID"],
    [7001, "Ann Lee", "Aetna", "S1"],
  ]);
  const t = wb.addWorksheet("Tracking");
  t.addRows([
    ["Authorizations"],
    ["Updated by the front desk"],
    [],
    ["Patient Name", "Count By", "Begin Date", "Through", "CPT", "Approved", "Auth Number"],
    ["Ann Lee", "Units", utc(2026, 1, 1), utc(2026, 12, 31), "97153", 40, "AU-1"],
  ]);
  t.mergeCells("A1:G1");
  const s = wb.addWorksheet("Sessions");
  s.addRows([
    ["Session log"],
    [],
    ["DOS", "Patient", "CPT Code", "Qty", "Attendance", "Auth #", "Comment"],
    [utc(2026, 3, 5), "ann lee", "97153", 4, "Attended", null, "ok"],
    [utc(2026, 3, 6), "Ann Lee", "97153-HN", "2.5", "Attended", null, null],
    [utc(2026, 3, 7), "Ann Lee", "97153", 8, "no-show", null, null],
  ]);
  s.mergeCells("A1:G1");
  await save(wb, "in.xlsx");
  const doc = await refresh("in.xlsx", "out.xlsx");
  expect(doc.problems).toEqual([]);
  expect(doc.lines).toEqual([
    expect.objectContaining({
      trackingRow: 5,
      clientId: "7001",
      trackBy: "Units",
      allowed: 40,
      used: 6.5,
      remaining: 33.5,
    }),
  ]);
  expect(doc.sessions).toEqual([
    { row: 4, trackingRow: 5, remaining: 36, priorAuth: "AU-1" },
    { row: 5, trackingRow: 5, remaining: 33.5, priorAuth: "AU-1" },
    { row: 6, trackingRow: null, remaining: null, priorAuth: null },
  ]);
  const out = await open("out.xlsx");
  const ws = out.getWorksheet("Sessions")!;
  expect(ws.getCell("A1").value).toBe("Session log");
  expect(ws.getRow(3).values).toEqual([
    undefined,
    "DOS",
    "Patient",
    "CPT Code",
    "Qty",
    "Attendance",
    "Auth #",
    "Comment",
    "Remaining",
  ]);
  expect([ws.getCell("F4").value, ws.getCell("F5").value, ws.getCell("F6").value]).toEqual(["AU-1", "AU-1", null]);
  expect([ws.getCell("H4").value, ws.getCell("H5").value, ws.getCell("H6").value]).toEqual([36, 33.5, null]);
  expect(ws.getCell("G4").value).toBe("ok");
  const before = await open("in.xlsx");
  for (const name of ["Clients", "Tracking"]) {
    expect(changedCells(before.getWorksheet(name)!, out.getWorksheet(name)!)).toEqual([]);
  }
});

test("another sheet's formulas, merged cells, note, table, validation, widths, number formats and defined name survive", async () => {
  const wb = practice(true);
  addOtherSheet(wb);
  await save(wb, "in.xlsx");
  await refresh("in.xlsx", "out.xlsx");
  const out = await open("out.xlsx");
  const ws = out.getWorksheet("Budget")!;
  expect(ws.getCell("B2").value).toEqual({ formula: "B1*2", result: 240 });
  expect(ws.getCell("B2").formula).toBe("B1*2");
  expect(ws.getCell("B3").formula).toBe("COUNTA(Sessions!A:A)");
  expect(ws.model.merges).toEqual(["D1:F2"]);
  expect(ws.getCell("E2").isMerged).toBe(true);
  expect(ws.getCell("D1").value).toBe("Merged heading");
  expect(ws.getCell("A1").note).toBe("Counted by the front desk");
  expect(ws.getCell("C6").dataValidation).toEqual({ type: "list", allowBlank: true, formulae: ['"Yes,No"'] });
  expect(ws.getColumn(1).width).toBe(31.5);
  expect(ws.getColumn(3).width).toBe(7.25);
  expect(ws.getCell("B4").numFmt).toBe("0.0%");
  expect(ws.getCell("B4").value).toBe(0.125);
  expect(ws.getCell("B5").numFmt).toBe("dd mmm yyyy");
  expect(ws.getCell("B5").value).toEqual(utc(2026, 3, 5));
  const table = ws.getTable("Rates") as unknown as { table?: { tableRef?: string; columns?: { name: string }[] } };
  expect(table?.table?.tableRef).toBe("A10:B12");
  expect(table?.table?.columns?.map((c) => c.name)).toEqual(["Code", "Rate"]);
  expect([ws.getCell("A11").value, ws.getCell("B12").value]).toEqual(["90837", 110]);
  expect(out.definedNames.getRanges("VisitsBudget").ranges).toEqual(["Budget!$B$1"]);
  // The Sessions sheet's own formats survive too.
  const s = out.getWorksheet("Sessions")!;
  expect(s.getColumn(1).width).toBe(14);
  expect(s.getCell("A2").numFmt).toBe("mm/dd/yyyy");
  expect((s.getCell("G2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFCCE5FF");
});

describe("SPEC §5 the report sheet", () => {
  let out: ExcelJS.Workbook;
  let report: ExcelJS.Worksheet;
  let header: number;
  const col = (name: string): number => REPORT_COLUMNS.indexOf(name) + 1;
  const dataRows = (): ExcelJS.Row[] => {
    const rows: ExcelJS.Row[] = [];
    for (let r = header + 1; r <= report.rowCount; r++) rows.push(report.getRow(r));
    return rows;
  };
  const rowOf = (authorization: string): ExcelJS.Row => {
    const row = dataRows().find((r) => r.getCell(col("Authorization #")).value === authorization);
    if (!row) throw new Error(`no report row for ${authorization}`);
    return row;
  };

  beforeEach(async () => {
    await save(practice(true), "in.xlsx");
    await refresh("in.xlsx", "out.xlsx");
    out = await open("out.xlsx");
    report = out.getWorksheet(REPORT)!;
    header = reportHeaderRow(report);
  });

  test("title, as-of line, and the SPEC §5 columns in order", () => {
    expect(report.getCell("A1").value).toBe(REPORT);
    const asOfLine = String(report.getCell("A2").value);
    expect(asOfLine).toMatch(/6\/30\/2026/);
    expect(asOfLine).toMatch(/11\/29\/2026/);
    expect(asOfLine).toMatch(/09:00|9:00/);
    const headers = REPORT_COLUMNS.map((_, j) => report.getCell(header, j + 1).value);
    expect(headers).toEqual(REPORT_COLUMNS);
    expect(report.getCell(header, REPORT_COLUMNS.length + 1).value).toBeNull();
  });

  test("one row per tracking line, sorted by client name (case-insensitive, blanks last), then start date (unreadable last), then row", () => {
    expect(dataRows().map((r) => r.getCell(col("Authorization #")).value)).toEqual([
      "=2+3", // "=HYPERLINK(…)" sorts before letters
      "AET-1", // Ann Lee, 1/1
      "AET-W", // Ann Lee, 2/1
      "AET-2", // Ann Lee, 4/1
      "AET-3", // Ann Lee, unreadable start
      "BCB-1", // bob stone (lower case, still before Carl)
      "CIG-1", // Carl Ames
      "Z-1", // Zed Unknown, known by its text
      "X-9", // no client
    ]);
    expect(rowOf("BCB-1").getCell(col("Client ID")).value).toBe("1002");
    expect(rowOf("Z-1").getCell(col("Client Name")).value).toBe("Zed Unknown");
    expect(rowOf("X-9").getCell(col("Status")).value).toBe("Invalid");
  });

  test("counts, statuses, Any, joined codes and notes", () => {
    const values = (auth: string, names: string[]) => names.map((n) => rowOf(auth).getCell(col(n)).value);
    const counts = ["Track By", "Billing Code", "Allowed", "Used", "Scheduled", "Remaining", "Status"];
    expect(values("AET-1", counts)).toEqual(["Sessions", "90837", 2, 3, 0, -1, "Over limit"]);
    expect(values("AET-2", counts)).toEqual(["Sessions", "90832-90838, 90846", 5, 2, 0, 3, "Active"]);
    expect(values("=2+3", counts)).toEqual(["Sessions", "Any", 6, 1, 0, 5, "Active"]);
    expect(values("BCB-1", counts)).toEqual(["Units", "97153", 20, 6.5, 0, 13.5, "Active"]);
    expect(values("CIG-1", counts)).toEqual(["Sessions", "90837", 10, 1, 1, 8, "Active"]);
    expect(rowOf("AET-1").getCell(col("Note")).value).toEqual(expect.stringMatching(/over/i));
    expect(rowOf("AET-W").getCell(col("Note")).value).toEqual(expect.stringContaining("Weekly"));
    expect(rowOf("AET-W").getCell(col("Remaining")).value).toBeNull();
  });

  test("dates are date cells", () => {
    const r = rowOf("AET-2");
    for (const [name, date] of [
      ["Start Date", utc(2026, 4, 1)],
      ["End Date", utc(2026, 12, 31)],
      ["Last Session", utc(2026, 4, 17)],
    ] as const) {
      const cell = facts(r.getCell(col(name)));
      expect(cell.type).toBe(ExcelJS.ValueType.Date);
      expect(cell.value).toEqual(date);
      expect(cell.numFmt).toMatch(/d/);
      expect(cell.numFmt).toMatch(/y/);
    }
    expect(rowOf("AET-3").getCell(col("Start Date")).value).toBeNull();
  });

  test("marked by the defined name SessionCountingReport on its A1; frozen header, landscape, 1 page wide, print title row", () => {
    expect(out.definedNames.getRanges("SessionCountingReport").ranges).toEqual([`'${REPORT}'!$A$1`]);
    expect(report.views[0]).toMatchObject({ state: "frozen", ySplit: header });
    expect(report.pageSetup.orientation).toBe("landscape");
    expect(report.pageSetup.fitToPage).toBe(true);
    expect(report.pageSetup.fitToWidth).toBe(1);
    expect(report.pageSetup.fitToHeight).toBe(0);
    expect(report.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
  });

  test("text from the user's cells stays text: a client named =HYPERLINK(…) is no formula", () => {
    const cell = facts(rowOf("=2+3").getCell(col("Client Name")));
    expect(cell.value).toBe(HYPERLINK_TEXT);
    expect(typeof cell.value).toBe("string");
    expect(cell.formula).toBeUndefined();
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    const auth = facts(rowOf("=2+3").getCell(col("Authorization #")));
    expect(auth.formula).toBeUndefined();
    expect(auth.type).toBe(ExcelJS.ValueType.String);
    const source = facts(out.getWorksheet("Clients")!.getCell("B5"));
    expect(source.value).toBe(HYPERLINK_TEXT);
    expect(source.formula).toBeUndefined();
  });
});

describe("a user's own sheet in the report's place", () => {
  test.each([
    ["named exactly like the report", REPORT, false],
    ["named like the report in another case", REPORT.toLowerCase(), false],
    ["with the defined name pointing at another sheet", REPORT, true],
  ])("%s: exit 1, one line on stderr, nothing written", async (_name, sheetName, nameElsewhere) => {
    const wb = practice(true);
    const mine = wb.addWorksheet(sheetName);
    mine.getCell("A1").value = "My own list of authorizations";
    if (nameElsewhere) wb.definedNames.add("Clients!$A$1", "SessionCountingReport");
    const file = await save(wb, "in.xlsx");
    const bytes = fs.readFileSync(file);
    const r = await run(["in.xlsx", "--as-of", "2026-06-30", "--json", "out.json"]);
    expect(r.code).toBe(1);
    expect(r.stderr.endsWith("\n")).toBe(true);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toContain("    at ");
    expect(r.stderr).toContain(sheetName);
    expect(fs.readdirSync(dir).sort()).toEqual(["in.xlsx"]);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe("the sample workbook", () => {
  const AS_OF = "2026-11-29";
  let doc: Doc;
  let sample: ExcelJS.Workbook;
  let sampleDir: string;

  beforeAll(async () => {
    sampleDir = fs.mkdtempSync(path.join(os.tmpdir(), "roundtrip-sample-"));
    dir = sampleDir;
    fs.copyFileSync(path.join(__dirname, "../../examples/sample-practice.xlsx"), path.join(dir, "sample.xlsx"));
    doc = await refresh("sample.xlsx", "out.xlsx", AS_OF);
    sample = await open("sample.xlsx");
  });
  afterAll(() => fs.rmSync(sampleDir, { recursive: true, force: true }));

  const line = (row: number) => {
    const l = doc.lines.find((x) => x.trackingRow === row);
    if (!l) throw new Error(`no line on tracking row ${row}`);
    return l;
  };
  const sessionsOf = (trackingRow: number) => doc.sessions.filter((s) => s.trackingRow === trackingRow);

  /**
   * Counted by hand from the sample's Sessions sheet. Tracking row 61 is Jacob Adams's (C1029) ComPsych EAP
   * line: Any code, 8/1–12/31/2026, 6 allowed. His sessions: 8/3, 8/10, 8/17 (and a 90785 add-on that Any
   * lines never count), a No Show on 8/24, then 8/31, 9/14, 9/21, 9/28: seven that count, the seventh one over.
   */
  test("tracking row 61 (EAP Any line): 7 used of 6, Remaining −1, Over limit", () => {
    expect(line(61)).toMatchObject({
      clientId: "C1029",
      any: true,
      codes: [],
      allowed: 6,
      used: 7,
      scheduled: 0,
      remaining: -1,
      status: "Over limit",
      lastSession: "2026-09-28",
    });
    expect(sessionsOf(61).map((s) => [s.row, s.remaining, s.priorAuth])).toEqual([
      [1780, 5, "CPX-29220"],
      [1816, 4, "CPX-29220"],
      [1851, 3, "CPX-29220"],
      [1914, 2, "CPX-29220"],
      [1971, 1, "CPX-29220"],
      [2006, 0, "CPX-29220"],
      [2038, -1, "CPX-29220"],
    ]);
    for (const row of [1850, 1883])
      expect(doc.sessions.find((s) => s.row === row)).toMatchObject({ trackingRow: null, remaining: null });
  });

  /**
   * Tracking row 28 is Sophia Martinez's (C1007) Medicaid range 90832-90838, 10/1/2025–9/30/2026, 48 allowed.
   * Her 90834/90837 sessions in those dates: 45 rows from 10/22/2025 (row 697) to 9/23/2026 (row 2021), less
   * two No Shows (rows 1251, 1833) and a Late Cancel (row 1706): 42 used, 6 left. Her 11 sessions from 10/7/2026
   * on fall outside the lapsed authorization; her intake (row 624, 90791) uses row 27's single session.
   */
  test("tracking rows 27 and 28 (C1007): 42 of 48 used, the lapsed sessions reported outside", () => {
    expect(line(28)).toMatchObject({
      clientId: "C1007",
      codes: ["90832-90838"],
      allowed: 48,
      used: 42,
      scheduled: 0,
      remaining: 6,
      status: "Expired",
      lastSession: "2026-09-23",
    });
    const drawn = sessionsOf(28);
    expect(drawn).toHaveLength(42);
    expect(drawn[0]).toEqual({ row: 697, trackingRow: 28, remaining: 47, priorAuth: "MCD-40185" });
    expect(drawn[drawn.length - 1]).toEqual({ row: 2021, trackingRow: 28, remaining: 6, priorAuth: "MCD-40185" });
    for (const row of [1251, 1706, 1833]) expect(doc.sessions.find((s) => s.row === row)?.trackingRow).toBeNull();
    expect(line(27)).toMatchObject({ allowed: 1, used: 1, remaining: 0, status: "Expired", lastSession: "2025-09-30" });
    expect(sessionsOf(27)).toEqual([{ row: 624, trackingRow: 27, remaining: 0, priorAuth: "MCD-99553" }]);
    const lapsed = [2085, 2119, 2151, 2183, 2217, 2247, 2288, 2318, 2340, 2371, 2405];
    for (const row of lapsed) {
      expect(doc.sessions.find((s) => s.row === row)?.trackingRow).toBeNull();
      expect(doc.problems).toContainEqual(expect.objectContaining({ sheet: "Sessions", row, column: null }));
    }
  });

  test("the same two lines counted independently from the sample's cells", () => {
    const ws = sample.getWorksheet("Sessions")!;
    const settings = sample.getWorksheet("Settings")!;
    const setting = (name: string): string[] => {
      for (let r = 1; r <= settings.rowCount; r++) {
        if (settings.getCell(r, 1).value === name) return String(settings.getCell(r, 2).value).split(/\s*,\s*/);
      }
      throw new Error(name);
    };
    const excludes = new Set(setting("Count Any excludes"));
    const notCounted = new Set(setting("Not counted statuses").map((s) => s.toLowerCase().replace(/[^a-z]/g, "")));
    const names: Record<string, string> = { C1029: "jacob adams", C1007: "sophia martinez" };
    const iso = (d: Date): string => d.toISOString().slice(0, 10);
    const independent = (client: string, from: string, to: string, allowed: number, codeOk: (c: string) => boolean) => {
      const rows: { row: number; date: string }[] = [];
      for (let r = 2; r <= ws.rowCount; r++) {
        const [date, id, name, code, , status] = [1, 2, 3, 4, 5, 6].map((c) => ws.getCell(r, c).value);
        const who =
          id ??
          (typeof name === "string" && name.trim().replace(/\s+/g, " ").toLowerCase() === names[client]
            ? client
            : null);
        if (who !== client || !(date instanceof Date) || typeof code !== "string") continue;
        if (typeof status === "string" && notCounted.has(status.toLowerCase().replace(/[^a-z]/g, ""))) continue;
        if (iso(date) < from || iso(date) > to || !codeOk(code)) continue;
        rows.push({ row: r, date: iso(date) });
      }
      rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
      return {
        used: rows.filter((x) => x.date <= AS_OF).length,
        scheduled: rows.filter((x) => x.date > AS_OF).length,
        sessions: rows.map((x, i) => [x.row, allowed - (i + 1)]),
      };
    };
    const any = independent("C1029", "2026-08-01", "2026-12-31", 6, (c) => !excludes.has(c));
    expect({ used: line(61).used, scheduled: line(61).scheduled }).toEqual({
      used: any.used,
      scheduled: any.scheduled,
    });
    expect(sessionsOf(61).map((s) => [s.row, s.remaining])).toEqual(any.sessions);
    const range = independent(
      "C1007",
      "2025-10-01",
      "2026-09-30",
      48,
      (c) => /^\d{5}$/.test(c) && +c >= 90832 && +c <= 90838,
    );
    expect({ used: line(28).used, scheduled: line(28).scheduled }).toEqual({
      used: range.used,
      scheduled: range.scheduled,
    });
    expect(sessionsOf(28).map((s) => [s.row, s.remaining])).toEqual(range.sessions);
  });

  test("every line ends in the status examples/README.md intends as of 11/29/2026", () => {
    const intended: Record<string, number[]> = {
      "Over limit": [22, 34, 51, 61],
      Depleted: [35, 60],
      Low: [29, 38, 40, 43, 64],
      "Expiring soon": [44, 46, 56, 62],
      "Not started": [68],
      Active: [17, 30, 31, 33, 36, 37, 39, 42, 47, 49, 52, 53, 54, 55, 57, 58, 59, 63, 66, 67],
      Expired: [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28, 32, 41, 48, 50],
      Invalid: [45, 65],
    };
    const actual: Record<string, number[]> = {};
    for (const l of doc.lines) (actual[l.status] ??= []).push(l.trackingRow);
    expect(actual).toEqual(intended);
  });
});

describe("yellow fills and appended columns leave the user's cells alone", () => {
  test("a stale yellow Remaining cleared on one row leaves the other Remaining cells yellow", async () => {
    await save(practice(true), "stale-in.xlsx");
    await refresh("stale-in.xlsx", "stale-out.xlsx");
    const ws = (await open("stale-out.xlsx")).getWorksheet("Sessions")!;
    const col = columnOf(ws, 1, "Remaining");
    const rows: [number, ExcelJS.CellValue, boolean][] = [];
    for (let r = 2; r <= ws.rowCount; r++) rows.push([r, ws.getCell(r, col).value, isYellow(ws.getCell(r, col))]);
    expect(rows.filter(([, v, y]) => (typeof v === "number") !== y)).toEqual([]);
  });

  test("a bordered Sessions sheet: yellow goes on the Remaining cells that hold a number and on no other cell", async () => {
    const thin: Partial<ExcelJS.Borders> = {
      top: { style: "thin" },
      bottom: { style: "thin" },
      left: { style: "thin" },
      right: { style: "thin" },
    };
    const wb = new ExcelJS.Workbook();
    const t = wb.addWorksheet("Tracking");
    t.addRows([
      ["Client", "Start Date", "End Date", "Billing Code", "Allowed", "Authorization #"],
      ["C1", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 3, "A1"],
    ]);
    t.getCell("A2").border = thin;
    const s = wb.addWorksheet("Sessions");
    s.addRows([
      ["Date", "Client", "Billing Code", "Remaining", "Notes"],
      [utc(2026, 3, 5), "C1", "90837", null, "hello"],
      [utc(2026, 3, 6), "C1", "90837", null, "world"],
    ]);
    for (const a of ["B2", "C2", "D2", "E2", "B3", "C3", "D3", "E3"]) s.getCell(a).border = thin;
    await save(wb, "bordered-in.xlsx");
    await refresh("bordered-in.xlsx", "bordered-out.xlsx");
    const out = await open("bordered-out.xlsx");
    const yellow: string[] = [];
    for (const ws of [out.getWorksheet("Tracking")!, out.getWorksheet("Sessions")!]) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (isYellow(cell)) yellow.push(`${ws.name}!${cell.address}`);
        }),
      );
    }
    expect(yellow).toEqual(["Sessions!D2", "Sessions!D3"]);
  });

  test("a Sessions table with the user's own columns to its right: appended Prior Auth # and Remaining overwrite nothing", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Tracking").addRows([
      ["Client", "Start Date", "End Date", "Billing Code", "Allowed", "Authorization #"],
      ["C1", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 3, "A1"],
    ]);
    const s = wb.addWorksheet("Sessions");
    s.addTable({
      name: "Visits",
      ref: "A1",
      headerRow: true,
      columns: [{ name: "Date" }, { name: "Client" }, { name: "Billing Code" }],
      rows: [
        [utc(2026, 3, 5), "C1", "90837"],
        [utc(2026, 3, 6), "C1", "90837"],
      ],
    });
    s.getCell("D1").value = "Comments";
    s.getCell("D2").value = "called back";
    s.getCell("D3").value = "late";
    s.getCell("E1").value = "Biller";
    s.getCell("E2").value = "Dana";
    await save(wb, "table-in.xlsx");
    await refresh("table-in.xlsx", "table-out.xlsx");
    const before = (await open("table-in.xlsx")).getWorksheet("Sessions")!;
    const after = (await open("table-out.xlsx")).getWorksheet("Sessions")!;
    const afterCells = cellsOf(after);
    const lost = [...cellsOf(before).entries()]
      .filter(([a, c]) => afterCells.get(a)?.text !== c.text)
      .map(([a, c]) => `${a}: ${JSON.stringify(c.value)} → ${JSON.stringify(after.getCell(a).value)}`);
    expect(lost).toEqual([]);
    expect(after.getCell("F1").value).toBe("Prior Auth #");
    expect(after.getCell("G1").value).toBe("Remaining");
    expect(after.getCell("G3").value).toBe(1);
  });
});
