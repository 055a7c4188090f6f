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
export async function readWorkbook(
  context: Excel.RequestContext,
  budget = REQUEST_BUDGET_BYTES,
): Promise<WorkbookRead> {
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
  const work: Chunk[] = [];
  const tables: { sheet: string; table: Excel.Table }[] = [];
  const sheetsByName = new Map<string, Excel.Worksheet>();
  for (const name of [wanted.clients, wanted.tracking, wanted.sessions]) {
    if (name === undefined) continue;
    const probe = probes.get(name.toLowerCase());
    if (!probe || probe.ws.isNullObject) continue;
    const sheet = probe.ws.name;
    sheetsByName.set(sheet, probe.ws);
    if (probe.ws.protection.protected) protectedSheets.add(sheet);
    for (const table of probe.ws.tables.items) tables.push({ sheet, table });
    if (probe.used.isNullObject) {
      extents.set(sheet, { lastRow: 0, lastColumn: 0 });
      continue;
    }
    const used = parseRange(probe.used.address);
    const extent = used ? { lastRow: used.bottom, lastColumn: used.right } : { lastRow: 0, lastColumn: 0 };
    extents.set(sheet, extent);
    // Chunks of a quarter of the budget, so the packing below can fill each round trip.
    for (const chunk of rowChunks(1, extent.lastRow, readBytesPerRow(extent.lastColumn), budget / 4)) {
      work.push({ sheet, first: chunk.first, last: chunk.last, lastColumn: extent.lastColumn });
    }
  }

  // Round trip 2 (more only for sheets too large for one request): the values, packed under the budget.
  // Sizes are estimated before the values are known; a batch Excel refuses as too large is split and sent again.
  const values = new Map<string, Cell[][]>();
  const headers = new Map<string, TableHeader[]>();
  let tablesLoaded = tables.length === 0;
  for (let i = 0; i < work.length || !tablesLoaded;) {
    const batch: { chunk: Chunk; range: Excel.Range }[] = [];
    let bytes = 0;
    while (i < work.length && (batch.length === 0 || bytes + chunkBytes(work[i]) <= budget)) {
      const chunk = work[i++];
      const range = sheetsByName
        .get(chunk.sheet)!
        .getRange(`${a1(chunk.first, 1)}:${a1(chunk.last, chunk.lastColumn)}`);
      range.load("values");
      batch.push({ chunk, range });
      bytes += chunkBytes(chunk);
    }
    const tableLoads = tablesLoaded ? [] : tables.map((t) => loadTable(t.sheet, t.table));
    try {
      // One round trip per payload-sized batch of rows, never per row: the 5 MB limit is why there can be several.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      const splittable = batch.filter((b) => b.chunk.last > b.chunk.first);
      if (!isPayloadError(e) || splittable.length === 0) throw e;
      i -= batch.length;
      work.splice(i, batch.length, ...batch.flatMap((b) => halves(b.chunk)));
      continue;
    }
    for (const { chunk, range } of batch) {
      const rows = values.get(chunk.sheet) ?? [];
      const loaded = range.values;
      for (let r = 0; r < loaded.length; r++) rows[chunk.first - 1 + r] = loaded[r].map(toCell);
      values.set(chunk.sheet, rows);
    }
    for (const t of tableLoads) {
      const header = tableHeader(t.table.name, t.header.address, t.whole.address, t.table.showTotals);
      if (header) headers.set(t.sheet, [...(headers.get(t.sheet) ?? []), header]);
    }
    tablesLoaded = true;
  }

  const sheets = new Map<string, SheetGrid>();
  if (settingsGrid) sheets.set(settingsGrid.name, settingsGrid);
  for (const [sheet, rows] of values) {
    sheets.set(sheet, { name: sheet, values: rows, tables: headers.get(sheet) ?? [] });
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
export function gridFromUsed(
  name: string,
  address: string | null,
  loaded: unknown[][],
  tables: TableHeader[],
): SheetGrid {
  if (address === null) return { name, values: [], tables };
  const start = parseRange(address) ?? { top: 1, left: 1 };
  const values: Cell[][] = [];
  for (let r = 0; r < start.top - 1; r++) values.push([]);
  for (const row of loaded) values.push([...new Array<Cell>(start.left - 1).fill(null), ...row.map(toCell)]);
  return { name, values, tables };
}

/** A chunk of rows of one sheet to read. */
interface Chunk {
  readonly sheet: string;
  readonly first: number;
  readonly last: number;
  readonly lastColumn: number;
}

function chunkBytes(c: Chunk): number {
  return (c.last - c.first + 1) * readBytesPerRow(c.lastColumn);
}

function halves(c: Chunk): Chunk[] {
  if (c.last === c.first) return [c];
  const mid = Math.floor((c.first + c.last) / 2);
  return [
    { ...c, last: mid },
    { ...c, first: mid + 1 },
  ];
}

/** Excel on the web's answer to a request or response over its 5 MB limit. */
export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? "";
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

function loadTable(sheet: string, table: Excel.Table) {
  table.load("name,showTotals");
  const header = table.getHeaderRowRange();
  header.load("address");
  const whole = table.getRange();
  whole.load("address");
  return { sheet, table, header, whole };
}

function tableHeader(name: string, header: string, whole: string, totalsRow: boolean): TableHeader | null {
  const range = parseRange(header);
  const all = parseRange(whole);
  return (
    range && {
      name,
      headerRow: range.top,
      firstColumn: range.left,
      lastColumn: range.right,
      lastRow: all?.bottom,
      totalsRow,
    }
  );
}
