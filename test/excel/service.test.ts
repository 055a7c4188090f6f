/** The Office.js edge, line for line, against the stand-in that enforces Office.js's rules (ExcelApi as Excel runs it). */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { UserFacingError } from "../../src/addin/service";
import { parseIsoDay } from "../../src/engine/dates";
import { REQUEST_BUDGET_BYTES } from "../../src/excel/batch";
import { OfficeWorkbookService } from "../../src/excel/service";
import { createStandIn, type StandIn } from "../../src/standin";
import { REPORT_NAME, REPORT_SHEET } from "../../src/workbook/plan";
import { planWorkbookRefresh } from "../../src/workbook/refresh";
import { applyPlan, workbookView } from "../../src/xlsx/edge";

const NOW = (): Date => new Date(2026, 10, 29, 9, 0);
const AS_OF = parseIsoDay("2026-11-29")!;
const SAMPLE = path.join(__dirname, "../../examples/sample-practice.xlsx");
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

async function load(bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function service(standIn: StandIn, requestBudget?: number): OfficeWorkbookService {
  return new OfficeWorkbookService({ excel: standIn.Excel as unknown as typeof Excel, now: NOW, requestBudget });
}

/** What the command line writes for the same workbook bytes. */
async function viaFileEdge(bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = await load(bytes);
  const { plan } = planWorkbookRefresh(workbookView(wb), AS_OF, NOW());
  applyPlan(wb, plan);
  return wb;
}

/** The workbook as a file would hold it: saved and opened again (so a date cell reads as a date, whoever wrote it). */
async function reopened(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return load((await wb.xlsx.writeBuffer()) as unknown as Buffer);
}

/** Every cell's value (dates as ISO text) and whether it is yellow, by sheet and address. */
function cells(wb: ExcelJS.Workbook, sheets: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of sheets) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (name === REPORT_SHEET && cell.address === "A2") return; // "refreshed at" differs by design
        let v: unknown = cell.value;
        if (v instanceof Date) v = v.toISOString().slice(0, 10);
        if (v === null || v === "") return;
        const fill = cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? cell.fill.fgColor?.argb : "";
        out.set(`${name}!${cell.address}`, `${JSON.stringify(v)} ${fill === "FFFFFF00" ? "yellow" : ""}`);
      }),
    );
  }
  return out;
}

function diff(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of a) if (b.get(k) !== v) out.push(`${k}: ${v} vs ${b.get(k)}`);
  for (const [k, v] of b) if (!a.has(k)) out.push(`${k}: (none) vs ${v}`);
  return out.slice(0, 10);
}

/** A practice of `sessions` sessions over ~sessions/5 lines, as a workbook (deterministic). */
function practice(sessions: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const clients = Math.max(1, Math.floor(sessions / 25));
  const t = wb.addWorksheet("Tracking");
  t.addRow(["Client", "Track By", "Start Date", "End Date", "Billing Code", "Allowed", "Authorization #"]);
  for (let c = 0; c < clients; c++) {
    t.addRow([`C${c}`, "Sessions", utc(2026, 1, 1), utc(2026, 6, 30), "90837", 10, `A${c}-1`]);
    t.addRow([`C${c}`, "Sessions", utc(2026, 6, 1), utc(2026, 12, 31), "90837", 12, `A${c}-2`]);
    t.addRow([`C${c}`, "Units", utc(2026, 1, 1), utc(2026, 12, 31), "97153", 40, `U${c}`]);
    t.addRow([`C${c}`, "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "Any", 4, `E${c}`]);
  }
  const s = wb.addWorksheet("Sessions");
  s.addRow(["Date", "Client", "Billing Code", "Units", "Status", "Prior Auth #", "Notes"]);
  for (let i = 0; i < sessions; i++) {
    const c = i % clients;
    const day = 1 + Math.floor((i / sessions) * 360);
    const code = ["90837", "97153", "90834", "90837"][i % 4];
    s.addRow([
      new Date(Date.UTC(2026, 0, day)),
      `C${c}`,
      code,
      code === "97153" ? 1 + (i % 4) : null,
      i % 13 === 0 ? "No Show" : "Completed",
      null,
      i % 7 === 0 ? `note ${i}` : null,
    ]);
  }
  return wb;
}

/** The stand-in's Excel with a hook before each context.sync() of a run, to act as a co-author between round trips. */
function withHook(standIn: StandIn, before: (sync: number) => Promise<void>): typeof Excel {
  const excel = standIn.Excel as unknown as typeof Excel;
  let syncs = 0;
  const wrap =
    (batch: (context: Excel.RequestContext) => Promise<unknown>) =>
    (context: Excel.RequestContext): Promise<unknown> =>
      batch(
        new Proxy(context, {
          get(target, prop) {
            if (prop === "sync") {
              return async () => {
                syncs++;
                await before(syncs);
                return target.sync();
              };
            }
            const value = Reflect.get(target, prop, target);
            return typeof value === "function" ? value.bind(target) : value;
          },
        }),
      );
  return {
    ...excel,
    run: ((first: unknown, second?: unknown) =>
      typeof first === "function"
        ? excel.run(wrap(first as never) as never)
        : excel.run(first as never, wrap(second as never) as never)) as typeof Excel.run,
  } as typeof Excel;
}

describe("the Office.js edge writes what the command line writes", () => {
  test("the sample workbook refreshed in Excel (stand-in) has the same cells and yellow fills as the command line's", async () => {
    const bytes = fs.readFileSync(SAMPLE);
    const wb = await load(bytes);
    const standIn = createStandIn(wb);
    await service(standIn).refresh(AS_OF);
    const file = await viaFileEdge(bytes);
    const sheets = ["Clients", "Tracking", "Sessions", "Settings", "Notes", REPORT_SHEET];
    expect(diff(cells(await reopened(wb), sheets), cells(await reopened(file), sheets))).toEqual([]);
    expect(wb.definedNames.getRanges(REPORT_NAME).ranges).toEqual([`'${REPORT_SHEET}'!$A$1`]);
  });

  test("a second refresh changes nothing, and the report is then not stale", async () => {
    const wb = await load(fs.readFileSync(SAMPLE));
    const standIn = createStandIn(wb);
    const svc = service(standIn);
    await svc.refresh(AS_OF);
    const sheets = ["Sessions", "Tracking", REPORT_SHEET];
    const first = cells(wb, sheets);
    await svc.refresh(AS_OF);
    expect(diff(cells(wb, sheets), first)).toEqual([]);
    expect(await svc.isStale()).toBe(false);
  });

  test("a session typed by a biller without the add-in makes the report stale", async () => {
    const wb = await load(fs.readFileSync(SAMPLE));
    const standIn = createStandIn(wb);
    const svc = service(standIn);
    await svc.refresh(AS_OF);
    const sessions = wb.getWorksheet("Sessions")!;
    const row = sessions.rowCount + 1;
    await standIn.events.editCell("Sessions", `A${row}`, 46300);
    await standIn.events.editCell("Sessions", `B${row}`, "C1001");
    await standIn.events.editCell("Sessions", `D${row}`, "90837");
    expect(await svc.isStale()).toBe(true);
  });
});

/**
 * The round trips a refresh cannot do without: one to learn the sheets, then what crosses the wire each
 * way, in loads of the budget.
 */
function neededRoundTrips(requests: readonly { bytes: number; responseBytes: number }[], budget: number): number {
  const sent = requests.reduce((n, r) => n + r.bytes, 0);
  const received = requests.reduce((n, r) => n + r.responseBytes, 0);
  return 1 + Math.ceil(received / budget) + Math.max(1, Math.ceil(sent / budget));
}

describe("round trips: few context.sync() calls, none per row", () => {
  test.each([10, 10_000])("a refresh of %i sessions takes at most 3 round trips", async (n) => {
    const standIn = createStandIn(practice(n));
    await service(standIn).refresh(AS_OF);
    expect(standIn.stats.syncs).toBeLessThanOrEqual(3);
    expect(standIn.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });

  test("100,000 sessions refresh in chunks: no request or response over 5 MB, and the same counts as the file edge", async () => {
    const wb = practice(100_000);
    const bytes = await wb.xlsx.writeBuffer();
    const standIn = createStandIn(await load(bytes as unknown as Buffer));
    const outcome = await service(standIn).refresh(AS_OF);
    expect(standIn.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(standIn.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    // About 16 MB cross the wire (values read, re-read before writing, and written): more than 3 round trips,
    // but each carries megabytes, never one row or one run of cells at a time.
    const requests = standIn.stats.requests;
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.length).toBeLessThanOrEqual(neededRoundTrips(requests, REQUEST_BUDGET_BYTES));
    const carried = requests.slice(1).map((r) => r.bytes + r.responseBytes);
    expect(Math.min(...carried)).toBeGreaterThan(500_000);
    const file = await viaFileEdge(bytes as unknown as Buffer);
    const ws = file.getWorksheet("Sessions")!;
    const remainingColumn = 8;
    const mine = standIn.workbook.getWorksheet("Sessions")!;
    for (const row of [2, 50_000, 100_001]) {
      expect(mine.getCell(row, remainingColumn).value).toEqual(ws.getCell(row, remainingColumn).value);
    }
    expect(outcome.sessionsTotal).toBe(100_000);
  }, 120_000);

  test("a small request budget splits reads and writes into more round trips with the same result", async () => {
    const bytes = await practice(2_000).xlsx.writeBuffer();
    const big = createStandIn(await load(bytes as unknown as Buffer));
    await service(big).refresh(AS_OF);
    const small = createStandIn(await load(bytes as unknown as Buffer), { maxRequestBytes: 64 * 1024 });
    await service(small, 48 * 1024).refresh(AS_OF);
    expect(small.stats.syncs).toBeGreaterThan(big.stats.syncs);
    expect(small.stats.maxRequestBytes).toBeLessThanOrEqual(64 * 1024);
    // Writes are sized from the values they carry, so each round trip is filled before the next is started.
    expect(small.stats.syncs).toBeLessThanOrEqual(neededRoundTrips(small.stats.requests, 48 * 1024));
    const sheets = ["Sessions", REPORT_SHEET];
    expect(diff(cells(await reopened(small.workbook), sheets), cells(await reopened(big.workbook), sheets))).toEqual(
      [],
    );
  });
});

describe("writes land on the rows that were read", () => {
  test("a co-author inserting a row between the read and the write: the refresh starts over, and no Prior Auth # lands on the wrong session", async () => {
    const bytes = await practice(200).xlsx.writeBuffer();
    const standIn = createStandIn(await load(bytes as unknown as Buffer));
    let inserted = false;
    const excel = withHook(standIn, async (sync) => {
      // Sync 3 is the first write batch of the first attempt: the sheet changes just before it.
      if (sync === 3 && !inserted) {
        inserted = true;
        await standIn.events.insertRows("Sessions", 5, 1);
        await standIn.events.remoteEdit("Sessions", "A5", 46100);
        await standIn.events.remoteEdit("Sessions", "B5", "C3");
        await standIn.events.remoteEdit("Sessions", "C5", "90837");
      }
    });
    await new OfficeWorkbookService({ excel, now: NOW }).refresh(AS_OF);
    expect(inserted).toBe(true);
    // The result equals a refresh of the changed workbook from scratch.
    const changed = await standIn.workbook.xlsx.writeBuffer();
    const clean = await load(changed as unknown as Buffer);
    // Undo what the refresh wrote in a copy: Remaining and Prior Auth # cleared, then refreshed by the file edge.
    const s = clean.getWorksheet("Sessions")!;
    for (let r = 2; r <= s.rowCount; r++) {
      s.getCell(r, 6).value = null;
      s.getCell(r, 8).value = null;
    }
    const expected = await viaFileEdge((await clean.xlsx.writeBuffer()) as unknown as Buffer);
    const sheets = ["Sessions"];
    expect(diff(cells(standIn.workbook, sheets), cells(expected, sheets))).toEqual([]);
  });

  test("a user's own sheet named Authorized Insurance Sessions: refused in one sentence, nothing written", async () => {
    const wb = practice(20);
    wb.addWorksheet(REPORT_SHEET).getCell("A1").value = "my notes";
    const standIn = createStandIn(wb);
    const before = cells(wb, ["Sessions", REPORT_SHEET]);
    await expect(service(standIn).refresh(AS_OF)).rejects.toThrow(UserFacingError);
    await expect(service(standIn).refresh(AS_OF)).rejects.toThrow(/did not make; rename it/);
    expect(diff(cells(wb, ["Sessions", REPORT_SHEET]), before)).toEqual([]);
  });

  test("a protected Sessions sheet: refused in one sentence, nothing written", async () => {
    const wb = practice(20);
    await wb.getWorksheet("Sessions")!.protect("", {});
    const standIn = createStandIn(wb);
    const before = cells(
      wb,
      wb.worksheets.map((w) => w.name),
    );
    await expect(service(standIn).refresh(AS_OF)).rejects.toThrow(/protected; unprotect it/);
    expect(wb.worksheets.map((w) => w.name)).not.toContain(REPORT_SHEET);
    expect(
      diff(
        cells(
          wb,
          wb.worksheets.map((w) => w.name),
        ),
        before,
      ),
    ).toEqual([]);
  });

  test("text from cells is written as text: a client named =HYPERLINK(…) is no formula in the report", async () => {
    const wb = practice(10);
    wb.getWorksheet("Tracking")!.getCell("A2").value = '=HYPERLINK("http://x","y")';
    wb.getWorksheet("Sessions")!.eachRow((row, n) => {
      if (n > 1 && row.getCell(2).value === "C0") row.getCell(2).value = '=HYPERLINK("http://x","y")';
    });
    const standIn = createStandIn(wb);
    await service(standIn).refresh(AS_OF);
    const report = wb.getWorksheet(REPORT_SHEET)!;
    const found: ExcelJS.Cell[] = [];
    report.eachRow((row) => row.eachCell((cell) => String(cell.value).includes("HYPERLINK") && found.push(cell)));
    expect(found.length).toBeGreaterThan(0);
    for (const cell of found) {
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe('=HYPERLINK("http://x","y")');
    }
  });
});
