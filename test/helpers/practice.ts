/** Builds small practices from literal rows, the way a biller would sketch them, and counts them. */
import { type DayNumber, parseIsoDay } from "../../src/engine/dates";
import type { EngineResult, LineResult, SessionResult } from "../../src/engine/types";
import type { Cell, SheetGrid, TableHeader, WorkbookView } from "../../src/workbook/cells";
import { type Analysis, analyzeWorkbook } from "../../src/workbook/refresh";

/** A sheet as rows of cells, first row first (usually the header). */
export type Rows = Cell[][];

export interface PracticeSheets {
  Clients?: Rows;
  Tracking?: Rows;
  Sessions?: Rows;
  Settings?: Rows;
  [sheet: string]: Rows | undefined;
}

/** A WorkbookView from literal sheets (1900 date system unless told). */
export function view(
  sheets: PracticeSheets,
  options: { dateSystem?: 1900 | 1904; tables?: Record<string, TableHeader[]> } = {},
): WorkbookView {
  const map = new Map<string, SheetGrid>();
  for (const [name, rows] of Object.entries(sheets)) {
    if (rows) map.set(name, { name, values: rows, tables: options.tables?.[name] ?? [] });
  }
  return { dateSystem: options.dateSystem ?? 1900, sheetNames: [...map.keys()], sheets: map };
}

export function day(iso: string): DayNumber {
  const d = parseIsoDay(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

/** Reads and counts a practice as of a date (YYYY-MM-DD). */
export function count(
  sheets: PracticeSheets,
  asOf = "2026-06-30",
  options: Parameters<typeof view>[1] = {},
): Analysis & {
  line: (trackingRow: number) => LineResult;
  session: (row: number) => SessionResult;
  result: EngineResult;
} {
  const analysis = analyzeWorkbook(view(sheets, options), day(asOf));
  return {
    ...analysis,
    line: (row) => {
      const l = analysis.result.lines.find((x) => x.row === row);
      if (!l) throw new Error(`no tracking line on row ${row}`);
      return l;
    },
    session: (row) => {
      const index = analysis.result.sessions.indexOfRow(row);
      if (index < 0) throw new Error(`no session on row ${row}`);
      return analysis.result.sessions.at(index);
    },
  };
}

/** Default headers, for brevity in tests. */
export const TRACKING_HEADER: Cell[] = [
  "Client",
  "Track By",
  "Start Date",
  "End Date",
  "Billing Code",
  "Allowed",
  "Authorization #",
];
export const SESSIONS_HEADER: Cell[] = [
  "Date",
  "Client",
  "Billing Code",
  "Units",
  "Status",
  "Prior Auth #",
  "Remaining",
];
