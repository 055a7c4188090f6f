/** Reads the workbook through Office.js in two round trips: what sheets there are, then their values in sized chunks. */
import type { DateSystem } from "../engine/dates";
import type { Cell, SheetGrid, TableHeader, WorkbookView } from "../workbook/cells";
import { REPORT_NAME, REPORT_SHEET } from "../workbook/plan";
import { sheetsToRead } from "../workbook/read";
import { SETTINGS_SHEET } from "../workbook/settings";
import { a1, parseRange, sheetOfAddress } from "../workbook/address";
import { REQUEST_BUDGET_BYTES, officeCell, readBytesPerRow, rowChunks } from "./batch";

const DEFAULT_SHEETS = ["Clients", "Tracking", "Sessions"];

/** Error values as Range.values hands them; reading them from the text avoids loading valueTypes, halving the payload. */
const ERROR_TEXT =
  /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

/** What a refresh knows about the workbook after reading it. */
export interface WorkbookRead {
  readonly view: WorkbookView;
  /** Last row and column (1-based) of each data sheet read. */
  readonly extents: ReadonlyMap<string, { lastRow: number; lastColumn: number }>;
  /** The report sheet if the workbook has one: its name, position, and whether the add-in made it. */
  readonly report: { readonly name: string; readonly position: number; readonly owned: boolean } | null;
  /** Whether the SessionCountingReport name exists (it must be replaced when the report sheet is rebuilt). */
  readonly reportNameExists: boolean;
  /** Sheets that are protected, so nothing is written to them. */
  readonly protectedSheets: ReadonlySet<string>;
}

/** Loads one sheet's metadata: name, used range, protection and tables. */
function sheetProbe(sheets: Excel.WorksheetCollection, name: string, withValues: boolean) {
  const ws = sheets.getItemOrNullObject(name);
  ws.load("name");
  const used = ws.getUsedRangeOrNullObject(true);
  if (withValues) used.load("address,values");
  else used.load("address");
  ws.protection.load("protected");
  ws.tables.load("items/name");
  return { ws, used };
}

type Probe = ReturnType<typeof sheetProbe>;

/**
 * Reads every sheet the reader needs. Round trip 1 finds the sheets (and reads
 * the small Settings sheet whole); round trip 2 reads values of Clients,
 * Tracking and Sessions from A1, in chunks sized under the payload limit.
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookRead> {
  const wb = context.workbook;
  wb.worksheets.load("items/name");
  const probes = new Map<string, Probe>();
  for (const name of DEFAULT_SHEETS) probes.set(name.toLowerCase(), sheetProbe(wb.worksheets, name, false));
  const settingsProbe = sheetProbe(wb.worksheets, SETTINGS_SHEET, true);
  const report = wb.worksheets.getItemOrNullObject(REPORT_SHEET);
  report.load("name,position");
  const reportName = wb.names.getItemOrNullObject(REPORT_NAME);
  const reportTarget = reportName.getRangeOrNullObject();
  reportTarget.load("address");
  // DATE(1904,1,1) is serial 0 in the 1904 date system and 1462 in the 1900 system.
  const probeDate = wb.functions.date(1904, 1, 1);
  probeDate.load("value");
  await context.sync();

  const sheetNames = wb.worksheets.items.map((ws) => ws.name);
  const settingsGrid = settingsProbe.ws.isNullObject
    ? undefined
    : gridFromUsed(
        settingsProbe.ws.name,
        settingsProbe.used.isNullObject ? null : settingsProbe.used.address,
        settingsProbe.used.isNullObject ? [] : settingsProbe.used.values,
        [],
      );
  const wanted = sheetsToRead(sheetNames, settingsGrid);
  // A sheet mapped in Settings under another name costs one more round trip, only then.
  const extra = [wanted.clients, wanted.tracking, wanted.sessions].filter(
    (n): n is string => n !== undefined && !probes.has(n.toLowerCase()),
  );
  if (extra.length > 0) {
    for (const name of extra) probes.set(name.toLowerCase(), sheetProbe(wb.worksheets, name, false));
    await context.sync();
  }

  const dateSystem: DateSystem = probeDate.value === 0 ? 1904 : 1900;
  const protectedSheets = new Set<string>();
  if (!settingsProbe.ws.isNullObject && settingsProbe.ws.protection.protected)
    protectedSheets.add(settingsProbe.ws.name);
  const extents = new Map<string, { lastRow: number; lastColumn: number }>();
  const pending: { sheet: string; first: number; last: number; lastColumn: number; range: Excel.Range }[] = [];
  const tableHeaders: { sheet: string; name: string; header: Excel.Range }[] = [];
  for (const name of [wanted.clients, wanted.tracking, wanted.sessions]) {
    if (name === undefined) continue;
    const probe = probes.get(name.toLowerCase());
    if (!probe || probe.ws.isNullObject) continue;
    const sheet = probe.ws.name;
    if (probe.ws.protection.protected) protectedSheets.add(sheet);
    for (const table of probe.ws.tables.items) {
      const header = table.getHeaderRowRange();
      header.load("address");
      tableHeaders.push({ sheet, name: table.name, header });
    }
    if (probe.used.isNullObject) {
      extents.set(sheet, { lastRow: 0, lastColumn: 0 });
      continue;
    }
    const used = parseRange(probe.used.address);
    const extent = used ? { lastRow: used.bottom, lastColumn: used.right } : { lastRow: 0, lastColumn: 0 };
    extents.set(sheet, extent);
    for (const chunk of rowChunks(1, extent.lastRow, readBytesPerRow(extent.lastColumn))) {
      const range = probe.ws.getRange(`${a1(chunk.first, 1)}:${a1(chunk.last, extent.lastColumn)}`);
      pending.push({ sheet, first: chunk.first, last: chunk.last, lastColumn: extent.lastColumn, range });
    }
  }

  // Round trip 2 (more only for sheets too large for one request): load the chunks, packed under the budget.
  const values = new Map<string, Cell[][]>();
  let budget = 0;
  let queued: typeof pending = [];
  const flush = async (): Promise<void> => {
    await context.sync();
    for (const p of queued) {
      const rows = values.get(p.sheet) ?? [];
      const loaded = p.range.values;
      for (let r = 0; r < loaded.length; r++) rows[p.first - 1 + r] = loaded[r].map(toCell);
      values.set(p.sheet, rows);
    }
    queued = [];
    budget = 0;
  };
  for (const p of pending) {
    const bytes = (p.last - p.first + 1) * readBytesPerRow(p.lastColumn);
    if (queued.length > 0 && budget + bytes > REQUEST_BUDGET_BYTES) await flush();
    p.range.load("values");
    queued.push(p);
    budget += bytes;
  }
  if (queued.length > 0 || tableHeaders.length > 0) await flush();

  const sheets = new Map<string, SheetGrid>();
  if (settingsGrid) sheets.set(settingsGrid.name, settingsGrid);
  for (const [sheet, rows] of values) {
    const tables: TableHeader[] = tableHeaders
      .filter((t) => t.sheet === sheet)
      .map((t) => tableHeader(t.name, t.header.address))
      .filter((t): t is TableHeader => t !== null);
    sheets.set(sheet, { name: sheet, values: rows, tables });
  }
  for (const sheet of extents.keys()) {
    if (!sheets.has(sheet)) sheets.set(sheet, { name: sheet, values: [], tables: [] });
  }

  const owned =
    !report.isNullObject &&
    !reportTarget.isNullObject &&
    sheetOfAddress(reportTarget.address).toLowerCase() === report.name.toLowerCase();
  return {
    view: { dateSystem, sheetNames, sheets },
    extents,
    report: report.isNullObject ? null : { name: report.name, position: report.position, owned },
    reportNameExists: !reportName.isNullObject,
    protectedSheets,
  };
}

function toCell(value: unknown): Cell {
  if (typeof value === "string" && ERROR_TEXT.test(value)) return { error: value };
  return officeCell(value, undefined);
}

/** A used range's values placed from A1, as the reader expects. */
function gridFromUsed(name: string, address: string | null, loaded: unknown[][], tables: TableHeader[]): SheetGrid {
  if (address === null) return { name, values: [], tables };
  const start = parseRange(address) ?? { top: 1, left: 1 };
  const values: Cell[][] = [];
  for (let r = 0; r < start.top - 1; r++) values.push([]);
  for (const row of loaded) values.push([...new Array<Cell>(start.left - 1).fill(null), ...row.map(toCell)]);
  return { name, values, tables };
}

function tableHeader(name: string, address: string): TableHeader | null {
  const range = parseRange(address);
  return range && { name, headerRow: range.top, firstColumn: range.left, lastColumn: range.right };
}
