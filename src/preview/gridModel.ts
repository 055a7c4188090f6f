/** What the preview's grid shows of an ExcelJS sheet: each cell's text (through its number format), fill, font and span. */
import type ExcelJS from "exceljs";
import { formatText, officeNumberFormat } from "../standin/numfmt";
import { readValue, readValueType } from "../standin/values";

/** Row height and the width of a column at Excel's default (8.43 characters), in CSS pixels. */
export const ROW_HEIGHT = 22;
export const DEFAULT_COLUMN_WIDTH = 64;
export const ROW_HEADER_WIDTH = 48;

/** One cell as the grid draws it. */
export interface CellView {
  readonly text: string;
  readonly align: "left" | "right" | "center";
  /** CSS color of the cell's solid fill, or null for none. */
  readonly fill: string | null;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly color: string | null;
  /** Font size in points when it is not the default 11. */
  readonly size: number | null;
  /** Columns the cell covers: 1, or more for the first cell of a merge across columns. */
  readonly span: number;
  /** True for a cell covered by a merge (drawn by the merge's first cell). */
  readonly covered: boolean;
  /** True when the text may spill into empty cells to its right, as Excel lets text do. */
  readonly overflow: boolean;
}

/** Office's default theme colours by theme index (lt1, dk1, lt2, dk2, accent1…6), for fills and fonts given by theme. */
const THEME = ["FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

/** A colour with Excel's tint (-1 darker … +1 lighter) applied to each channel. */
function tinted(hex: string, tint: number): string {
  if (!tint) return `#${hex}`;
  const channels = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const out = channels.map((c) => Math.round(tint < 0 ? c * (1 + tint) : c + (255 - c) * tint));
  return `#${out.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

/** An ExcelJS colour ({argb: "FFFFFF00"} or {theme: 4, tint: 0.4}) as CSS, or null. */
export function cssColor(color: Partial<ExcelJS.Color> | undefined): string | null {
  if (!color) return null;
  if (typeof color.argb === "string" && /^[0-9A-F]{8}$/i.test(color.argb))
    return `#${color.argb.slice(2).toUpperCase()}`;
  if (typeof color.argb === "string" && /^[0-9A-F]{6}$/i.test(color.argb)) return `#${color.argb.toUpperCase()}`;
  const theme = (color as { theme?: number; tint?: number }).theme;
  if (typeof theme === "number" && THEME[theme]) return tinted(THEME[theme], (color as { tint?: number }).tint ?? 0);
  return null;
}

/** The CSS colour of a cell's fill: solid pattern fills only (what Excel's Fill Color button makes). */
export function fillColor(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  return cssColor(fill.fgColor) ?? cssColor(fill.bgColor) ?? null;
}

/** ExcelJS's cell type number for a cell covered by a merge (ExcelJS.ValueType.Merge). */
const MERGE = 1;

/** The width of a 1-based column in pixels, from its width in characters as Excel stores it. */
export function columnWidth(ws: ExcelJS.Worksheet, column: number): number {
  const width = ws.getColumn(column).width;
  if (typeof width !== "number" || !(width > 0)) return DEFAULT_COLUMN_WIDTH;
  return Math.min(600, Math.round(width * 7 + 5));
}

/** Everything the grid draws of one cell. `row` must come from ws.findRow, so drawing never adds rows to the sheet. */
export function cellView(row: ExcelJS.Row | undefined, column: number, date1904: boolean): CellView {
  const cell = row?.findCell(column);
  if (!cell) return EMPTY;
  if ((cell.type as number) === MERGE) return { ...EMPTY, covered: true };
  const value = readValue(cell, date1904);
  const type = readValueType(cell);
  const text = formatText(value, type, officeNumberFormat(cell.numFmt), date1904);
  const horizontal = cell.alignment?.horizontal;
  const align =
    horizontal === "center" || horizontal === "centerContinuous"
      ? "center"
      : horizontal === "right"
        ? "right"
        : horizontal === "left"
          ? "left"
          : type === "Double"
            ? "right"
            : type === "Boolean" || type === "Error"
              ? "center"
              : "left";
  let span = 1;
  if (cell.isMerged) {
    while (row?.findCell(column + span)?.master === cell) span++;
  }
  const size = typeof cell.font?.size === "number" && cell.font.size !== 11 ? cell.font.size : null;
  return {
    text,
    align,
    fill: fillColor(cell.fill),
    bold: cell.font?.bold === true,
    italic: cell.font?.italic === true,
    color: cssColor(cell.font?.color),
    size,
    span,
    covered: false,
    overflow: type === "String" && align === "left" && !cell.alignment?.wrapText,
  };
}

const EMPTY: CellView = {
  text: "",
  align: "left",
  fill: null,
  bold: false,
  italic: false,
  color: null,
  size: null,
  span: 1,
  covered: false,
  overflow: false,
};

/** The rows frozen at the top of a sheet (its first view's ySplit), at most 20 so a stray split cannot fill the grid. */
export function frozenRows(ws: ExcelJS.Worksheet): number {
  const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
  if (view?.state !== "frozen" || typeof view.ySplit !== "number") return 0;
  return Math.max(0, Math.min(20, Math.floor(view.ySplit)));
}

/** A 1-based rectangle of cells. */
export interface CellRect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function letters(column: number): string {
  let s = "";
  for (let x = column; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export { letters as columnLetters };

function columnOf(text: string): number {
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 address of a cell: (5, 2) → "B5". */
export function cellAddress(row: number, column: number): string {
  return `${letters(column)}${row}`;
}

/**
 * The cells an address covers, the sheet part dropped: "B5" and "A1:C3" as
 * themselves, "5:5" as row 5 out to `lastColumn`, "C:C" as column C down to
 * `lastRow`. Null when it is not an address.
 */
export function parseAddress(address: string, lastRow: number, lastColumn: number): CellRect | null {
  const local = address
    .slice(address.lastIndexOf("!") + 1)
    .replace(/\$/g, "")
    .trim();
  const [a, b = a] = local.split(":");
  const cell = /^([A-Z]{1,3})(\d+)$/i;
  const ca = cell.exec(a);
  const cb = cell.exec(b);
  if (ca && cb) {
    const [r1, c1, r2, c2] = [Number(ca[2]), columnOf(ca[1]), Number(cb[2]), columnOf(cb[1])];
    return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  }
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const [r1, r2] = [Number(a), Number(b)];
    return { top: Math.min(r1, r2), left: 1, bottom: Math.max(r1, r2), right: lastColumn };
  }
  if (/^[A-Z]{1,3}$/i.test(a) && /^[A-Z]{1,3}$/i.test(b)) {
    const [c1, c2] = [columnOf(a), columnOf(b)];
    return { top: 1, left: Math.min(c1, c2), bottom: lastRow, right: Math.max(c1, c2) };
  }
  return null;
}
