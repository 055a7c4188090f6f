/** The engine's vocabulary: rows as read from the workbook, settings, problems, and the results of counting. */
import type { CodeList } from "./codes";
import type { DateOrder, DayNumber } from "./dates";
import type { SessionResults } from "./sessions";
import type { SessionTable } from "./sessionTable";

export type { DayNumber } from "./dates";

/** How a tracking line counts: one per session, or the session's units. */
export type TrackBy = "Sessions" | "Units";

/** SPEC §4 line statuses, plus Invalid for a line that cannot be counted. */
export type LineStatus =
  "Over limit" | "Expired" | "Depleted" | "Not started" | "Low" | "Expiring soon" | "Active" | "Invalid";

/** What kind of thing went wrong, so a pane can group problems; the message says it in words. */
export type ProblemKind =
  | "unreadable-cell"
  | "missing-value"
  | "duplicate-client"
  | "ambiguous-client"
  | "unknown-client"
  | "invalid-line"
  | "over-authorization"
  | "outside-authorization"
  | "prior-auth-mismatch"
  | "setting"
  | "sheet";

/** One thing reported to the user: where (sheet, 1-based row, column header or null for the whole row) and why. */
export interface Problem {
  readonly kind: ProblemKind;
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

/** The Settings sheet, read and defaulted (SPEC §2). */
export interface Settings {
  readonly countAnyExcludes: readonly string[];
  readonly notCountedStatuses: readonly string[];
  readonly lowRemainingAt: number;
  readonly expiringWithinDays: number;
  readonly dateOrder: DateOrder;
}

/** One row of the Clients sheet. */
export interface ClientRow {
  readonly row: number;
  readonly id: string | null;
  readonly name: string | null;
  readonly insurance: string | null;
  readonly memberId: string | null;
}

/** A Client cell of Tracking or Sessions: its text, the header it sits under, and whether that header names a name. */
export interface ClientRef {
  readonly text: string;
  readonly column: string;
  readonly isNameColumn: boolean;
}

/** A cell that could not be used, with the header it sits under and the reason in words. */
export interface CellIssue {
  readonly column: string;
  readonly message: string;
}

/** One non-blank row of the Tracking sheet, with each cell read (null where blank or unreadable). */
export interface TrackingRow {
  readonly row: number;
  readonly client: ClientRef | null;
  readonly trackBy: TrackBy | null;
  readonly start: DayNumber | null;
  readonly end: DayNumber | null;
  readonly codes: CodeList | null;
  readonly allowed: number | null;
  readonly authorization: string | null;
  /** Why the reader could not use a cell; any issue makes the line invalid. */
  readonly issues: readonly CellIssue[];
}

/** One non-blank row of the Sessions sheet, with each cell read (null where blank or unreadable); the engine takes them as a SessionTable. */
export interface SessionRow {
  readonly row: number;
  readonly date: DayNumber | null;
  readonly client: ClientRef | null;
  readonly code: import("./codes").SessionCode | null;
  /** Units as read; blank is 1. */
  readonly units: number;
  readonly status: string | null;
  /** The Prior Auth # cell's text, trimmed; null when blank. */
  readonly priorAuth: string | null;
  /** Why the reader could not use a cell; any issue leaves the session out of counting. */
  readonly issues: readonly CellIssue[];
}

/** Everything the engine counts, already read from the workbook. */
export interface PracticeInput {
  /** Null when the workbook has no Clients sheet: clients are then known by their text. */
  readonly clients: readonly ClientRow[] | null;
  readonly tracking: readonly TrackingRow[];
  /** The Sessions sheet's rows as columns (build with SessionTable.from or a SessionTableBuilder). */
  readonly sessions: SessionTable;
  readonly settings: Settings;
  /** Sheet names and headers as the workbook spells them, for problem messages. */
  readonly labels: Labels;
}

export interface Labels {
  readonly clientsSheet: string;
  readonly trackingSheet: string;
  readonly sessionsSheet: string;
  readonly priorAuthColumn: string;
  readonly startColumn: string;
}

/** One tracking line counted as of a date (SPEC §4, §6). */
export interface LineResult {
  readonly row: number;
  /** Groups a client's lines (a Clients row, or the client's own text); null when the line names no usable client. */
  readonly clientKey: string | null;
  readonly clientId: string | null;
  readonly clientName: string | null;
  readonly insurance: string | null;
  readonly authorization: string | null;
  readonly trackBy: TrackBy | null;
  readonly codes: readonly string[];
  readonly any: boolean;
  readonly start: DayNumber | null;
  readonly end: DayNumber | null;
  readonly allowed: number | null;
  readonly used: number;
  readonly scheduled: number;
  readonly remaining: number | null;
  readonly status: LineStatus;
  readonly lastSession: DayNumber | null;
  readonly note: string | null;
}

/** One session row after counting. */
export interface SessionResult {
  readonly row: number;
  readonly clientKey: string | null;
  /** The tracking row it drew from, or null. */
  readonly trackingRow: number | null;
  readonly remaining: number | null;
  /** The Prior Auth # cell after the refresh (null when blank). */
  readonly priorAuth: string | null;
  /** The authorization number to write, only when the cell was blank and the line has one. */
  readonly writePriorAuth: string | null;
}

export interface EngineResult {
  readonly asOf: DayNumber;
  readonly lines: readonly LineResult[];
  /** Per input session, in input order, as columns (see SessionResults). */
  readonly sessions: SessionResults;
  readonly problems: readonly Problem[];
}
