/**
 * Range: values in and out as Office hands them, derived ranges (cells, rows,
 * offsets, bounding boxes), clear/insert/delete/select, and Excel.run's
 * tracking of a range's cells across syncs.
 */
import type ExcelJS from "exceljs";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  type Rect,
  boundingRect,
  cellCount,
  checkedRect,
  columnCount,
  formatAddress,
  formatRect,
  intersect,
  isWholeColumns,
  isWholeRows,
  parseRect,
  rowCount,
  splitSheet,
} from "./address";
import type { Transaction } from "./batch";
import { anyLocked, findCell, isProtected, protectionAllows, readGrid, styleAt, usedRect } from "./cells";
import type { RequestContext } from "./context";
import { ErrorCodes, fail } from "./errors";
import { RangeFormat } from "./format";
import { parseReference, readNames } from "./namemodel";
import { formatText, officeNumberFormat } from "./numfmt";
import { type AnyClientObject, ClientObject, type Getter } from "./proxy";
import type { StructuralChange, TrackedRange } from "./state";
import { applyStructuralChange, moveRect } from "./structure";
import { DataValidation } from "./validation";
import { readFormula, readValue, readValueType } from "./values";
import { Worksheet } from "./worksheet";
import { clearRect, writeNumberFormats, writeValues } from "./write";

/** The cells a Range stands for. */
export interface RangeTarget {
  readonly ws: ExcelJS.Worksheet;
  readonly rect: Rect;
}

/** Office refuses to read more than five million cells in one get. */
const MAX_READ_CELLS = 5_000_000;

/**
 * The rectangle an address names on a sheet: "A1:C3", "'Sheet 1'!B2" (the
 * sheet must be this one), or a workbook defined name that points at this
 * sheet. Anything else fails the sync with InvalidArgument.
 */
export function resolveAddress(tx: Transaction, ws: ExcelJS.Worksheet, address: string, location: string): Rect {
  const { sheet, local } = splitSheet(address);
  if (sheet !== null && sheet.toLowerCase() !== ws.name.toLowerCase()) fail(ErrorCodes.invalidArgument, location);
  const rect = parseRect(local);
  if (rect) return rect;
  const lower = local.trim().toLowerCase();
  const named = readNames(tx.state.workbook).find((n) => n.name.toLowerCase() === lower);
  const ref = named && named.ranges.length === 1 ? parseReference(named.ranges[0]) : null;
  if (ref && ref.sheet.toLowerCase() === ws.name.toLowerCase()) return ref.rect;
  return fail(ErrorCodes.invalidArgument, location, `The address "${address}" is not valid.`);
}

function readable(t: RangeTarget, location: string): void {
  if (cellCount(t.rect) > MAX_READ_CELLS) fail(ErrorCodes.rangeExceedsLimit, location);
}

export class Range extends ClientObject<RangeTarget> implements TrackedRange {
  protected readonly _className = "Range";
  private _pinnedRange: { target: RangeTarget | null; deleted?: boolean } | undefined;
  private _format: RangeFormat | undefined;
  private _worksheet: Worksheet | undefined;
  private _dataValidation: DataValidation | undefined;

  constructor(
    context: RequestContext,
    path: string,
    private readonly locator: (tx: Transaction) => RangeTarget | null,
    instantiate = true,
  ) {
    super(context, path, instantiate);
  }

  protected _locate(tx: Transaction): RangeTarget | null {
    return this.locator(tx);
  }

  protected override _pinnedTarget(): { target: RangeTarget | null } | undefined {
    return this._pinnedRange;
  }

  /** Pins the range to its cells; Excel.run tracks it, so rows inserted above move it down. */
  protected override _pin(target: RangeTarget | null, tx: Transaction): void {
    const before = this._pinnedRange;
    this._pinnedRange = { target };
    if (target !== null) this.context._pin(this);
    tx.onUndo(() => {
      this._pinnedRange = before;
    });
  }

  protected override _isAlive(target: RangeTarget, tx: Transaction): boolean {
    if (this._pinnedRange?.deleted) fail(ErrorCodes.invalidReference, this._path);
    return tx.state.workbook.worksheets.includes(target.ws);
  }

  /** Moves the pinned cells with a structural change on their sheet; returns the undo, or null when unaffected. */
  adjustForChange(change: StructuralChange): (() => void) | null {
    const pinned = this._pinnedRange;
    if (!pinned?.target || pinned.target.ws.id !== change.sheetId) return null;
    const moved = moveRect(pinned.target.rect, change);
    if (moved === pinned.target.rect) return null;
    const before = this._pinnedRange;
    this._pinnedRange =
      moved === null ? { target: pinned.target, deleted: true } : { target: { ws: pinned.target.ws, rect: moved } };
    return () => {
      this._pinnedRange = before;
    };
  }

  _getters(): Record<string, Getter<RangeTarget>> {
    const loc = (name: string): string => `${this._path}.${name}`;
    return {
      address: (t) => formatAddress(t.ws.name, t.rect),
      addressLocal: (t) => formatAddress(t.ws.name, t.rect),
      cellCount: (t) => cellCount(t.rect),
      rowCount: (t) => rowCount(t.rect),
      columnCount: (t) => columnCount(t.rect),
      rowIndex: (t) => t.rect.top - 1,
      columnIndex: (t) => t.rect.left - 1,
      isEntireColumn: (t) => isWholeColumns(t.rect),
      isEntireRow: (t) => isWholeRows(t.rect),
      values: (t, tx) => {
        readable(t, loc("values"));
        const date1904 = tx.state.date1904;
        return readGrid(t.ws, t.rect, (cell) => readValue(cell, date1904));
      },
      valueTypes: (t) => {
        readable(t, loc("valueTypes"));
        return readGrid(t.ws, t.rect, readValueType);
      },
      formulas: (t, tx) => {
        readable(t, loc("formulas"));
        const date1904 = tx.state.date1904;
        return readGrid(t.ws, t.rect, (cell) => readFormula(cell, date1904));
      },
      formulasLocal: (t, tx) => {
        readable(t, loc("formulasLocal"));
        const date1904 = tx.state.date1904;
        return readGrid(t.ws, t.rect, (cell) => readFormula(cell, date1904));
      },
      numberFormat: (t) => {
        readable(t, loc("numberFormat"));
        return numberFormats(t);
      },
      text: (t, tx) => {
        readable(t, loc("text"));
        const date1904 = tx.state.date1904;
        return readGrid(t.ws, t.rect, (cell) =>
          cell === undefined
            ? ""
            : formatText(readValue(cell, date1904), readValueType(cell), officeNumberFormat(cell.numFmt), date1904),
        );
      },
    };
  }

  protected override _navigation(name: string): AnyClientObject | undefined {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    if (name === "dataValidation") return this.dataValidation;
    return undefined;
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get isEntireColumn(): boolean {
    return this._get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this._get("isEntireRow");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get text(): string[][] {
    return this._get("text");
  }

  get values(): any[][] {
    return this._get("values");
  }

  /** Queues a write of values: a 2-D array the shape of the range (null leaves a cell) or one value for every cell. */
  set values(input: any[][]) {
    this._set("values", input, (t, tx) => this._writeContent(t, tx, input, "values"));
  }

  get formulas(): any[][] {
    return this._get("formulas");
  }

  set formulas(input: any[][]) {
    this._set("formulas", input, (t, tx) => this._writeContent(t, tx, input, "formulas"));
  }

  get formulasLocal(): any[][] {
    return this._get("formulasLocal");
  }

  set formulasLocal(input: any[][]) {
    this._set("formulasLocal", input, (t, tx) => this._writeContent(t, tx, input, "formulasLocal"));
  }

  get numberFormat(): any[][] {
    return this._get("numberFormat");
  }

  set numberFormat(input: any[][]) {
    this._set("numberFormat", input, (t, tx) => {
      if (!protectionAllows(t.ws, "formatCells")) fail(ErrorCodes.accessDenied, `${this._path}.numberFormat`);
      writeNumberFormats(tx, t.ws, t.rect, input);
    });
  }

  private _writeContent(t: RangeTarget, tx: Transaction, input: unknown, property: string): void {
    if (isProtected(t.ws) && anyLocked(t.ws, t.rect)) fail(ErrorCodes.accessDenied, `${this._path}.${property}`);
    writeValues(tx, t.ws, t.rect, input);
    tx.emit({
      kind: "changed",
      sheetId: t.ws.id,
      address: formatRect(t.rect),
      changeType: "RangeEdited",
      source: "Local",
      triggerSource: "ThisLocalAddin",
    });
  }

  get format(): RangeFormat {
    this._format ??= new RangeFormat(this.context, `${this._path}.format`, (tx) => this._resolve(tx));
    return this._format;
  }

  get dataValidation(): DataValidation {
    this._dataValidation ??= new DataValidation(this.context, `${this._path}.dataValidation`, (tx) =>
      this._resolve(tx),
    );
    return this._dataValidation;
  }

  /** The range's worksheet (a navigation property: load its properties through it). */
  get worksheet(): Worksheet {
    this._worksheet ??= new Worksheet(this.context, `${this._path}.worksheet`, (tx) => this._resolve(tx)?.ws ?? null);
    return this._worksheet;
  }

  /** A range computed from this one at sync; `compute` returning null means the arguments leave the grid. */
  private _derive(
    method: string,
    args: unknown[],
    compute: (t: RangeTarget, tx: Transaction) => Rect | null,
    orNull = false,
  ): Range {
    const path = this._childPath(method, args);
    return new Range(this.context, path, (tx) => {
      const t = this._resolve(tx);
      if (t === null) return null;
      const rect = compute(t, tx);
      if (rect === null) return orNull ? null : fail(ErrorCodes.invalidArgument, path);
      return { ws: t.ws, rect };
    });
  }

  /** The cell at 0-based (row, column) from the top-left, which may lie outside the range. */
  getCell(row: number, column: number): Range {
    return this._derive("getCell", [row, column], ({ rect }) =>
      checkedRect(rect.top + row, rect.left + column, rect.top + row, rect.left + column),
    );
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._derive("getResizedRange", [deltaRows, deltaColumns], ({ rect }) =>
      checkedRect(rect.top, rect.left, rect.bottom + deltaRows, rect.right + deltaColumns),
    );
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derive("getOffsetRange", [rowOffset, columnOffset], ({ rect }) =>
      checkedRect(rect.top + rowOffset, rect.left + columnOffset, rect.bottom + rowOffset, rect.right + columnOffset),
    );
  }

  getRow(row: number): Range {
    return this._derive("getRow", [row], ({ rect }) =>
      checkedRect(rect.top + row, rect.left, rect.top + row, rect.right),
    );
  }

  getColumn(column: number): Range {
    return this._derive("getColumn", [column], ({ rect }) =>
      checkedRect(rect.top, rect.left + column, rect.bottom, rect.left + column),
    );
  }

  getEntireRow(): Range {
    return this._derive("getEntireRow", [], ({ rect }) => ({
      top: rect.top,
      bottom: rect.bottom,
      left: 1,
      right: MAX_COLUMNS,
    }));
  }

  getEntireColumn(): Range {
    return this._derive("getEntireColumn", [], ({ rect }) => ({
      top: 1,
      bottom: MAX_ROWS,
      left: rect.left,
      right: rect.right,
    }));
  }

  getLastRow(): Range {
    return this._derive("getLastRow", [], ({ rect }) => ({ ...rect, top: rect.bottom }));
  }

  getLastColumn(): Range {
    return this._derive("getLastColumn", [], ({ rect }) => ({ ...rect, left: rect.right }));
  }

  getLastCell(): Range {
    return this._derive("getLastCell", [], ({ rect }) => ({
      top: rect.bottom,
      bottom: rect.bottom,
      left: rect.right,
      right: rect.right,
    }));
  }

  getRowsAbove(count = 1): Range {
    return this._derive("getRowsAbove", [count], ({ rect }) =>
      checkedRect(rect.top - count, rect.left, rect.top - 1, rect.right),
    );
  }

  getRowsBelow(count = 1): Range {
    return this._derive("getRowsBelow", [count], ({ rect }) =>
      checkedRect(rect.bottom + 1, rect.left, rect.bottom + count, rect.right),
    );
  }

  /** The rectangle a Range or address argument names on this range's sheet (another sheet fails the sync). */
  private _other(other: Range | string, t: RangeTarget, tx: Transaction, location: string): Rect {
    if (typeof other === "string") return resolveAddress(tx, t.ws, other, location);
    const o = other._resolve(tx);
    if (o === null || o.ws !== t.ws) fail(ErrorCodes.invalidArgument, location);
    return o.rect;
  }

  private static _arg(other: Range | string): string {
    return typeof other === "string" ? other : other._path;
  }

  /** The smallest range holding this one and `anotherRange`. */
  getBoundingRect(anotherRange: Range | string): Range {
    const path = this._childPath("getBoundingRect", [Range._arg(anotherRange)]);
    return this._derive("getBoundingRect", [Range._arg(anotherRange)], (t, tx) =>
      boundingRect(t.rect, this._other(anotherRange, t, tx, path)),
    );
  }

  getIntersection(anotherRange: Range | string): Range {
    const path = this._childPath("getIntersection", [Range._arg(anotherRange)]);
    return this._derive("getIntersection", [Range._arg(anotherRange)], (t, tx) =>
      intersect(t.rect, this._other(anotherRange, t, tx, path)),
    );
  }

  getIntersectionOrNullObject(anotherRange: Range | string): Range {
    const path = this._childPath("getIntersectionOrNullObject", [Range._arg(anotherRange)]);
    return this._derive(
      "getIntersectionOrNullObject",
      [Range._arg(anotherRange)],
      (t, tx) => intersect(t.rect, this._other(anotherRange, t, tx, path)),
      true,
    );
  }

  /** The used part of this range (values only, or values and formats). */
  getUsedRange(valuesOnly?: boolean): Range {
    return this._derive("getUsedRange", [valuesOnly], (t) => {
      const used = usedRect(t.ws, Boolean(valuesOnly));
      return (
        (used && intersect(used, t.rect)) ?? {
          top: t.rect.top,
          left: t.rect.left,
          bottom: t.rect.top,
          right: t.rect.left,
        }
      );
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this._derive(
      "getUsedRangeOrNullObject",
      [valuesOnly],
      (t) => {
        const used = usedRect(t.ws, Boolean(valuesOnly));
        return used && intersect(used, t.rect);
      },
      true,
    );
  }

  /** Clears contents, formats or both ("All", the default). */
  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], (t, tx) => {
      const what = applyTo.toLowerCase();
      if (!["all", "contents", "formats", "hyperlinks", "removehyperlinks"].includes(what))
        fail(ErrorCodes.invalidArgument, `${this._path}.clear()`);
      if ((what === "all" || what === "contents") && isProtected(t.ws) && anyLocked(t.ws, t.rect))
        fail(ErrorCodes.accessDenied, `${this._path}.clear()`);
      if ((what === "all" || what === "formats") && !protectionAllows(t.ws, "formatCells"))
        fail(ErrorCodes.accessDenied, `${this._path}.clear()`);
      clearRect(tx, t.ws, t.rect, what.endsWith("hyperlinks") ? "none" : what);
      tx.emit({
        kind: "changed",
        sheetId: t.ws.id,
        address: formatRect(t.rect),
        changeType: "RangeEdited",
        source: "Local",
        triggerSource: "ThisLocalAddin",
      });
    });
  }

  private _structural(
    t: RangeTarget,
    tx: Transaction,
    direction: "Up" | "Left" | "Down" | "Right",
    method: string,
  ): void {
    const { rect, ws } = t;
    const inserting = direction === "Down" || direction === "Right";
    const rows = direction === "Up" || direction === "Down";
    const whole = rows ? isWholeRows(rect) : isWholeColumns(rect);
    const permission = `${inserting ? "insert" : "delete"}${rows ? "Rows" : "Columns"}`;
    if (isProtected(ws) && !(whole && protectionAllows(ws, permission)))
      fail(ErrorCodes.accessDenied, `${this._path}.${method}()`);
    const change: StructuralChange = rows
      ? {
          sheetId: ws.id,
          axis: "rows",
          at: rect.top,
          count: (inserting ? 1 : -1) * rowCount(rect),
          from: rect.left,
          to: rect.right,
        }
      : {
          sheetId: ws.id,
          axis: "columns",
          at: rect.left,
          count: (inserting ? 1 : -1) * columnCount(rect),
          from: rect.top,
          to: rect.bottom,
        };
    applyStructuralChange(tx, ws, change, "Local", "ThisLocalAddin");
  }

  /** Inserts cells the size of this range, shifting others "Down" or "Right"; returns the inserted cells. */
  insert(shift: string): Range {
    const path = this._childPath("insert", [shift]);
    return new Range(this.context, path, (tx) => {
      const t = this._resolve(tx);
      if (t === null) return null;
      if (shift !== "Down" && shift !== "Right") fail(ErrorCodes.invalidArgument, path);
      const inserted = { ws: t.ws, rect: t.rect };
      this._structural(t, tx, shift, "insert");
      return inserted;
    });
  }

  /** Deletes these cells, shifting others "Up" or "Left". */
  delete(shift: string): void {
    this._call("delete", [shift], (t, tx) => {
      if (shift !== "Up" && shift !== "Left") fail(ErrorCodes.invalidArgument, `${this._path}.delete()`);
      this._structural(t, tx, shift, "delete");
    });
  }

  /** Selects the range (activating its sheet) and fires onSelectionChanged. */
  select(): void {
    this._call("select", [], (t, tx) => {
      const state = tx.state;
      const before = state.selection;
      tx.onUndo(state.activate(t.ws));
      state.selection = { sheetId: t.ws.id, rect: t.rect };
      tx.onUndo(() => {
        state.selection = before;
      });
      tx.emit({ kind: "selectionChanged", sheetId: t.ws.id, address: formatRect(t.rect), source: "Local" });
    });
  }
}

/** Range.numberFormat: each cell's format, from the cell or its row/column default, "General" when none. */
function numberFormats(t: RangeTarget): string[][] {
  const { ws, rect } = t;
  const out: string[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const line: string[] = new Array<string>(rect.right - rect.left + 1);
    for (let c = rect.left; c <= rect.right; c++) {
      const cell = findCell(ws, r, c);
      line[c - rect.left] = officeNumberFormat((cell ? cell.numFmt : styleAt(ws, r, c).numFmt) as string | undefined);
    }
    out.push(line);
  }
  return out;
}
