/** Reads a workbook's Clients, Tracking, Sessions and Settings sheets into the engine's typed rows (SPEC §2–3). */
import { clip, quote } from "../engine/text";
import { parseSessionCode, parseTrackingCodes, type CodeList, type SessionCode } from "../engine/codes";
import { oncePerText } from "../engine/distinct";
import { type SessionTable, SessionTableBuilder } from "../engine/sessionTable";
import type { DateOrder, DateSystem } from "../engine/dates";
import type { CellIssue, ClientRef, ClientRow, PracticeInput, Problem, TrackBy, TrackingRow } from "../engine/types";
import { type Cell, type SheetGrid, type WorkbookView, isBlank, readDate, readNumber, readText } from "./cells";
import { CLIENT_NAME_HEADERS, CLIENTS, SESSIONS, type SheetDef, type SheetKind, TRACKING, headerKey } from "./fields";
import { type Column, type SheetLayout, locateHeader } from "./headers";
import { SETTINGS_SHEET, type SettingsRead, readSettings } from "./settings";

/** Everything read from a workbook: the engine's input, where each sheet's data sits, and what could not be read. */
export interface PracticeRead {
  readonly input: PracticeInput;
  readonly settings: SettingsRead;
  readonly layouts: { readonly sessions: SheetLayout; readonly tracking?: SheetLayout; readonly clients?: SheetLayout };
  /** The last row of the Sessions sheet's data (1-based), for rewriting the Remaining column whole. */
  readonly sessionsLastRow: number;
  /** Rows of Sessions (1-based) that are blank, so their Remaining is cleared. */
  readonly problems: Problem[];
}

/** Why a workbook cannot be refreshed at all (no Sessions sheet, no header row). */
export class WorkbookError extends Error {}

/** Finds a sheet by name, as Excel does: case-insensitive. */
export function findSheet(names: readonly string[], wanted: string): string | undefined {
  const key = wanted.trim().toLowerCase();
  return names.find((n) => n.trim().toLowerCase() === key);
}

/** The names of the sheets the reader will use, so a host can load just those (Settings first, for its mapping). */
export function sheetsToRead(
  sheetNames: readonly string[],
  settings?: SheetGrid,
): Record<SheetKind | "settings", string | undefined> {
  const mapping = readSettings(settings).mapping;
  return {
    settings: findSheet(sheetNames, SETTINGS_SHEET),
    clients: findSheet(sheetNames, mapping.sheets.clients ?? CLIENTS.sheet),
    tracking: findSheet(sheetNames, mapping.sheets.tracking ?? TRACKING.sheet),
    sessions: findSheet(sheetNames, mapping.sheets.sessions ?? SESSIONS.sheet),
  };
}

/**
 * Reads the practice. Throws WorkbookError only when there is nothing to count
 * against (no Sessions sheet, or no header row on it); every unreadable cell is
 * a Problem naming sheet, row and column, and its row is left out.
 */
export function readPractice(view: WorkbookView): PracticeRead {
  const settingsName = findSheet(view.sheetNames, SETTINGS_SHEET);
  const settingsRead = readSettings(settingsName ? view.sheets.get(settingsName) : undefined);
  const problems: Problem[] = [...settingsRead.problems];
  const { settings, mapping } = settingsRead;
  const names = sheetsToRead(view.sheetNames, settingsName ? view.sheets.get(settingsName) : undefined);

  const sessionsWanted = mapping.sheets.sessions ?? SESSIONS.sheet;
  const sessionsGrid = names.sessions ? view.sheets.get(names.sessions) : undefined;
  if (!sessionsGrid)
    throw new WorkbookError(`The workbook has no sheet named ${sessionsWanted}, so there are no sessions to count.`);
  const sessionsLocated = locateHeader(SESSIONS, sessionsGrid, mapping.headers.sessions);
  if (!sessionsLocated.ok) throw new WorkbookError(sessionsLocated.message);
  const sessionsLayout = sessionsLocated.layout;
  reportUnmapped(SESSIONS, sessionsLayout, mapping.headers.sessions, problems);

  let clients: ClientRow[] | null = null;
  let clientsLayout: SheetLayout | undefined;
  const clientsGrid = names.clients ? view.sheets.get(names.clients) : undefined;
  if (clientsGrid) {
    const located = locateHeader(CLIENTS, clientsGrid, mapping.headers.clients);
    if (located.ok) {
      clientsLayout = located.layout;
      reportUnmapped(CLIENTS, clientsLayout, mapping.headers.clients, problems);
      clients = readClients(clientsGrid, clientsLayout, problems);
    } else {
      problems.push({
        kind: "sheet",
        sheet: clientsGrid.name,
        row: null,
        column: null,
        message: `${located.message} Clients are known by the text in the Client columns until it is fixed.`,
      });
    }
  } else if (mapping.sheets.clients) {
    problems.push({
      kind: "sheet",
      sheet: mapping.sheets.clients,
      row: null,
      column: null,
      message: `Settings map Clients to a sheet named ${mapping.sheets.clients}, which the workbook does not have.`,
    });
  }

  let tracking: TrackingRow[] = [];
  let trackingLayout: SheetLayout | undefined;
  const trackingGrid = names.tracking ? view.sheets.get(names.tracking) : undefined;
  const trackingName = trackingGrid?.name ?? mapping.sheets.tracking ?? TRACKING.sheet;
  if (trackingGrid) {
    const located = locateHeader(TRACKING, trackingGrid, mapping.headers.tracking);
    if (located.ok) {
      trackingLayout = located.layout;
      reportUnmapped(TRACKING, trackingLayout, mapping.headers.tracking, problems);
      tracking = readTracking(trackingGrid, trackingLayout, view.dateSystem, settings.dateOrder, problems);
    } else {
      problems.push({
        kind: "sheet",
        sheet: trackingGrid.name,
        row: null,
        column: null,
        message: `${located.message} No authorization is counted until it is fixed.`,
      });
    }
  } else {
    problems.push({
      kind: "sheet",
      sheet: trackingName,
      row: null,
      column: null,
      message: `The workbook has no ${trackingName} sheet, so no session is counted against an authorization.`,
    });
  }

  const sessions = readSessions(sessionsGrid, sessionsLayout, view.dateSystem, settings.dateOrder, problems);
  const input: PracticeInput = {
    clients,
    tracking,
    sessions,
    settings,
    labels: {
      clientsSheet: clientsGrid?.name ?? CLIENTS.sheet,
      trackingSheet: trackingName,
      sessionsSheet: sessionsGrid.name,
      priorAuthColumn: sessionsLayout.columns.priorAuth?.header ?? "Prior Auth #",
      startColumn: trackingLayout?.columns.start?.header ?? "Start Date",
    },
  };
  return {
    input,
    settings: settingsRead,
    layouts: { sessions: sessionsLayout, tracking: trackingLayout, clients: clientsLayout },
    sessionsLastRow: Math.max(sessionsGrid.values.length, sessionsLayout.headerRow),
    problems,
  };
}

/** A mapped header that the sheet does not have is reported, and the default headers are used. */
function reportUnmapped(
  def: SheetDef,
  layout: SheetLayout,
  mapped: ReadonlyMap<string, string>,
  problems: Problem[],
): void {
  for (const [field, header] of mapped) {
    const column = layout.columns[field];
    if (column && headerKey(column.header) === headerKey(header)) continue;
    const label = def.fields.find((f) => f.key === field)?.label ?? field;
    problems.push({
      kind: "setting",
      sheet: layout.sheet,
      row: layout.headerRow,
      column: null,
      message: `Settings map ${label} to a column headed ${quote(header)}, which row ${layout.headerRow} of ${layout.sheet} does not have; ${column ? `${quote(column.header)} is used` : "the column is missing"}.`,
    });
  }
}

/**
 * Iterates the non-blank data rows below the header; a row is blank when every
 * cell but Remaining is. The totals row of the header's Excel table is no data.
 */
function dataRows(grid: SheetGrid, layout: SheetLayout, skip?: Column): { row: number; cells: readonly Cell[] }[] {
  const rows: { row: number; cells: readonly Cell[] }[] = [];
  const table = grid.tables.find((t) => t.name === layout.table);
  const totals = table?.totalsRow && table.lastRow !== undefined ? table.lastRow : -1;
  for (let r = layout.headerRow; r < grid.values.length; r++) {
    if (r + 1 === totals) continue;
    const cells = grid.values[r];
    let blank = true;
    for (let c = 0; c < cells.length; c++) {
      if (c !== skip?.index && !isBlank(cells[c])) {
        blank = false;
        break;
      }
    }
    if (!blank) rows.push({ row: r + 1, cells });
  }
  return rows;
}

/** Collects cell issues for one row and reports each as a Problem. */
class RowReader {
  readonly issues: CellIssue[] = [];
  constructor(
    private readonly sheet: string,
    private readonly row: number,
    private readonly cells: readonly Cell[],
    private readonly problems: Problem[],
    private readonly consequence: string,
  ) {}

  cell(column: Column | undefined): Cell {
    return column === undefined ? null : (this.cells[column.index] ?? null);
  }

  issue(column: Column | { header: string }, reason: string, kind: Problem["kind"] = "unreadable-cell"): null {
    const message = `${this.sheet} row ${this.row}, ${clip(column.header)}: ${reason}; ${this.consequence}.`;
    this.issues.push({ column: column.header, message: `${column.header} ${reason}` });
    this.problems.push({ kind, sheet: this.sheet, row: this.row, column: column.header, message });
    return null;
  }

  text(column: Column | undefined): string | null {
    if (!column) return null;
    const r = readText(this.cell(column));
    return r.ok ? r.value : this.issue(column, r.reason);
  }

  required<T>(column: Column | undefined, value: T | null): T | null {
    if (
      value === null &&
      column &&
      isBlank(this.cell(column)) &&
      !this.issues.some((i) => i.column === column.header)
    ) {
      return this.issue(column, "is blank", "missing-value");
    }
    return value;
  }

  /** The Client cell; a name column serves a row whose ID cell is blank. */
  client(layout: SheetLayout): ClientRef | null {
    const primary = layout.columns.client;
    if (!primary) return null;
    for (const column of [primary, layout.clientFallback]) {
      if (!column) continue;
      const text = this.text(column);
      if (text !== null) {
        return { text, column: column.header, isNameColumn: isNameHeader(column.header) };
      }
    }
    if (!this.issues.length) this.issue(primary, "is blank", "missing-value");
    return null;
  }
}

/** Whether a Client column's header names a name (Client Name, Name, …); worked out once per header text. */
const nameHeaders = new Map<string, boolean>();
function isNameHeader(header: string): boolean {
  let is = nameHeaders.get(header);
  if (is === undefined) {
    is = (CLIENT_NAME_HEADERS as readonly string[]).map(headerKey).includes(headerKey(header));
    nameHeaders.set(header, is);
  }
  return is;
}

function readClients(grid: SheetGrid, layout: SheetLayout, problems: Problem[]): ClientRow[] {
  const { columns } = layout;
  return dataRows(grid, layout).map(({ row, cells }) => {
    const r = new RowReader(grid.name, row, cells, problems, "the cell is ignored");
    return {
      row,
      id: r.text(columns.id),
      name: r.text(columns.name),
      insurance: r.text(columns.insurance),
      memberId: r.text(columns.memberId),
    };
  });
}

function readTracking(
  grid: SheetGrid,
  layout: SheetLayout,
  system: DateSystem,
  order: DateOrder,
  problems: Problem[],
): TrackingRow[] {
  const { columns } = layout;
  const defaultTrackBy: TrackBy =
    columns.allowed && headerKey(columns.allowed.header) === "allowedunits" ? "Units" : "Sessions";
  // Lines repeat a few code cells: each is parsed once, and equal cells share one parsed list.
  const parseCodes = oncePerText(parseTrackingCodes);
  return dataRows(grid, layout).map(({ row, cells }) => {
    const r = new RowReader(grid.name, row, cells, problems, "the line is not counted");
    const client = r.client(layout);
    let trackBy: TrackBy | null = defaultTrackBy;
    if (columns.trackBy) {
      const text = r.text(columns.trackBy);
      if (text !== null) {
        const key = text.toLowerCase().replace(/[^a-z]/g, "");
        if (["sessions", "session", "visits", "visit"].includes(key)) trackBy = "Sessions";
        else if (["units", "unit"].includes(key)) trackBy = "Units";
        else trackBy = r.issue(columns.trackBy, `${quote(text)} is not Sessions or Units`);
      } else if (r.issues.some((i) => i.column === columns.trackBy?.header)) trackBy = null;
    }
    const date = (column: Column | undefined) => {
      if (!column) return null;
      const d = readDate(r.cell(column), system, order);
      return r.required(column, d.ok ? d.value : r.issue(column, d.reason));
    };
    const start = date(columns.start);
    const end = date(columns.end);
    let codes: CodeList | null = null;
    const codeText = r.required(columns.code, r.text(columns.code));
    if (codeText !== null && columns.code) {
      const parsed = parseCodes(codeText);
      codes = parsed.ok ? parsed.value : r.issue(columns.code, `${quote(codeText)} cannot be read: ${parsed.reason}`);
    }
    let allowed: number | null = null;
    if (columns.allowed) {
      const n = readNumber(r.cell(columns.allowed));
      allowed = r.required(columns.allowed, n.ok ? n.value : r.issue(columns.allowed, n.reason));
      if (allowed !== null && allowed < 0) allowed = r.issue(columns.allowed, `is ${allowed}, below 0`);
    }
    const authorization = r.text(columns.authorization);
    return { row, client, trackBy, start, end, codes, allowed, authorization, issues: r.issues };
  });
}

function readSessions(
  grid: SheetGrid,
  layout: SheetLayout,
  system: DateSystem,
  order: DateOrder,
  problems: Problem[],
): SessionTable {
  const { columns } = layout;
  const rows = dataRows(grid, layout, columns.remaining);
  const table = new SessionTableBuilder(rows.length);
  // A practice types a dozen codes over thousands of rows: each code text is parsed once.
  const parseCode = oncePerText(parseSessionCode);
  for (const { row, cells } of rows) {
    const r = new RowReader(grid.name, row, cells, problems, "the session is left out of counting");
    let date = null;
    if (columns.date) {
      const d = readDate(r.cell(columns.date), system, order);
      date = r.required(columns.date, d.ok ? d.value : r.issue(columns.date, d.reason));
    }
    const client = r.client(layout);
    let code: SessionCode | null = null;
    const codeText = r.required(columns.code, r.text(columns.code));
    if (codeText !== null && columns.code) {
      code = parseCode(codeText);
      if (code === null) {
        r.issue(
          columns.code,
          `${quote(codeText)} is not a billing code (a code, then any two-character modifiers, as in 97153 HN)`,
        );
      }
    }
    let units = 1;
    if (columns.units) {
      const n = readNumber(r.cell(columns.units));
      if (!n.ok) r.issue(columns.units, n.reason);
      else if (n.value !== null && n.value < 0) r.issue(columns.units, `is ${n.value}, below 0`);
      else if (n.value !== null) units = n.value;
    }
    const status = r.text(columns.status);
    const priorAuth = r.text(columns.priorAuth);
    table.add({ row, date, client, code, units, status, priorAuth, issues: r.issues });
  }
  return table.build();
}
