/**
 * Range.format: fill, font, column width, row height, wrapping and alignment,
 * stored as ExcelJS styles (replaced, never mutated) and read back as Office
 * reports them: "#RRGGBB" colors, "#FFFFFF" for no fill, null when mixed.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- these are ExcelJS objects, plain data; the rules match names only */
import type ExcelJS from "exceljs";
import { MAX_COLUMNS, MAX_ROWS, isWholeColumns } from "./address";
import type { Transaction } from "./batch";
import { type Style, lastRowNumber, protectionAllows, restyle, uniformStyle } from "./cells";
import type { RequestContext } from "./context";
import { ErrorCodes, fail } from "./errors";
import { type AnyClientObject, ClientObject, type Getter } from "./proxy";
import type { RangeTarget } from "./range";

const NAMED_COLORS: Record<string, string> = {
  black: "000000",
  white: "FFFFFF",
  red: "FF0000",
  green: "008000",
  blue: "0000FF",
  yellow: "FFFF00",
  orange: "FFA500",
  purple: "800080",
  gray: "808080",
  grey: "808080",
  lightgray: "D3D3D3",
  lightgrey: "D3D3D3",
  lightblue: "ADD8E6",
  lightgreen: "90EE90",
  lightyellow: "FFFFE0",
  pink: "FFC0CB",
  brown: "A52A2A",
  cyan: "00FFFF",
  magenta: "FF00FF",
  navy: "000080",
  teal: "008080",
};

/** Office's default theme colors, for ExcelJS colors given as theme indexes (tints ignored). */
const THEME_COLORS = [
  "FFFFFF",
  "000000",
  "E7E6E6",
  "44546A",
  "4472C4",
  "ED7D31",
  "A5A5A5",
  "FFC000",
  "5B9BD5",
  "70AD47",
];

/** "#FFFF00", "#ff0", "yellow" → "FFFF00"; null when Office would not take it. */
export function parseColor(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const s = value.trim();
  const hex = /^#?([0-9a-fA-F]{6})$/.exec(s);
  if (hex) return hex[1].toUpperCase();
  const short = /^#([0-9a-fA-F]{3})$/.exec(s);
  if (short)
    return short[1]
      .split("")
      .map((c) => c + c)
      .join("")
      .toUpperCase();
  return NAMED_COLORS[s.toLowerCase()] ?? null;
}

/** An ExcelJS color as "#RRGGBB", or `fallback` when it has none. */
export function colorText(color: Partial<ExcelJS.Color> | undefined, fallback: string): string {
  if (color?.argb) return `#${color.argb.slice(-6).toUpperCase()}`;
  if (color?.theme !== undefined) return `#${THEME_COLORS[color.theme] ?? "000000"}`;
  return fallback;
}

function fillColor(style: Style): string {
  const fill = style.fill as ExcelJS.FillPattern | undefined;
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return "#FFFFFF";
  return colorText(fill.fgColor, "#FFFFFF");
}

/** Column widths are characters in ExcelJS and points in Office: 7 pixels a character, 0.75 points a pixel. */
const POINTS_PER_CHARACTER = 7 * 0.75;
const DEFAULT_COLUMN_POINTS = 48;
const DEFAULT_ROW_POINTS = 15;

const HORIZONTAL: Record<string, ExcelJS.Alignment["horizontal"] | undefined> = {
  General: undefined,
  Left: "left",
  Center: "center",
  Right: "right",
  Fill: "fill",
  Justify: "justify",
  CenterAcrossSelection: "centerContinuous",
  Distributed: "distributed",
};

const VERTICAL: Record<string, ExcelJS.Alignment["vertical"] | undefined> = {
  Top: "top",
  Center: "middle",
  Bottom: "bottom",
  Justify: "justify",
  Distributed: "distributed",
};

function reverse<V>(map: Record<string, V>, value: V, fallback: string): string {
  return Object.keys(map).find((k) => map[k] === value) ?? fallback;
}

/** A proxy on the same cells as its range (format, fill, font). */
abstract class RangePart extends ClientObject<RangeTarget> {
  constructor(
    context: RequestContext,
    path: string,
    private readonly range: (tx: Transaction) => RangeTarget | null,
  ) {
    super(context, path);
  }

  protected _locate(tx: Transaction): RangeTarget | null {
    return this.range(tx);
  }

  /** Applies a style change to every cell, refused on a protected sheet that does not allow formatting. */
  protected _restyle(name: string, value: unknown, change: (style: Style) => Style): void {
    this._set(name, value, (t, tx) => {
      if (!protectionAllows(t.ws, "formatCells")) fail(ErrorCodes.accessDenied, `${this._path}.${name}`);
      tx.onUndo(restyle(t.ws, t.rect, change));
    });
  }
}

export class RangeFormat extends RangePart {
  protected readonly _className = "RangeFormat";
  private _fill: RangeFill | undefined;
  private _font: RangeFont | undefined;

  _getters(): Record<string, Getter<RangeTarget>> {
    return {
      columnWidth: ({ ws, rect }) => {
        const widths = new Set<number>();
        for (let c = rect.left; c <= Math.min(rect.right, rect.left + 16383); c++) {
          const width = (ws as unknown as { _columns?: (ExcelJS.Column | undefined)[] })._columns?.[c - 1]?.width;
          widths.add(width === undefined ? DEFAULT_COLUMN_POINTS : width * POINTS_PER_CHARACTER);
          if (widths.size > 1) return null;
        }
        return [...widths][0];
      },
      rowHeight: ({ ws, rect }) => {
        const heights = new Set<number>();
        for (let r = rect.top; r <= Math.min(rect.bottom, Math.max(rect.top, lastRowNumber(ws) + 1)); r++) {
          heights.add(ws.findRow(r)?.height ?? DEFAULT_ROW_POINTS);
          if (heights.size > 1) return null;
        }
        return [...heights][0];
      },
      wrapText: ({ ws, rect }) => uniformStyle(ws, rect, (s) => s.alignment?.wrapText === true),
      horizontalAlignment: ({ ws, rect }) =>
        uniformStyle(ws, rect, (s) => reverse(HORIZONTAL, s.alignment?.horizontal, "General")),
      verticalAlignment: ({ ws, rect }) =>
        uniformStyle(ws, rect, (s) => reverse(VERTICAL, s.alignment?.vertical, "Bottom")),
    };
  }

  protected override _navigation(name: string): AnyClientObject | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return undefined;
  }

  get fill(): RangeFill {
    this._fill ??= new RangeFill(this.context, `${this._path}.fill`, (tx) => this._resolve(tx));
    return this._fill;
  }

  get font(): RangeFont {
    this._font ??= new RangeFont(this.context, `${this._path}.font`, (tx) => this._resolve(tx));
    return this._font;
  }

  get columnWidth(): number {
    return this._get("columnWidth");
  }

  /** Sets the width, in points, of every column of the range. */
  set columnWidth(points: number) {
    this._set("columnWidth", points, ({ ws, rect }, tx) => {
      if (!protectionAllows(ws, "formatColumns")) fail(ErrorCodes.accessDenied, `${this._path}.columnWidth`);
      if (typeof points !== "number" || !(points >= 0) || points > 255 * POINTS_PER_CHARACTER)
        fail(ErrorCodes.invalidArgument, `${this._path}.columnWidth`);
      for (let c = rect.left; c <= Math.min(rect.right, MAX_COLUMNS); c++) {
        const column = ws.getColumn(c);
        const before = column.width;
        column.width = points / POINTS_PER_CHARACTER;
        tx.onUndo(() => {
          column.width = before as number;
        });
      }
    });
  }

  get rowHeight(): number {
    return this._get("rowHeight");
  }

  /** Sets the height, in points, of every row of the range (rows that exist, for whole columns). */
  set rowHeight(points: number) {
    this._set("rowHeight", points, ({ ws, rect }, tx) => {
      if (!protectionAllows(ws, "formatRows")) fail(ErrorCodes.accessDenied, `${this._path}.rowHeight`);
      if (typeof points !== "number" || !(points >= 0) || points > 409)
        fail(ErrorCodes.invalidArgument, `${this._path}.rowHeight`);
      const last = isWholeColumns(rect) ? Math.min(lastRowNumber(ws), MAX_ROWS) : rect.bottom;
      for (let r = rect.top; r <= last; r++) {
        const row = ws.getRow(r);
        const before = row.height;
        row.height = points;
        tx.onUndo(() => {
          row.height = before;
        });
      }
    });
  }

  get wrapText(): boolean {
    return this._get("wrapText");
  }

  set wrapText(value: boolean) {
    this._restyle("wrapText", value, (s) => ({ ...s, alignment: { ...s.alignment, wrapText: Boolean(value) } }));
  }

  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }

  set horizontalAlignment(value: string) {
    if (!(value in HORIZONTAL)) {
      this._set("horizontalAlignment", value, () =>
        fail(ErrorCodes.invalidArgument, `${this._path}.horizontalAlignment`),
      );
      return;
    }
    this._restyle("horizontalAlignment", value, (s) => ({
      ...s,
      alignment: { ...s.alignment, horizontal: HORIZONTAL[value] },
    }));
  }

  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }

  set verticalAlignment(value: string) {
    if (!(value in VERTICAL)) {
      this._set("verticalAlignment", value, () => fail(ErrorCodes.invalidArgument, `${this._path}.verticalAlignment`));
      return;
    }
    this._restyle("verticalAlignment", value, (s) => ({
      ...s,
      alignment: { ...s.alignment, vertical: VERTICAL[value] },
    }));
  }

  /** Recorded in stats.calls; the stand-in does not measure text, so widths stay as they are. */
  autofitColumns(): void {
    this._call("autofitColumns", [], (_t, tx) => tx.state.stats.count("autofitColumns"));
  }

  autofitRows(): void {
    this._call("autofitRows", [], (_t, tx) => tx.state.stats.count("autofitRows"));
  }
}

export class RangeFill extends RangePart {
  protected readonly _className = "RangeFill";

  _getters(): Record<string, Getter<RangeTarget>> {
    return {
      color: ({ ws, rect }) => uniformStyle(ws, rect, fillColor),
      pattern: ({ ws, rect }) =>
        uniformStyle(ws, rect, (s) => {
          const fill = s.fill as ExcelJS.FillPattern | undefined;
          return !fill || fill.pattern === "none" ? "None" : fill.pattern === "solid" ? "Solid" : fill.pattern;
        }),
    };
  }

  get color(): string {
    return this._get("color");
  }

  /** A solid fill ("#FFFF00" is stored as ExcelJS argb FFFFFF00); "" removes the fill. */
  set color(value: string) {
    const rgb = parseColor(value);
    if (value === "") {
      this._restyle("color", value, withoutFill);
      return;
    }
    if (rgb === null) {
      this._set("color", value, () =>
        fail(ErrorCodes.invalidArgument, `${this._path}.color`, `"${String(value)}" is not a color.`),
      );
      return;
    }
    this._restyle("color", value, (s) => ({
      ...s,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${rgb}` } },
    }));
  }

  get pattern(): string {
    return this._get("pattern");
  }

  /** Removes the fill. */
  clear(): void {
    this._call("clear", [], (t, tx) => {
      if (!protectionAllows(t.ws, "formatCells")) fail(ErrorCodes.accessDenied, `${this._path}.clear()`);
      tx.onUndo(restyle(t.ws, t.rect, withoutFill));
    });
  }
}

function withoutFill(s: Style): Style {
  const next = { ...s };
  delete next.fill;
  return next;
}

export class RangeFont extends RangePart {
  protected readonly _className = "RangeFont";

  _getters(): Record<string, Getter<RangeTarget>> {
    const read =
      <V>(pick: (font: Partial<ExcelJS.Font>) => V) =>
      (t: RangeTarget) =>
        uniformStyle(t.ws, t.rect, (s) => pick(s.font ?? {}));
    return {
      bold: read((f) => f.bold === true),
      italic: read((f) => f.italic === true),
      size: read((f) => f.size ?? 11),
      name: read((f) => f.name ?? "Calibri"),
      color: read((f) => colorText(f.color, "#000000")),
      underline: read((f) =>
        f.underline === true || f.underline === "single" ? "Single" : f.underline === "double" ? "Double" : "None",
      ),
      strikethrough: read((f) => f.strike === true),
    };
  }

  private font(
    name: string,
    value: unknown,
    valid: boolean,
    change: (font: Partial<ExcelJS.Font>) => Partial<ExcelJS.Font>,
  ): void {
    if (!valid) {
      this._set(name, value, () => fail(ErrorCodes.invalidArgument, `${this._path}.${name}`));
      return;
    }
    this._restyle(name, value, (s) => ({ ...s, font: change({ ...s.font }) }));
  }

  get bold(): boolean {
    return this._get("bold");
  }
  set bold(value: boolean) {
    this.font("bold", value, typeof value === "boolean", (f) => ({ ...f, bold: value }));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(value: boolean) {
    this.font("italic", value, typeof value === "boolean", (f) => ({ ...f, italic: value }));
  }
  get strikethrough(): boolean {
    return this._get("strikethrough");
  }
  set strikethrough(value: boolean) {
    this.font("strikethrough", value, typeof value === "boolean", (f) => ({ ...f, strike: value }));
  }
  get size(): number {
    return this._get("size");
  }
  set size(value: number) {
    this.font("size", value, typeof value === "number" && value >= 1 && value <= 409, (f) => ({ ...f, size: value }));
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this.font("name", value, typeof value === "string" && value !== "", (f) => ({ ...f, name: value }));
  }
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    const rgb = parseColor(value);
    this.font("color", value, rgb !== null, (f) => ({ ...f, color: { argb: `FF${rgb}` } }));
  }
  get underline(): string {
    return this._get("underline");
  }
  set underline(value: string) {
    const map: Record<string, Partial<ExcelJS.Font>["underline"]> = { None: false, Single: "single", Double: "double" };
    this.font("underline", value, value in map, (f) => ({ ...f, underline: map[value] }));
  }
}
