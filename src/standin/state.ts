/**
 * What the stand-in keeps besides the workbook itself: options, round-trip
 * statistics, the selection and active sheet, whether events are enabled,
 * registered event handlers, and the ranges Excel.run is tracking.
 */
import type ExcelJS from "exceljs";
import type { Rect } from "./address";
import { type Operation, type PendingEvent, type RequestRecord, executeBatch } from "./batch";

export interface StandInOptions {
  /** Excel on the web refuses requests and responses over 5 MB; tests may lower this to exercise chunking. */
  readonly maxRequestBytes?: number;
  /**
   * What a sync that fails part way leaves behind. "rollback" (the default)
   * puts back everything the batch changed; "keepApplied" keeps the changes made
   * before the failing operation, as Excel itself does.
   */
  readonly failedBatches?: "rollback" | "keepApplied";
  /** The year Excel assumes for a typed date without one ("3-5"); defaults to the current year. */
  readonly year?: number;
  /** Workbook.name, which a file on disk would supply. */
  readonly workbookName?: string;
}

export type ResolvedOptions = Required<StandInOptions>;

/** Round trips and payloads, for tests and benchmarks that count what the edge costs. */
export class Stats {
  syncs = 0;
  readonly requests: RequestRecord[] = [];
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  /** Excel.run calls. */
  runs = 0;
  /** Calls the stand-in records but does not act on: suspendApiCalculationUntilNextSync, autofitColumns, ... */
  readonly calls: Record<string, number> = {};

  record(request: RequestRecord): void {
    this.syncs++;
    this.requests.push(request);
    this.maxRequestBytes = Math.max(this.maxRequestBytes, request.bytes);
  }

  recordResponse(bytes: number): void {
    this.maxResponseBytes = Math.max(this.maxResponseBytes, bytes);
  }

  count(call: string): void {
    this.calls[call] = (this.calls[call] ?? 0) + 1;
  }

  reset(): void {
    this.syncs = 0;
    this.requests.length = 0;
    this.maxRequestBytes = 0;
    this.maxResponseBytes = 0;
    this.runs = 0;
    for (const key of Object.keys(this.calls)) delete this.calls[key];
  }
}

/** Rows or columns inserted (count > 0) or deleted (count < 0) at `at`, limited to the cells between `from` and `to` across the other axis. */
export interface StructuralChange {
  readonly sheetId: number;
  readonly axis: "rows" | "columns";
  readonly at: number;
  readonly count: number;
  readonly from: number;
  readonly to: number;
}

/** A range proxy pinned to cells; Excel.run tracks it so inserted or deleted rows move it. */
export interface TrackedRange {
  adjustForChange(change: StructuralChange): (() => void) | null;
}

export type EventKind = "changed" | "selectionChanged";

export interface Registration {
  readonly kind: EventKind;
  /** The sheet whose events it receives, or null for the worksheet collection (every sheet). */
  readonly sheetId: number | null;
  readonly handler: (args: unknown) => unknown;
}

/** Builds the event arguments Office passes to a handler (set by the events module, which knows the proxies). */
export type EventArgsBuilder = (event: PendingEvent) => unknown;

export class StandInState {
  readonly options: ResolvedOptions;
  readonly stats = new Stats();
  selection: { sheetId: number; rect: Rect } | null = null;
  enableEvents = true;
  readonly registrations = new Set<Registration>();
  readonly tracked = new Set<TrackedRange>();
  /** Defined names whose sheet was deleted: Excel keeps them as =#REF! (lower-case name → name). */
  readonly brokenNames = new Map<string, string>();
  /** NamedItem comments, which ExcelJS does not store. */
  readonly nameComments = new Map<string, string>();
  buildEventArgs: EventArgsBuilder = (e) => e;
  private chain: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Errors thrown by event handlers, kept for tests (Office would only log them). */
  readonly handlerErrors: unknown[] = [];
  private tableIds = new WeakMap<object, number>();
  private nextTableId = 1;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    options: StandInOptions = {},
  ) {
    this.options = {
      maxRequestBytes: options.maxRequestBytes ?? 5 * 1024 * 1024,
      failedBatches: options.failedBatches ?? "rollback",
      year: options.year ?? new Date().getFullYear(),
      workbookName: options.workbookName ?? "Book1.xlsx",
    };
  }

  get date1904(): boolean {
    return Boolean(this.workbook.properties?.date1904);
  }

  private cellEdit: { readonly done: Promise<void>; readonly end: () => void } | null = null;

  /** Simulates a user editing a cell until the returned function is called (see StandInEvents.beginCellEdit). */
  beginCellEdit(): () => void {
    if (this.cellEdit) return this.cellEdit.end;
    let end: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      end = () => {
        this.cellEdit = null;
        resolve();
      };
    });
    this.cellEdit = { done, end };
    return end;
  }

  /** Resolves when the user leaves cell-edit mode; null when not editing. */
  get cellEditing(): Promise<void> | null {
    return this.cellEdit?.done ?? null;
  }

  /** Runs one sync after earlier ones, asynchronously like a round trip, so syncs never interleave. */
  sync(ops: readonly Operation[]): Promise<void> {
    const run = this.chain.then(() => executeBatch(this, ops));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Hands events to the registered handlers after the sync that caused them, unless events are disabled. */
  dispatch(events: readonly PendingEvent[]): void {
    if (!this.enableEvents || events.length === 0) return;
    for (const event of events) {
      for (const reg of this.registrations) {
        if (reg.kind !== event.kind) continue;
        if (reg.sheetId !== null && reg.sheetId !== event.sheetId) continue;
        this.track(Promise.resolve().then(() => reg.handler(this.buildEventArgs(event))));
      }
    }
  }

  private track(p: Promise<unknown>): void {
    const settled = p.then(
      () => undefined,
      (e: unknown) => {
        this.handlerErrors.push(e);
      },
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
  }

  /** Resolves once every event handler started so far (and any they started) has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    await this.chain;
  }

  /** Moves tracked ranges for a structural change; returns how to move them back. */
  adjustTracked(change: StructuralChange): () => void {
    const undos: (() => void)[] = [];
    for (const range of this.tracked) {
      const undo = range.adjustForChange(change);
      if (undo) undos.push(undo);
    }
    return () => undos.reverse().forEach((u) => u());
  }

  /** A stable number for an ExcelJS table object, for Table.id. */
  tableId(table: object): number {
    let id = this.tableIds.get(table);
    if (id === undefined) {
      id = this.nextTableId++;
      this.tableIds.set(table, id);
    }
    return id;
  }

  worksheetById(id: number): ExcelJS.Worksheet | undefined {
    return this.workbook.worksheets.find((ws) => ws.id === id);
  }

  /** The sheet Excel shows: the workbook view's active tab, else the first visible sheet. */
  activeSheet(): ExcelJS.Worksheet | undefined {
    const sheets = this.workbook.worksheets;
    const views = this.workbook.views as { activeTab?: number }[] | undefined;
    const tab = views?.[0]?.activeTab ?? 0;
    const chosen = sheets[tab];
    if (chosen && chosen.state === "visible") return chosen;
    return sheets.find((ws) => ws.state === "visible") ?? sheets[0];
  }

  /** Makes a sheet the active one, recording it in the workbook view so a saved file opens on it. */
  activate(ws: ExcelJS.Worksheet): () => void {
    const wb = this.workbook as unknown as { views?: { activeTab?: number; [k: string]: unknown }[] };
    const before = wb.views ? wb.views.map((v) => ({ ...v })) : undefined;
    const index = this.workbook.worksheets.indexOf(ws);
    if (!wb.views || wb.views.length === 0) wb.views = [{ activeTab: index }];
    else wb.views[0] = { ...wb.views[0], activeTab: index, firstSheet: 0 };
    return () => {
      wb.views = before;
    };
  }
}
