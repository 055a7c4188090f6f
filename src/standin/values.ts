/**
 * Cell values as Office.js hands them out and takes them in: ExcelJS's cell
 * values (Dates, formula objects, rich text) become numbers, strings, booleans,
 * "" and error strings; strings written become numbers, dates, booleans or
 * formulas the way Excel parses what a user types.
 */
import type ExcelJS from "exceljs";

/** A cell value as Range.values gives it. */
export type OfficeValue = string | number | boolean;

/** Range.valueTypes as Excel reports them (Excel reports every number as "Double"). */
export type OfficeValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

const MS_PER_DAY = 86400000;

/**
 * An ExcelJS Date as an Excel serial in the workbook's date system. ExcelJS
 * reads a date cell as the UTC instant of its serial, so this inverts that:
 * 2026-01-05T00:00Z → 46027 (1900 system) or 44565 (1904 system).
 */
export function dateToSerial(date: Date, date1904: boolean): number {
  return 25569 + date.getTime() / MS_PER_DAY - (date1904 ? 1462 : 0);
}

/** Year, month (1-12) and day of a 1900-system or 1904-system serial, honouring the phantom 1900-02-29 (serial 60). */
export function serialToParts(
  serial: number,
  date1904: boolean,
): { y: number; m: number; d: number; fraction: number } {
  const day = Math.floor(serial);
  const fraction = serial - day;
  if (!date1904 && day === 60) return { y: 1900, m: 2, d: 29, fraction };
  const offset = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, day < 60 ? 31 : 30);
  const when = new Date(offset + day * MS_PER_DAY);
  return { y: when.getUTCFullYear(), m: when.getUTCMonth() + 1, d: when.getUTCDate(), fraction };
}

/** The serial of a calendar date in the given system: (2026, 1, 5) → 46027 in the 1900 system. */
export function partsToSerial(y: number, m: number, d: number, date1904: boolean): number {
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / MS_PER_DAY;
  if (date1904) return days - 1462;
  return days < 61 ? days - 1 : days;
}

interface RichTextRun {
  text: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** A plain (non-formula) ExcelJS value as Office gives it: Dates as serials, rich text and links as their text. */
function plainValue(v: unknown, date1904: boolean): OfficeValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (isObject(v)) {
    if (typeof v.error === "string") return v.error;
    if (Array.isArray(v.richText)) return (v.richText as RichTextRun[]).map((r) => r.text).join("");
    if ("text" in v) return plainValue(v.text, date1904);
    if ("formula" in v || "sharedFormula" in v) return plainValue(v.result, date1904);
  }
  return String(v);
}

function plainType(v: unknown): OfficeValueType {
  if (v === null || v === undefined || v === "") return "Empty";
  if (typeof v === "number" || v instanceof Date) return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "string") return "String";
  if (isObject(v)) {
    if (typeof v.error === "string") return "Error";
    if ("formula" in v || "sharedFormula" in v) return plainType(v.result);
    if (Array.isArray(v.richText) || "text" in v) return "String";
  }
  return "String";
}

/** ExcelJS ValueType numbers (ExcelJS.ValueType), inlined so this module needs no runtime import of ExcelJS. */
const MERGE = 1;

/**
 * A cell's value as Range.values gives it. A missing cell and the covered
 * cells of a merge are "" (Office never returns null for a cell); a formula
 * gives its cached result, since the stand-in does not calculate.
 */
export function readValue(cell: ExcelJS.Cell | undefined, date1904: boolean): OfficeValue {
  if (cell === undefined) return "";
  if ((cell.type as number) === MERGE) return "";
  return plainValue(cell.value, date1904);
}

/** A cell's entry in Range.valueTypes. */
export function readValueType(cell: ExcelJS.Cell | undefined): OfficeValueType {
  if (cell === undefined || (cell.type as number) === MERGE) return "Empty";
  return plainType(cell.value);
}

/** A cell's entry in Range.formulas: "=SUM(A1:A3)" for a formula, otherwise its value. */
export function readFormula(cell: ExcelJS.Cell | undefined, date1904: boolean): OfficeValue {
  if (cell === undefined || (cell.type as number) === MERGE) return "";
  const v = cell.value;
  if (isObject(v) && ("formula" in v || "sharedFormula" in v)) {
    const formula = cell.formula;
    if (typeof formula === "string" && formula !== "") return `=${formula}`;
  }
  return plainValue(v, date1904);
}

/** What a write does to one cell: leave it, clear it, or store an ExcelJS value (with the format Excel would apply). */
export type CellWrite =
  | { readonly kind: "skip" }
  | { readonly kind: "clear" }
  | { readonly kind: "set"; readonly value: ExcelJS.CellValue; readonly numFmt?: string };

const SKIP: CellWrite = { kind: "skip" };
const CLEAR: CellWrite = { kind: "clear" };

/** Why a written value is refused; the caller turns it into InvalidArgument. */
export class InvalidInput extends Error {}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32767;

const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A number as Excel reads typed text: "1,234.5", "-7", "1e3", "50%", "$12", "(5)" → -5; null when it is not one. */
export function parseNumberText(text: string): { value: number; percent: boolean } | null {
  let s = text.trim();
  if (s === "") return null;
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  const sign = s.startsWith("-") ? "-" : s.startsWith("+") ? "+" : "";
  let body = sign ? s.slice(1) : s;
  if (body.startsWith("$")) body = body.slice(1);
  if (body === "" || !/\d/.test(body) || !NUMBER_TEXT.test(body)) return null;
  let value = Number(body.replace(/,/g, ""));
  if (!Number.isFinite(value)) return null;
  if (sign === "-") value = -value;
  if (negative) value = -value;
  if (percent) value /= 100;
  return { value, percent };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthOf(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  if (i < 0) return 0;
  const full = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ][i];
  return name.length === 3 || full.startsWith(name.toLowerCase()) ? i + 1 : 0;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return false;
  const when = new Date(Date.UTC(y, m - 1, d));
  return when.getUTCMonth() === m - 1 && when.getUTCDate() === d;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

/**
 * A date as Excel (en-US) reads typed text: "2026-01-05", "1/5/2026",
 * "1-5-26", "Jan 5, 2026", "5-Jan-2026", and, taking the current year,
 * "3-5", "3/5", "5-Mar". Returns the serial and the format Excel applies.
 */
export function parseDateText(
  text: string,
  date1904: boolean,
  year: number,
): { serial: number; numFmt: string } | null {
  const s = text.trim();
  let m: RegExpExecArray | null;
  let y = 0;
  let mo = 0;
  let d = 0;
  let numFmt = "m/d/yyyy";
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})$/.exec(s))) {
    [mo, d, y] = [Number(m[1]), Number(m[2]), fullYear(m[3])];
  } else if ((m = /^(\d{1,2})[-/](\d{1,2})$/.exec(s))) {
    [mo, d, y] = [Number(m[1]), Number(m[2]), year];
    numFmt = "d-mmm";
  } else if ((m = /^(\d{1,2})[- ]([A-Za-z]{3,9})(?:[- ](\d{2}|\d{4}))?$/.exec(s))) {
    [d, mo, y] = [Number(m[1]), monthOf(m[2]), m[3] ? fullYear(m[3]) : year];
    numFmt = m[3] ? "d-mmm-yy" : "d-mmm";
  } else if ((m = /^([A-Za-z]{3,9})[- ](\d{1,2})(?:,?[- ](\d{4}))?$/.exec(s))) {
    [mo, d, y] = [monthOf(m[1]), Number(m[2]), m[3] ? Number(m[3]) : year];
    numFmt = m[3] ? "d-mmm-yy" : "d-mmm";
  } else {
    return null;
  }
  if (!validDate(y, mo, d)) return null;
  if (date1904 && y < 1904) return null;
  return { serial: partsToSerial(y, mo, d, date1904), numFmt };
}

/** What the writer needs to know about the target cell and workbook. */
export interface WriteContext {
  /** The cell's number format is "@" (Text): Excel then stores typed text verbatim. */
  readonly textFormat: boolean;
  /** The cell's number format is General, so a typed date or percentage also sets a format. */
  readonly generalFormat: boolean;
  readonly date1904: boolean;
  /** The year Excel assumes for a typed date without one ("3-5"). */
  readonly year: number;
}

/**
 * A value written through Range.values (or typed by a user) as Excel stores it:
 *
 * - null (or undefined, which JSON sends as null) leaves the cell as it is; "" clears it.
 * - A string starting with "=" becomes a formula ("=A1+1" → {formula: "A1+1"}),
 *   unless the cell is formatted as Text ("@"), where every string stays as typed.
 * - A string starting with "'" is stored as the text after the apostrophe.
 * - Other strings are read as Excel reads typing: "00123" → 123, "TRUE" → true,
 *   "1/5/2026" → a date serial, "50%" → 0.5; anything else stays text.
 *
 * Throws InvalidInput for values Excel refuses (objects, NaN, over-long text).
 */
export function parseInput(input: unknown, ctx: WriteContext): CellWrite {
  // undefined travels as null in Office's JSON request, so it too leaves the cell alone.
  if (input === null || input === undefined) return SKIP;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new InvalidInput(`${input} is not a number Excel can store`);
    return { kind: "set", value: input };
  }
  if (typeof input === "boolean") return { kind: "set", value: input };
  if (typeof input !== "string") throw new InvalidInput(`${Object.prototype.toString.call(input)} is not a cell value`);
  if (input.length > MAX_CELL_TEXT)
    throw new InvalidInput(`text of ${input.length} characters exceeds ${MAX_CELL_TEXT}`);
  if (input === "") return CLEAR;
  if (ctx.textFormat) return { kind: "set", value: input };
  if (input.startsWith("'")) {
    const rest = input.slice(1);
    return rest === "" ? CLEAR : { kind: "set", value: rest };
  }
  if (input.startsWith("=") && input.length > 1)
    return { kind: "set", value: { formula: input.slice(1) } as ExcelJS.CellValue };
  const number = parseNumberText(input);
  if (number) {
    const numFmt =
      number.percent && ctx.generalFormat ? (Number.isInteger(number.value * 100) ? "0%" : "0.00%") : undefined;
    return { kind: "set", value: number.value, numFmt };
  }
  if (/^(true|false)$/i.test(input.trim())) return { kind: "set", value: input.trim().toLowerCase() === "true" };
  const date = parseDateText(input, ctx.date1904, ctx.year);
  if (date) return { kind: "set", value: date.serial, numFmt: ctx.generalFormat ? date.numFmt : undefined };
  if ((input.startsWith("+") || input.startsWith("-")) && input.length > 1 && /[A-Za-z(]/.test(input[1])) {
    // Excel takes "+x" and "-x" as the start of a formula, as if "=" had been typed first.
    return { kind: "set", value: { formula: input } as ExcelJS.CellValue };
  }
  return { kind: "set", value: input };
}
