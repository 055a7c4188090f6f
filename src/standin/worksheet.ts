/** Worksheets: the collection (find, add, active sheet, events) and a sheet's properties, ranges and page setup. */
import type ExcelJS from "exceljs";
import { MAX_COLUMNS, MAX_ROWS, type Rect, checkedRect } from "./address";
import type { Transaction } from "./batch";
import { usedRect } from "./cells";
import type { RequestContext } from "./context";
import { ErrorCodes, fail } from "./errors";
import { EventHandlers, sheetIdOf, worksheetId } from "./events";
import { namesUndo, retargetSheet } from "./namemodel";
import { type AnyClientObject, ClientObject, Collection, type Getter } from "./proxy";
import { RangeAreas, resolveAreas } from "./areas";
import { Range, resolveAddress } from "./range";
import { FreezePanes, PageLayout, WorksheetProtection } from "./sheetsetup";
import { TableCollection } from "./tables";

const VISIBILITY: Record<string, "visible" | "hidden" | "veryHidden"> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** Excel's rules for a sheet name: 1-31 characters, none of : \ / ? * [ ], no apostrophe at either end, not "History". */
export function isValidSheetName(name: unknown): name is string {
  return (
    typeof name === "string" &&
    name.length >= 1 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

function byName(wb: ExcelJS.Workbook, key: string): ExcelJS.Worksheet | undefined {
  const id = sheetIdOf(key);
  if (!Number.isNaN(id)) {
    const found = wb.worksheets.find((ws) => ws.id === id);
    if (found) return found;
  }
  const lower = key.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

function isDeleted(tx: Transaction, ws: ExcelJS.Worksheet): boolean {
  return !tx.state.workbook.worksheets.includes(ws);
}

/** Reorders sheets by rewriting ExcelJS's orderNo (which sorts wb.worksheets); returns the undo. */
function reorder(wb: ExcelJS.Workbook, sheets: ExcelJS.Worksheet[]): () => void {
  type Ordered = { orderNo: number };
  const before = wb.worksheets.map((ws) => [ws as unknown as Ordered, (ws as unknown as Ordered).orderNo] as const);
  sheets.forEach((ws, i) => {
    (ws as unknown as Ordered).orderNo = i + 1;
  });
  return () =>
    before.forEach(([ws, n]) => {
      ws.orderNo = n;
    });
}

export class WorksheetCollection extends Collection<ExcelJS.Workbook, Worksheet> {
  protected readonly _className = "WorksheetCollection";

  constructor(context: RequestContext, path: string) {
    super(context, path, false);
    this._null = false;
  }

  protected _locate(tx: Transaction): ExcelJS.Workbook {
    return tx.state.workbook;
  }

  protected _list(wb: ExcelJS.Workbook): unknown[] {
    return wb.worksheets;
  }

  protected _wrap(item: unknown): Worksheet {
    const ws = item as ExcelJS.Worksheet;
    return new Worksheet(this.context, `${this._path}.getItem(${JSON.stringify(worksheetId(ws.id))})`, () => ws, false);
  }

  /** The sheet with this name (case-insensitive) or id; the sync fails with ItemNotFound if there is none. */
  getItem(key: string): Worksheet {
    const path = this._childPath("getItem", [key]);
    return new Worksheet(
      this.context,
      path,
      (tx) => byName(tx.state.workbook, key) ?? fail(ErrorCodes.itemNotFound, path),
    );
  }

  /** The sheet with this name or id, or a null object (isNullObject true after sync). */
  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(
      this.context,
      this._childPath("getItemOrNullObject", [key]),
      (tx) => byName(tx.state.workbook, key) ?? null,
    );
  }

  getActiveWorksheet(): Worksheet {
    const path = this._childPath("getActiveWorksheet");
    return new Worksheet(this.context, path, (tx) => tx.state.activeSheet() ?? fail(ErrorCodes.itemNotFound, path));
  }

  getFirst(visibleOnly?: boolean): Worksheet {
    const path = this._childPath("getFirst", [visibleOnly]);
    return new Worksheet(this.context, path, (tx) => {
      const sheets = tx.state.workbook.worksheets.filter((ws) => !visibleOnly || ws.state === "visible");
      return sheets[0] ?? fail(ErrorCodes.itemNotFound, path);
    });
  }

  /**
   * Adds a sheet at the end, named `name` (or the next free "SheetN"). The
   * sync fails with ItemAlreadyExists if the name is taken (case-insensitive)
   * and InvalidArgument if Excel would not accept it.
   */
  add(name?: string): Worksheet {
    const path = this._childPath("add", name === undefined ? [] : [name]);
    return new Worksheet(this.context, path, (tx) => {
      const wb = tx.state.workbook;
      let sheetName = name;
      if (sheetName === undefined || sheetName === null) {
        let n = wb.worksheets.length + 1;
        while (byName(wb, `Sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      if (!isValidSheetName(sheetName))
        fail(ErrorCodes.invalidArgument, path, `The sheet name "${sheetName}" is not valid.`);
      if (byName(wb, sheetName)) fail(ErrorCodes.itemAlreadyExists, path);
      const ws = wb.addWorksheet(sheetName);
      tx.onUndo(() => wb.removeWorksheetEx(ws as never));
      return ws;
    });
  }

  /** Fires for a change on any sheet (Office's WorksheetCollection.onChanged). */
  get onChanged(): EventHandlers {
    return new EventHandlers(this.context, this._path, "changed", null);
  }

  get onSelectionChanged(): EventHandlers {
    return new EventHandlers(this.context, this._path, "selectionChanged", null);
  }
}

export class Worksheet extends ClientObject<ExcelJS.Worksheet> {
  protected readonly _className = "Worksheet";
  private _tables: TableCollection | undefined;
  private _protection: WorksheetProtection | undefined;
  private _freezePanes: FreezePanes | undefined;
  private _pageLayout: PageLayout | undefined;

  constructor(
    context: RequestContext,
    path: string,
    private readonly locator: (tx: Transaction) => ExcelJS.Worksheet | null,
    instantiate = true,
  ) {
    super(context, path, instantiate);
  }

  protected _locate(tx: Transaction): ExcelJS.Worksheet | null {
    return this.locator(tx);
  }

  protected override _isAlive(ws: ExcelJS.Worksheet, tx: Transaction): boolean {
    return !isDeleted(tx, ws);
  }

  _getters(): Record<string, Getter<ExcelJS.Worksheet>> {
    return {
      name: (ws) => ws.name,
      id: (ws) => worksheetId(ws.id),
      position: (ws, tx) => tx.state.workbook.worksheets.indexOf(ws),
      visibility: (ws) => (ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible"),
      tabColor: (ws) => {
        const argb = (ws.properties?.tabColor as { argb?: string } | undefined)?.argb;
        return argb ? `#${argb.slice(-6)}` : "";
      },
      showGridlines: (ws) => (ws.views?.[0] as { showGridLines?: boolean } | undefined)?.showGridLines !== false,
    };
  }

  protected override _navigation(name: string): AnyClientObject | undefined {
    if (name === "protection") return this.protection;
    if (name === "freezePanes") return this.freezePanes;
    if (name === "pageLayout") return this.pageLayout;
    if (name === "tables") return this.tables;
    return undefined;
  }

  get id(): string {
    return this._get("id");
  }

  get name(): string {
    return this._get("name");
  }

  /** Renames the sheet; defined names that refer to it follow, as in Excel. */
  set name(value: string) {
    this._set("name", value, (ws, tx) => {
      if (ws.name === value) return;
      if (!isValidSheetName(value))
        fail(ErrorCodes.invalidArgument, `${this._path}.name`, `The sheet name "${String(value)}" is not valid.`);
      const other = byName(tx.state.workbook, value);
      if (other && other !== ws) fail(ErrorCodes.itemAlreadyExists, `${this._path}.name`);
      const before = ws.name;
      ws.name = value;
      retargetSheet(tx.state.workbook, before, value);
      tx.onUndo(() => {
        retargetSheet(tx.state.workbook, value, before);
        ws.name = before;
      });
    });
  }

  get position(): number {
    return this._get("position");
  }

  /** Moves the sheet to a 0-based position among all sheets. */
  set position(value: number) {
    this._set("position", value, (ws, tx) => {
      const wb = tx.state.workbook;
      const sheets = wb.worksheets.filter((s) => s !== ws);
      if (!Number.isInteger(value) || value < 0 || value > sheets.length)
        fail(ErrorCodes.invalidArgument, `${this._path}.position`);
      const active = tx.state.activeSheet();
      sheets.splice(value, 0, ws);
      tx.onUndo(reorder(wb, sheets));
      if (active) tx.onUndo(tx.state.activate(active));
    });
  }

  get visibility(): string {
    return this._get("visibility");
  }

  set visibility(value: string) {
    this._set("visibility", value, (ws, tx) => {
      const state = VISIBILITY[value];
      if (!state) fail(ErrorCodes.invalidArgument, `${this._path}.visibility`);
      const visible = tx.state.workbook.worksheets.filter((s) => s.state === "visible" && s !== ws);
      if (state !== "visible" && visible.length === 0) fail(ErrorCodes.invalidOperation, `${this._path}.visibility`);
      const before = ws.state;
      ws.state = state;
      tx.onUndo(() => {
        ws.state = before;
      });
    });
  }

  get tabColor(): string {
    return this._get("tabColor");
  }

  set tabColor(value: string) {
    this._set("tabColor", value, (ws, tx) => {
      const before = ws.properties.tabColor;
      ws.properties.tabColor = (
        value ? { argb: `FF${value.replace("#", "").toUpperCase()}` } : undefined
      ) as ExcelJS.Color;
      tx.onUndo(() => {
        ws.properties.tabColor = before;
      });
    });
  }

  get showGridlines(): boolean {
    return this._get("showGridlines");
  }

  /** The sheet's tables (add, getItem, items). */
  get tables(): TableCollection {
    this._tables ??= new TableCollection(this.context, `${this._path}.tables`, (tx) => this._resolve(tx));
    return this._tables;
  }

  get protection(): WorksheetProtection {
    this._protection ??= new WorksheetProtection(this.context, `${this._path}.protection`, (tx) => this._resolve(tx));
    return this._protection;
  }

  get freezePanes(): FreezePanes {
    this._freezePanes ??= new FreezePanes(this.context, `${this._path}.freezePanes`, (tx) => this._resolve(tx));
    return this._freezePanes;
  }

  get pageLayout(): PageLayout {
    this._pageLayout ??= new PageLayout(this.context, `${this._path}.pageLayout`, (tx) => this._resolve(tx));
    return this._pageLayout;
  }

  /** A range by address ("A1", "A1:C3", "A:A", "2:2", a defined name on this sheet); the whole sheet without one. */
  getRange(address?: string): Range {
    const path = this._childPath("getRange", address === undefined ? [] : [address]);
    return new Range(this.context, path, (tx) => {
      const ws = this._resolve(tx);
      if (ws === null) return null;
      const rect: Rect =
        address === undefined || address === ""
          ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS }
          : resolveAddress(tx, ws, address, path);
      return { ws, rect };
    });
  }

  /** Several ranges of this sheet at once ("H2:H40, H42:H90"), ExcelApi 1.9. */
  getRanges(address: string): RangeAreas {
    const path = this._childPath("getRanges", [address]);
    return new RangeAreas(this.context, path, (tx) => {
      const ws = this._resolve(tx);
      return ws === null ? null : { ws, rects: resolveAreas(tx, ws, address, path) };
    });
  }

  /** A range from 0-based start row and column and a size. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    const path = this._childPath("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount]);
    return new Range(this.context, path, (tx) => {
      const ws = this._resolve(tx);
      if (ws === null) return null;
      const rect = checkedRect(startRow + 1, startColumn + 1, startRow + rowCount, startColumn + columnCount);
      return rect ? { ws, rect } : fail(ErrorCodes.invalidArgument, path);
    });
  }

  /** The cell at 0-based row and column. */
  getCell(row: number, column: number): Range {
    const path = this._childPath("getCell", [row, column]);
    return new Range(this.context, path, (tx) => {
      const ws = this._resolve(tx);
      if (ws === null) return null;
      const rect = checkedRect(row + 1, column + 1, row + 1, column + 1);
      return rect ? { ws, rect } : fail(ErrorCodes.invalidArgument, path);
    });
  }

  /**
   * The smallest range holding every cell with a value (valuesOnly) or with
   * a value or format. On an empty sheet Office returns A1.
   */
  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(
      this.context,
      this._childPath("getUsedRange", valuesOnly === undefined ? [] : [valuesOnly]),
      (tx) => {
        const ws = this._resolve(tx);
        if (ws === null) return null;
        return { ws, rect: usedRect(ws, Boolean(valuesOnly)) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
      },
    );
  }

  /** Like getUsedRange, but a null object when the sheet is empty. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(
      this.context,
      this._childPath("getUsedRangeOrNullObject", valuesOnly === undefined ? [] : [valuesOnly]),
      (tx) => {
        const ws = this._resolve(tx);
        if (ws === null) return null;
        const rect = usedRect(ws, Boolean(valuesOnly));
        return rect ? { ws, rect } : null;
      },
    );
  }

  /** Makes this the active sheet. */
  activate(): void {
    this._call("activate", [], (ws, tx) => {
      if (ws.state !== "visible") fail(ErrorCodes.invalidOperation, `${this._path}.activate()`);
      tx.onUndo(tx.state.activate(ws));
    });
  }

  /**
   * Deletes the sheet with its tables. Defined names that pointed only at it
   * are left as #REF! names (Excel keeps them; ExcelJS cannot save them, so
   * they vanish when the workbook is written). Refused for the last visible sheet.
   */
  delete(): void {
    this._call("delete", [], (ws, tx) => {
      const state = tx.state;
      const wb = state.workbook;
      const others = wb.worksheets.filter((s) => s !== ws && s.state === "visible");
      if (others.length === 0)
        fail(
          ErrorCodes.invalidOperation,
          `${this._path}.delete()`,
          "A workbook must contain at least one visible worksheet.",
        );
      const active = state.activeSheet();
      const selection = state.selection;
      const index = wb.worksheets.indexOf(ws);
      const undoNames = namesUndo(wb);
      const emptied = retargetSheet(wb, ws.name, null);
      const beforeNames = new Map(state.brokenNames);
      for (const name of emptied) state.brokenNames.set(name.toLowerCase(), name);
      wb.removeWorksheetEx(ws as never);
      const restoreActivation =
        active === ws ? state.activate(others[Math.min(index, others.length - 1)] ?? others[0]) : null;
      if (selection?.sheetId === ws.id) state.selection = null;
      tx.onUndo(() => {
        (wb as unknown as { _worksheets: ExcelJS.Worksheet[] })._worksheets[ws.id] = ws;
        state.brokenNames.clear();
        for (const [k, v] of beforeNames) state.brokenNames.set(k, v);
        undoNames();
        state.selection = selection;
        restoreActivation?.();
      });
    });
  }

  get onChanged(): EventHandlers {
    return new EventHandlers(this.context, this._path, "changed", (tx) => this._resolve(tx));
  }

  get onSelectionChanged(): EventHandlers {
    return new EventHandlers(this.context, this._path, "selectionChanged", (tx) => this._resolve(tx));
  }
}
