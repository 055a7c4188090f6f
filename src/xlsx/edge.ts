/** The .xlsx edge: opens a workbook file with ExcelJS, hands its cells to the reader, and applies a refresh plan. */
import ExcelJS from "exceljs";
import { type DateSystem, type DayNumber, dayToSerial } from "../engine/dates";
import type { Cell, SheetGrid, TableHeader, WorkbookView } from "../workbook/cells";
import { type PlanValue, REPORT_NAME, REPORT_SHEET, type RefreshPlan, YELLOW } from "../workbook/plan";
import { WorkbookError, findSheet, sheetsToRead } from "../workbook/read";
import { columnLetters, parseRange, sheetOfAddress } from "../workbook/address";

const ARGB_YELLOW = `FF${YELLOW.slice(1)}`;

/** Opens .xlsx bytes, or says in one sentence why they are not a workbook this tool can refresh. */
export async function openWorkbook(bytes: Uint8Array, label: string): Promise<ExcelJS.Workbook> {
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new WorkbookError(
      `${label} is password-protected or an old .xls file; open it in Excel, remove the password or save it as .xlsx, and try again.`,
    );
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new WorkbookError(`${label} is not an .xlsx workbook.`);
  }
  const lost = partsThatWouldBeLost(bytes);
  if (lost !== null) {
    throw new WorkbookError(
      `${label} has ${lost}, which refreshing the file here would lose; refresh it in Excel with the add-in instead.`,
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookError(`${label} is damaged and cannot be read as an .xlsx workbook.`);
  }
  if (wb.worksheets.length === 0) throw new WorkbookError(`${label} has no worksheets; it may be damaged.`);
  return wb;
}

/**
 * Parts of an .xlsx that ExcelJS reads past and would not write back: a file
 * refreshed here would come out without them. A zip names its parts in plain
 * text, so the names are found without unpacking it.
 */
const PARTS_EXCELJS_DROPS: readonly [marker: string, what: string][] = [
  ["xl/vbaProject.bin", "macros"],
  ["xl/charts/chart", "charts"],
  ["xl/chartsheets/", "chart sheets"],
  ["xl/pivotTables/", "pivot tables"],
  ["xl/slicers/", "slicers"],
  ["xl/timelines/", "timelines"],
  ["xl/threadedComments/", "threaded comments"],
];

/** What the workbook holds that a refresh through ExcelJS would lose ("charts and pivot tables"), or null. */
export function partsThatWouldBeLost(bytes: Uint8Array): string | null {
  const names = new TextDecoder("latin1").decode(bytes);
  const found = PARTS_EXCELJS_DROPS.filter(([marker]) => names.includes(marker)).map(([, what]) => what);
  if (found.length === 0) return null;
  return found.length === 1 ? found[0] : `${found.slice(0, -1).join(", ")} and ${found[found.length - 1]}`;
}

export function dateSystemOf(wb: ExcelJS.Workbook): DateSystem {
  return wb.properties?.date1904 ? 1904 : 1900;
}

/**
 * The workbook as the reader sees it, with each cell as Excel's Range.values
 * would give it: a date cell becomes its serial in the workbook's date system,
 * a formula its cached result, rich text its plain text.
 */
export function workbookView(wb: ExcelJS.Workbook): WorkbookView {
  const dateSystem = dateSystemOf(wb);
  const sheetNames = wb.worksheets.map((ws) => ws.name);
  const sheets = new Map<string, SheetGrid>();
  const load = (name: string | undefined): SheetGrid | undefined => {
    if (name === undefined) return undefined;
    const ws = wb.getWorksheet(name);
    if (!ws) return undefined;
    const grid = sheetGrid(ws, dateSystem);
    sheets.set(name, grid);
    return grid;
  };
  const settings = load(findSheet(sheetNames, "Settings"));
  const wanted = sheetsToRead(sheetNames, settings);
  load(wanted.clients);
  load(wanted.tracking);
  load(wanted.sessions);
  return { dateSystem, sheetNames, sheets };
}

function sheetGrid(ws: ExcelJS.Worksheet, system: DateSystem): SheetGrid {
  const raw = ws.getSheetValues() as unknown as (unknown[] | undefined)[];
  const values: Cell[][] = [];
  for (let r = 1; r < raw.length; r++) {
    const src = raw[r];
    const row: Cell[] = [];
    if (src) for (let c = 1; c < src.length; c++) row.push(toCell(src[c], system));
    values.push(row);
  }
  const tables: TableHeader[] = [];
  for (const table of ws.getTables() as unknown as { table?: TableModel; model?: TableModel }[]) {
    const model = table.model ?? table.table;
    if (!model?.tableRef || model.headerRow === false) continue;
    const range = parseRange(model.tableRef);
    if (range)
      tables.push({
        name: model.name,
        headerRow: range.top,
        firstColumn: range.left,
        lastColumn: range.right,
        lastRow: range.bottom,
        totalsRow: model.totalsRow === true,
      });
  }
  return { name: ws.name, values, tables };
}

interface TableModel {
  name: string;
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: { name: string }[];
}

/** One ExcelJS cell value as a host-neutral Cell. */
export function toCell(v: unknown, system: DateSystem): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return excelSerial(v, system);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return o.richText.map((p: { text?: string }) => p.text ?? "").join("");
    if ("formula" in o || "sharedFormula" in o) return toCell(o.result, system);
    if (typeof o.text === "string") return o.text;
    if (o.text && typeof o.text === "object") return toCell(o.text, system);
  }
  return String(v);
}

/** ExcelJS made the Date from the cell's serial as UTC; this is that serial again. */
function excelSerial(d: Date, system: DateSystem): number {
  return 25569 + d.getTime() / 86_400_000 - (system === 1904 ? 1462 : 0);
}

/** True when the workbook's SessionCountingReport name points at this sheet, so it is the add-in's to rewrite. */
export function isOwnReport(wb: ExcelJS.Workbook, sheetName: string): boolean {
  const ranges = wb.definedNames.getRanges(REPORT_NAME)?.ranges ?? [];
  return ranges.some((r) => sheetOfAddress(r).toLowerCase() === sheetName.toLowerCase());
}

/**
 * Applies a refresh plan: the Sessions sheet's Remaining column and blank
 * Prior Auth # cells, and the report sheet, which is replaced only when the
 * add-in made it. Nothing else in the workbook changes.
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: RefreshPlan): void {
  const existing = wb.worksheets.find((ws) => ws.name.toLowerCase() === REPORT_SHEET.toLowerCase());
  if (existing && !isOwnReport(wb, existing.name)) {
    throw new WorkbookError(
      `The workbook already has a sheet named "${existing.name}" that this add-in did not make; rename it and refresh again.`,
    );
  }
  applySessions(wb, plan);
  writeReport(wb, plan, existing);
}

function applySessions(wb: ExcelJS.Workbook, plan: RefreshPlan): void {
  const p = plan.sessions;
  const ws = wb.getWorksheet(p.sheet);
  if (!ws) throw new WorkbookError(`The ${p.sheet} sheet disappeared while refreshing.`);
  for (const h of p.newHeaders) {
    const cell = ws.getCell(h.row, h.column);
    const left = ws.getCell(h.row, h.column - 1);
    cell.value = h.text;
    if (left.style) cell.style = structuredClone(left.style);
    extendTable(ws, p.table, h.column, h.text);
  }
  const { column, firstRow, values } = p.remaining;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const row = ws.findRow(firstRow + i);
    const current = row?.findCell(column);
    if (value === null) {
      if (!current) continue;
      if (current.value !== null) current.value = null;
      // The Remaining column is the add-in's: a cell without a count has no fill, as in Excel.
      if (current.fill && !(current.fill.type === "pattern" && current.fill.pattern === "none")) {
        setFill(current, { type: "pattern", pattern: "none" });
      }
      continue;
    }
    const cell = current ?? ws.getCell(firstRow + i, column);
    cell.value = value;
    if (!isYellow(cell.fill)) setFill(cell, { type: "pattern", pattern: "solid", fgColor: { argb: ARGB_YELLOW } });
  }
  for (const c of p.priorAuth.cells) ws.getCell(c.row, p.priorAuth.column).value = c.text;
}

/** A header appended right after an Excel table's last column joins the table, as Excel itself would do. */
function extendTable(ws: ExcelJS.Worksheet, tableName: string | undefined, column: number, header: string): void {
  if (!tableName) return;
  const table = ws.getTable(tableName) as unknown as { model?: TableModel; table?: TableModel } | undefined;
  const model = table?.model ?? table?.table;
  if (!model?.tableRef) return;
  const range = parseRange(model.tableRef);
  if (!range || range.right !== column - 1) return;
  model.tableRef = `${columnLetters(range.left)}${range.top}:${columnLetters(column)}${range.bottom}`;
  if (model.autoFilterRef) {
    const f = parseRange(model.autoFilterRef);
    if (f) model.autoFilterRef = `${columnLetters(f.left)}${f.top}:${columnLetters(column)}${f.bottom}`;
  }
  model.columns?.push({ name: header });
}

/**
 * ExcelJS shares one style object among all cells that were formatted alike
 * when the file was read; setting `cell.fill` would change every one of them.
 * The cell gets its own style first.
 */
function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill): void {
  cell.style = { ...cell.style, fill };
}

function isYellow(fill: ExcelJS.Fill | undefined): boolean {
  return fill?.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb?.toUpperCase() === ARGB_YELLOW;
}

function writeReport(wb: ExcelJS.Workbook, plan: RefreshPlan, existing: ExcelJS.Worksheet | undefined): void {
  const r = plan.report;
  const system = dateSystemOf(wb);
  let orderNo: number | undefined;
  if (existing) {
    orderNo = (existing as unknown as { orderNo: number }).orderNo;
    wb.removeWorksheet(existing.id);
  }
  const lastRow = r.headerRow + r.rows.length;
  const ws = wb.addWorksheet(r.sheet, {
    views: [
      {
        state: "frozen",
        ySplit: r.headerRow,
        xSplit: 0,
        topLeftCell: `A${r.headerRow + 1}`,
        activeCell: `A${r.headerRow + 1}`,
      },
    ],
    pageSetup: {
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${r.headerRow}:${r.headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L&"-,Bold"${escapeHeader(r.printHeader.left)}&R${escapeHeader(r.printHeader.right)}`,
      oddFooter: "&LPage &P of &N",
    },
  });
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  ws.columns = r.columns.map((c) => ({ width: c.width }));
  const title = ws.getCell(1, 1);
  title.value = r.title;
  title.font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = r.subtitle;
  ws.getCell(2, 1).font = { italic: true, color: { argb: "FF555555" } };

  const header = ws.getRow(r.headerRow);
  r.columns.forEach((c, j) => {
    const cell = header.getCell(j + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.border = { bottom: { style: "thin" } };
    cell.alignment = { wrapText: true, vertical: "bottom" };
  });
  r.rows.forEach((values, i) => {
    const row = ws.getRow(r.headerRow + 1 + i);
    values.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = toExcelValue(v, system);
      if (r.columns[j].kind === "date") cell.numFmt = r.dateFormat;
      if (j === r.remainingColumn && v !== null) {
        setFill(cell, { type: "pattern", pattern: "solid", fgColor: { argb: ARGB_YELLOW } });
      }
    });
  });
  if (r.rows.length > 0) {
    ws.autoFilter = { from: { row: r.headerRow, column: 1 }, to: { row: lastRow, column: r.columns.length } };
  }
  for (const name of [REPORT_NAME]) {
    const ranges = wb.definedNames.getRanges(name)?.ranges ?? [];
    for (const range of ranges) wb.definedNames.remove(range, name);
  }
  wb.definedNames.add(`'${r.sheet.replace(/'/g, "''")}'!$A$1`, REPORT_NAME);
}

/** "&" starts a code in Excel's header syntax; a literal one is written "&&". */
function escapeHeader(text: string): string {
  return text.replace(/&/g, "&&");
}

/** Text stays text: ExcelJS writes a string as a string cell, never as a formula. */
function toExcelValue(v: PlanValue, system: DateSystem): ExcelJS.CellValue {
  if (v === null || typeof v === "number" || typeof v === "string") return v;
  return dateValue(v.date, system);
}

/** A date cell for a day: ExcelJS turns the Date back into the serial of the workbook's date system. */
function dateValue(day: DayNumber, system: DateSystem): Date {
  const serial = dayToSerial(day, system);
  return new Date(Math.round((serial - 25569 + (system === 1904 ? 1462 : 0)) * 86_400_000));
}

/** Writes the workbook to bytes. */
export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
