/** The WorkbookService over Office.js: every pane action as a few batched round trips through Excel.run. */
import { type DayNumber, dayToSerial, isoFromDay, localToday, parseIsoDay } from "../engine/dates";
import { formatTrackingCode } from "../engine/codes";
import type { Settings } from "../engine/types";
import {
  type ClientOption,
  type MappingState,
  type RefreshOutcome,
  type SetupOutcome,
  type TrackingEntry,
  type TrackingEntryRow,
  UserFacingError,
  type WorkbookService,
} from "../addin/service";
import { CLIENTS, SESSIONS, SHEETS, type SheetKind, TRACKING, headerKey } from "../workbook/fields";
import { searchHeader } from "../workbook/headers";
import { reportOrder } from "../workbook/plan";
import { WorkbookError, findSheet, sheetsToRead } from "../workbook/read";
import { type Analysis, planWorkbookRefresh, analyzeWorkbook } from "../workbook/refresh";
import { type AddinOptions, SETTINGS_SHEET, mappingRows, readSettings, settingsRows } from "../workbook/settings";
import { settingsEdits } from "../workbook/settingsSheet";
import { SETUP_SHEETS } from "../workbook/setup";
import { ClientDirectory } from "../engine/clients";
import { a1, asText, columnLetters } from "./batch";
import { type Supports, applyRefresh } from "./apply";
import { setOpenWithDocument } from "../addin/host";
import { gridFromUsed, readWorkbook, type WorkbookRead } from "./read";

export interface OfficeServiceOptions {
  /** The Excel namespace: Office.js's own in Excel, the stand-in's in tests and the preview. */
  readonly excel: typeof Excel;
  readonly supports?: Supports;
  readonly now?: () => Date;
  /** Bytes one request may carry; Excel on the web refuses more than 5 MB (tests lower it to exercise chunking). */
  readonly requestBudget?: number;
}

/** How many times a refresh starts over when the sheet changed under it before giving up. */
const MAX_ATTEMPTS = 3;

export class OfficeWorkbookService implements WorkbookService {
  private readonly excel: typeof Excel;
  private readonly supports: Supports;
  private readonly now: () => Date;
  private readonly budget: number | undefined;
  /** The last analysis, for goTo, the client view and the selection follower. */
  private last: { analysis: Analysis; read: WorkbookRead } | null = null;

  constructor(options: OfficeServiceOptions) {
    this.excel = options.excel;
    this.supports = options.supports ?? (() => true);
    this.now = options.now ?? (() => new Date());
    this.budget = options.requestBudget;
  }

  /** Runs a batch, waiting out cell edit mode, and turns any failure into one sentence for the user. */
  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.excel.run({ delayForCellEdit: true }, batch);
    } catch (e) {
      throw userError(e);
    }
  }

  async refresh(asOf: DayNumber): Promise<RefreshOutcome> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const outcome = await this.run(async (context) => {
        const read = await readWorkbook(context, this.budget);
        const analysis = planWorkbookRefresh(read.view, asOf, this.now());
        const { plan } = analysis;
        if (read.report && !read.report.owned) {
          throw new UserFacingError(
            `The workbook already has a sheet named "${read.report.name}" that this add-in did not make; rename it and refresh again.`,
          );
        }
        if (read.protectedSheets.has(plan.sessions.sheet)) {
          throw new UserFacingError(`The ${plan.sessions.sheet} sheet is protected; unprotect it and refresh again.`);
        }
        const labels = analysis.read.input.labels;
        const counted = [labels.sessionsSheet, labels.trackingSheet, labels.clientsSheet].filter((n) =>
          read.extents.has(n),
        );
        const written = await applyRefresh(context, read, plan, this.supports, counted, this.budget);
        if (written === "changed") return null;
        this.last = { analysis, read };
        return this.outcome(analysis);
      });
      if (outcome) return outcome;
    }
    throw new UserFacingError(
      "The workbook kept changing while it was being refreshed; wait a moment and refresh again.",
    );
  }

  async analyze(asOf: DayNumber): Promise<RefreshOutcome> {
    return this.run(async (context) => {
      const read = await readWorkbook(context, this.budget);
      const analysis = analyzeWorkbook(read.view, asOf);
      this.last = { analysis, read };
      return this.outcome(analysis);
    });
  }

  private outcome(analysis: Analysis): RefreshOutcome {
    const { result } = analysis;
    // Every client of the Clients sheet (a new one has no line yet), then any known only by a line's text.
    const clients = new Map<string, ClientOption>();
    const add = (key: string, id: string | null, name: string | null): void => {
      if (clients.has(key) || (id === null && name === null)) return;
      const label = name && id ? `${name} (${id})` : (name ?? id ?? "");
      clients.set(key, { key, label, cellText: id ?? name ?? "" });
    };
    for (const row of analysis.read.input.clients ?? []) add(`row:${row.row}`, row.id, row.name);
    for (const l of result.lines) if (l.clientKey !== null) add(l.clientKey, l.clientId, l.clientName);
    const options = [...clients.values()].sort((a, b) => a.label.toLowerCase().localeCompare(b.label.toLowerCase()));
    return {
      asOf: result.asOf,
      refreshedAt: this.now(),
      lines: reportOrder(result.lines),
      problems: result.problems,
      sessionsCounted: result.sessions.countedCount(),
      sessionsTotal: result.sessions.length,
      clients: options,
    };
  }

  /**
   * Stale when a refresh now would write something different: a Remaining
   * count or a Prior Auth # on Sessions, or a line's counts on the report.
   * Nothing is stored to compare with, so a workbook refreshed on the command
   * line is judged the same way.
   */
  async isStale(): Promise<boolean> {
    return this.run(async (context) => {
      const read = await readWorkbook(context, this.budget);
      if (!read.report) return false;
      let analysis: Analysis & { plan: ReturnType<typeof planWorkbookRefresh>["plan"] };
      try {
        analysis = planWorkbookRefresh(read.view, localToday(this.now()), this.now());
      } catch {
        return false;
      }
      const { plan } = analysis;
      if (plan.sessions.priorAuth.cells.length > 0 || plan.sessions.newHeaders.length > 0) return true;
      const grid = read.view.sheets.get(plan.sessions.sheet);
      const { column, firstRow, values } = plan.sessions.remaining;
      for (let i = 0; i < values.length; i++) {
        const cell = grid?.values[firstRow - 1 + i]?.[column - 1] ?? null;
        const want = values[i];
        if ((want === null ? null : want) !== (cell === "" ? null : cell)) return true;
      }
      const report = context.workbook.worksheets.getItem(read.report.name);
      const range = report.getUsedRangeOrNullObject(true);
      range.load("values");
      await context.sync();
      if (range.isNullObject) return true;
      const rows = range.values.slice(plan.report.headerRow);
      if (rows.length !== plan.report.rows.length) return true;
      const j = plan.report.remainingColumn;
      return plan.report.rows.some((r, i) => (r[j] ?? "") !== rows[i][j]);
    });
  }

  async goTo(problem: { sheet: string; row: number | null; column: string | null }): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(problem.sheet);
      await context.sync();
      if (ws.isNullObject) throw new UserFacingError(`The workbook no longer has a sheet named ${problem.sheet}.`);
      ws.activate();
      if (problem.row !== null) {
        const column = this.columnOf(problem.sheet, problem.column);
        const address = column === null ? `${problem.row}:${problem.row}` : a1(problem.row, column);
        ws.getRange(address).select();
      }
      await context.sync();
    });
  }

  /** The 1-based column of a header on a sheet's header row, from the last read. */
  private columnOf(sheet: string, header: string | null): number | null {
    if (header === null || !this.last) return null;
    const layouts = Object.values(this.last.analysis.read.layouts).filter((l) => l && l.sheet === sheet);
    for (const layout of layouts) {
      const row = this.last.read.view.sheets.get(sheet)?.values[layout!.headerRow - 1] ?? [];
      const index = row.findIndex((c) => typeof c === "string" && headerKey(c) === headerKey(header));
      if (index >= 0) return index + 1;
    }
    return null;
  }

  async listTracking(clientKey: string): Promise<readonly TrackingEntryRow[]> {
    if (!this.last) await this.analyze(localToday(this.now()));
    const { analysis } = this.last!;
    const input = analysis.read.input;
    const directory = new ClientDirectory(input.clients, input.labels.clientsSheet);
    const out: TrackingEntryRow[] = [];
    for (const t of input.tracking) {
      if (t.client === null) continue;
      const r = directory.resolve(t.client);
      if (!r.ok || r.client.key !== clientKey) continue;
      out.push({
        row: t.row,
        client: t.client.text,
        trackBy: t.trackBy ?? "Sessions",
        start: t.start === null ? "" : isoFromDay(t.start),
        end: t.end === null ? "" : isoFromDay(t.end),
        codes: t.codes === null ? "" : t.codes.any ? "Any" : t.codes.codes.map(formatTrackingCode).join(", "),
        allowed: t.allowed ?? 0,
        authorization: t.authorization ?? "",
      });
    }
    return out;
  }

  async saveTracking(entry: TrackingEntry, row?: number): Promise<void> {
    const start = parseIsoDay(entry.start);
    const end = parseIsoDay(entry.end);
    if (start === null || end === null) throw new UserFacingError("Start Date and End Date must be dates.");
    await this.run(async (context) => {
      const read = await readWorkbook(context, this.budget);
      const names = sheetsToRead(
        read.view.sheetNames,
        read.view.sheets.get(findSheet(read.view.sheetNames, SETTINGS_SHEET) ?? ""),
      );
      const sheet = names.tracking;
      const grid = sheet ? read.view.sheets.get(sheet) : undefined;
      if (!sheet || !grid) throw new UserFacingError("The workbook has no Tracking sheet; use Set up workbook first.");
      if (read.protectedSheets.has(sheet))
        throw new UserFacingError(`The ${sheet} sheet is protected; unprotect it to change tracking lines.`);
      const settings = readSettings(read.view.sheets.get(names.settings ?? ""));
      const found = searchHeader(TRACKING, grid, settings.mapping.headers.tracking);
      const layout = found.layout;
      if (!layout || found.missing.length > 0) {
        throw new UserFacingError(
          `The ${sheet} sheet has no ${found.missing.join(", no ")} column; set its columns up or map them in Settings.`,
        );
      }
      const system = read.view.dateSystem;
      const dateFormat = settings.settings.dateOrder === "MDY" ? "m/d/yyyy" : "d/m/yyyy";
      const ws = context.workbook.worksheets.getItem(sheet);
      let next = layout.lastHeaderIndex + 2;
      const columnFor = (key: string, header: string): number => {
        const c = layout.columns[key];
        if (c) return c.index + 1;
        ws.getRange(a1(layout.headerRow, next)).values = [[asText(header)]];
        return next++;
      };
      let target = row;
      if (target === undefined) {
        let last = layout.headerRow;
        grid.values.forEach((cells, i) => {
          if (i >= layout.headerRow && cells.some((c) => c !== null && c !== "")) last = i + 1;
        });
        target = last + 1;
      } else if (target <= layout.headerRow) {
        throw new UserFacingError(`Row ${target} is not a tracking line.`);
      }
      const cells: [number, string | number, string | null][] = [
        [columnFor("client", "Client"), asText(entry.client), null],
        [columnFor("trackBy", "Track By"), entry.trackBy, null],
        [columnFor("start", "Start Date"), dayToSerial(start, system), dateFormat],
        [columnFor("end", "End Date"), dayToSerial(end, system), dateFormat],
        [columnFor("code", "Billing Code"), asText(entry.codes), null],
        [columnFor("allowed", "Allowed"), entry.allowed, null],
        [
          columnFor("authorization", "Authorization #"),
          entry.authorization === "" ? "" : asText(entry.authorization),
          null,
        ],
      ];
      for (const [column, value, format] of cells) {
        const cell = ws.getRange(a1(target, column));
        if (format) cell.numberFormat = [[format]];
        cell.values = [[value]];
      }
      await context.sync();
    });
  }

  async deleteTracking(row: number): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.load("items/name");
      const settings = await this.settingsGrid(context);
      const names = context.workbook.worksheets.items.map((w) => w.name);
      const sheet = sheetsToRead(names, settings).tracking;
      if (!sheet) throw new UserFacingError("The workbook has no Tracking sheet.");
      context.workbook.worksheets.getItem(sheet).getRange(`${row}:${row}`).delete("Up");
      await context.sync();
    });
  }

  async setupWorkbook(): Promise<SetupOutcome> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const names = sheets.items.map((w) => w.name);
      const created: string[] = [];
      const existing: string[] = [];
      for (const spec of SETUP_SHEETS) {
        if (findSheet(names, spec.sheet)) {
          existing.push(spec.sheet);
          continue;
        }
        created.push(spec.sheet);
        const ws = sheets.add(spec.sheet);
        const last = columnLetters(spec.headers.length);
        const rows = [spec.headers.map(asText), ...spec.rows.map((r) => r.map(asText))];
        ws.getRange(`A1:${last}${rows.length}`).values = rows;
        const tableEnd = Math.max(2, rows.length);
        const table = ws.tables.add(`A1:${last}${tableEnd}`, true);
        table.name = spec.table;
        table.style = "TableStyleLight9";
        spec.widths.forEach((w, i) => {
          ws.getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`).format.columnWidth = w * 5.6;
        });
        for (const c of spec.dateColumns) {
          const letter = columnLetters(c);
          ws.getRange(`${letter}2:${letter}2000`).numberFormat = new Array(1999).fill(null).map(() => ["m/d/yyyy"]);
        }
        for (const v of spec.validations) {
          const letter = columnLetters(v.column);
          const range = ws.getRange(`${letter}2:${letter}2000`);
          // Data validation needs ExcelApi 1.8; on older hosts the sheets are made without it.
          if (this.supports("ExcelApi", "1.8")) range.dataValidation.rule = validationRule(v.rule);
        }
        ws.freezePanes.freezeRows(1);
      }
      await context.sync();
      return { created, existing };
    });
  }

  async readSettings(): Promise<{ settings: Settings; options: AddinOptions }> {
    return this.run(async (context) => {
      const grid = await this.settingsGrid(context);
      const read = readSettings(grid);
      return { settings: read.settings, options: read.options };
    });
  }

  async writeSettings(settings: Settings, options: AddinOptions): Promise<void> {
    await this.writeSettingsRows(settingsRows(settings, options));
    try {
      await setOpenWithDocument(options.openWithWorkbook);
    } catch (e) {
      throw new UserFacingError(
        `The settings were saved, but Excel did not keep "Open with workbook": ${(e as Error).message.split("\n")[0]}`,
      );
    }
  }

  async readMapping(): Promise<MappingState> {
    return this.run(async (context) => {
      const read = await readWorkbook(context, this.budget);
      const settingsGrid = read.view.sheets.get(findSheet(read.view.sheetNames, SETTINGS_SHEET) ?? "");
      const { mapping } = readSettings(settingsGrid);
      const names = sheetsToRead(read.view.sheetNames, settingsGrid);
      return {
        workbookSheets: read.view.sheetNames,
        sheets: SHEETS.map((def) => {
          const sheet = names[def.kind] ?? null;
          const grid = sheet ? read.view.sheets.get(sheet) : undefined;
          const found = grid ? searchHeader(def, grid, mapping.headers[def.kind]) : { layout: null, missing: [] };
          const headerRow = found.layout
            ? grid?.values[found.layout.headerRow - 1]
            : grid?.values.find((r) => r.some((c) => c !== null && c !== ""));
          const headers = (headerRow ?? [])
            .filter((c): c is string | number => typeof c === "string" || typeof c === "number")
            .map(String)
            .filter((h) => h.trim() !== "");
          const required = new Set(def.required.flat());
          return {
            kind: def.kind,
            sheet,
            headers,
            fields: def.fields.map((f) => ({
              key: f.key,
              label: f.label,
              required: required.has(f.key),
              header: found.layout?.columns[f.key]?.header ?? null,
            })),
          };
        }),
      };
    });
  }

  async writeMapping(
    kind: SheetKind,
    sheet: string | null,
    headers: Readonly<Record<string, string | null>>,
  ): Promise<void> {
    await this.writeSettingsRows(mappingRows(kind, sheet, headers));
  }

  private async settingsGrid(context: Excel.RequestContext) {
    const ws = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    ws.load("name");
    const used = ws.getUsedRangeOrNullObject(false);
    used.load("values,address");
    await context.sync();
    if (ws.isNullObject) return undefined;
    return used.isNullObject
      ? gridFromUsed(ws.name, null, [], [])
      : gridFromUsed(ws.name, used.address, used.values, []);
  }

  private async writeSettingsRows(rows: readonly (readonly [string, string | null])[]): Promise<void> {
    await this.run(async (context) => {
      const grid = await this.settingsGrid(context);
      const { create, edits } = settingsEdits(grid, rows);
      const ws = create
        ? context.workbook.worksheets.add(SETTINGS_SHEET)
        : context.workbook.worksheets.getItem(grid!.name);
      for (const e of edits) ws.getRange(a1(e.row, e.column)).values = [[e.text === "" ? "" : asText(e.text)]];
      await context.sync();
    });
  }

  async onClientSelected(callback: (clientKey: string) => void): Promise<() => Promise<void>> {
    return this.subscribe("selection", async (event) => {
      if (!this.last) await this.analyze(localToday(this.now()));
      if (!this.last) return;
      const row = rowOf(event.address);
      const sessionsSheet = this.last.analysis.read.input.labels.sessionsSheet;
      if (row === null || event.sheet.toLowerCase() !== sessionsSheet.toLowerCase()) return;
      const sessions = this.last.analysis.result.sessions;
      const index = sessions.indexOfRow(row);
      const clientKey = index < 0 ? null : sessions.clientKey(index);
      if (clientKey) callback(clientKey);
    });
  }

  async onDataChanged(callback: () => void): Promise<() => Promise<void>> {
    return this.subscribe("change", async (event) => {
      if (event.source !== "Local") return;
      const watched = this.last
        ? [this.last.analysis.read.input.labels.sessionsSheet, this.last.analysis.read.input.labels.trackingSheet]
        : [SESSIONS.sheet, TRACKING.sheet, CLIENTS.sheet];
      if (watched.some((w) => w.toLowerCase() === event.sheet.toLowerCase())) callback();
    });
  }

  /** Subscribes to workbook-wide change or selection events; events name their sheet by id, resolved here. */
  private async subscribe(
    kind: "change" | "selection",
    handler: (event: { sheet: string; address: string; source: string }) => Promise<void>,
  ): Promise<() => Promise<void>> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const resolveAndCall = async (args: { worksheetId: string; address: string; source?: string }): Promise<void> => {
        const name = await this.excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(args.worksheetId);
          ws.load("name");
          await context.sync();
          return ws.name;
        });
        await handler({ sheet: name, address: args.address, source: args.source ?? "Local" });
      };
      // Workbook-wide events need ExcelApi 1.9; on older hosts each watched sheet subscribes (1.7).
      let registrations: OfficeExtension.EventHandlerResult<unknown>[];
      if (this.supports("ExcelApi", "1.9")) {
        registrations = [
          kind === "change"
            ? sheets.onChanged.add((args) => resolveAndCall(args))
            : sheets.onSelectionChanged.add((args) => resolveAndCall(args)),
        ];
      } else {
        const labels = this.last?.analysis.read.input.labels;
        const names =
          kind === "selection"
            ? [labels?.sessionsSheet ?? SESSIONS.sheet]
            : [labels?.sessionsSheet ?? SESSIONS.sheet, labels?.trackingSheet ?? TRACKING.sheet];
        registrations = names.map((name) => {
          const ws = sheets.getItem(name);
          return kind === "change"
            ? ws.onChanged.add((args) => resolveAndCall(args))
            : ws.onSelectionChanged.add((args) => resolveAndCall(args));
        });
      }
      await context.sync();
      return async () => {
        await this.excel.run(registrations[0].context, async (context) => {
          for (const registration of registrations) registration.remove();
          await context.sync();
        });
      };
    });
  }
}

function validationRule(rule: string): Excel.DataValidationRule {
  switch (rule) {
    case "trackBy":
      return { list: { inCellDropDown: true, source: "Sessions,Units" } };
    case "wholeNonNegative":
      return { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
    case "decimalNonNegative":
      return { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
    default:
      return { date: { formula1: "2000-01-01", formula2: "2099-12-31", operator: "Between" } };
  }
}

function rowOf(address: string): number | null {
  const m = /!?\$?[A-Z]*\$?(\d+)/i.exec(address.slice(address.lastIndexOf("!") + 1));
  return m ? Number(m[1]) : null;
}

const TOO_LARGE = "The workbook is too large for one request to Excel; refresh again, or split the Sessions sheet.";

/** One sentence for any failure: our own, the reader's, or an Office.js error code. */
export function userError(e: unknown): UserFacingError {
  if (e instanceof UserFacingError) return e;
  if (e instanceof WorkbookError) return new UserFacingError(e.message, "mapping");
  const code = (e as { code?: string })?.code;
  const messages: Record<string, string> = {
    AccessDenied: "Excel refused the change: a sheet may be protected or the workbook opened read-only.",
    InvalidOperationInCellEditMode: "Finish editing the cell (press Enter or Esc), then try again.",
    RequestPayloadSizeLimitExceeded: TOO_LARGE,
    ResponsePayloadSizeLimitExceeded: TOO_LARGE,
    ItemNotFound: "A sheet was removed or renamed while the add-in was working; try again.",
    ItemAlreadyExists: "A sheet or table with the add-in's name already exists; rename it and try again.",
    ApiNotFound: "This version of Excel is too old for the add-in; update Excel or use Excel on the web.",
    EditModeCannotAcquireLock: "Another user is editing this part of the workbook; try again in a moment.",
  };
  if (code && messages[code]) return new UserFacingError(messages[code]);
  const message = (e as Error)?.message?.split("\n")[0] ?? String(e);
  return new UserFacingError(`Excel could not finish: ${message}`);
}
