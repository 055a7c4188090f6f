/** Cell values as a host hands them, and reading them as text, numbers and dates (SPEC §3). */
import { quote } from "../engine/text";
import {
  type DateOrder,
  type DateSystem,
  type DayNumber,
  dayFromJsDate,
  parseDateText,
  serialToDay,
} from "../engine/dates";

/** An Excel error value such as #N/A or #REF!. */
export interface CellError {
  readonly error: string;
}

/**
 * One cell's value as Excel's Range.values hands it (number, string, boolean,
 * null for empty), with error values as {error} and, from file libraries, a
 * JS Date for a date cell.
 */
export type Cell = string | number | boolean | null | CellError | Date;

/** A sheet's values from A1 (values[0][0] is A1) and where its Excel tables' headers are. */
export interface SheetGrid {
  readonly name: string;
  readonly values: readonly (readonly Cell[])[];
  readonly tables: readonly TableHeader[];
}

/** An Excel table's header row (1-based) and its columns (1-based, inclusive). */
export interface TableHeader {
  readonly name: string;
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** 1-based last row of the table (totals row included), when known. */
  readonly lastRow?: number;
  /** True when the table's last row is a totals row, which is no data. */
  readonly totalsRow?: boolean;
}

/** What the reader needs of a workbook: its sheets (by name, as spelled) and date system. */
export interface WorkbookView {
  readonly dateSystem: DateSystem;
  readonly sheetNames: readonly string[];
  readonly sheets: ReadonlyMap<string, SheetGrid>;
}

/** A value read from a cell, or the reason it cannot be used. */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

export function isError(cell: Cell): cell is CellError {
  return typeof cell === "object" && cell !== null && !(cell instanceof Date) && "error" in cell;
}

/** Blank: empty, or text of only spaces. An error value is not blank. */
export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** How a cell looks in a message: its text in quotes, shortened when long. */
export function show(cell: Cell): string {
  if (isError(cell)) return `the error value ${cell.error}`;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return quote(String(cell));
}

/**
 * A cell as text: trimmed; a number as Excel shows it plainly (1001 → "1001");
 * null when blank. TRUE or FALSE is no client, code or authorization number:
 * it is unreadable, as an error value is.
 */
export function readText(cell: Cell): Read<string | null> {
  if (cell === null || isBlank(cell)) return { ok: true, value: null };
  if (isError(cell)) return { ok: false, reason: `holds ${show(cell)}` };
  if (typeof cell === "string") return { ok: true, value: cell.trim() };
  if (typeof cell === "number") return { ok: true, value: numberText(cell) };
  if (typeof cell === "boolean") return { ok: false, reason: `holds ${show(cell)}, not text` };
  return { ok: true, value: cell.toISOString().slice(0, 10) };
}

/** 1001 → "1001", 0.1 + 0.2 → "0.3": a number as a person typed it, without float noise. */
export function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A number cell, or text that is a number once trimmed ("12"); null when blank. */
export function readNumber(cell: Cell): Read<number | null> {
  if (cell === null || isBlank(cell)) return { ok: true, value: null };
  if (typeof cell === "number") {
    return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, reason: "is not a finite number" };
  }
  if (typeof cell === "string" && NUMBER_TEXT.test(cell.trim())) return { ok: true, value: Number(cell.trim()) };
  if (isError(cell)) return { ok: false, reason: `holds ${show(cell)}, not a number` };
  return { ok: false, reason: `${show(cell)} is not a number` };
}

/**
 * A date cell, a serial number in the workbook's date system, or a date typed as
 * text in a form SPEC §3 lists; null when blank.
 */
export function readDate(cell: Cell, system: DateSystem, order: DateOrder): Read<DayNumber | null> {
  if (cell === null || isBlank(cell)) return { ok: true, value: null };
  let day: DayNumber | null = null;
  if (typeof cell === "number") day = serialToDay(cell, system);
  else if (typeof cell === "string") day = parseDateText(cell, order);
  else if (cell instanceof Date) day = dayFromJsDate(cell);
  else if (isError(cell)) return { ok: false, reason: `holds ${show(cell)}, not a date` };
  if (day !== null) return { ok: true, value: day };
  const example = order === "MDY" ? "3/5/2026" : "5/3/2026";
  return { ok: false, reason: `${show(cell)} is not a date (write it like ${example} or 2026-03-05)` };
}
