/**
 * Excel tables as ExcelJS keeps them: a model per table on its worksheet
 * (name, ref, columns, style) that ExcelJS writes to the .xlsx as-is. The
 * stand-in edits these models directly, so a table added through the
 * stand-in is saved by ExcelJS and reopens as a table.
 */
import type ExcelJS from "exceljs";
import { type Rect, formatRect, parseRect } from "./address";
import { findCell } from "./cells";
import { readValue } from "./values";

export interface TableColumnModel {
  name: string;
  filterButton?: boolean;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
}

export interface TableModel {
  name: string;
  displayName?: string;
  tableRef: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  autoFilterRef?: string;
  columns: TableColumnModel[];
  style?: {
    theme?: string | null;
    showFirstColumn?: boolean;
    showLastColumn?: boolean;
    showRowStripes?: boolean;
    showColumnStripes?: boolean;
  };
}

/** The ExcelJS Table object; `table` is the model both for tables read from a file and tables added in code. */
export interface TableObject {
  table: TableModel;
}

export interface SheetTable {
  readonly ws: ExcelJS.Worksheet;
  readonly table: TableObject;
}

function tablesOf(ws: ExcelJS.Worksheet): Record<string, TableObject> {
  return (ws as unknown as { tables: Record<string, TableObject> }).tables;
}

/** The tables of a sheet, in the order ExcelJS holds them. */
export function sheetTables(ws: ExcelJS.Worksheet): TableObject[] {
  return Object.values(tablesOf(ws)).filter((t) => t && t.table);
}

/** Every table of the workbook with its sheet, in sheet order. */
export function workbookTables(wb: ExcelJS.Workbook): SheetTable[] {
  return wb.worksheets.flatMap((ws) => sheetTables(ws).map((table) => ({ ws, table })));
}

/** Finds a table by name (case-insensitive, as Excel's table names are), on one sheet or in the workbook. */
export function findTable(wb: ExcelJS.Workbook, name: string, ws?: ExcelJS.Worksheet): SheetTable | undefined {
  const lower = name.toLowerCase();
  const pool = ws ? sheetTables(ws).map((table) => ({ ws, table })) : workbookTables(wb);
  return pool.find((t) => t.table.table.name.toLowerCase() === lower);
}

/** The table's cells, header and totals rows included. */
export function tableRect(t: TableObject): Rect {
  const rect = parseRect(t.table.tableRef);
  if (!rect) throw new Error(`table ${t.table.name} has an unreadable ref ${t.table.tableRef}`);
  return rect;
}

/**
 * Whether the table has a header row. ExcelJS reads headerRowCount="1" as true
 * but Excel omits the attribute when it is 1 (the default); an autoFilter,
 * which needs a header row, settles it then.
 */
export function hasHeaderRow(t: TableObject): boolean {
  return t.table.headerRow !== false || Boolean(t.table.autoFilterRef);
}

export function hasTotalsRow(t: TableObject): boolean {
  return t.table.totalsRow === true;
}

export function headerRect(t: TableObject): Rect | null {
  if (!hasHeaderRow(t)) return null;
  const r = tableRect(t);
  return { ...r, bottom: r.top };
}

export function bodyRect(t: TableObject): Rect {
  const r = tableRect(t);
  return { ...r, top: r.top + (hasHeaderRow(t) ? 1 : 0), bottom: r.bottom - (hasTotalsRow(t) ? 1 : 0) };
}

/** Moves or resizes a table: its ref, autofilter ref and column list stay consistent. */
export function setTableRect(t: TableObject, rect: Rect): void {
  t.table.tableRef = formatRect(rect);
  t.table.ref = formatRect({ ...rect, bottom: rect.top, right: rect.left });
  if (hasHeaderRow(t)) {
    const filterBottom = rect.bottom - (hasTotalsRow(t) ? 1 : 0);
    t.table.autoFilterRef = formatRect({ ...rect, bottom: filterBottom });
  }
}

/** A deep copy of a table model, to restore on rollback. */
export function snapshotTable(t: TableObject): TableModel {
  return JSON.parse(JSON.stringify(t.table)) as TableModel;
}

/**
 * Column names as Excel makes them from header cells: text of the cell,
 * "Column1"... for blanks, and a number appended to repeats ("Name", "Name2").
 */
export function headerNames(ws: ExcelJS.Worksheet, rect: Rect, date1904: boolean): string[] {
  const names: string[] = [];
  const taken = new Set<string>();
  for (let c = rect.left; c <= rect.right; c++) {
    const v = readValue(findCell(ws, rect.top, c), date1904);
    let name = String(v).trim() === "" ? `Column${c - rect.left + 1}` : String(v);
    if (taken.has(name.toLowerCase())) {
      let n = 2;
      while (taken.has(`${name}${n}`.toLowerCase())) n++;
      name = `${name}${n}`;
    }
    taken.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** Registers a table model on a sheet, as ExcelJS would after reading it from a file. */
export function attachTable(ws: ExcelJS.Worksheet, model: TableModel): TableObject {
  const table = { table: model } as TableObject;
  // ExcelJS's Table class exposes the model as `model`; give plain objects the same shape.
  Object.defineProperty(table, "model", {
    get: () => table.table,
    set: (v: TableModel) => {
      table.table = v;
    },
    enumerable: false,
  });
  tablesOf(ws)[model.name] = table;
  return table;
}

export function detachTable(ws: ExcelJS.Worksheet, t: TableObject): void {
  const tables = tablesOf(ws);
  for (const [key, value] of Object.entries(tables)) if (value === t) delete tables[key];
}

/** Renames a table in its model and in the sheet's table map (ExcelJS keys tables by name). */
export function renameTable(ws: ExcelJS.Worksheet, t: TableObject, name: string): void {
  detachTable(ws, t);
  t.table.name = name;
  t.table.displayName = name;
  tablesOf(ws)[name] = t;
}

/** Table names must start with a letter, underscore or backslash and hold no spaces or reference-like text. */
export function isValidTableName(name: string): boolean {
  return (
    /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name)
  );
}
