/**
 * Deterministic synthetic practices for the benchmarks: one generator at every
 * size, rendered three ways — typed rows for the engine, sheet cells for the
 * reader, HyperFormula and the Office.js stand-in, and an .xlsx for the CLI.
 *
 * A practice of n sessions has n/5 tracking lines (unless told otherwise) and
 * a client per four lines, over two years, 2025-01-01 to 2026-12-31, counted
 * as of 2026-09-30 so the last quarter is booked appointments.
 *
 * "mixed" (the engine, CLI and stand-in benchmarks) is a practice as it really
 * looks: renewals that overlap the authorization they renew, code ranges, EAP
 * Any lines, ABA Units lines with modifiers and decimal units, add-on codes,
 * No Shows and Late Cancels, Prior Auth # cells a previous refresh filled (and
 * a few typos), unknown clients and the odd invalid line.
 *
 * "exclusive" (the formula baseline) gives every session at most one line it
 * can match (a renewal starts the day after the line it renews ends, each line
 * lists one code), so one SUMIFS/COUNTIFS per line must give the engine's Used.
 */
import ExcelJS from "exceljs";
import { parseSessionCode, parseTrackingCodes } from "../src/engine/codes";
import { type DayNumber, dayToSerial, parseIsoDay } from "../src/engine/dates";
import { oncePerText } from "../src/engine/distinct";
import { DEFAULT_SETTINGS } from "../src/engine/settings";
import { SessionTable } from "../src/engine/sessionTable";
import type { ClientRow, PracticeInput, SessionRow, TrackBy, TrackingRow } from "../src/engine/types";
import type { Cell, SheetGrid, WorkbookView } from "../src/workbook/cells";

export type PracticeKind = "mixed" | "exclusive";

export interface RawClient {
  readonly id: string;
  readonly name: string;
  readonly insurance: string;
  readonly member: string;
}

export interface RawLine {
  readonly client: string;
  readonly trackBy: TrackBy;
  readonly start: DayNumber;
  readonly end: DayNumber;
  /** The Billing Code cell as typed: "90837", "90832-90838, 90846", "97153 HN", "Any". */
  readonly codes: string | number;
  readonly allowed: number;
  readonly auth: string;
}

export interface RawSession {
  readonly date: DayNumber;
  readonly client: string;
  /** The Billing Code cell: a number when typed as one (90837), text when it carries a modifier. */
  readonly code: string | number;
  readonly units: number | null;
  readonly status: string | null;
  readonly priorAuth: string | null;
}

/** A practice as cell-level facts, before it is typed rows, cells or a file. */
export interface RawPractice {
  readonly kind: PracticeKind;
  readonly clients: readonly RawClient[];
  readonly tracking: readonly RawLine[];
  readonly sessions: readonly RawSession[];
  readonly asOf: DayNumber;
}

export const FIRST = iso("2025-01-01");
export const LAST = iso("2026-12-31");
export const AS_OF = iso("2026-09-30");

function iso(text: string): DayNumber {
  return parseIsoDay(text) as DayNumber;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const intIn = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const day = (n: number): DayNumber => n as DayNumber;

const FIRST_NAMES = ["Ann", "Bo", "Carla", "Dev", "Elena", "Farid", "Grace", "Hugo", "Iris", "Jamal", "Kim", "Luis"];
const LAST_NAMES = ["Lee", "Okafor", "Nguyen", "Patel", "Garcia", "Smith", "Kowalski", "Haddad", "Rossi", "Tanaka"];
const PAYERS = ["Aetna", "BCBS", "Cigna", "UnitedHealthcare", "Medicaid", "Tricare", "EAP - ComPsych"];

/** Client kinds: psychotherapy, psychotherapy with an EAP benefit, ABA. */
type ClientKind = "therapy" | "eap" | "aba";

/**
 * The practice of `sessions` sessions. Same size and kind, same practice: the
 * seed is fixed, so every run and every machine counts the same rows.
 */
export function generatePractice(
  sessions: number,
  kind: PracticeKind = "mixed",
  { seed = 20260930, lines = Math.round(sessions / 5) }: { seed?: number; lines?: number } = {},
): RawPractice {
  const rng = prng(seed ^ sessions ^ lines ^ (kind === "mixed" ? 0 : 0x5bd1e995));
  const lineCount = Math.max(4, lines);
  const clientCount = Math.max(1, Math.round(lineCount / 4));
  const clients: RawClient[] = [];
  const kinds: ClientKind[] = [];
  const tracking: RawLine[] = [];
  // Per client, the lines by which a session of a given date picks the Prior Auth # a previous refresh wrote.
  const renewals: { first: RawLine; second: RawLine }[] = [];
  const width = String(clientCount).length + 1;
  for (let i = 0; i < clientCount; i++) {
    const id = `C${String(i + 1).padStart(width, "0")}`;
    const k: ClientKind = kind === "exclusive" ? (i % 3 === 2 ? "aba" : "therapy") : pickKind(rng);
    kinds.push(k);
    clients.push({
      id,
      name: `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)} ${i + 1}`,
      insurance: k === "eap" ? "EAP - ComPsych" : pick(rng, PAYERS.slice(0, 6)),
      member: `M${intIn(rng, 100000000, 999999999)}`,
    });
    const lines = kind === "exclusive" ? exclusiveLines(rng, id, k) : mixedLines(rng, id, k);
    // One line in two hundred is typed with its dates backwards, and is reported as invalid.
    if (kind === "mixed" && rng() < 0.005) {
      const l = lines[3];
      lines[3] = { ...l, start: l.end, end: l.start };
    }
    tracking.push(...lines);
    renewals.push({ first: lines[0], second: lines[1] });
  }

  const rows: RawSession[] = [];
  for (let s = 0; s < sessions; s++) {
    const c = Math.floor(rng() * clientCount);
    const date = day(intIn(rng, FIRST, LAST));
    const k = kinds[c];
    const { code, units } = kind === "exclusive" ? exclusiveCode(rng, k) : mixedCode(rng, k);
    let status: string | null = null;
    let priorAuth: string | null = null;
    const u = rng();
    if (date > AS_OF) status = u < 0.8 ? "Scheduled" : null;
    else if (u < 0.6) status = null;
    else if (u < 0.85) status = "Completed";
    else if (u < 0.92) status = "No Show";
    else if (u < 0.96) status = "Late Cancel";
    else status = kind === "mixed" && u < 0.97 ? "no-show" : "Completed";
    if (kind === "mixed" && date <= AS_OF && isMainCode(code) && rng() < 0.3) {
      // A previous refresh filled these with the authorization the session drew from (the year's
      // line or its renewal); one in a hundred was retyped by hand, wrongly.
      const { first, second } = renewals[c];
      priorAuth = rng() < 0.01 ? "AUTH-TYPO" : date < second.start ? first.auth : second.auth;
    }
    // One session in five hundred names a client the Clients sheet does not have.
    const client = kind === "mixed" && rng() < 0.002 ? `C9${intIn(rng, 10, 99)}` : clients[c].id;
    rows.push({ date, client, code, units, status, priorAuth });
  }
  return { kind, clients, tracking, sessions: rows, asOf: AS_OF };
}

function pickKind(rng: Rng): ClientKind {
  const u = rng();
  return u < 0.6 ? "therapy" : u < 0.75 ? "eap" : "aba";
}

/** Four lines: a year's authorization, a renewal that overlaps its last weeks, and two smaller ones. */
function mixedLines(rng: Rng, client: string, kind: ClientKind): RawLine[] {
  const line = lineMaker(client);
  const start1 = day(FIRST + intIn(rng, 0, 20));
  const end1 = day(start1 + 364);
  const start2 = day(end1 - intIn(rng, 0, 45));
  const end2 = day(Math.min(LAST + 60, start2 + 364));
  if (kind === "aba") {
    return [
      line(1, "Units", start1, end1, "97153", intIn(rng, 30, 60) * 4),
      line(2, "Units", start2, end2, "97153", intIn(rng, 30, 60) * 4),
      line(3, "Units", start1, end2, "97155 HN, 97156", 24),
      line(4, "Sessions", start1, end2, "97151", 2),
    ];
  }
  return [
    line(1, "Sessions", start1, end1, "90832-90838", intIn(rng, 8, 16)),
    line(2, "Sessions", start2, end2, "90832-90838, 90846", intIn(rng, 8, 16)),
    line(3, "Sessions", start1, end2, 90791, 1),
    kind === "eap"
      ? line(4, "Sessions", start1, day(start1 + 180), "Any", 6)
      : line(4, "Sessions", start1, end2, "90847", 4),
  ];
}

/** A tracking line of the client's, its authorization number made from the client ID and `k`. */
function lineMaker(client: string) {
  return (k: number, trackBy: TrackBy, start: DayNumber, end: DayNumber, codes: string | number, allowed: number) =>
    ({ client, trackBy, start, end, codes, allowed, auth: `${client}-A${k}` }) satisfies RawLine;
}

/** The session codes the year's line and its renewal count (90832-90838, 97153): a refresh pinned those. */
function isMainCode(code: string | number): boolean {
  const base = parseInt(String(code), 10);
  return base === 90837 || base === 90834 || base === 97153;
}

function mixedCode(rng: Rng, kind: ClientKind): { code: string | number; units: number | null } {
  const u = rng();
  if (kind === "aba") {
    const units = intIn(rng, 2, 32) / 4;
    if (u < 0.75) return { code: 97153, units };
    if (u < 0.85) return { code: "97155 HN", units };
    if (u < 0.93) return { code: 97156, units };
    if (u < 0.97) return { code: 97151, units: null };
    return { code: "97155", units };
  }
  if (u < 0.6) return { code: 90837, units: null };
  if (u < 0.78) return { code: 90834, units: null };
  if (u < 0.84) return { code: "90837-95", units: null };
  if (u < 0.9) return { code: 90785, units: null };
  if (u < 0.94) return { code: 90791, units: null };
  if (u < 0.98) return { code: 90847, units: 1 };
  return { code: 90853, units: null };
}

/** Four lines, each session able to match at most one: a year, its renewal from the next day, two others. */
function exclusiveLines(rng: Rng, client: string, kind: ClientKind): RawLine[] {
  const line = lineMaker(client);
  const end1 = day(FIRST + 364 + intIn(rng, -30, 30));
  const start2 = day(end1 + 1);
  if (kind === "aba") {
    return [
      line(1, "Units", FIRST, end1, 97153, intIn(rng, 30, 60) * 4),
      line(2, "Units", start2, LAST, 97153, intIn(rng, 30, 60) * 4),
      line(3, "Units", FIRST, LAST, 97156, 24),
      line(4, "Sessions", FIRST, LAST, 97151, 2),
    ];
  }
  return [
    line(1, "Sessions", FIRST, end1, 90837, intIn(rng, 8, 16)),
    line(2, "Sessions", start2, LAST, 90837, intIn(rng, 8, 16)),
    line(3, "Sessions", FIRST, LAST, 90791, 1),
    line(4, "Sessions", FIRST, LAST, 90847, 4),
  ];
}

function exclusiveCode(rng: Rng, kind: ClientKind): { code: number; units: number | null } {
  const u = rng();
  if (kind === "aba") {
    const units = intIn(rng, 2, 32) / 4;
    if (u < 0.8) return { code: 97153, units };
    if (u < 0.95) return { code: 97156, units };
    return { code: 97151, units: 1 };
  }
  if (u < 0.75) return { code: 90837, units: null };
  if (u < 0.85) return { code: 90834, units: null };
  if (u < 0.92) return { code: 90791, units: null };
  return { code: 90847, units: null };
}

// ---------------------------------------------------------------------------
// Renderings

export const LABELS = {
  clientsSheet: "Clients",
  trackingSheet: "Tracking",
  sessionsSheet: "Sessions",
  priorAuthColumn: "Prior Auth #",
  startColumn: "Start Date",
} as const;

/**
 * The typed rows the reader would make of the practice's sheets (one object per
 * row, as the reader makes them), with sheet row numbers from 2.
 */
export function toInput(raw: RawPractice): PracticeInput {
  const clients: ClientRow[] = raw.clients.map((c, i) => ({
    row: i + 2,
    id: c.id,
    name: c.name,
    insurance: c.insurance,
    memberId: c.member,
  }));
  // As the reader does: each code cell parsed once, equal cells sharing one list.
  const parseCodes = oncePerText(parseTrackingCodes);
  const tracking: TrackingRow[] = raw.tracking.map((l, i) => {
    const parsed = parseCodes(String(l.codes));
    if (!parsed.ok) throw new Error(`generator wrote an unreadable code cell ${l.codes}`);
    const codes = parsed.value;
    return {
      row: i + 2,
      client: { text: l.client, column: "Client", isNameColumn: false },
      trackBy: l.trackBy,
      start: l.start,
      end: l.end,
      codes,
      allowed: l.allowed,
      authorization: l.auth,
      issues: [],
    };
  });
  const sessions = SessionTable.from(
    raw.sessions.map((s, i): SessionRow => ({
      row: i + 2,
      date: s.date,
      client: { text: s.client, column: "Client", isNameColumn: false },
      code: parseSessionCode(String(s.code)),
      units: s.units ?? 1,
      status: s.status,
      priorAuth: s.priorAuth,
      issues: [],
    })),
  );
  return { clients, tracking, sessions, settings: DEFAULT_SETTINGS, labels: LABELS };
}

export const CLIENTS_HEADER = ["Client ID", "Client Name", "Primary Insurance", "Member ID"];
export const TRACKING_HEADER = [
  "Client",
  "Track By",
  "Start Date",
  "End Date",
  "Billing Code",
  "Allowed",
  "Authorization #",
];
export const SESSIONS_HEADER = ["Date", "Client", "Billing Code", "Units", "Status", "Prior Auth #", "Remaining"];

/** The practice's sheets as Range.values would hand them: dates as 1900-system serials, blanks as null. */
export function toSheets(raw: RawPractice): { Clients: Cell[][]; Tracking: Cell[][]; Sessions: Cell[][] } {
  const serial = (d: DayNumber): number => dayToSerial(d, 1900);
  return {
    Clients: [CLIENTS_HEADER, ...raw.clients.map((c) => [c.id, c.name, c.insurance, c.member])],
    Tracking: [
      TRACKING_HEADER,
      ...raw.tracking.map((l) => [l.client, l.trackBy, serial(l.start), serial(l.end), l.codes, l.allowed, l.auth]),
    ],
    Sessions: [
      SESSIONS_HEADER,
      ...raw.sessions.map((s) => [serial(s.date), s.client, s.code, s.units, s.status, s.priorAuth, null]),
    ],
  };
}

/** A WorkbookView over the practice's sheets, as a host edge would hand it to the reader. */
export function toView(raw: RawPractice): WorkbookView {
  const sheets = new Map<string, SheetGrid>();
  for (const [name, values] of Object.entries(toSheets(raw))) sheets.set(name, { name, values, tables: [] });
  return { dateSystem: 1900, sheetNames: [...sheets.keys()], sheets };
}

/**
 * The practice as an ExcelJS workbook, laid out as an office manager keeps it:
 * date cells formatted as dates, codes typed as numbers where they are numbers,
 * a frozen header row. Sheets: Clients, Tracking, Sessions.
 */
export function toWorkbook(raw: RawPractice): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2026, 8, 30));
  wb.modified = wb.created;
  const asDate = (d: DayNumber): Date => new Date(d * 86_400_000);
  const sheet = (name: string, header: string[], rows: ExcelJS.CellValue[][], dateColumns: number[]): void => {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(header).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    for (const c of dateColumns) ws.getColumn(c).numFmt = "m/d/yyyy";
    ws.columns.forEach((col) => (col.width = 14));
  };
  sheet(
    "Clients",
    CLIENTS_HEADER,
    raw.clients.map((c) => [c.id, c.name, c.insurance, c.member]),
    [],
  );
  sheet(
    "Tracking",
    TRACKING_HEADER,
    raw.tracking.map((l) => [l.client, l.trackBy, asDate(l.start), asDate(l.end), l.codes, l.allowed, l.auth]),
    [3, 4],
  );
  sheet(
    "Sessions",
    SESSIONS_HEADER,
    raw.sessions.map((s) => [asDate(s.date), s.client, s.code, s.units, s.status, s.priorAuth, null]),
    [1],
  );
  return wb;
}
