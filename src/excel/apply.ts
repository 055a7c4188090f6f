/** Applies a refresh plan through Office.js: whole blocks and grouped ranges, packed into as few round trips as fit. */
import { dayToSerial, type DateSystem } from "../engine/dates";
import type { Cell } from "../workbook/cells";
import { type PlanValue, REPORT_NAME, type RefreshPlan, YELLOW } from "../workbook/plan";
import { REQUEST_BUDGET_BYTES, a1, asText, cellBytes, chunksBySize, columnLetters, rowBytes, runs } from "./batch";
import type { WorkbookRead } from "./read";

/** Table name of the report, so billers can filter and sort it. */
export const REPORT_TABLE = "SessionCountingReportTable";

/** Answers whether the host supports an Office requirement set (Office.context.requirements.isSetSupported). */
export type Supports = (set: string, version: string) => boolean;

/** What one queued call adds to a request besides its values: a few operations, each with its object path and arguments. */
const OPERATION_BYTES = 300;

/** Queues operations and sends them when the next would push the request past the budget. */
class Batcher {
  /** Bytes going out (writes) and coming back (loads): Excel limits each direction on its own. */
  private out = 0;
  private back = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
    private readonly onNewBatch: () => void,
  ) {
    onNewBatch();
  }

  /** Queues a write of about `bytes`, sending what is queued first if it would not fit. */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.out > 0 && this.out + bytes > this.budget) await this.send(true);
    queue();
    this.out += bytes + OPERATION_BYTES;
  }

  /**
   * Queues rows of known sizes (a column or block written a range of rows at a
   * time) in as few batches as they fit: the current batch takes the rows that
   * fit in what is left of it, the next batches the rest. `queue(first, last)`
   * queues the write of rows first..last (0-based, inclusive). A row larger
   * than a whole batch goes alone.
   */
  async addRows(sizes: readonly number[], queue: (first: number, last: number) => void): Promise<void> {
    let start = 0;
    while (start < sizes.length) {
      const room = this.budget - this.out - OPERATION_BYTES;
      let end = start;
      let bytes = 0;
      while (end < sizes.length && bytes + sizes[end] <= room) bytes += sizes[end++];
      if (end === start) {
        if (this.out > 0) {
          await this.send(true);
          continue;
        }
        bytes = sizes[end++];
      }
      queue(start, end - 1);
      this.out += bytes + OPERATION_BYTES;
      start = end;
    }
  }

  /** Queues a load whose answer is about `bytes`. */
  async load(bytes: number, queue: () => void): Promise<void> {
    if (this.back > 0 && this.back + bytes > this.budget) await this.send(true);
    queue();
    this.back += bytes;
    this.out += OPERATION_BYTES;
  }

  /** Sends what is queued; `more` starts the next batch (which suspends calculation again). */
  async send(more: boolean): Promise<void> {
    await this.context.sync();
    this.out = 0;
    this.back = 0;
    if (more) this.onNewBatch();
  }
}

/** One chunk of a sheet re-read just before the writes, to notice a sheet that changed since it was read. */
interface Recheck {
  readonly sheet: string;
  readonly first: number;
  readonly range: Excel.Range;
}

export type ApplyOutcome = "written" | "changed";

/**
 * Writes the plan. Before any write, the same batch re-reads Sessions and
 * Tracking; if they differ from what was counted (a co-author typed, rows were
 * inserted), the Prior Auth # cells just written are put back as they were and
 * the caller counts again, so no number lands on the wrong session.
 */
export async function applyRefresh(
  context: Excel.RequestContext,
  read: WorkbookRead,
  plan: RefreshPlan,
  supports: Supports,
  /** The sheets whose change would change the counts: Sessions, Tracking and Clients. */
  counted: readonly string[],
  budget = REQUEST_BUDGET_BYTES,
): Promise<ApplyOutcome> {
  const wb = context.workbook;
  const eventsToggle = supports("ExcelApi", "1.8");
  const batcher = new Batcher(context, budget, () => {
    wb.application.suspendApiCalculationUntilNextSync();
  });
  if (eventsToggle) context.runtime.enableEvents = false;
  try {
    const rechecks = await queueRechecks(context, read, batcher, counted, budget);
    await writeReport(context, read, plan, batcher, supports);
    const written = await writeSessions(context, plan, batcher, supports);
    if (eventsToggle) context.runtime.enableEvents = true;
    await batcher.send(false);
    if (unchanged(read, plan, rechecks)) return "written";
    // Put back every Prior Auth # cell written by this refresh, as it was in the re-read.
    const sessions = wb.worksheets.getItem(plan.sessions.sheet);
    const column = plan.sessions.priorAuth.column;
    for (const row of written) {
      const before = recheckValue(rechecks, plan.sessions.sheet, row, column);
      sessions.getRange(a1(row, column)).values = [[restoreValue(before)]];
    }
    await context.sync();
    return "changed";
  } catch (e) {
    if (eventsToggle) {
      context.runtime.enableEvents = true;
      await context.sync().catch(() => undefined);
    }
    throw e;
  }
}

async function queueRechecks(
  context: Excel.RequestContext,
  read: WorkbookRead,
  batcher: Batcher,
  sheets: readonly string[],
  budget: number,
): Promise<Recheck[]> {
  const rechecks: Recheck[] = [];
  for (const sheet of sheets) {
    const extent = read.extents.get(sheet);
    if (!extent || extent.lastRow === 0) continue;
    const ws = context.workbook.worksheets.getItem(sheet);
    // The sizes are known now, from the values read. One row past the end notices rows added below.
    const grid = read.view.sheets.get(sheet)?.values ?? [];
    const sizes = Array.from({ length: extent.lastRow + 1 }, (_, r) => rowBytes(grid[r] ?? []) + extent.lastColumn);
    for (const chunk of chunksBySize(1, sizes, budget)) {
      const range = ws.getRange(`${a1(chunk.first, 1)}:${a1(chunk.last, extent.lastColumn)}`);
      await batcher.load(chunk.bytes, () => range.load("values"));
      rechecks.push({ sheet, first: chunk.first, range });
    }
  }
  return rechecks;
}

/** True when every re-read cell equals what was counted, ignoring the Remaining column the add-in owns. */
function unchanged(read: WorkbookRead, plan: RefreshPlan, rechecks: readonly Recheck[]): boolean {
  for (const r of rechecks) {
    const grid = read.view.sheets.get(r.sheet);
    if (!grid) return false;
    const skip = r.sheet === plan.sessions.sheet ? plan.sessions.remaining.column - 1 : -1;
    const values = r.range.values;
    for (let i = 0; i < values.length; i++) {
      const before = grid.values[r.first - 1 + i] ?? [];
      const now = values[i];
      for (let c = 0; c < now.length; c++) {
        if (c === skip) continue;
        if (!sameCell(before[c] ?? null, now[c])) return false;
      }
    }
  }
  return true;
}

function sameCell(before: Cell, now: unknown): boolean {
  if (before === null) return now === "" || now === null;
  if (typeof before === "object" && before !== null && "error" in before) return now === before.error;
  return before === now;
}

function recheckValue(rechecks: readonly Recheck[], sheet: string, row: number, column: number): unknown {
  const r = rechecks.find((x) => x.sheet === sheet && x.first <= row && row < x.first + x.range.values.length);
  return r ? (r.range.values[row - r.first]?.[column - 1] ?? "") : "";
}

function restoreValue(v: unknown): string | number | boolean {
  if (typeof v === "string") return v === "" ? "" : asText(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  return "";
}

/** Sessions: appended headers, the Remaining column whole (yellow where a count is), and blank Prior Auth # cells. */
async function writeSessions(
  context: Excel.RequestContext,
  plan: RefreshPlan,
  batcher: Batcher,
  supports: Supports,
): Promise<number[]> {
  const p = plan.sessions;
  const ws = context.workbook.worksheets.getItem(p.sheet);
  for (const h of p.newHeaders) {
    await batcher.add(h.text.length, () => {
      ws.getRange(a1(h.row, h.column)).values = [[asText(h.text)]];
    });
  }
  const { column, firstRow, values } = p.remaining;
  const letter = columnLetters(column);
  if (values.length > 0) {
    // Each row goes on the wire as [value], so its size is known exactly and the batches fill to the budget.
    const cells = values.map((v) => [v ?? ""]);
    await batcher.addRows(
      cells.map((row) => rowBytes(row)),
      (first, last) => {
        ws.getRange(`${letter}${firstRow + first}:${letter}${firstRow + last}`).values = cells.slice(first, last + 1);
      },
    );
    await batcher.add(40, () => {
      ws.getRange(`${letter}${firstRow}:${letter}${firstRow + values.length - 1}`).format.fill.clear();
    });
    await fillYellow(
      ws,
      letter,
      firstRow,
      runs(values, (v) => v !== null),
      batcher,
      supports,
    );
  }
  const auth = p.priorAuth;
  const byRow = new Map(auth.cells.map((c) => [c.row, c.text]));
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const authLetter = columnLetters(auth.column);
  // Blocks of nearby rows, with null for the cells between them: Office.js leaves a cell whose value is null as
  // it is, so a block never touches a Prior Auth # already typed, and a column of scattered blanks is a few writes.
  for (const [from, to] of nearby(rows, PRIOR_AUTH_GAP)) {
    const block: (string | null)[][] = [];
    let bytes = 0;
    for (let r = from; r <= to; r++) {
      const text = byRow.get(r);
      block.push([text === undefined ? null : asText(text)]);
      bytes += text === undefined ? 5 : cellBytes(text) + 1;
    }
    await batcher.add(bytes, () => {
      ws.getRange(`${authLetter}${from}:${authLetter}${to}`).values = block;
    });
  }
  return rows;
}

/** Office refuses a RangeAreas address longer than 8,192 characters; each call stays well under it. */
const AREAS_ADDRESS_MAX = 7000;

/**
 * Fills runs of one column yellow: as RangeAreas (ExcelApi 1.9), many runs to
 * an operation, where the host has it; one range a run where it does not.
 */
async function fillYellow(
  ws: Excel.Worksheet,
  letter: string,
  firstRow: number,
  spans: readonly [number, number][],
  batcher: Batcher,
  supports: Supports,
): Promise<void> {
  const addresses = spans.map(([from, to]) => `${letter}${firstRow + from}:${letter}${firstRow + to}`);
  if (!supports("ExcelApi", "1.9")) {
    for (const address of addresses) {
      await batcher.add(80, () => {
        ws.getRange(address).format.fill.color = YELLOW;
      });
    }
    return;
  }
  let group: string[] = [];
  let length = 0;
  const send = async (): Promise<void> => {
    const list = group.join(",");
    await batcher.add(list.length, () => {
      ws.getRanges(list).format.fill.color = YELLOW;
    });
    group = [];
    length = 0;
  };
  for (const address of addresses) {
    if (length + address.length + 1 > AREAS_ADDRESS_MAX) await send();
    group.push(address);
    length += address.length + 1;
  }
  if (group.length > 0) await send();
}

/** Rows further apart than this start a new Prior Auth # block rather than carrying nulls between them. */
const PRIOR_AUTH_GAP = 64;

/** Largest rows a Prior Auth # block spans, so one block stays far under the request budget. */
const PRIOR_AUTH_BLOCK = 20_000;

/** Groups sorted row numbers into spans whose gaps are at most `gap` rows. */
function nearby(rows: readonly number[], gap: number): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && r - last[1] <= gap && r - last[0] < PRIOR_AUTH_BLOCK) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/** Rebuilds the report sheet: deleted when it is the add-in's own, added fresh, marked with the defined name. */
async function writeReport(
  context: Excel.RequestContext,
  read: WorkbookRead,
  plan: RefreshPlan,
  batcher: Batcher,
  supports: Supports,
): Promise<void> {
  const r = plan.report;
  const wb = context.workbook;
  const system = read.view.dateSystem;
  await batcher.add(200, () => {
    if (read.report) wb.worksheets.getItem(read.report.name).delete();
    if (read.reportNameExists) wb.names.getItem(REPORT_NAME).delete();
  });
  const ws = wb.worksheets.add(r.sheet);
  if (read.report) ws.position = read.report.position;
  const width = r.columns.length;
  const lastColumn = columnLetters(width);
  const blank = (): (string | number)[] => new Array<string | number>(width).fill("");
  const top = [blank(), blank(), blank(), r.columns.map((c) => asText(c.header))];
  top[0][0] = asText(r.title);
  top[1][0] = asText(r.subtitle);
  await batcher.add(2000, () => {
    ws.getRange(`A1:${lastColumn}${r.headerRow}`).values = top;
    ws.getRange("A1").format.font.bold = true;
    ws.getRange("A1").format.font.size = 14;
    ws.getRange("A2").format.font.italic = true;
    ws.getRange("A2").format.font.color = "#555555";
    const header = ws.getRange(`A${r.headerRow}:${lastColumn}${r.headerRow}`);
    header.format.font.bold = true;
    header.format.fill.color = "#D9E1F2";
    header.format.wrapText = true;
    r.columns.forEach((c, j) => {
      ws.getRange(`${columnLetters(j + 1)}:${columnLetters(j + 1)}`).format.columnWidth = c.width * 5.6;
    });
  });
  const firstData = r.headerRow + 1;
  const lastRow = r.headerRow + r.rows.length;
  const cells = r.rows.map((row) => row.map((v) => excelValue(v, system)));
  if (cells.length > 0) {
    await batcher.addRows(
      cells.map((row) => rowBytes(row)),
      (first, last) => {
        ws.getRange(`A${firstData + first}:${lastColumn}${firstData + last}`).values = cells.slice(first, last + 1);
      },
    );
    const formatBytes = rowBytes([r.dateFormat]);
    for (const [j, c] of r.columns.entries()) {
      if (c.kind !== "date") continue;
      const letter = columnLetters(j + 1);
      await batcher.addRows(new Array<number>(cells.length).fill(formatBytes), (first, last) => {
        const formats = new Array(last - first + 1).fill(null).map(() => [r.dateFormat]);
        ws.getRange(`${letter}${firstData + first}:${letter}${firstData + last}`).numberFormat = formats;
      });
    }
    const remainingLetter = columnLetters(r.remainingColumn + 1);
    const remaining = r.rows.map((row) => row[r.remainingColumn]);
    await fillYellow(
      ws,
      remainingLetter,
      firstData,
      runs(remaining, (v) => v !== null),
      batcher,
      supports,
    );
  }
  await batcher.add(600, () => {
    if (r.rows.length > 0) {
      const table = ws.tables.add(`A${r.headerRow}:${lastColumn}${lastRow}`, true);
      table.name = REPORT_TABLE;
      table.style = "TableStyleLight9";
    }
    ws.freezePanes.freezeRows(r.headerRow);
    if (supports("ExcelApi", "1.9")) {
      ws.pageLayout.orientation = "Landscape";
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      ws.pageLayout.setPrintTitleRows(`$${r.headerRow}:$${r.headerRow}`);
      ws.pageLayout.headersFooters.defaultForAllPages.leftHeader = r.printHeader.left;
      ws.pageLayout.headersFooters.defaultForAllPages.rightHeader = r.printHeader.right;
    }
    wb.names.add(REPORT_NAME, ws.getRange("A1"));
  });
}

/** A plan value as Range.values takes it: text with the apostrophe that keeps it text, dates as serials. */
function excelValue(v: PlanValue, system: DateSystem): string | number {
  if (v === null) return "";
  if (typeof v === "number") return v;
  if (typeof v === "string") return asText(v);
  return dayToSerial(v.date, system);
}
