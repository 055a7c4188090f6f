/** Office.js request sizing: how the edge keeps every round trip under Excel on the web's 5 MB payload limit. */
import type { Cell } from "../workbook/cells";

/** Excel on the web refuses requests and responses over 5 MB; we keep a margin for the protocol's own overhead. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

/** A cell's approximate JSON size on the wire, for sizing chunks before anything is sent. */
export function cellBytes(value: unknown): number {
  if (value === null || value === undefined || value === "") return 3;
  if (typeof value === "number") return String(value).length + 1;
  if (typeof value === "boolean") return 6;
  if (typeof value === "string") return value.length * 1.1 + 3;
  return JSON.stringify(value).length + 1;
}

/**
 * Splits rows [first, last] into chunks whose values fit the budget, given an
 * estimate of bytes per row. Reading needs this before the values are known:
 * it uses the widest plausible row (every cell a long-ish text).
 */
export function rowChunks(
  first: number,
  last: number,
  bytesPerRow: number,
  budget = REQUEST_BUDGET_BYTES,
): { first: number; last: number }[] {
  const chunks: { first: number; last: number }[] = [];
  const per = Math.max(1, Math.floor(budget / Math.max(1, bytesPerRow)));
  for (let r = first; r <= last; r += per) chunks.push({ first: r, last: Math.min(last, r + per - 1) });
  return chunks;
}

/**
 * Bytes per row when reading `columns` cells a row, before the values are known:
 * a typical cell (a date serial, a code, a short name, a blank) is about 8 bytes of
 * JSON. A sheet of long texts can exceed it; the reader then splits the batch.
 */
export function readBytesPerRow(columns: number): number {
  return columns * 8 + 4;
}

/** The JSON size of a row of values already read. */
export function rowBytes(row: readonly unknown[]): number {
  let n = 4;
  for (const v of row) n += cellBytes(v);
  return n;
}

/** Consecutive rows [first, last] (1-based) grouped so each group's known sizes fit the budget. */
export function chunksBySize(
  first: number,
  sizes: readonly number[],
  budget = REQUEST_BUDGET_BYTES,
): { first: number; last: number; bytes: number }[] {
  const out: { first: number; last: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < sizes.length; i++) {
    if (i > start && bytes + sizes[i] > budget) {
      out.push({ first: first + start, last: first + i - 1, bytes });
      start = i;
      bytes = 0;
    }
    bytes += sizes[i];
  }
  if (sizes.length > 0) out.push({ first: first + start, last: first + sizes.length - 1, bytes });
  return out;
}

/** Contiguous runs of rows where `test` holds: [firstIndex, lastIndex] pairs. */
export function runs<T>(values: readonly T[], test: (v: T) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= values.length; i++) {
    const on = i < values.length && test(values[i]);
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      out.push([start, i - 1]);
      start = -1;
    }
  }
  return out;
}

/**
 * Text as Excel must store it: a leading apostrophe makes Excel keep the text as
 * typed, so "=HYPERLINK(…)" stays text, "00123" keeps its zeros and "3-5" is not
 * turned into a date. Excel does not show or store the apostrophe.
 */
export function asText(text: string): string {
  return `'${text}`;
}

/** Values as Office hands them ("" for empty, errors as "#N/A" with valueType Error) to the reader's Cell. */
export function officeCell(value: unknown, type: string | undefined): Cell {
  if (type === "Error") return { error: String(value) };
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

export { a1, columnLetters } from "../workbook/address";
