/**
 * Bulk cell access on an ExcelJS worksheet, fast enough for 100,000-row
 * sheets: reads walk ExcelJS's row and cell arrays without creating cells,
 * writes record how to undo themselves, and styles are replaced, never
 * mutated (ExcelJS shares one style object between cells read from a file).
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- these are ExcelJS objects, plain data; the rules match names only */
import type ExcelJS from "exceljs";
import { MAX_COLUMNS, MAX_ROWS, type Rect, cellCount, columnLetters, isWholeColumns, isWholeRows } from "./address";

export type Style = Partial<ExcelJS.Style>;

/** The parts of ExcelJS's Row and Worksheet that bulk access needs (stable in ExcelJS 4.x). */
interface RowInternals {
  _number: number;
  _cells: (CellInternals | undefined)[];
  style: Style;
  height?: number;
  hidden?: boolean;
}

interface CellInternals extends ExcelJS.Cell {
  _address: string;
  _column: ExcelJS.Column;
  _value: { address: string };
}

interface SheetInternals {
  _rows: (RowInternals | undefined)[];
  _columns: (ExcelJS.Column | undefined)[] | null;
}

function internals(ws: ExcelJS.Worksheet): SheetInternals {
  return ws as unknown as SheetInternals;
}

/** The cell at (row, column) if ExcelJS has one; never creates it. */
export function findCell(ws: ExcelJS.Worksheet, row: number, column: number): ExcelJS.Cell | undefined {
  return internals(ws)._rows[row - 1]?._cells[column - 1];
}

/** The last row number ExcelJS holds anything for. */
export function lastRowNumber(ws: ExcelJS.Worksheet): number {
  return internals(ws)._rows.length;
}

/** Reads a rectangle row by row, handing each position's cell (or undefined) to `read`. */
export function readGrid<V>(ws: ExcelJS.Worksheet, rect: Rect, read: (cell: ExcelJS.Cell | undefined) => V): V[][] {
  const rows = internals(ws)._rows;
  const out: V[][] = new Array<V[]>(rect.bottom - rect.top + 1);
  const width = rect.right - rect.left + 1;
  const empty = read(undefined);
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row = rows[r - 1];
    const line = new Array<V>(width);
    if (!row) {
      line.fill(empty);
    } else {
      const cells = row._cells;
      for (let c = 0; c < width; c++) {
        const cell = cells[rect.left - 1 + c];
        line[c] = cell === undefined ? empty : read(cell);
      }
    }
    out[r - rect.top] = line;
  }
  return out;
}

/** A cell ExcelJS has a value for (not null, not the empty string). */
export function hasValue(cell: ExcelJS.Cell | undefined): boolean {
  if (cell === undefined) return false;
  const v = cell.value;
  return v !== null && v !== undefined && v !== "";
}

function hasFormat(cell: ExcelJS.Cell): boolean {
  const style = cell.style as Style | undefined;
  return style !== undefined && Object.keys(style).some((k) => (style as Record<string, unknown>)[k] !== undefined);
}

/**
 * The used range: the smallest rectangle holding every cell with a value, or
 * (without valuesOnly) with a value or a format. Null for an empty sheet.
 */
export function usedRect(ws: ExcelJS.Worksheet, valuesOnly: boolean): Rect | null {
  let top = 0;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  const rows = internals(ws)._rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const cells = row._cells;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === undefined) continue;
      if (!hasValue(cell) && (valuesOnly || !hasFormat(cell))) continue;
      if (top === 0) top = r + 1;
      bottom = r + 1;
      if (c + 1 < left) left = c + 1;
      if (c + 1 > right) right = c + 1;
    }
  }
  return top === 0 ? null : { top, left, bottom, right };
}

/** A cell's state, to put it back on rollback. */
interface CellSnapshot {
  readonly row: number;
  readonly column: number;
  readonly value: ExcelJS.CellValue;
  readonly style: Style;
}

/** Records cells before they change and restores them on undo. */
export class CellJournal {
  private readonly saved: CellSnapshot[] = [];

  constructor(private readonly ws: ExcelJS.Worksheet) {}

  /** Gets (creating if needed) a cell and remembers how it was. */
  cell(row: number, column: number): ExcelJS.Cell {
    const cell = this.ws.getRow(row).getCell(column);
    this.saved.push({ row, column, value: cell.value, style: cell.style });
    return cell;
  }

  get size(): number {
    return this.saved.length;
  }

  restore(): void {
    for (let i = this.saved.length - 1; i >= 0; i--) {
      const s = this.saved[i];
      const cell = this.ws.getRow(s.row).getCell(s.column);
      cell.value = s.value;
      cell.style = s.style;
    }
  }
}

/** Whether Excel would let a user (or an add-in) change this cell's content on a protected sheet. */
export function isLocked(cell: ExcelJS.Cell | undefined): boolean {
  const protection = (cell?.style as Style | undefined)?.protection;
  return protection?.locked !== false;
}

/** ExcelJS marks a protected sheet with a sheetProtection model whose `sheet` flag is on. */
export function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return Boolean(p) && p?.sheet !== false;
}

/** Whether a protected sheet allows an action (formatCells, insertRows...), as set when it was protected. */
export function protectionAllows(ws: ExcelJS.Worksheet, action: string): boolean {
  const p = (ws as unknown as { sheetProtection?: Record<string, unknown> | null }).sheetProtection;
  return !isProtected(ws) || p?.[action] === true;
}

/** True when any cell of the rectangle is locked (missing cells are locked, Excel's default). */
export function anyLocked(ws: ExcelJS.Worksheet, rect: Rect): boolean {
  if (cellCount(rect) > 1e6) return true;
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) if (isLocked(findCell(ws, r, c))) return true;
  }
  return false;
}

/** The style a cell at (row, column) has, without creating it: its own, else its row's or column's. */
export function styleAt(ws: ExcelJS.Worksheet, row: number, column: number): Style {
  const sheet = internals(ws);
  const r = sheet._rows[row - 1];
  const cell = r?._cells[column - 1];
  if (cell) return cell.style as Style;
  if (r && Object.keys(r.style).length > 0) return r.style;
  return (sheet._columns?.[column - 1]?.style as Style | undefined) ?? {};
}

/**
 * One value of a style property over a rectangle, or null when cells differ
 * (Office reports a mixed format as null). Whole columns and rows look at the
 * cells that exist plus the column defaults, not at a million empty positions.
 */
export function uniformStyle<V>(ws: ExcelJS.Worksheet, rect: Rect, read: (style: Style) => V): V | null {
  let seen = false;
  let value: V | null = null;
  const consider = (style: Style): boolean => {
    const v = read(style);
    if (!seen) {
      seen = true;
      value = v;
      return true;
    }
    return v === value;
  };
  if (cellCount(rect) <= 1e6) {
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) if (!consider(styleAt(ws, r, c))) return null;
    return value;
  }
  const sheet = internals(ws);
  for (let c = rect.left; c <= Math.min(rect.right, rect.left + 1000); c++) {
    if (!consider((sheet._columns?.[c - 1]?.style as Style | undefined) ?? {})) return null;
  }
  const rows = sheet._rows;
  for (let r = rect.top; r <= Math.min(rect.bottom, rows.length); r++) {
    const row = rows[r - 1];
    if (!row) continue;
    for (let c = rect.left; c <= Math.min(rect.right, row._cells.length); c++) {
      const cell = row._cells[c - 1];
      if (cell && !consider(cell.style as Style)) return null;
    }
  }
  return value;
}

/**
 * Replaces the style of every cell in a rectangle with `change(style)`. Whole
 * columns set the column's default and the cells that exist; whole rows the
 * rows that exist. Returns how to undo it.
 */
export function restyle(ws: ExcelJS.Worksheet, rect: Rect, change: (style: Style) => Style): () => void {
  const journal = new CellJournal(ws);
  const undos: (() => void)[] = [() => journal.restore()];
  const sheet = internals(ws);
  if (isWholeColumns(rect) || isWholeRows(rect)) {
    if (isWholeColumns(rect) && !isWholeRows(rect)) {
      for (let c = rect.left; c <= rect.right; c++) {
        const column = ws.getColumn(c);
        const before = column.style;
        column.style = change(before ?? {}) as ExcelJS.Style;
        undos.push(() => {
          column.style = before;
        });
      }
    }
    const rows = sheet._rows;
    for (let r = rect.top; r <= Math.min(rect.bottom, rows.length); r++) {
      const row = rows[r - 1];
      if (!row) continue;
      if (isWholeRows(rect)) {
        const before = row.style;
        row.style = change(before);
        undos.push(() => {
          row.style = before;
        });
      }
      for (let c = rect.left; c <= Math.min(rect.right, row._cells.length); c++) {
        if (!row._cells[c - 1]) continue;
        const cell = journal.cell(r, c);
        cell.style = change(cell.style as Style) as ExcelJS.Style;
      }
    }
  } else {
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = journal.cell(r, c);
        cell.style = change(cell.style as Style) as ExcelJS.Style;
      }
    }
  }
  return () => undos.reverse().forEach((u) => u());
}

function renumber(cell: CellInternals, row: number, column: number, ws: ExcelJS.Worksheet): void {
  const address = `${columnLetters(column)}${row}`;
  cell._address = address;
  cell._value.address = address;
  if (cell._column.number !== column) cell._column = ws.getColumn(column);
}

/**
 * Inserts (count > 0) or deletes (count < 0) whole rows at `at`, moving the
 * ExcelJS row objects themselves so values, styles and heights travel intact.
 * Returns how to undo it.
 */
export function spliceWholeRows(ws: ExcelJS.Worksheet, at: number, count: number): () => void {
  const rows = internals(ws)._rows;
  const fix = (from: number): void => {
    for (let i = from; i < rows.length; i++) {
      const row = rows[i];
      if (!row) continue;
      row._number = i + 1;
      row._cells.forEach((cell, c) => {
        if (cell) renumber(cell, i + 1, c + 1, ws);
      });
    }
  };
  if (at - 1 >= rows.length) {
    return () => undefined;
  }
  if (count > 0) {
    rows.splice(at - 1, 0, ...new Array<undefined>(count).fill(undefined));
    fix(at - 1);
    return () => {
      rows.splice(at - 1, count);
      fix(at - 1);
    };
  }
  const removed = rows.splice(at - 1, -count);
  fix(at - 1);
  return () => {
    rows.splice(at - 1, 0, ...removed);
    fix(at - 1);
  };
}

/** Inserts (count > 0) or deletes (count < 0) whole columns at `at`, moving cells and column widths. Returns the undo. */
export function spliceWholeColumns(ws: ExcelJS.Worksheet, at: number, count: number): () => void {
  const sheet = internals(ws);
  const moveCells = (start: number, n: number): (CellInternals | undefined)[][] => {
    const removedByRow: (CellInternals | undefined)[][] = [];
    sheet._rows.forEach((row, i) => {
      if (!row) return;
      if (n > 0) {
        if (row._cells.length >= start) row._cells.splice(start - 1, 0, ...new Array<undefined>(n).fill(undefined));
        removedByRow[i] = [];
      } else removedByRow[i] = row._cells.splice(start - 1, -n);
      row._cells.forEach((cell, c) => {
        if (cell && c >= start - 1) renumber(cell, i + 1, c + 1, ws);
      });
    });
    return removedByRow;
  };
  const widths = (sheet._columns ?? []).map((c) => ({ width: c?.width, style: c?.style, hidden: c?.hidden }));
  const setColumns = (defs: typeof widths): void => {
    const length = Math.max(defs.length, sheet._columns?.length ?? 0);
    for (let i = 0; i < length; i++) {
      const column = ws.getColumn(i + 1);
      const def = defs[i];
      column.width = def?.width as number;
      column.style = (def?.style ?? {}) as ExcelJS.Style;
      column.hidden = def?.hidden ?? false;
    }
  };
  const shifted =
    count > 0
      ? [...widths.slice(0, at - 1), ...new Array(count).fill({}), ...widths.slice(at - 1)]
      : [...widths.slice(0, at - 1), ...widths.slice(at - 1 - count)];
  if (widths.length >= at) setColumns(shifted);
  const removed = moveCells(at, count);
  return () => {
    if (count > 0) moveCells(at, -count);
    else {
      sheet._rows.forEach((row, i) => {
        if (!row) return;
        const back = removed[i] ?? [];
        if (row._cells.length >= at - 1 || back.some(Boolean)) {
          while (row._cells.length < at - 1) row._cells.push(undefined);
          row._cells.splice(at - 1, 0, ...back, ...new Array<undefined>(-count - back.length).fill(undefined));
        }
        row._cells.forEach((cell, c) => {
          if (cell && c >= at - 1) renumber(cell, i + 1, c + 1, ws);
        });
      });
    }
    if (widths.length >= at) setColumns(widths);
  };
}

/**
 * Shifts the cells of part of the sheet, as inserting or deleting cells does
 * ("shift down" / "shift up" within columns from..to, or "shift right" /
 * "shift left" within rows from..to). Values and styles are copied; the
 * undo puts every touched cell back.
 */
export function shiftCells(
  ws: ExcelJS.Worksheet,
  axis: "rows" | "columns",
  at: number,
  count: number,
  from: number,
  to: number,
): () => void {
  const journal = new CellJournal(ws);
  const limit = axis === "rows" ? MAX_ROWS : MAX_COLUMNS;
  const last =
    axis === "rows"
      ? lastRowNumber(ws)
      : internals(ws)._rows.reduce((n, row) => Math.max(n, row?._cells.length ?? 0), 0);
  const at2 = (line: number, across: number): [number, number] => (axis === "rows" ? [line, across] : [across, line]);
  const get = (line: number, across: number): ExcelJS.Cell | undefined => findCell(ws, ...at2(line, across));
  const put = (line: number, across: number, source: ExcelJS.Cell | undefined): void => {
    const existing = get(line, across);
    if (!source && !existing) return;
    const cell = journal.cell(...at2(line, across));
    cell.value = source ? source.value : null;
    cell.style = (source ? source.style : {}) as ExcelJS.Style;
  };
  const extentAcross =
    axis === "rows"
      ? internals(ws)._rows.reduce((n, row) => Math.max(n, row?._cells.length ?? 0), 0)
      : lastRowNumber(ws);
  const lastAcross = Math.min(to, extentAcross);
  if (count > 0) {
    for (let line = Math.min(last, limit - count); line >= at; line--) {
      for (let across = from; across <= lastAcross; across++) put(line + count, across, get(line, across));
    }
    for (let line = at; line < at + count && line <= limit; line++) {
      for (let across = from; across <= lastAcross; across++) put(line, across, undefined);
    }
  } else {
    const n = -count;
    for (let line = at; line <= last; line++) {
      for (let across = from; across <= lastAcross; across++)
        put(line, across, line + n <= last ? get(line + n, across) : undefined);
    }
  }
  return () => journal.restore();
}
