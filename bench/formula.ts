/**
 * The formula baseline: what a practice builds instead of the add-in — one
 * COUNTIFS (a Sessions line) or SUMIFS (a Units line) per tracking line over
 * the whole Sessions sheet — evaluated by HyperFormula on the same cells the
 * add-in reads, in the same run.
 *
 * The practice is the "exclusive" one, where each session can match at most
 * one line, so the formulas must give every line the engine's Used; `agree`
 * says they did. (With overlapping or renewed authorizations such formulas
 * count a session once per line it matches: they are only a baseline for speed.)
 *
 * Like is timed against like: the formulas' recalculation (every formula
 * re-evaluated, nothing parsed) against the engine counting rows already read;
 * and, for the record, building the formula workbook (parsing and a first
 * evaluation) against the add-in reading the cells and counting them.
 *
 * HyperFormula is GPL-3.0 and a dev dependency: it is imported here only, never
 * from src/, and never bundled.
 */
import { HyperFormula } from "hyperformula";
import { dayToSerial } from "../src/engine/dates";
import type { Cell, SheetGrid, WorkbookView } from "../src/workbook/cells";
import { countSessions } from "../src/engine/count";
import { analyzeWorkbook } from "../src/workbook/refresh";
import { type RawPractice, generatePractice, toSheets } from "./practice";
import { measure, median, time } from "./timing";

export interface FormulaResult {
  readonly sessions: number;
  readonly lines: number;
  /** One full recalculation of every line's formula (median): evaluation alone, the workbook already parsed. */
  readonly formulaMs: number;
  /** The engine counting the same practice (median, warmed up): evaluation alone, the cells already read. */
  readonly oursMs: number;
  readonly ratio: number;
  readonly agree: boolean;
  /** Building the formula workbook from the cells: parsing every formula and the first evaluation, once. */
  readonly buildMs: number;
  /** The add-in reading the same cells and counting them (median): what building is to the formulas. */
  readonly readAndCountMs: number;
  readonly disagreements: readonly string[];
}

/** The statuses a practice's formulas leave out, as criteria; the engine's defaults include both. */
const LEFT_OUT = ["No Show", "Late Cancel"];

/** The formula a practice types next to tracking line `r` (1-based sheet row) over `last` Sessions rows. */
export function usedFormula(r: number, last: number, units: boolean): string {
  const col = (c: string): string => `Sessions!$${c}$2:$${c}$${last}`;
  const criteria = [
    `${col("B")},$A${r}`,
    `${col("C")},$E${r}`,
    `${col("A")},">="&$C${r}`,
    `${col("A")},"<="&MIN($D${r},Settings!$B$1)`,
    ...LEFT_OUT.map((s) => `${col("E")},"<>${s}"`),
  ].join(",");
  return units ? `=SUMIFS(${col("D")},${criteria})` : `=COUNTIFS(${criteria})`;
}

/** The practice's workbook for HyperFormula: the same sheets the add-in reads, plus a Used formula per line. */
function formulaSheets(raw: RawPractice, cells: ReturnType<typeof toSheets>): Record<string, Cell[][]> {
  const last = cells.Sessions.length;
  const tracking = cells.Tracking.map((row, i) => {
    if (i === 0) return [...row, "Used"];
    return [...row, usedFormula(i + 1, last, raw.tracking[i - 1].trackBy === "Units")];
  });
  return {
    Clients: cells.Clients,
    Tracking: tracking,
    Sessions: cells.Sessions,
    Settings: [["As of", dayToSerial(raw.asOf, 1900)]],
  };
}

function hfConfig(rows: number) {
  return {
    licenseKey: "gpl-v3",
    // The default of 40,000 rows is below a two-year practice's Sessions sheet.
    maxRows: Math.max(100_000, rows + 10),
  };
}

export async function benchFormula(sessions = 5_000, lines = 500, runs = 3): Promise<FormulaResult> {
  const raw = generatePractice(sessions, "exclusive", { lines });
  const cells = toSheets(raw);
  const sheets = formulaSheets(raw, cells);
  const build = await time(() =>
    HyperFormula.buildFromSheets(
      sheets as Record<string, (string | number | boolean | null)[][]>,
      hfConfig(cells.Sessions.length),
    ),
  );
  const hf = build.value;
  const tracking = hf.getSheetId("Tracking")!;
  const settings = hf.getSheetId("Settings")!;
  const asOfCell = { sheet: settings, row: 0, col: 1 };
  const asOfSerial = dayToSerial(raw.asOf, 1900);
  // Each run moves the as-of date, which every formula reads, so all of them recalculate; the last
  // run puts it back, and the values compared below are as of the practice's as-of date.
  const recalcs: number[] = [];
  for (let i = runs - 1; i >= 0; i--) {
    const serial = asOfSerial - i;
    recalcs.push((await time(() => hf.setCellContents(asOfCell, [[serial]]))).ms);
  }

  const view: WorkbookView = {
    dateSystem: 1900,
    sheetNames: ["Clients", "Tracking", "Sessions"],
    sheets: new Map<string, SheetGrid>(
      (["Clients", "Tracking", "Sessions"] as const).map((name) => [name, { name, values: cells[name], tables: [] }]),
    ),
  };
  const { read, result } = analyzeWorkbook(view, raw.asOf);
  // A count takes about a millisecond: many runs, so a busy moment of the machine moves the median little.
  const ours = await measure(() => countSessions(read.input, raw.asOf), { warmups: 20, warmupMs: 1_000, runs: 101 });
  const readAndCount = await measure(() => analyzeWorkbook(view, raw.asOf), {
    warmups: 10,
    warmupMs: 1_000,
    runs: 51,
  });

  const disagreements: string[] = [];
  result.lines.forEach((line, i) => {
    const value = hf.getCellValue({ sheet: tracking, row: i + 1, col: 7 });
    const formula = typeof value === "number" ? Math.round(value * 100) / 100 : value;
    if (formula !== line.used)
      disagreements.push(`Tracking row ${line.row}: formula ${String(formula)}, engine ${line.used}`);
  });
  hf.destroy();

  const formulaMs = median(recalcs);
  return {
    sessions,
    lines: raw.tracking.length,
    formulaMs,
    oursMs: ours.median,
    ratio: formulaMs / ours.median,
    agree: disagreements.length === 0,
    buildMs: build.ms,
    readAndCountMs: readAndCount.median,
    disagreements: disagreements.slice(0, 5),
  };
}
