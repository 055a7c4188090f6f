/**
 * RangeAreas (ExcelApi 1.9): several rectangles of one sheet addressed at once,
 * "H2:H40, H42:H90", so a fill reaches them in one operation instead of one per
 * rectangle. Only what the edge uses: address, areaCount and format.fill.
 */
import type ExcelJS from "exceljs";
import { type Rect, formatRect } from "./address";
import type { Transaction } from "./batch";
import { protectionAllows, restyle, type Style } from "./cells";
import type { RequestContext } from "./context";
import { ErrorCodes, fail } from "./errors";
import { parseColor } from "./format";
import { type AnyClientObject, ClientObject, type Getter } from "./proxy";
import { resolveAddress } from "./range";

export interface AreasTarget {
  readonly ws: ExcelJS.Worksheet;
  readonly rects: readonly Rect[];
}

/** Office refuses an address list longer than this many characters. */
export const MAX_AREAS_ADDRESS = 8192;

/** The rectangles of "A1:A3, C5" on a sheet; InvalidArgument for an empty or over-long list. */
export function resolveAreas(tx: Transaction, ws: ExcelJS.Worksheet, address: string, location: string): Rect[] {
  if (address.length > MAX_AREAS_ADDRESS) fail(ErrorCodes.invalidArgument, location, "The address list is too long.");
  const parts = address
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) fail(ErrorCodes.invalidArgument, location);
  return parts.map((p) => resolveAddress(tx, ws, p, location));
}

export class RangeAreas extends ClientObject<AreasTarget> {
  protected readonly _className = "RangeAreas";
  private _format: RangeAreasFormat | undefined;

  constructor(
    context: RequestContext,
    path: string,
    private readonly locator: (tx: Transaction) => AreasTarget | null,
  ) {
    super(context, path);
  }

  protected _locate(tx: Transaction): AreasTarget | null {
    return this.locator(tx);
  }

  _getters(): Record<string, Getter<AreasTarget>> {
    return {
      address: ({ ws, rects }) => rects.map((r) => `${quoteName(ws.name)}!${formatRect(r)}`).join(","),
      areaCount: ({ rects }) => rects.length,
    };
  }

  protected override _navigation(name: string): AnyClientObject | undefined {
    return name === "format" ? this.format : undefined;
  }

  get address(): string {
    return this._get("address");
  }

  get areaCount(): number {
    return this._get("areaCount");
  }

  get format(): RangeAreasFormat {
    this._format ??= new RangeAreasFormat(this.context, `${this._path}.format`, (tx) => this._resolve(tx));
    return this._format;
  }
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

abstract class AreasPart extends ClientObject<AreasTarget> {
  constructor(
    context: RequestContext,
    path: string,
    private readonly areas: (tx: Transaction) => AreasTarget | null,
  ) {
    super(context, path);
  }

  protected _locate(tx: Transaction): AreasTarget | null {
    return this.areas(tx);
  }

  _getters(): Record<string, Getter<AreasTarget>> {
    return {};
  }

  /** Restyles every cell of every area, refused on a protected sheet that does not allow formatting. */
  protected _restyleAll(target: AreasTarget, tx: Transaction, location: string, change: (s: Style) => Style): void {
    if (!protectionAllows(target.ws, "formatCells")) fail(ErrorCodes.accessDenied, location);
    for (const rect of target.rects) tx.onUndo(restyle(target.ws, rect, change));
  }
}

export class RangeAreasFormat extends AreasPart {
  protected readonly _className = "RangeAreasFormat";
  private _fill: RangeAreasFill | undefined;

  protected override _navigation(name: string): AnyClientObject | undefined {
    return name === "fill" ? this.fill : undefined;
  }

  get fill(): RangeAreasFill {
    this._fill ??= new RangeAreasFill(this.context, `${this._path}.fill`, (tx) => this._resolve(tx));
    return this._fill;
  }
}

export class RangeAreasFill extends AreasPart {
  protected readonly _className = "RangeFill";

  /** A solid fill on every area ("#FFFF00"); "" removes the fill. */
  set color(value: string) {
    const rgb = parseColor(value);
    this._set("color", value, (t, tx) => {
      if (value === "") return this._restyleAll(t, tx, `${this._path}.color`, withoutFill);
      if (rgb === null) fail(ErrorCodes.invalidArgument, `${this._path}.color`, `"${String(value)}" is not a color.`);
      this._restyleAll(t, tx, `${this._path}.color`, (s) => ({
        ...s,
        fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${rgb}` } },
      }));
    });
  }

  get color(): string {
    return this._get("color");
  }

  /** Removes the fill of every area. */
  clear(): void {
    this._call("clear", [], (t, tx) => this._restyleAll(t, tx, `${this._path}.clear()`, withoutFill));
  }
}

function withoutFill(s: Style): Style {
  const next = { ...s };
  delete next.fill;
  return next;
}
