/**
 * Writing cells as Range.values, Range.formulas, Range.numberFormat and
 * Range.clear do: shape checks, Excel's parsing of typed text, undo records,
 * and table headers kept in step with their cells.
 */
import type ExcelJS from "exceljs";
import { type Rect, cellCount, columnCount, formatRect, intersect, isWholeColumns, rowCount } from "./address";
import type { Transaction } from "./batch";
import { CellJournal, type Style, findCell, lastRowNumber, restyle, styleAt } from "./cells";
import { ErrorCodes, fail } from "./errors";
import { headerNames, headerRect, sheetTables, snapshotTable } from "./tablemodel";
import { InvalidInput, parseInput, readValue } from "./values";

/** Broadcasting one value over more cells than this is refused instead of filling a million cells. */
const BROADCAST_LIMIT = 1_000_000;

const SHAPE_MESSAGE =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/**
 * What a property write gives each cell: a 2-D array must match the range's
 * shape exactly; a single value (not null) applies to every cell, as Office allows.
 */
export function gridAccessor(input: unknown, rect: Rect, location: string): (r: number, c: number) => unknown {
  if (!Array.isArray(input)) {
    if (input === null || input === undefined)
      fail(ErrorCodes.invalidArgument, location, "null is not a valid value for a range property.");
    return () => input;
  }
  const rows = rowCount(rect);
  const columns = columnCount(rect);
  if (input.length !== rows) fail(ErrorCodes.invalidArgument, location, SHAPE_MESSAGE);
  for (const row of input) {
    if (!Array.isArray(row) || row.length !== columns) fail(ErrorCodes.invalidArgument, location, SHAPE_MESSAGE);
  }
  const grid = input as unknown[][];
  return (r, c) => grid[r - rect.top][c - rect.left];
}

function isText(numFmt: string | undefined): boolean {
  return numFmt === "@";
}

function isGeneral(numFmt: string | undefined): boolean {
  return numFmt === undefined || numFmt === "" || /^general$/i.test(numFmt);
}

/** Clears the values of the cells that exist in a rectangle (the only sane way to blank a whole column). */
function clearExisting(tx: Transaction, ws: ExcelJS.Worksheet, rect: Rect): void {
  const journal = new CellJournal(ws);
  tx.onUndo(() => journal.restore());
  for (let r = rect.top; r <= Math.min(rect.bottom, lastRowNumber(ws)); r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const cell = findCell(ws, r, c);
      if (cell === undefined) {
        if (c > rect.left && ws.findRow(r) === undefined) break;
        continue;
      }
      if (cell.value !== null) journal.cell(r, c).value = null;
    }
  }
}

/**
 * Writes Range.values (or formulas) into a rectangle: null leaves a cell,
 * "" clears it, "=..." becomes a formula unless the cell is formatted as Text,
 * and typed-looking text is parsed as Excel would. Registers its undo first,
 * so a value refused part way leaves nothing behind.
 */
export function writeValues(tx: Transaction, ws: ExcelJS.Worksheet, rect: Rect, input: unknown): void {
  const location = `${ws.name}!${formatRect(rect)}`;
  const get = gridAccessor(input, rect, location);
  if (!Array.isArray(input) && cellCount(rect) > BROADCAST_LIMIT) {
    if (input === "") return clearExisting(tx, ws, rect);
    fail(ErrorCodes.rangeExceedsLimit, location);
  }
  const journal = new CellJournal(ws);
  tx.onUndo(() => journal.restore());
  const date1904 = tx.state.date1904;
  const year = tx.state.options.year;
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const v = get(r, c);
      if (v === null) continue;
      const existing = findCell(ws, r, c);
      const numFmt = (existing ? existing.numFmt : styleAt(ws, r, c).numFmt) as string | undefined;
      let write;
      try {
        write = parseInput(v, { textFormat: isText(numFmt), generalFormat: isGeneral(numFmt), date1904, year });
      } catch (e) {
        if (e instanceof InvalidInput) fail(ErrorCodes.invalidArgument, location, `${e.message} (cell ${r},${c})`);
        throw e;
      }
      if (write.kind === "skip") continue;
      if (write.kind === "clear") {
        if (existing !== undefined && existing.value !== null) journal.cell(r, c).value = null;
        continue;
      }
      const cell = journal.cell(r, c);
      cell.value = write.value;
      if (write.numFmt) cell.style = { ...(cell.style as Style), numFmt: write.numFmt } as ExcelJS.Style;
    }
  }
  syncTableHeaders(tx, ws, rect);
}

/** Writes Range.numberFormat: a format code per cell ("" or "General" resets), null leaves a cell. */
export function writeNumberFormats(tx: Transaction, ws: ExcelJS.Worksheet, rect: Rect, input: unknown): void {
  const location = `${ws.name}!${formatRect(rect)}`;
  const get = gridAccessor(input, rect, location);
  const apply = (style: Style, format: unknown): Style => {
    if (typeof format !== "string") fail(ErrorCodes.invalidArgument, location, "A number format must be a string.");
    const next = { ...style };
    if (isGeneral(format)) delete next.numFmt;
    else next.numFmt = format;
    return next;
  };
  if (!Array.isArray(input)) {
    tx.onUndo(restyle(ws, rect, (style) => apply(style, input)));
    return;
  }
  const journal = new CellJournal(ws);
  tx.onUndo(() => journal.restore());
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const format = get(r, c);
      if (format === null) continue;
      const cell = journal.cell(r, c);
      cell.style = apply(cell.style as Style, format) as ExcelJS.Style;
    }
  }
}

/** Range.clear(applyTo): "Contents" empties cells, "Formats" drops their styles, "All" (the default) both. */
export function clearRect(tx: Transaction, ws: ExcelJS.Worksheet, rect: Rect, applyTo: string): void {
  const what = applyTo.toLowerCase();
  if (what === "all" || what === "contents") clearExisting(tx, ws, rect);
  if (what === "all" || what === "formats") {
    if (isWholeColumns(rect) || cellCount(rect) > BROADCAST_LIMIT) tx.onUndo(restyle(ws, rect, () => ({})));
    else {
      const journal = new CellJournal(ws);
      tx.onUndo(() => journal.restore());
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++)
          if (findCell(ws, r, c)) journal.cell(r, c).style = {} as ExcelJS.Style;
    }
  }
  if (what === "all" || what === "contents") syncTableHeaders(tx, ws, rect);
}

/**
 * Keeps a table's column names equal to its header cells after they are
 * written, as Excel does: a blank header becomes "Column1", a repeated one
 * gets a number, and the cell shows the name. Otherwise ExcelJS would save a
 * table whose columns disagree with its header row, which Excel repairs.
 */
export function syncTableHeaders(tx: Transaction, ws: ExcelJS.Worksheet, written: Rect): void {
  for (const t of sheetTables(ws)) {
    const header = headerRect(t);
    if (!header || !intersect(header, written)) continue;
    const names = headerNames(ws, header, tx.state.date1904);
    const before = snapshotTable(t);
    const changed = names.some((n, i) => t.table.columns[i]?.name !== n);
    if (changed) {
      t.table.columns = names.map((name, i) => ({ ...(t.table.columns[i] ?? {}), name }));
      tx.onUndo(() => {
        t.table = before;
      });
    }
    const journal = new CellJournal(ws);
    tx.onUndo(() => journal.restore());
    names.forEach((name, i) => {
      const column = header.left + i;
      if (readValue(findCell(ws, header.top, column), tx.state.date1904) !== name)
        journal.cell(header.top, column).value = name;
    });
  }
}
