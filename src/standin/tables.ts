/**
 * Excel tables through Office.js: the workbook's and a sheet's table
 * collections, a table's ranges and options, and adding columns and rows
 * (which shift the cells below or beside the table, as Excel does).
 */
import type ExcelJS from "exceljs";
import { type Rect, cellCount, columnCount, formatRect, intersect, rowCount, splitSheet } from "./address";
import type { Transaction } from "./batch";
import { CellJournal, isProtected, protectionAllows } from "./cells";
import type { RequestContext } from "./context";
import { ErrorCodes, fail } from "./errors";
import { readNames } from "./namemodel";
import { type AnyClientObject, ClientObject, Collection, type Getter } from "./proxy";
import { Range, type RangeTarget, resolveAddress } from "./range";
import { applyStructuralChange } from "./structure";
import {
  type SheetTable,
  attachTable,
  bodyRect,
  detachTable,
  findTable,
  hasHeaderRow,
  hasTotalsRow,
  headerNames,
  headerRect,
  isValidTableName,
  renameTable,
  setTableRect,
  sheetTables,
  snapshotTable,
  tableRect,
  workbookTables,
} from "./tablemodel";
import { Worksheet } from "./worksheet";
import { clearRect, gridAccessor, syncTableHeaders, writeValues } from "./write";

type SheetLocator = (tx: Transaction) => ExcelJS.Worksheet | null;

/** The table collection's scope: one sheet, or (ws undefined) the whole workbook. */
interface Scope {
  readonly ws: ExcelJS.Worksheet | undefined;
}

const STYLE_NAME = /^TableStyle(Light([1-9]|1\d|2[0-1])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

function isTaken(wb: ExcelJS.Workbook, name: string, except?: SheetTable): boolean {
  const lower = name.toLowerCase();
  if (readNames(wb).some((n) => n.name.toLowerCase() === lower)) return true;
  return workbookTables(wb).some((t) => t.table !== except?.table && t.table.table.name.toLowerCase() === lower);
}

function byKey(tx: Transaction, key: string, ws?: ExcelJS.Worksheet): SheetTable | undefined {
  const found = findTable(tx.state.workbook, key, ws);
  if (found) return found;
  const pool = ws ? sheetTables(ws).map((table) => ({ ws, table })) : workbookTables(tx.state.workbook);
  return pool.find((t) => String(tx.state.tableId(t.table)) === key);
}

/**
 * Makes a table over a rectangle as Excel does: header cells become unique
 * text names ("Column1" for blanks); without headers, a header row is
 * inserted above the data; a header-only range gets one empty data row.
 */
export function createTable(
  tx: Transaction,
  ws: ExcelJS.Worksheet,
  rect: Rect,
  hasHeaders: boolean,
  location: string,
): SheetTable {
  if (isProtected(ws)) fail(ErrorCodes.accessDenied, location);
  if (cellCount(rect) > 5_000_000 || rect.right - rect.left >= 16384) fail(ErrorCodes.invalidArgument, location);
  for (const other of sheetTables(ws)) {
    if (intersect(tableRect(other), rect))
      fail(ErrorCodes.invalidOperation, location, "A table can't overlap another table.");
  }
  let tableArea = rect;
  if (!hasHeaders) {
    applyStructuralChange(
      tx,
      ws,
      { sheetId: ws.id, axis: "rows", at: rect.top, count: 1, from: rect.left, to: rect.right },
      "Local",
      "ThisLocalAddin",
    );
    tableArea = { ...rect, bottom: rect.bottom + 1 };
  } else if (rowCount(rect) === 1) {
    tableArea = { ...rect, bottom: rect.bottom + 1 };
  }
  const header = { ...tableArea, bottom: tableArea.top };
  const names = hasHeaders
    ? headerNames(ws, header, tx.state.date1904)
    : Array.from({ length: columnCount(rect) }, (_, i) => `Column${i + 1}`);
  const journal = new CellJournal(ws);
  tx.onUndo(() => journal.restore());
  names.forEach((name, i) => {
    journal.cell(header.top, header.left + i).value = name;
  });
  let n = 1;
  while (isTaken(tx.state.workbook, `Table${n}`)) n++;
  const name = `Table${n}`;
  const table = attachTable(ws, {
    name,
    displayName: name,
    tableRef: formatRect(tableArea),
    headerRow: true,
    totalsRow: false,
    columns: names.map((column) => ({ name: column, filterButton: true })),
    style: {
      theme: "TableStyleMedium2",
      showFirstColumn: false,
      showLastColumn: false,
      showRowStripes: true,
      showColumnStripes: false,
    },
  });
  setTableRect(table, tableArea);
  tx.onUndo(() => detachTable(ws, table));
  return { ws, table };
}

export class TableCollection extends Collection<Scope, Table> {
  protected readonly _className = "TableCollection";

  /** `sheet` is the owning worksheet's locator; undefined for workbook.tables. */
  constructor(
    context: RequestContext,
    path: string,
    private readonly sheet: SheetLocator | undefined,
  ) {
    super(context, path, sheet !== undefined);
    if (sheet === undefined) this._null = false;
  }

  protected _locate(tx: Transaction): Scope | null {
    if (this.sheet === undefined) return { ws: undefined };
    const ws = this.sheet(tx);
    return ws === null ? null : { ws };
  }

  protected _list(scope: Scope, tx: Transaction): unknown[] {
    return scope.ws
      ? sheetTables(scope.ws).map((table) => ({ ws: scope.ws, table }))
      : workbookTables(tx.state.workbook);
  }

  protected _wrap(item: unknown): Table {
    const t = item as SheetTable;
    return new Table(this.context, `${this._path}.getItem(${JSON.stringify(t.table.table.name)})`, () => t, false);
  }

  override _getters(): Record<string, Getter<Scope>> {
    return { count: (scope, tx) => this._list(scope, tx).length };
  }

  get count(): number {
    return this._get("count");
  }

  getItem(key: string): Table {
    const path = this._childPath("getItem", [key]);
    return new Table(this.context, path, (tx) => {
      const scope = this._resolve(tx);
      if (scope === null) return null;
      return byKey(tx, key, scope.ws) ?? fail(ErrorCodes.itemNotFound, path);
    });
  }

  getItemOrNullObject(key: string): Table {
    return new Table(this.context, this._childPath("getItemOrNullObject", [key]), (tx) => {
      const scope = this._resolve(tx);
      return scope === null ? null : (byKey(tx, key, scope.ws) ?? null);
    });
  }

  /**
   * Creates a table over `address` (a Range, or an address: sheet-qualified
   * for workbook.tables). The new table is named "TableN" and styled
   * TableStyleMedium2, as Excel does.
   */
  add(address: Range | string, hasHeaders: boolean): Table {
    const path = this._childPath("add", [typeof address === "string" ? address : address._path, hasHeaders]);
    return new Table(this.context, path, (tx) => {
      const scope = this._resolve(tx);
      if (scope === null) return null;
      let target: RangeTarget;
      if (typeof address !== "string") {
        const resolved = address._resolve(tx);
        if (resolved === null || (scope.ws && resolved.ws !== scope.ws)) return fail(ErrorCodes.invalidArgument, path);
        target = resolved;
      } else if (scope.ws) {
        target = { ws: scope.ws, rect: resolveAddress(tx, scope.ws, address, path) };
      } else {
        const { sheet } = splitSheet(address);
        const lower = sheet?.toLowerCase();
        const ws = tx.state.workbook.worksheets.find((w) => w.name.toLowerCase() === lower);
        if (!ws) return fail(ErrorCodes.invalidArgument, path, "workbook.tables.add needs a sheet-qualified address.");
        target = { ws, rect: resolveAddress(tx, ws, address, path) };
      }
      return createTable(tx, target.ws, target.rect, hasHeaders, path);
    });
  }
}

export class Table extends ClientObject<SheetTable> {
  protected readonly _className = "Table";
  private _columns: TableColumnCollection | undefined;
  private _rows: TableRowCollection | undefined;
  private _worksheet: Worksheet | undefined;

  constructor(
    context: RequestContext,
    path: string,
    private readonly locator: (tx: Transaction) => SheetTable | null,
    instantiate = true,
  ) {
    super(context, path, instantiate);
  }

  protected _locate(tx: Transaction): SheetTable | null {
    return this.locator(tx);
  }

  protected override _isAlive(t: SheetTable, tx: Transaction): boolean {
    return tx.state.workbook.worksheets.includes(t.ws) && sheetTables(t.ws).includes(t.table);
  }

  _getters(): Record<string, Getter<SheetTable>> {
    return {
      name: (t) => t.table.table.name,
      id: (t, tx) => String(tx.state.tableId(t.table)),
      style: (t) => t.table.table.style?.theme ?? "",
      showBandedRows: (t) => t.table.table.style?.showRowStripes === true,
      showBandedColumns: (t) => t.table.table.style?.showColumnStripes === true,
      highlightFirstColumn: (t) => t.table.table.style?.showFirstColumn === true,
      highlightLastColumn: (t) => t.table.table.style?.showLastColumn === true,
      showHeaders: (t) => hasHeaderRow(t.table),
      showTotals: (t) => hasTotalsRow(t.table),
      showFilterButton: (t) => hasHeaderRow(t.table) && t.table.table.columns.every((c) => c.filterButton !== false),
    };
  }

  protected override _navigation(name: string): AnyClientObject | undefined {
    if (name === "columns") return this.columns;
    if (name === "rows") return this.rows;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  private _option(name: string, value: unknown, apply: (t: SheetTable) => void): void {
    this._set(name, value, (t, tx) => {
      if (isProtected(t.ws)) fail(ErrorCodes.accessDenied, `${this._path}.${name}`);
      const before = snapshotTable(t.table);
      apply(t);
      tx.onUndo(() => {
        t.table.table = before;
      });
    });
  }

  get id(): string {
    return this._get("id");
  }

  get name(): string {
    return this._get("name");
  }

  set name(value: string) {
    this._set("name", value, (t, tx) => {
      if (!isValidTableName(value))
        fail(ErrorCodes.invalidArgument, `${this._path}.name`, `"${String(value)}" is not a valid table name.`);
      if (isTaken(tx.state.workbook, value, t)) fail(ErrorCodes.itemAlreadyExists, `${this._path}.name`);
      const before = t.table.table.name;
      renameTable(t.ws, t.table, value);
      tx.onUndo(() => renameTable(t.ws, t.table, before));
    });
  }

  get style(): string {
    return this._get("style");
  }

  set style(value: string) {
    if (value !== "" && !STYLE_NAME.test(value)) {
      this._set("style", value, () =>
        fail(ErrorCodes.invalidArgument, `${this._path}.style`, `"${value}" is not a table style.`),
      );
      return;
    }
    this._option("style", value, (t) => {
      t.table.table.style = { ...t.table.table.style, theme: value === "" ? null : value };
    });
  }

  get showBandedRows(): boolean {
    return this._get("showBandedRows");
  }

  set showBandedRows(value: boolean) {
    this._option("showBandedRows", value, (t) => {
      t.table.table.style = { ...t.table.table.style, showRowStripes: Boolean(value) };
    });
  }

  get showBandedColumns(): boolean {
    return this._get("showBandedColumns");
  }

  set showBandedColumns(value: boolean) {
    this._option("showBandedColumns", value, (t) => {
      t.table.table.style = { ...t.table.table.style, showColumnStripes: Boolean(value) };
    });
  }

  get highlightFirstColumn(): boolean {
    return this._get("highlightFirstColumn");
  }

  set highlightFirstColumn(value: boolean) {
    this._option("highlightFirstColumn", value, (t) => {
      t.table.table.style = { ...t.table.table.style, showFirstColumn: Boolean(value) };
    });
  }

  get highlightLastColumn(): boolean {
    return this._get("highlightLastColumn");
  }

  set highlightLastColumn(value: boolean) {
    this._option("highlightLastColumn", value, (t) => {
      t.table.table.style = { ...t.table.table.style, showLastColumn: Boolean(value) };
    });
  }

  get showFilterButton(): boolean {
    return this._get("showFilterButton");
  }

  set showFilterButton(value: boolean) {
    this._option("showFilterButton", value, (t) => {
      t.table.table.columns = t.table.table.columns.map((c) => ({ ...c, filterButton: Boolean(value) }));
    });
  }

  get showHeaders(): boolean {
    return this._get("showHeaders");
  }

  get showTotals(): boolean {
    return this._get("showTotals");
  }

  get columns(): TableColumnCollection {
    this._columns ??= new TableColumnCollection(this.context, `${this._path}.columns`, (tx) => this._resolve(tx));
    return this._columns;
  }

  get rows(): TableRowCollection {
    this._rows ??= new TableRowCollection(this.context, `${this._path}.rows`, (tx) => this._resolve(tx));
    return this._rows;
  }

  get worksheet(): Worksheet {
    this._worksheet ??= new Worksheet(this.context, `${this._path}.worksheet`, (tx) => this._resolve(tx)?.ws ?? null);
    return this._worksheet;
  }

  private _range(method: string, rect: (t: SheetTable) => Rect | null): Range {
    const path = this._childPath(method);
    return new Range(this.context, path, (tx) => {
      const t = this._resolve(tx);
      if (t === null) return null;
      const r = rect(t);
      return r ? { ws: t.ws, rect: r } : fail(ErrorCodes.itemNotFound, path);
    });
  }

  /** The whole table: header, data and totals rows. */
  getRange(): Range {
    return this._range("getRange", (t) => tableRect(t.table));
  }

  getHeaderRowRange(): Range {
    return this._range("getHeaderRowRange", (t) => headerRect(t.table));
  }

  getDataBodyRange(): Range {
    return this._range("getDataBodyRange", (t) => bodyRect(t.table));
  }

  getTotalRowRange(): Range {
    return this._range("getTotalRowRange", (t) => {
      if (!hasTotalsRow(t.table)) return null;
      const r = tableRect(t.table);
      return { ...r, top: r.bottom };
    });
  }

  /** Deletes the table and clears its cells (use convertToRange to keep the data). */
  delete(): void {
    this._call("delete", [], (t, tx) => {
      if (isProtected(t.ws)) fail(ErrorCodes.accessDenied, `${this._path}.delete()`);
      const rect = tableRect(t.table);
      detachTable(t.ws, t.table);
      tx.onUndo(() => attachTableObject(t));
      clearRect(tx, t.ws, rect, "all");
    });
  }

  /** Turns the table back into plain cells, keeping values and formats. */
  convertToRange(): Range {
    const path = this._childPath("convertToRange");
    return new Range(this.context, path, (tx) => {
      const t = this._resolve(tx);
      if (t === null) return null;
      if (isProtected(t.ws)) fail(ErrorCodes.accessDenied, path);
      const rect = tableRect(t.table);
      detachTable(t.ws, t.table);
      tx.onUndo(() => attachTableObject(t));
      return { ws: t.ws, rect };
    });
  }
}

function attachTableObject(t: SheetTable): void {
  (t.ws as unknown as { tables: Record<string, unknown> }).tables[t.table.table.name] = t.table;
}

interface ColumnTarget {
  readonly t: SheetTable;
  readonly index: number;
}

export class TableColumnCollection extends Collection<SheetTable, TableColumn> {
  protected readonly _className = "TableColumnCollection";

  constructor(
    context: RequestContext,
    path: string,
    private readonly table: (tx: Transaction) => SheetTable | null,
  ) {
    super(context, path);
  }

  protected _locate(tx: Transaction): SheetTable | null {
    return this.table(tx);
  }

  protected _list(t: SheetTable): unknown[] {
    return t.table.table.columns.map((_, index) => ({ t, index }));
  }

  protected _wrap(item: unknown, index: number): TableColumn {
    return new TableColumn(this.context, `${this._path}.getItemAt(${index})`, () => item as ColumnTarget, false);
  }

  override _getters(): Record<string, Getter<SheetTable>> {
    return { count: (t) => t.table.table.columns.length };
  }

  get count(): number {
    return this._get("count");
  }

  getItemAt(index: number): TableColumn {
    const path = this._childPath("getItemAt", [index]);
    return new TableColumn(this.context, path, (tx) => {
      const t = this._resolve(tx);
      if (t === null) return null;
      return index >= 0 && index < t.table.table.columns.length ? { t, index } : fail(ErrorCodes.invalidArgument, path);
    });
  }

  private _find(key: string | number, t: SheetTable): ColumnTarget | null {
    const columns = t.table.table.columns;
    const byName = columns.findIndex((c) => c.name.toLowerCase() === String(key).toLowerCase());
    if (byName >= 0) return { t, index: byName };
    const id = Number(key);
    return Number.isInteger(id) && id >= 1 && id <= columns.length ? { t, index: id - 1 } : null;
  }

  /** A column by name or id (1-based, as Office numbers them). */
  getItem(key: string | number): TableColumn {
    const path = this._childPath("getItem", [key]);
    return new TableColumn(this.context, path, (tx) => {
      const t = this._resolve(tx);
      return t === null ? null : (this._find(key, t) ?? fail(ErrorCodes.itemNotFound, path));
    });
  }

  getItemOrNullObject(key: string | number): TableColumn {
    return new TableColumn(this.context, this._childPath("getItemOrNullObject", [key]), (tx) => {
      const t = this._resolve(tx);
      return t === null ? null : this._find(key, t);
    });
  }

  /**
   * Adds a column at `index` (0-based within the table; null or undefined
   * appends), shifting cells to its right within the table's rows. `values`
   * holds the header and every data row, or just the data rows; `name`, when
   * given, names the column.
   */
  add(index?: number | null, values?: any[][] | null, name?: string): TableColumn {
    const path = this._childPath("add", [index ?? null, values ?? null, name ?? null]);
    return new TableColumn(this.context, path, (tx) => {
      const t = this._resolve(tx);
      if (t === null) return null;
      const { ws } = t;
      if (isProtected(ws)) fail(ErrorCodes.accessDenied, path);
      const rect = tableRect(t.table);
      const width = columnCount(rect);
      const at = index === undefined || index === null || index === -1 ? width : index;
      if (!Number.isInteger(at) || at < 0 || at > width) fail(ErrorCodes.invalidArgument, path);
      const body = bodyRect(t.table);
      const header = headerRect(t.table);
      let cells: unknown[][] | null = null;
      if (values !== undefined && values !== null) {
        if (!Array.isArray(values)) fail(ErrorCodes.invalidArgument, path);
        if (values.length === rowCount(rect)) cells = values;
        else if (values.length === rowCount(body))
          cells = [...(header ? [[null]] : []), ...values, ...(hasTotalsRow(t.table) ? [[null]] : [])];
        else fail(ErrorCodes.invalidArgument, path, "The values do not match the table's rows.");
        if (cells.some((row) => !Array.isArray(row) || row.length !== 1)) fail(ErrorCodes.invalidArgument, path);
      }
      const column = rect.left + at;
      const before = snapshotTable(t.table);
      applyStructuralChange(
        tx,
        ws,
        { sheetId: ws.id, axis: "columns", at: column, count: 1, from: rect.top, to: rect.bottom },
        "Local",
        "ThisLocalAddin",
      );
      const grown = { ...rect, right: rect.right + 1 };
      const headerCell = cells && header ? cells[0][0] : null;
      const wanted =
        name ??
        (headerCell === null || headerCell === undefined || headerCell === ""
          ? `Column${width + 1}`
          : String(headerCell));
      t.table.table.columns = [
        ...before.columns.slice(0, at),
        { name: wanted, filterButton: true },
        ...before.columns.slice(at),
      ];
      setTableRect(t.table, grown);
      tx.onUndo(() => {
        t.table.table = before;
      });
      const columnRect = { ...grown, left: column, right: column };
      if (cells) {
        const dataTop = header ? 1 : 0;
        writeValues(tx, ws, { ...columnRect, top: columnRect.top + dataTop }, cells.slice(dataTop));
      }
      if (header) {
        const journal = new CellJournal(ws);
        tx.onUndo(() => journal.restore());
        journal.cell(header.top, column).value = wanted;
        syncTableHeaders(tx, ws, { ...header, right: grown.right });
      }
      return { t, index: at };
    });
  }
}

export class TableColumn extends ClientObject<ColumnTarget> {
  protected readonly _className = "TableColumn";

  constructor(
    context: RequestContext,
    path: string,
    private readonly locator: (tx: Transaction) => ColumnTarget | null,
    instantiate = true,
  ) {
    super(context, path, instantiate);
  }

  protected _locate(tx: Transaction): ColumnTarget | null {
    return this.locator(tx);
  }

  _getters(): Record<string, Getter<ColumnTarget>> {
    return {
      name: (c) => c.t.table.table.columns[c.index]?.name,
      index: (c) => c.index,
      id: (c) => c.index + 1,
    };
  }

  get name(): string {
    return this._get("name");
  }

  get index(): number {
    return this._get("index");
  }

  get id(): number {
    return this._get("id");
  }

  private _range(method: string, rect: (c: ColumnTarget) => Rect | null): Range {
    const path = this._childPath(method);
    return new Range(this.context, path, (tx) => {
      const c = this._resolve(tx);
      if (c === null) return null;
      const r = rect(c);
      return r ? { ws: c.t.ws, rect: r } : fail(ErrorCodes.itemNotFound, path);
    });
  }

  getRange(): Range {
    return this._range("getRange", (c) => {
      const r = tableRect(c.t.table);
      return { ...r, left: r.left + c.index, right: r.left + c.index };
    });
  }

  getDataBodyRange(): Range {
    return this._range("getDataBodyRange", (c) => {
      const r = bodyRect(c.t.table);
      return { ...r, left: r.left + c.index, right: r.left + c.index };
    });
  }

  getHeaderRowRange(): Range {
    return this._range("getHeaderRowRange", (c) => {
      const r = headerRect(c.t.table);
      return r && { ...r, left: r.left + c.index, right: r.left + c.index };
    });
  }
}

interface RowTarget {
  readonly t: SheetTable;
  readonly index: number;
}

export class TableRowCollection extends Collection<SheetTable, TableRow> {
  protected readonly _className = "TableRowCollection";

  constructor(
    context: RequestContext,
    path: string,
    private readonly table: (tx: Transaction) => SheetTable | null,
  ) {
    super(context, path);
  }

  protected _locate(tx: Transaction): SheetTable | null {
    return this.table(tx);
  }

  protected _list(t: SheetTable): unknown[] {
    return Array.from({ length: rowCount(bodyRect(t.table)) }, (_, index) => ({ t, index }));
  }

  protected _wrap(item: unknown, index: number): TableRow {
    return new TableRow(this.context, `${this._path}.getItemAt(${index})`, () => item as RowTarget, false);
  }

  override _getters(): Record<string, Getter<SheetTable>> {
    return { count: (t) => rowCount(bodyRect(t.table)) };
  }

  get count(): number {
    return this._get("count");
  }

  getItemAt(index: number): TableRow {
    const path = this._childPath("getItemAt", [index]);
    return new TableRow(this.context, path, (tx) => {
      const t = this._resolve(tx);
      if (t === null) return null;
      return index >= 0 && index < rowCount(bodyRect(t.table)) ? { t, index } : fail(ErrorCodes.invalidArgument, path);
    });
  }

  /**
   * Adds data rows at `index` (0-based within the data; null or undefined
   * appends), shifting the cells below within the table's columns down.
   * `values` is one row or several, each as wide as the table.
   */
  add(index?: number | null, values?: any[][] | any[] | null): TableRow {
    const path = this._childPath("add", [index ?? null, values ?? null]);
    return new TableRow(this.context, path, (tx) => {
      const t = this._resolve(tx);
      if (t === null) return null;
      const { ws } = t;
      if (isProtected(ws) && !protectionAllows(ws, "insertRows")) fail(ErrorCodes.accessDenied, path);
      const rect = tableRect(t.table);
      const body = bodyRect(t.table);
      const width = columnCount(rect);
      const bodyRows = rowCount(body);
      const at = index === undefined || index === null || index === -1 ? bodyRows : index;
      if (!Number.isInteger(at) || at < 0 || at > bodyRows) fail(ErrorCodes.invalidArgument, path);
      let rows: unknown[][];
      if (values === undefined || values === null) rows = [new Array<unknown>(width).fill(null)];
      else if (Array.isArray(values) && values.every((r) => Array.isArray(r))) rows = values as unknown[][];
      else if (Array.isArray(values)) rows = [values];
      else return fail(ErrorCodes.invalidArgument, path);
      if (rows.length === 0) fail(ErrorCodes.invalidArgument, path);
      gridAccessor(rows, { top: 1, left: 1, bottom: rows.length, right: width }, path);
      const first = body.top + at;
      const before = snapshotTable(t.table);
      applyStructuralChange(
        tx,
        ws,
        { sheetId: ws.id, axis: "rows", at: first, count: rows.length, from: rect.left, to: rect.right },
        "Local",
        "ThisLocalAddin",
      );
      setTableRect(t.table, { ...rect, bottom: rect.bottom + rows.length });
      tx.onUndo(() => {
        t.table.table = before;
      });
      writeValues(tx, ws, { top: first, bottom: first + rows.length - 1, left: rect.left, right: rect.right }, rows);
      tx.emit({
        kind: "changed",
        sheetId: ws.id,
        address: formatRect({ top: first, bottom: first + rows.length - 1, left: rect.left, right: rect.right }),
        changeType: "RangeEdited",
        source: "Local",
        triggerSource: "ThisLocalAddin",
      });
      return { t, index: at };
    });
  }
}

export class TableRow extends ClientObject<RowTarget> {
  protected readonly _className = "TableRow";

  constructor(
    context: RequestContext,
    path: string,
    private readonly locator: (tx: Transaction) => RowTarget | null,
    instantiate = true,
  ) {
    super(context, path, instantiate);
  }

  protected _locate(tx: Transaction): RowTarget | null {
    return this.locator(tx);
  }

  private static rect(r: RowTarget): Rect {
    const body = bodyRect(r.t.table);
    return { ...body, top: body.top + r.index, bottom: body.top + r.index };
  }

  _getters(): Record<string, Getter<RowTarget>> {
    return { index: (r) => r.index };
  }

  get index(): number {
    return this._get("index");
  }

  getRange(): Range {
    return new Range(this.context, this._childPath("getRange"), (tx) => {
      const r = this._resolve(tx);
      return r === null ? null : { ws: r.t.ws, rect: TableRow.rect(r) };
    });
  }

  /** Deletes the row from the table, shifting the cells below within the table's columns up. */
  delete(): void {
    this._call("delete", [], (r, tx) => {
      const { ws } = r.t;
      if (isProtected(ws) && !protectionAllows(ws, "deleteRows"))
        fail(ErrorCodes.accessDenied, `${this._path}.delete()`);
      const rect = tableRect(r.t.table);
      if (rowCount(bodyRect(r.t.table)) === 1) {
        clearRect(tx, ws, TableRow.rect(r), "contents");
        return;
      }
      const before = snapshotTable(r.t.table);
      const row = TableRow.rect(r).top;
      applyStructuralChange(
        tx,
        ws,
        { sheetId: ws.id, axis: "rows", at: row, count: -1, from: rect.left, to: rect.right },
        "Local",
        "ThisLocalAddin",
      );
      setTableRect(r.t.table, { ...rect, bottom: rect.bottom - 1 });
      tx.onUndo(() => {
        r.t.table.table = before;
      });
    });
  }
}
