/**
 * A sheet's protection, frozen panes and print setup, mapped onto ExcelJS's
 * sheetProtection, views, pageSetup and headerFooter so a saved file keeps them.
 */
import type ExcelJS from "exceljs";
import { MAX_COLUMNS, MAX_ROWS, type Rect, columnLetters, parseRect, splitSheet } from "./address";
import type { Transaction } from "./batch";
import { isProtected } from "./cells";
import type { RequestContext } from "./context";
import { ErrorCodes, fail } from "./errors";
import { type AnyClientObject, ClientObject, type Getter } from "./proxy";
import { Range } from "./range";

type SheetLocator = (tx: Transaction) => ExcelJS.Worksheet | null;

/** A proxy whose target is its sheet (protection, panes, page layout all act on the sheet itself). */
abstract class SheetPart extends ClientObject<ExcelJS.Worksheet> {
  constructor(
    context: RequestContext,
    path: string,
    private readonly sheet: SheetLocator,
  ) {
    super(context, path);
  }

  protected _locate(tx: Transaction): ExcelJS.Worksheet | null {
    return this.sheet(tx);
  }

  /** A change to a plain ExcelJS property bag, undone by restoring a copy. */
  protected _mutate<K extends "pageSetup" | "headerFooter">(
    tx: Transaction,
    ws: ExcelJS.Worksheet,
    key: K,
    change: (bag: ExcelJS.Worksheet[K]) => void,
  ): void {
    const before = { ...ws[key] };
    change(ws[key]);
    tx.onUndo(() => {
      (ws as unknown as Record<string, unknown>)[key] = before;
    });
  }
}

/** Worksheet.protection: whether the sheet is protected, and protect()/unprotect(). */
export class WorksheetProtection extends SheetPart {
  protected readonly _className = "WorksheetProtection";

  _getters(): Record<string, Getter<ExcelJS.Worksheet>> {
    return {
      protected: (ws) => isProtected(ws),
      options: (ws) => {
        const p = (ws as unknown as { sheetProtection?: Record<string, unknown> | null }).sheetProtection ?? {};
        return {
          allowFormatCells: p.formatCells === true,
          allowFormatColumns: p.formatColumns === true,
          allowFormatRows: p.formatRows === true,
          allowInsertRows: p.insertRows === true,
          allowDeleteRows: p.deleteRows === true,
          allowInsertColumns: p.insertColumns === true,
          allowDeleteColumns: p.deleteColumns === true,
        };
      },
    };
  }

  get protected(): boolean {
    return this._get("protected");
  }

  get options(): Record<string, boolean> {
    return this._get("options");
  }

  protect(options?: Record<string, boolean>): void {
    this._call("protect", [options], (ws, tx) => {
      const sheet = ws as unknown as { sheetProtection: Record<string, unknown> | null };
      if (isProtected(ws))
        fail(ErrorCodes.invalidOperation, `${this._path}.protect()`, "The sheet is already protected.");
      const before = sheet.sheetProtection;
      sheet.sheetProtection = {
        sheet: true,
        formatCells: options?.allowFormatCells === true,
        formatColumns: options?.allowFormatColumns === true,
        formatRows: options?.allowFormatRows === true,
        insertRows: options?.allowInsertRows === true,
        deleteRows: options?.allowDeleteRows === true,
        insertColumns: options?.allowInsertColumns === true,
        deleteColumns: options?.allowDeleteColumns === true,
      };
      tx.onUndo(() => {
        sheet.sheetProtection = before;
      });
    });
  }

  unprotect(): void {
    this._call("unprotect", [], (ws, tx) => {
      const sheet = ws as unknown as { sheetProtection: Record<string, unknown> | null };
      const before = sheet.sheetProtection;
      sheet.sheetProtection = null;
      tx.onUndo(() => {
        sheet.sheetProtection = before;
      });
    });
  }
}

interface FrozenView {
  state?: string;
  xSplit?: number;
  ySplit?: number;
  topLeftCell?: string;
  [key: string]: unknown;
}

function frozen(ws: ExcelJS.Worksheet): { rows: number; columns: number } {
  const view = (ws.views?.[0] ?? {}) as FrozenView;
  if (view.state !== "frozen") return { rows: 0, columns: 0 };
  return { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
}

/** Worksheet.freezePanes, kept in ExcelJS's first sheet view (state "frozen", xSplit/ySplit). */
export class FreezePanes extends SheetPart {
  protected readonly _className = "WorksheetFreezePanes";

  _getters(): Record<string, Getter<ExcelJS.Worksheet>> {
    return {};
  }

  private freeze(
    method: string,
    args: unknown[],
    next: (current: { rows: number; columns: number }) => { rows: number; columns: number },
  ): void {
    this._call(method, args, (ws, tx) => {
      const before = ws.views;
      const { rows, columns } = next(frozen(ws));
      if (rows < 0 || columns < 0 || rows >= MAX_ROWS || columns >= MAX_COLUMNS)
        fail(ErrorCodes.invalidArgument, `${this._path}.${method}()`);
      const base = { ...((ws.views?.[0] ?? {}) as FrozenView) };
      delete base.xSplit;
      delete base.ySplit;
      delete base.topLeftCell;
      const view: FrozenView =
        rows === 0 && columns === 0
          ? { ...base, state: "normal" }
          : {
              ...base,
              state: "frozen",
              xSplit: columns,
              ySplit: rows,
              topLeftCell: `${columnLetters(columns + 1)}${rows + 1}`,
            };
      ws.views = [view as unknown as ExcelJS.WorksheetView, ...(ws.views ?? []).slice(1)];
      tx.onUndo(() => {
        ws.views = before;
      });
    });
  }

  /** Freezes the top `count` rows (1 when omitted), keeping frozen columns. */
  freezeRows(count?: number): void {
    this.freeze("freezeRows", [count], (current) => ({ rows: count ?? 1, columns: current.columns }));
  }

  freezeColumns(count?: number): void {
    this.freeze("freezeColumns", [count], (current) => ({ rows: current.rows, columns: count ?? 1 }));
  }

  /** Freezes the cells above and left of the given range's bottom-right... as Office does: the range's rows and columns from A1. */
  freezeAt(frozenRange: string): void {
    const rect = parseRect(splitSheet(frozenRange).local);
    this.freeze("freezeAt", [frozenRange], () => {
      if (!rect) fail(ErrorCodes.invalidArgument, `${this._path}.freezeAt()`);
      return { rows: rect.bottom, columns: rect.right };
    });
  }

  unfreeze(): void {
    this.freeze("unfreeze", [], () => ({ rows: 0, columns: 0 }));
  }

  /** The frozen cells as a range, or a null object when nothing is frozen. */
  getLocationOrNullObject(): Range {
    return new Range(this.context, this._childPath("getLocationOrNullObject"), (tx) => {
      const ws = this._resolve(tx);
      if (ws === null) return null;
      const { rows, columns } = frozen(ws);
      if (rows === 0 && columns === 0) return null;
      const rect: Rect =
        columns === 0
          ? { top: 1, left: 1, bottom: rows, right: MAX_COLUMNS }
          : rows === 0
            ? { top: 1, left: 1, bottom: MAX_ROWS, right: columns }
            : { top: 1, left: 1, bottom: rows, right: columns };
      return { ws, rect };
    });
  }
}

/** The &L/&C/&R sections of an Excel header or footer string ("&LLeft&CCenter&RRight"). */
export function headerSections(text: string | null | undefined): { left: string; center: string; right: string } {
  const out = { left: "", center: "", right: "" };
  if (!text) return out;
  let section: "left" | "center" | "right" = "center";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "&" && i + 1 < text.length) {
      const code = text[i + 1];
      if (code === "L" || code === "C" || code === "R") {
        section = code === "L" ? "left" : code === "C" ? "center" : "right";
        i++;
        continue;
      }
      out[section] += ch + code;
      i++;
      continue;
    }
    out[section] += ch;
  }
  return out;
}

export function joinSections(s: { left: string; center: string; right: string }): string | null {
  const text = (s.left ? `&L${s.left}` : "") + (s.center ? `&C${s.center}` : "") + (s.right ? `&R${s.right}` : "");
  return text === "" ? null : text;
}

/** Worksheet.pageLayout: orientation, fit-to-page zoom, print title rows and headers/footers. */
export class PageLayout extends SheetPart {
  protected readonly _className = "PageLayout";
  private _headersFooters: HeaderFooterGroup | undefined;

  _getters(): Record<string, Getter<ExcelJS.Worksheet>> {
    return {
      orientation: (ws) => (ws.pageSetup.orientation === "landscape" ? "Landscape" : "Portrait"),
      zoom: (ws) =>
        ws.pageSetup.fitToPage
          ? { horizontalFitToPages: ws.pageSetup.fitToWidth ?? 1, verticalFitToPages: ws.pageSetup.fitToHeight ?? 1 }
          : { scale: ws.pageSetup.scale ?? 100 },
      printGridlines: (ws) => Boolean(ws.pageSetup.showGridLines),
    };
  }

  protected override _navigation(name: string): AnyClientObject | undefined {
    return name === "headersFooters" ? this.headersFooters : undefined;
  }

  get orientation(): string {
    return this._get("orientation");
  }

  set orientation(value: string) {
    this._set("orientation", value, (ws, tx) => {
      if (value !== "Landscape" && value !== "Portrait") fail(ErrorCodes.invalidArgument, `${this._path}.orientation`);
      this._mutate(tx, ws, "pageSetup", (p) => {
        p.orientation = value === "Landscape" ? "landscape" : "portrait";
      });
    });
  }

  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return this._get("zoom");
  }

  /** Fit-to-pages (ExcelJS fitToPage with fitToWidth/fitToHeight; 0 pages means "as many as needed") or a percentage scale. */
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this._set("zoom", value, (ws, tx) => {
      this._mutate(tx, ws, "pageSetup", (p) => {
        if (value.horizontalFitToPages !== undefined || value.verticalFitToPages !== undefined) {
          p.fitToPage = true;
          p.fitToWidth = value.horizontalFitToPages ?? 0;
          p.fitToHeight = value.verticalFitToPages ?? 0;
        } else if (value.scale !== undefined) {
          if (value.scale < 10 || value.scale > 400) fail(ErrorCodes.invalidArgument, `${this._path}.zoom`);
          p.fitToPage = false;
          p.scale = value.scale;
        } else fail(ErrorCodes.invalidArgument, `${this._path}.zoom`);
      });
    });
  }

  get printGridlines(): boolean {
    return this._get("printGridlines");
  }

  /** Rows repeated at the top of every printed page ("$4:$4", or a range whose rows are used). */
  setPrintTitleRows(titleRows: string | Range): void {
    const arg = typeof titleRows === "string" ? titleRows : titleRows._path;
    this._call("setPrintTitleRows", [arg], (ws, tx) => {
      let rect: Rect | null;
      if (typeof titleRows === "string") rect = parseRect(splitSheet(titleRows).local);
      else rect = titleRows._resolve(tx)?.rect ?? null;
      if (!rect) fail(ErrorCodes.invalidArgument, `${this._path}.setPrintTitleRows()`);
      this._mutate(tx, ws, "pageSetup", (p) => {
        p.printTitlesRow = `${rect.top}:${rect.bottom}`;
      });
    });
  }

  /** The print title rows as a range, or a null object when there are none. */
  getPrintTitleRowsOrNullObject(): Range {
    return new Range(this.context, this._childPath("getPrintTitleRowsOrNullObject"), (tx) => {
      const ws = this._resolve(tx);
      const rows = ws?.pageSetup.printTitlesRow;
      if (!ws || !rows) return null;
      const [a, b] = rows.replace(/\$/g, "").split(":").map(Number);
      return { ws, rect: { top: a, bottom: b ?? a, left: 1, right: MAX_COLUMNS } };
    });
  }

  get headersFooters(): HeaderFooterGroup {
    this._headersFooters ??= new HeaderFooterGroup(this.context, `${this._path}.headersFooters`, (tx) =>
      this._resolve(tx),
    );
    return this._headersFooters;
  }
}

/** PageLayout.headersFooters; only defaultForAllPages is modelled (ExcelJS's odd-page header, used when pages do not differ). */
export class HeaderFooterGroup extends SheetPart {
  protected readonly _className = "HeaderFooterGroup";
  private _default: HeaderFooter | undefined;

  _getters(): Record<string, Getter<ExcelJS.Worksheet>> {
    return {
      state: (ws) =>
        ws.headerFooter.differentFirst
          ? "FirstAndDefault"
          : ws.headerFooter.differentOddEven
            ? "OddAndEven"
            : "Default",
    };
  }

  protected override _navigation(name: string): AnyClientObject | undefined {
    return name === "defaultForAllPages" ? this.defaultForAllPages : undefined;
  }

  get state(): string {
    return this._get("state");
  }

  get defaultForAllPages(): HeaderFooter {
    this._default ??= new HeaderFooter(this.context, `${this._path}.defaultForAllPages`, (tx) => this._resolve(tx));
    return this._default;
  }
}

type Part = "Header" | "Footer";
type Side = "left" | "center" | "right";

/** One header/footer set: left/center/right header and footer texts, stored as ExcelJS's oddHeader/oddFooter sections. */
export class HeaderFooter extends SheetPart {
  protected readonly _className = "HeaderFooter";

  _getters(): Record<string, Getter<ExcelJS.Worksheet>> {
    const get =
      (part: Part, side: Side): Getter<ExcelJS.Worksheet> =>
      (ws) =>
        headerSections(part === "Header" ? ws.headerFooter.oddHeader : ws.headerFooter.oddFooter)[side];
    return {
      leftHeader: get("Header", "left"),
      centerHeader: get("Header", "center"),
      rightHeader: get("Header", "right"),
      leftFooter: get("Footer", "left"),
      centerFooter: get("Footer", "center"),
      rightFooter: get("Footer", "right"),
    };
  }

  private put(part: Part, side: Side, value: string): void {
    this._set(`${side}${part}`, value, (ws, tx) => {
      if (typeof value !== "string") fail(ErrorCodes.invalidArgument, `${this._path}.${side}${part}`);
      this._mutate(tx, ws, "headerFooter", (h) => {
        const key = part === "Header" ? "oddHeader" : "oddFooter";
        const sections = headerSections(h[key]);
        sections[side] = value;
        h[key] = joinSections(sections) as string;
      });
    });
  }

  get leftHeader(): string {
    return this._get("leftHeader");
  }
  set leftHeader(v: string) {
    this.put("Header", "left", v);
  }
  get centerHeader(): string {
    return this._get("centerHeader");
  }
  set centerHeader(v: string) {
    this.put("Header", "center", v);
  }
  get rightHeader(): string {
    return this._get("rightHeader");
  }
  set rightHeader(v: string) {
    this.put("Header", "right", v);
  }
  get leftFooter(): string {
    return this._get("leftFooter");
  }
  set leftFooter(v: string) {
    this.put("Footer", "left", v);
  }
  get centerFooter(): string {
    return this._get("centerFooter");
  }
  set centerFooter(v: string) {
    this.put("Footer", "center", v);
  }
  get rightFooter(): string {
    return this._get("rightFooter");
  }
  set rightFooter(v: string) {
    this.put("Footer", "right", v);
  }
}
