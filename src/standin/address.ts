/** A1 addresses as Office.js reads and writes them: parsing "A1:C3", "A:A", "2:2", sheet quoting, grid bounds. */

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). Whole-column and whole-row addresses span these. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/**
 * A rectangle of cells, 1-based and inclusive on both ends, like ExcelJS's
 * row and column numbers. Example: "B2:C5" is {top: 2, left: 2, bottom: 5, right: 3}.
 */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Column letters of a 1-based column number: 1 → "A", 28 → "AB", 16384 → "XFD". */
export function columnLetters(column: number): string {
  let s = "";
  for (let x = column; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** 1-based column number of letters, or NaN when they are not letters: "AB" → 28. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return NaN;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function inGrid(row: number, column: number): boolean {
  return row >= 1 && row <= MAX_ROWS && column >= 1 && column <= MAX_COLUMNS;
}

/**
 * Parses the cell part of an address ("A1", "$A$1:C3", "A:C", "2:5"), without a
 * sheet. Returns null for anything Excel would not take as a reference, so the
 * caller can report InvalidArgument (or try a defined name).
 */
export function parseRect(text: string): Rect | null {
  const parts = text.trim().split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) return null;
  if (parts.length === 1) {
    const m = CELL.exec(parts[0]);
    if (!m) return null;
    const row = Number(m[2]);
    const column = columnNumber(m[1]);
    return inGrid(row, column) ? { top: row, left: column, bottom: row, right: column } : null;
  }
  const [a, b] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r1 = Number(ca[2]);
    const c1 = columnNumber(ca[1]);
    const r2 = Number(cb[2]);
    const c2 = columnNumber(cb[1]);
    if (!inGrid(r1, c1) || !inGrid(r2, c2)) return null;
    return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  }
  const ka = COLUMN.exec(a);
  const kb = COLUMN.exec(b);
  if (ka && kb) {
    const c1 = columnNumber(ka[1]);
    const c2 = columnNumber(kb[1]);
    if (!inGrid(1, c1) || !inGrid(1, c2)) return null;
    return { top: 1, left: Math.min(c1, c2), bottom: MAX_ROWS, right: Math.max(c1, c2) };
  }
  const ra = ROW.exec(a);
  const rb = ROW.exec(b);
  if (ra && rb) {
    const r1 = Number(ra[1]);
    const r2 = Number(rb[1]);
    if (!inGrid(r1, 1) || !inGrid(r2, 1)) return null;
    return { top: Math.min(r1, r2), left: 1, bottom: Math.max(r1, r2), right: MAX_COLUMNS };
  }
  return null;
}

/** An address split at its "!": "'My Sheet'!A1" → {sheet: "My Sheet", local: "A1"}; no sheet → sheet null. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/**
 * A sheet name as it appears in an address: quoted when Excel would quote it
 * (spaces, punctuation, a leading digit, or a name that reads like a cell
 * reference), with inner apostrophes doubled. "Sheet1" → "Sheet1",
 * "Authorized Insurance Sessions" → "'Authorized Insurance Sessions'".
 */
export function quoteSheet(name: string): string {
  const plain =
    /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[Rr]\d*[Cc]?\d*$/.test(name) &&
    !/^[Cc]\d*$/.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The cell part of an address as Office writes it: "B5", "A1:C3", "A:B" for whole columns, "2:2" for whole rows. */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const wholeColumns = rect.top === 1 && rect.bottom === MAX_ROWS;
  const wholeRows = rect.left === 1 && rect.right === MAX_COLUMNS;
  if (wholeRows) return `${d}${rect.top}:${d}${rect.bottom}`;
  if (wholeColumns) return `${d}${columnLetters(rect.left)}:${d}${columnLetters(rect.right)}`;
  const first = `${d}${columnLetters(rect.left)}${d}${rect.top}`;
  if (rect.top === rect.bottom && rect.left === rect.right) return first;
  return `${first}:${d}${columnLetters(rect.right)}${d}${rect.bottom}`;
}

/** A full address as Range.address gives it: "Sheet1!A1:C3", "'My Sheet'!B5". */
export function formatAddress(sheet: string, rect: Rect, absolute = false): string {
  return `${quoteSheet(sheet)}!${formatRect(rect, absolute)}`;
}

export function rowCount(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}

export function columnCount(rect: Rect): number {
  return rect.right - rect.left + 1;
}

export function cellCount(rect: Rect): number {
  return rowCount(rect) * columnCount(rect);
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right
  );
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

/** A rectangle moved or grown, or null when any edge leaves the grid (Office then answers InvalidArgument). */
export function checkedRect(top: number, left: number, bottom: number, right: number): Rect | null {
  if (![top, left, bottom, right].every(Number.isInteger)) return null;
  if (top > bottom || left > right) return null;
  if (!inGrid(top, left) || !inGrid(bottom, right)) return null;
  return { top, left, bottom, right };
}

export function isWholeColumns(rect: Rect): boolean {
  return rect.top === 1 && rect.bottom === MAX_ROWS;
}

export function isWholeRows(rect: Rect): boolean {
  return rect.left === 1 && rect.right === MAX_COLUMNS;
}
