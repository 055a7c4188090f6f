/** What the task pane can ask of the workbook: the one seam between React components and the Office.js edge. */
import type { DayNumber } from "../engine/dates";
import type { LineResult, Problem, Settings, TrackBy } from "../engine/types";
import type { AddinOptions } from "../workbook/settings";

/** A refresh's outcome as the pane shows it. */
export interface RefreshOutcome {
  readonly asOf: DayNumber;
  readonly refreshedAt: Date;
  /** Every tracking line (invalid ones included), in report order. */
  readonly lines: readonly LineResult[];
  readonly problems: readonly Problem[];
  /** Sessions that drew from a line, and all non-blank sessions. */
  readonly sessionsCounted: number;
  readonly sessionsTotal: number;
  /** The clients, for the client picker: key, label ("Ann Lee (C1001)"). */
  readonly clients: readonly ClientOption[];
}

export interface ClientOption {
  readonly key: string;
  readonly label: string;
  /** What goes in a Tracking row's Client cell for this client: the Client ID, else the name. */
  readonly cellText: string;
}

/** One tracking line as the Enter or View Tracking Info form edits it. */
export interface TrackingEntry {
  /** Client text as it goes in the Tracking sheet's Client cell (the client's ID, else name). */
  readonly client: string;
  readonly trackBy: TrackBy;
  /** ISO dates YYYY-MM-DD. */
  readonly start: string;
  readonly end: string;
  /** Billing code cell text ("90837", "90832-90838, 90846") or "Any". */
  readonly codes: string;
  readonly allowed: number;
  readonly authorization: string;
}

/** A tracking line with the sheet row it lives on, for edit and delete. */
export interface TrackingEntryRow extends TrackingEntry {
  readonly row: number;
}

/** The column mapping as the pane shows it: per sheet, its headers and which fields are missing. */
export interface MappingState {
  readonly sheets: readonly MappingSheet[];
  /** All sheet names of the workbook, for choosing another sheet. */
  readonly workbookSheets: readonly string[];
}

export interface MappingSheet {
  readonly kind: "clients" | "tracking" | "sessions";
  /** The sheet used (mapped or default), or null when none is found. */
  readonly sheet: string | null;
  /** The header texts found on its header row (empty when none). */
  readonly headers: readonly string[];
  /** Per field: its label, whether required, and the header serving it (null when missing). */
  readonly fields: readonly {
    readonly key: string;
    readonly label: string;
    readonly required: boolean;
    readonly header: string | null;
  }[];
}

/** Which sheets the set-up made and which it left alone. */
export interface SetupOutcome {
  readonly created: readonly string[];
  readonly existing: readonly string[];
}

/** An error the user should read: one clear sentence, never a stack trace. */
export class UserFacingError extends Error {
  /** "mapping" when a sheet or a required column was not found, so the pane can offer the column mapping. */
  constructor(
    message: string,
    readonly kind: "mapping" | "other" = "other",
  ) {
    super(message);
  }
}

/**
 * The workbook as the pane sees it. In Excel it is the Office.js edge; in the
 * browser preview the same edge runs against the stand-in over an .xlsx file.
 */
export interface WorkbookService {
  /** Counts and writes: Remaining, blank Prior Auth #, the report sheet. */
  refresh(asOf: DayNumber): Promise<RefreshOutcome>;
  /** Counts without writing anything, for the client view and a stale check. */
  analyze(asOf: DayNumber): Promise<RefreshOutcome>;
  /** True when Sessions or Tracking changed since the last refresh (or never refreshed but has a report). */
  isStale(): Promise<boolean>;
  /** Selects the cell of a problem (its row; the column when named). */
  goTo(problem: Pick<Problem, "sheet" | "row" | "column">): Promise<void>;
  listTracking(clientKey: string): Promise<readonly TrackingEntryRow[]>;
  /** Adds a line (row omitted) or rewrites the one on `row`; touches no other row. */
  saveTracking(entry: TrackingEntry, row?: number): Promise<void>;
  deleteTracking(row: number): Promise<void>;
  setupWorkbook(): Promise<SetupOutcome>;
  readSettings(): Promise<{ readonly settings: Settings; readonly options: AddinOptions }>;
  writeSettings(settings: Settings, options: AddinOptions): Promise<void>;
  readMapping(): Promise<MappingState>;
  /** Saves the sheet for a kind and the header for each field (null clears a mapping). */
  writeMapping(
    kind: MappingSheet["kind"],
    sheet: string | null,
    headers: Readonly<Record<string, string | null>>,
  ): Promise<void>;
  /** Calls back with a client key when the user selects a row on the Sessions sheet. Returns an unsubscribe. */
  onClientSelected(callback: (clientKey: string) => void): Promise<() => Promise<void>>;
  /** Calls back when Sessions or Tracking change by a local edit. Returns an unsubscribe. */
  onDataChanged(callback: () => void): Promise<() => Promise<void>>;
}
