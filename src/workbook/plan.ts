/** Turns counting results into the writes a refresh makes: pure data that any host (Excel, an .xlsx file) applies. */
import { type DateOrder, type DayNumber, isoFromDay, localToday } from "../engine/dates";
import { formatDay } from "../engine/count";
import type { EngineResult, LineResult } from "../engine/types";
import type { PracticeRead } from "./read";

export const REPORT_SHEET = "Authorized Insurance Sessions";
/** The workbook-level name that marks the report sheet as the add-in's own (SPEC §5). */
export const REPORT_NAME = "SessionCountingReport";
/** The yellow of every Remaining cell. */
export const YELLOW = "#FFFF00";

/** A value to write: a number, text (always written as text, never a formula), a date, or blank. */
export type PlanValue = number | string | { readonly date: DayNumber } | null;

/** The Sessions sheet's writes. Rows and columns are 1-based. */
export interface SessionsPlan {
  readonly sheet: string;
  /** Headers to append ("Prior Auth #", "Remaining") when the sheet lacks them. */
  readonly newHeaders: readonly { readonly row: number; readonly column: number; readonly text: string }[];
  /** The Excel table the header row belongs to, so an appended column can join it. */
  readonly table?: string;
  /** The whole Remaining column below the header, rewritten on each refresh; yellow where a count is written. */
  readonly remaining: {
    readonly column: number;
    readonly firstRow: number;
    readonly values: readonly (number | null)[];
  };
  /** Prior Auth # cells that were blank and now get the line's authorization number. */
  readonly priorAuth: {
    readonly column: number;
    readonly cells: readonly { readonly row: number; readonly text: string }[];
  };
}

export type ColumnKind = "text" | "number" | "date";

/** The report sheet, whole. */
export interface ReportPlan {
  readonly sheet: string;
  readonly title: string;
  readonly subtitle: string;
  /** 1-based row of the column headers; data follows. */
  readonly headerRow: number;
  readonly columns: readonly { readonly header: string; readonly kind: ColumnKind; readonly width: number }[];
  readonly rows: readonly (readonly PlanValue[])[];
  /** 0-based index of the Remaining column, whose cells are yellow. */
  readonly remainingColumn: number;
  /** Number format for date cells. */
  readonly dateFormat: string;
  /** Header text for print ("As of …"). */
  readonly printHeader: { readonly left: string; readonly right: string };
}

export interface RefreshPlan {
  readonly sessions: SessionsPlan;
  readonly report: ReportPlan;
}

const REPORT_COLUMNS: ReportPlan["columns"] = [
  { header: "Client ID", kind: "text", width: 12 },
  { header: "Client Name", kind: "text", width: 22 },
  { header: "Insurance", kind: "text", width: 18 },
  { header: "Authorization #", kind: "text", width: 16 },
  { header: "Track By", kind: "text", width: 10 },
  { header: "Billing Code", kind: "text", width: 16 },
  { header: "Start Date", kind: "date", width: 11 },
  { header: "End Date", kind: "date", width: 11 },
  { header: "Allowed", kind: "number", width: 9 },
  { header: "Used", kind: "number", width: 8 },
  { header: "Scheduled", kind: "number", width: 10 },
  { header: "Remaining", kind: "number", width: 11 },
  { header: "Status", kind: "text", width: 14 },
  { header: "Last Session", kind: "date", width: 12 },
  { header: "Note", kind: "text", width: 48 },
];

/**
 * Plans a refresh. `refreshedAt` is the local time to print as "Refreshed"; it
 * is an argument so the same inputs give the same plan.
 */
export function planRefresh(read: PracticeRead, result: EngineResult, refreshedAt: Date): RefreshPlan {
  return {
    sessions: planSessions(read, result),
    report: planReport(result, read.input.settings.dateOrder, refreshedAt),
  };
}

function planSessions(read: PracticeRead, result: EngineResult): SessionsPlan {
  const layout = read.layouts.sessions;
  const newHeaders: { row: number; column: number; text: string }[] = [];
  let next = layout.lastHeaderIndex + 2;
  const columnOf = (field: "priorAuth" | "remaining", header: string): number => {
    const existing = layout.columns[field];
    if (existing) return existing.index + 1;
    newHeaders.push({ row: layout.headerRow, column: next, text: header });
    return next++;
  };
  const priorAuthColumn = columnOf("priorAuth", "Prior Auth #");
  const remainingColumn = columnOf("remaining", "Remaining");
  const firstRow = layout.headerRow + 1;
  const values: (number | null)[] = new Array(Math.max(0, read.sessionsLastRow - layout.headerRow)).fill(null);
  const cells: { row: number; text: string }[] = [];
  const sessions = result.sessions;
  for (let i = 0; i < sessions.length; i++) {
    const row = sessions.row(i);
    values[row - firstRow] = sessions.remaining(i);
    const text = sessions.writePriorAuth(i);
    if (text !== null) cells.push({ row, text });
  }
  return {
    sheet: layout.sheet,
    newHeaders,
    table: layout.table,
    remaining: { column: remainingColumn, firstRow, values },
    priorAuth: { column: priorAuthColumn, cells },
  };
}

/** Report order (SPEC §5): client name case-insensitive (the client text when there is no name; blanks last), start date (unreadable last), tracking row. */
export function reportOrder(lines: readonly LineResult[]): LineResult[] {
  const nameOf = (l: LineResult): string | null => (l.clientName ?? l.clientId)?.toLowerCase() ?? null;
  return [...lines].sort((a, b) => {
    const na = nameOf(a);
    const nb = nameOf(b);
    if (na !== nb) {
      if (na === null) return 1;
      if (nb === null) return -1;
      return na < nb ? -1 : 1;
    }
    if (a.start !== b.start) {
      if (a.start === null) return 1;
      if (b.start === null) return -1;
      return a.start - b.start;
    }
    return a.row - b.row;
  });
}

function planReport(result: EngineResult, order: DateOrder, refreshedAt: Date): ReportPlan {
  const date = (d: DayNumber | null): PlanValue => (d === null ? null : { date: d });
  const rows = reportOrder(result.lines).map((l): PlanValue[] => [
    l.clientId,
    l.clientName,
    l.insurance,
    l.authorization,
    l.trackBy,
    l.any ? "Any" : l.codes.join(", "),
    date(l.start),
    date(l.end),
    l.allowed,
    l.status === "Invalid" ? null : l.used,
    l.status === "Invalid" ? null : l.scheduled,
    l.remaining,
    l.status,
    date(l.lastSession),
    l.note,
  ]);
  const asOf = formatDay(result.asOf, order);
  const stamp = `${formatDay(localToday(refreshedAt), order)} ${String(refreshedAt.getHours()).padStart(2, "0")}:${String(refreshedAt.getMinutes()).padStart(2, "0")}`;
  return {
    sheet: REPORT_SHEET,
    title: REPORT_SHEET,
    subtitle: `As of ${asOf} · refreshed ${stamp} · ${result.lines.length} authorization line${result.lines.length === 1 ? "" : "s"}`,
    headerRow: 4,
    columns: REPORT_COLUMNS,
    rows,
    remainingColumn: REPORT_COLUMNS.findIndex((c) => c.header === "Remaining"),
    dateFormat: order === "MDY" ? "m/d/yyyy" : "d/m/yyyy",
    printHeader: { left: REPORT_SHEET, right: `As of ${asOf}` },
  };
}

/** The SPEC §6 JSON document. */
export function toJson(result: EngineResult): object {
  const iso = (d: DayNumber | null): string | null => (d === null ? null : isoFromDay(d));
  return {
    asOf: isoFromDay(result.asOf),
    lines: result.lines.map((l) => ({
      trackingRow: l.row,
      clientId: l.clientId,
      clientName: l.clientName,
      insurance: l.insurance,
      authorization: l.authorization,
      trackBy: l.trackBy,
      codes: [...l.codes],
      any: l.any,
      start: iso(l.start),
      end: iso(l.end),
      allowed: l.allowed,
      used: l.used,
      scheduled: l.scheduled,
      remaining: l.remaining,
      status: l.status,
      lastSession: iso(l.lastSession),
    })),
    sessions: result.sessions.toArray().map((s) => ({
      row: s.row,
      trackingRow: s.trackingRow,
      remaining: s.remaining,
      priorAuth: s.priorAuth,
    })),
    problems: result.problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, message: p.message })),
  };
}
