/** A1 addresses: column letters, cells and ranges, as both edges (Office.js and .xlsx) write and read them. */

/** Column letters of a 1-based column number: 1 → A, 28 → AB. */
export function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The 1-based column number of column letters: A → 1, AB → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** An A1 address from a 1-based row and column. */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Parses "B3", "A1:H120" or "'My Sheet'!$A$1:$C$9" (the sheet part is ignored). */
export function parseRange(address: string): CellRange | null {
  const range = address.slice(address.lastIndexOf("!") + 1);
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range.trim());
  if (!m) return null;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnNumber(m[3]) : left };
}

/** The sheet of an address: "'My Sheet'!A1" → "My Sheet"; "" when it names none. */
export function sheetOfAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return address.slice(0, Math.max(0, bang)).replace(/^'|'$/g, "").replace(/''/g, "'");
}
