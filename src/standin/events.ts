/**
 * Worksheet events: handlers registered with onChanged / onSelectionChanged
 * (registration and removal take effect at the next sync, as in Office), the
 * event arguments Office passes, and the simulated user and co-author actions
 * tests and the browser preview use to make events happen.
 */
import type ExcelJS from "exceljs";
import { MAX_COLUMNS, type Rect, formatRect, parseRect, splitSheet } from "./address";
import { Transaction, type PendingEvent } from "./batch";
import { findCell, isLocked, isProtected } from "./cells";
import type { RequestContext } from "./context";
import { ErrorCodes, StandInError } from "./errors";
import type { EventKind, Registration, StandInState } from "./state";
import { applyStructuralChange } from "./structure";
import { writeValues } from "./write";

/** Office's worksheet id for an ExcelJS sheet id: a GUID-shaped string, stable for the sheet's life. */
export function worksheetId(id: number): string {
  return `{${id.toString(16).toUpperCase().padStart(8, "0")}-0000-4000-8000-000000000000}`;
}

/** The ExcelJS sheet id inside a worksheet id, or NaN when the key is not one of ours. */
export function sheetIdOf(key: string): number {
  const m = /^\{([0-9A-F]{8})-0000-4000-8000-000000000000\}$/i.exec(key);
  return m ? parseInt(m[1], 16) : NaN;
}

/** What EventHandlers.add returns: remove() queues the removal, done at the next sync of `context`. */
export class EventHandlerResult {
  constructor(
    readonly context: RequestContext,
    private readonly registration: Registration,
  ) {}

  remove(): void {
    const state = this.context._state;
    this.context._enqueue({
      wire: { removeHandler: this.registration.kind },
      run: (tx) => {
        tx.onCommit(() => state.registrations.delete(this.registration));
      },
    });
  }
}

/** onChanged / onSelectionChanged of a worksheet (sheetId) or of the worksheet collection (null: every sheet). */
export class EventHandlers {
  constructor(
    private readonly context: RequestContext,
    private readonly path: string,
    private readonly kind: EventKind,
    private readonly sheet: ((tx: Transaction) => ExcelJS.Worksheet | null) | null,
  ) {}

  add(handler: (args: unknown) => unknown): EventHandlerResult {
    const holder: { registration: Registration } = {
      registration: { kind: this.kind, sheetId: null, handler },
    };
    const result = new EventHandlerResult(this.context, holder.registration);
    const state = this.context._state;
    this.context._enqueue({
      wire: { addHandler: `${this.path}.${this.kind}` },
      run: (tx) => {
        if (this.sheet === null) {
          tx.onCommit(() => state.registrations.add(holder.registration));
          return;
        }
        const ws = this.sheet(tx);
        if (ws === null) return;
        // The sheet is known only now; registration objects are immutable, so swap in one that names it.
        const registration: Registration = { kind: this.kind, sheetId: ws.id, handler };
        Object.assign(holder.registration, registration);
        tx.onCommit(() => state.registrations.add(holder.registration));
      },
    });
    return result;
  }
}

/** The arguments Office hands a handler: WorksheetChangedEventArgs or WorksheetSelectionChangedEventArgs. */
export function eventArgs(event: PendingEvent): Record<string, unknown> {
  const id = worksheetId(event.sheetId);
  if (event.kind === "selectionChanged") {
    return { type: "WorksheetSelectionChanged", worksheetId: id, address: event.address };
  }
  return {
    type: "WorksheetChanged",
    worksheetId: id,
    address: event.address,
    changeType: event.changeType ?? "RangeEdited",
    source: event.source,
    triggerSource: event.triggerSource ?? "Unknown",
    getRange: (ctx: { workbook: { worksheets: { getItem(k: string): { getRange(a: string): unknown } } } }) =>
      ctx.workbook.worksheets.getItem(id).getRange(event.address),
    getRangeOrNullObject: (ctx: {
      workbook: {
        worksheets: {
          getItem(k: string): { getRangeOrNullObject?: (a: string) => unknown; getRange(a: string): unknown };
        };
      };
    }) => ctx.workbook.worksheets.getItem(id).getRange(event.address),
  };
}

function sheetNamed(state: StandInState, name: string): ExcelJS.Worksheet {
  const lower = name.toLowerCase();
  const ws = state.workbook.worksheets.find((w) => w.name.toLowerCase() === lower);
  if (!ws) throw new StandInError(ErrorCodes.itemNotFound, { location: `worksheet ${name}` });
  return ws;
}

function rectOf(address: string): Rect {
  const rect = parseRect(splitSheet(address).local);
  if (!rect) throw new StandInError(ErrorCodes.invalidArgument, { location: address });
  return rect;
}

/**
 * Simulated people: a user typing in Excel, a co-author's edits arriving, a
 * selection moving. Each changes the workbook at once (between round trips,
 * as real edits do) and resolves once every handler it triggered has finished.
 */
export class StandInEvents {
  constructor(private readonly state: StandInState) {}

  /** Applies a person's action at once (syncs never interleave with it: each runs start to end synchronously). */
  private async act(body: (tx: Transaction) => void): Promise<void> {
    const tx = new Transaction(this.state);
    body(tx);
    this.state.dispatch(tx.events);
    await this.state.idle();
  }

  private edit(sheet: string, address: string, value: unknown, source: "Local" | "Remote"): Promise<void> {
    return this.act((tx) => {
      const ws = sheetNamed(this.state, sheet);
      const rect = rectOf(address);
      const grid = Array.isArray(value) ? (value as unknown[][]) : [[value]];
      if (isProtected(ws)) {
        for (let r = rect.top; r <= rect.bottom; r++)
          for (let c = rect.left; c <= rect.right; c++)
            if (isLocked(findCell(ws, r, c))) throw new StandInError(ErrorCodes.accessDenied, { location: address });
      }
      writeValues(tx, ws, rect, grid);
      tx.emit({
        kind: "changed",
        sheetId: ws.id,
        address: formatRect(rect),
        changeType: "RangeEdited",
        source,
        triggerSource: "Unknown",
      });
    });
  }

  /** A user types `value` (a value, or a 2-D array for a range) into cells, as Excel parses typing; fires onChanged with source "Local". */
  editCell(sheet: string, address: string, value: unknown): Promise<void> {
    return this.edit(sheet, address, value, "Local");
  }

  /** A co-author's edit arrives; fires onChanged with source "Remote". */
  remoteEdit(sheet: string, address: string, value: unknown): Promise<void> {
    return this.edit(sheet, address, value, "Remote");
  }

  /** The user selects cells (activating their sheet); fires onSelectionChanged. */
  select(sheet: string, address: string): Promise<void> {
    return this.act((tx) => {
      const ws = sheetNamed(this.state, sheet);
      const rect = rectOf(address);
      this.state.activate(ws);
      this.state.selection = { sheetId: ws.id, rect };
      tx.emit({ kind: "selectionChanged", sheetId: ws.id, address: formatRect(rect), source: "Local" });
    });
  }

  /** Someone inserts whole rows at `atRow` (a co-author by default): cells, tables and names move down. */
  insertRows(sheet: string, atRow: number, count: number, source: "Local" | "Remote" = "Remote"): Promise<void> {
    return this.act((tx) => {
      const ws = sheetNamed(this.state, sheet);
      applyStructuralChange(
        tx,
        ws,
        { sheetId: ws.id, axis: "rows", at: atRow, count, from: 1, to: MAX_COLUMNS },
        source,
        "Unknown",
      );
    });
  }

  /** Someone deletes whole rows starting at `atRow`. */
  deleteRows(sheet: string, atRow: number, count: number, source: "Local" | "Remote" = "Remote"): Promise<void> {
    return this.act((tx) => {
      const ws = sheetNamed(this.state, sheet);
      applyStructuralChange(
        tx,
        ws,
        { sheetId: ws.id, axis: "rows", at: atRow, count: -count, from: 1, to: MAX_COLUMNS },
        source,
        "Unknown",
      );
    });
  }

  /**
   * The user starts editing a cell. Until the returned function is called,
   * a sync from Excel.run without delayForCellEdit fails with
   * InvalidOperationInCellEditMode, and one with it waits.
   */
  beginCellEdit(): () => void {
    return this.state.beginCellEdit();
  }
}
