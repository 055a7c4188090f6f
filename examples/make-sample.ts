/**
 * Writes examples/sample-practice.xlsx (and examples/README.md): a small,
 * fictitious practice, "Cedar Grove Therapy & ABA", with two years of
 * authorizations and sessions, plus a handful of deliberate oddities that
 * exercise the counting rules of SPEC.md.
 *
 *   npm run sample        (tsx examples/make-sample.ts)
 *
 * Everything is deterministic: a seeded PRNG, fixed dates, fixed workbook
 * properties, and the zip entries' timestamps pinned after ExcelJS writes
 * them, so two runs give byte-identical files.
 *
 * The script also counts the sample with a small, independent model of the
 * SPEC §4 rules and checks that every authorization ends in the status it
 * was designed for (as of 2026-11-29). That model is only a design check for
 * this sample; the engine in src/ is the authority.
 */
import * as fs from "fs";
import * as path from "path";
import { createHash } from "crypto";
import ExcelJS from "exceljs";

// ---------------------------------------------------------------------------
// Fixed points

const PRACTICE = "Cedar Grove Therapy & ABA";
const AS_OF = "2026-11-29"; // the sample's "today"
const FIRST_SESSION = "2025-01-06";
const LAST_SESSION = "2026-12-18";
const FILE_DATE = new Date(Date.UTC(2026, 10, 1)); // 2026-11-01, workbook created/modified
const OUT_XLSX = path.resolve(__dirname, "sample-practice.xlsx");
const OUT_README = path.resolve(__dirname, "README.md");

// ---------------------------------------------------------------------------
// Dates as whole UTC day numbers

const MS_PER_DAY = 86_400_000;
function day(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}
function isoOf(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}
function usOf(n: number): string {
  const [y, m, d] = isoOf(n).split("-");
  return `${m}/${d}/${y}`;
}
function dateCell(n: number): Date {
  return new Date(n * MS_PER_DAY);
}
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekday(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

const TODAY = day(AS_OF);
const FIRST = day(FIRST_SESSION);
const LAST = day(LAST_SESSION);

// ---------------------------------------------------------------------------
// Seeded PRNG (mulberry32) and helpers

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
type Rng = () => number;
function intIn(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}
function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}
function digits(rng: Rng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String(intIn(rng, i === 0 ? 1 : 0, 9));
  return s;
}

// ---------------------------------------------------------------------------
// Clients

type Payer = "Aetna" | "BCBS" | "Cigna" | "UnitedHealthcare" | "Medicaid" | "Tricare" | "EAP - ComPsych";

const AUTH_PREFIX: Record<Payer, string> = {
  Aetna: "AET",
  BCBS: "BCB",
  Cigna: "CIG",
  UnitedHealthcare: "UHC",
  Medicaid: "MCD",
  Tricare: "TRI",
  "EAP - ComPsych": "CPX",
};

function memberId(rng: Rng, payer: Payer): string {
  switch (payer) {
    case "Aetna":
      return `W${digits(rng, 9)}`;
    case "BCBS":
      return `${pick(rng, ["XOF", "YRB", "ZGH"])}${digits(rng, 9)}`;
    case "Cigna":
      return `U${digits(rng, 8)}01`;
    case "UnitedHealthcare":
      return digits(rng, 9);
    case "Medicaid":
      return digits(rng, 10);
    case "Tricare":
      return digits(rng, 10);
    case "EAP - ComPsych":
      return `CP${digits(rng, 7)}`;
  }
}

interface Client {
  id: string;
  name: string;
  payer: Payer;
  member: string;
}

const CLIENT_LIST: Array<[string, Payer]> = [
  // psychotherapy
  ["Maria Lopez", "Aetna"], // C1001
  ["James Carter", "BCBS"], // C1002
  ["Aisha Patel", "Cigna"], // C1003
  ["Robert Nguyen", "UnitedHealthcare"], // C1004
  ["Emily Johnson", "Cigna"], // C1005
  ["Michael Brown", "Tricare"], // C1006
  ["Sophia Martinez", "Medicaid"], // C1007
  ["David Kim", "Aetna"], // C1008
  ["Olivia Wilson", "BCBS"], // C1009
  ["Daniel Garcia", "UnitedHealthcare"], // C1010
  ["Chloe Thompson", "Cigna"], // C1011
  ["Anthony Rivera", "Medicaid"], // C1012
  ["Grace Lee", "Aetna"], // C1013
  ["Ethan Davis", "BCBS"], // C1014
  ["Hannah Moore", "Tricare"], // C1015
  ["Noah Anderson", "Cigna"], // C1016
  ["Ava Jackson", "UnitedHealthcare"], // C1017
  ["Liam White", "BCBS"], // C1018
  ["Mia Harris", "Aetna"], // C1019
  ["Benjamin Clark", "Medicaid"], // C1020
  // ABA
  ["Lucas Walker", "Medicaid"], // C1021
  ["Isabella Hall", "BCBS"], // C1022
  ["Mason Allen", "Tricare"], // C1023
  ["Amelia Young", "Cigna"], // C1024
  ["Elijah King", "UnitedHealthcare"], // C1025
  ["Harper Wright", "Aetna"], // C1026
  ["Alexander Scott", "Medicaid"], // C1027
  ["Evelyn Green", "Tricare"], // C1028
  // EAP
  ["Jacob Adams", "EAP - ComPsych"], // C1029
  ["Abigail Baker", "EAP - ComPsych"], // C1030
  ["William Nelson", "EAP - ComPsych"], // C1031
  ["Emma Hill", "EAP - ComPsych"], // C1032
  // others
  ["Samuel Campbell", "Medicaid"], // C1033
  ["Victoria Mitchell", "UnitedHealthcare"], // C1034
  ["Henry Roberts", "Aetna"], // C1035
  ["Zoe Turner", "BCBS"], // C1036
];

const clientRng = mulberry32(seedOf("clients"));
const clients: Client[] = CLIENT_LIST.map(([name, payer], i) => ({
  id: `C${1001 + i}`,
  name,
  payer,
  member: memberId(clientRng, payer),
}));
const clientById = new Map(clients.map((c) => [c.id, c]));
function client(id: string): Client {
  const c = clientById.get(id);
  if (!c) throw new Error(`no client ${id}`);
  return c;
}

// ---------------------------------------------------------------------------
// Sessions: generated from each client's weekly schedule

const NOT_COUNTED = ["No Show", "Late Cancel", "Late Cancellation", "Cancelled", "Canceled", "Void"];
const ANY_EXCLUDES = ["90785", "90833", "90836", "90838", "90840", "90863", "99354", "99355"];
const notCountedKeys = new Set(NOT_COUNTED.map(letters));
function letters(s: string): string {
  return s.replace(/[^A-Za-z]/g, "").toLowerCase();
}
function counts(status: string): boolean {
  return !notCountedKeys.has(letters(status));
}

interface Session {
  seq: number; // generation order, for stable sorting
  date: number;
  clientId: string;
  code: string;
  units: number | null; // null = blank cell (= 1)
  status: string;
  priorAuth: string;
  notes: string;
  nameOnly: boolean; // Client ID cell left blank, only the name filled
  nameText?: string; // name as typed, when it differs from the Clients sheet
  tieKey: number;
}

interface Segment {
  from: string;
  to: string;
  days: number[]; // weekdays, 1 = Monday
  every?: number; // every n-th week (default 1)
  codes: string[]; // picked at random per session
  units?: [number, number]; // ABA units per session
  maxCounting?: number; // stop after this many counting sessions
  skip?: number; // chance a scheduled week is simply not booked
}

const HOLIDAYS = new Set(
  [
    "2025-01-20",
    "2025-05-26",
    "2025-07-04",
    "2025-09-01",
    "2025-11-27",
    "2025-11-28",
    "2025-12-24",
    "2025-12-25",
    "2025-12-26",
    "2025-12-31",
    "2026-01-01",
    "2026-01-19",
    "2026-05-25",
    "2026-07-03",
    "2026-09-07",
    "2026-11-26",
    "2026-11-27",
  ].map(day),
);

const SCHEDULES: Record<string, Segment[]> = {
  C1001: [{ from: "2025-01-07", to: LAST_SESSION, days: [2], codes: ["90837"] }],
  C1002: [{ from: "2025-01-06", to: LAST_SESSION, days: [1], codes: ["90834", "90834", "90834", "90837"] }],
  C1003: [{ from: "2025-01-08", to: LAST_SESSION, days: [3], every: 2, codes: ["90837"] }],
  C1004: [{ from: "2025-02-06", to: LAST_SESSION, days: [4], codes: ["90837"] }],
  C1005: [{ from: "2025-06-02", to: LAST_SESSION, days: [1], codes: ["90837"], skip: 0.03 }],
  C1006: [{ from: "2025-07-11", to: LAST_SESSION, days: [5], codes: ["90834"] }],
  C1007: [{ from: "2025-10-08", to: LAST_SESSION, days: [3], codes: ["90837", "90837", "90834"] }],
  C1008: [{ from: "2025-01-09", to: LAST_SESSION, days: [4], every: 2, codes: ["90834"] }],
  C1009: [{ from: "2025-01-07", to: "2025-09-23", days: [2], codes: ["90837"] }],
  C1010: [{ from: "2025-01-13", to: LAST_SESSION, days: [1], codes: ["90837"] }],
  C1011: [{ from: "2026-03-06", to: LAST_SESSION, days: [5], codes: ["90834"] }],
  C1012: [{ from: "2025-04-03", to: LAST_SESSION, days: [4], every: 2, codes: ["90837", "90834"] }],
  C1013: [{ from: "2025-01-08", to: LAST_SESSION, days: [3], codes: ["90837"] }],
  C1014: [{ from: "2026-01-12", to: LAST_SESSION, days: [1], every: 2, codes: ["90834"] }],
  C1015: [{ from: "2025-09-02", to: LAST_SESSION, days: [2], codes: ["90837"] }],
  C1016: [{ from: "2026-01-09", to: LAST_SESSION, days: [5], every: 2, codes: ["90837"] }],
  C1017: [{ from: "2025-01-09", to: LAST_SESSION, days: [4], codes: ["90834"] }],
  C1018: [{ from: "2025-05-02", to: LAST_SESSION, days: [5], codes: ["90837"] }],
  C1019: [{ from: "2026-06-08", to: LAST_SESSION, days: [1], codes: ["90837"] }],
  C1020: [{ from: "2025-01-08", to: LAST_SESSION, days: [3], every: 2, codes: ["90834", "90837"] }],
  C1021: [
    { from: "2025-03-03", to: LAST_SESSION, days: [1, 4], codes: ["97153"], units: [6, 8] },
    { from: "2025-03-05", to: LAST_SESSION, days: [3], every: 2, codes: ["97155"], units: [2, 4] },
  ],
  C1022: [{ from: "2025-01-07", to: LAST_SESSION, days: [2, 4], codes: ["97153"], units: [4, 6], skip: 0.1 }],
  C1023: [
    { from: "2026-01-06", to: LAST_SESSION, days: [2, 5], codes: ["97153 HN", "97153 HN", "97153-HN"], units: [4, 6] },
  ],
  C1024: [{ from: "2025-07-07", to: LAST_SESSION, days: [1, 3], codes: ["97153"], units: [4, 8], skip: 0.12 }],
  C1025: [
    { from: "2026-01-06", to: LAST_SESSION, days: [2], codes: ["97153"], units: [6, 8] },
    { from: "2026-01-06", to: LAST_SESSION, days: [2], every: 3, codes: ["97155"], units: [2, 2] },
  ],
  C1026: [{ from: "2025-01-06", to: LAST_SESSION, days: [1, 4], codes: ["97153"], units: [4, 6], skip: 0.15 }],
  C1027: [{ from: "2025-09-02", to: LAST_SESSION, days: [2, 4], codes: ["97153"], units: [6, 8] }],
  C1028: [{ from: "2026-01-05", to: LAST_SESSION, days: [1, 3], codes: ["97153"], units: [4, 6], skip: 0.1 }],
  C1029: [{ from: "2026-08-03", to: LAST_SESSION, days: [1], codes: ["90834"], maxCounting: 7, skip: 0 }],
  C1030: [{ from: "2026-09-16", to: LAST_SESSION, days: [3], codes: ["90837"], maxCounting: 6, skip: 0 }],
  C1031: [{ from: "2025-03-04", to: LAST_SESSION, days: [2], codes: ["90834"], maxCounting: 6, skip: 0 }],
  C1032: [{ from: "2026-11-03", to: LAST_SESSION, days: [2], every: 2, codes: ["90837"], skip: 0 }],
  C1033: [{ from: "2026-10-06", to: LAST_SESSION, days: [2], codes: ["90837"] }],
  C1034: [{ from: "2026-04-07", to: LAST_SESSION, days: [2], codes: ["90837"] }],
  C1035: [{ from: "2025-02-05", to: "2026-06-24", days: [3], every: 2, codes: ["90834"] }],
  C1036: [{ from: "2026-11-17", to: LAST_SESSION, days: [2], codes: ["90837"] }],
};

/** One-off sessions: intakes (90791) and add-on codes. */
const EXTRA_SESSIONS: Array<{ date: string; clientId: string; code: string; notes?: string }> = [
  { date: "2025-05-27", clientId: "C1005", code: "90791", notes: "Intake" },
  { date: "2025-07-08", clientId: "C1006", code: "90791", notes: "Intake" },
  { date: "2025-09-30", clientId: "C1007", code: "90791", notes: "Intake" },
  { date: "2026-02-24", clientId: "C1011", code: "90791", notes: "Intake" },
  { date: "2026-06-01", clientId: "C1019", code: "90791", notes: "Intake" },
  { date: "2026-11-10", clientId: "C1036", code: "90791", notes: "Intake" },
  { date: "2026-03-31", clientId: "C1034", code: "90791", notes: "Intake" },
  // add-on codes: excluded from Any lines, and matching no listed line here
  { date: "2026-08-17", clientId: "C1029", code: "90785", notes: "Interactive complexity (interpreter)" },
  { date: "2026-10-07", clientId: "C1030", code: "90833", notes: "Add-on entered with med check" },
  { date: "2025-04-15", clientId: "C1031", code: "90785", notes: "Interactive complexity" },
  { date: "2026-02-06", clientId: "C1016", code: "90833", notes: "Add-on with E/M visit" },
  { date: "2026-05-15", clientId: "C1016", code: "90833", notes: "Add-on with E/M visit" },
  { date: "2026-09-04", clientId: "C1016", code: "90833", notes: "Add-on with E/M visit" },
  { date: "2025-06-12", clientId: "C1012", code: "90785", notes: "Interactive complexity" },
  { date: "2026-03-19", clientId: "C1012", code: "90785", notes: "Interactive complexity" },
];

const PAST_NOTES = [
  "",
  "",
  "",
  "",
  "",
  "",
  "",
  "",
  "Telehealth",
  "In office",
  "Copay collected",
  "Running late, started 10 min after",
];
const ABA_NOTES = ["", "", "", "", "", "Parent present", "In home", "Clinic", "School observation"];

function pastStatus(rng: Rng): string {
  const r = rng();
  if (r < 0.045) return "No Show";
  if (r < 0.07) return "Late Cancel";
  if (r < 0.08) return "Late Cancellation";
  if (r < 0.115) return "Cancelled";
  if (r < 0.125) return "Canceled";
  return "Completed";
}

function generateSessions(): Session[] {
  const out: Session[] = [];
  let seq = 0;
  const add = (s: Omit<Session, "seq" | "priorAuth" | "nameOnly" | "tieKey">, rng: Rng): void => {
    out.push({ ...s, seq: seq++, priorAuth: "", nameOnly: false, tieKey: rng() });
  };
  for (const c of clients) {
    const rng = mulberry32(seedOf(`sessions:${c.id}`));
    for (const seg of SCHEDULES[c.id] ?? []) {
      const from = Math.max(day(seg.from), FIRST);
      const to = Math.min(day(seg.to), LAST);
      const every = seg.every ?? 1;
      const skip = seg.skip ?? 0.05;
      let counted = 0;
      for (let d = from; d <= to; d++) {
        if (!seg.days.includes(weekday(d))) continue;
        if (Math.floor((d - from) / 7) % every !== 0) continue;
        if (HOLIDAYS.has(d)) continue;
        if (rng() < skip) continue;
        if (seg.maxCounting !== undefined && counted >= seg.maxCounting) break;
        let status: string;
        if (d > TODAY) status = rng() < 0.05 ? "Cancelled" : "Scheduled";
        else status = seg.maxCounting !== undefined ? (rng() < 0.1 ? "No Show" : "Completed") : pastStatus(rng);
        if (counts(status)) counted++;
        const aba = seg.units !== undefined;
        let notes = "";
        if (status === "Completed") notes = pick(rng, aba ? ABA_NOTES : PAST_NOTES);
        else if (status !== "Scheduled" && rng() < 0.3)
          notes = pick(rng, ["Client ill", "Weather", "Transportation", "Forgot"]);
        add(
          {
            date: d,
            clientId: c.id,
            code: pick(rng, seg.codes),
            units: aba ? intIn(rng, seg.units![0], seg.units![1]) : null,
            status,
            notes,
          },
          rng,
        );
      }
    }
  }
  const rng = mulberry32(seedOf("extras"));
  for (const e of EXTRA_SESSIONS) {
    const d = day(e.date);
    add(
      {
        date: d,
        clientId: e.clientId,
        code: e.code,
        units: null,
        status: d > TODAY ? "Scheduled" : "Completed",
        notes: e.notes ?? "",
      },
      rng,
    );
  }
  return out;
}

const sessions = generateSessions();

// Stale statuses: two past appointments nobody updated after they happened
// (a past "Scheduled" still counts as used, SPEC §3).
const staleScheduled: Session[] = [];
for (const id of ["C1002", "C1008"]) {
  const recent = sessions.filter((x) => x.clientId === id && x.date <= TODAY && x.date > TODAY - 21);
  const s = recent[recent.length - 1];
  if (!s) throw new Error(`no recent session for ${id}`);
  s.status = "Scheduled";
  s.notes = "";
  staleScheduled.push(s);
}

// ---------------------------------------------------------------------------
// Tracking lines

type Status = "Over limit" | "Expired" | "Depleted" | "Not started" | "Low" | "Expiring soon" | "Active" | "Invalid";

interface Fit {
  /** Allowed = what the sessions in the window need, plus delta … */
  delta: number;
  /** … rounded up to a multiple of this (for lines meant to stay Active). */
  roundUp?: number;
  /** Count needed sessions only up to this date (for overlapping renewals). */
  until?: string;
}

interface LineSpec {
  client: string;
  clientCell?: string; // what the Tracking "Client" cell says (default: the ID)
  trackBy: string;
  start: string;
  end: string;
  code: string;
  allowed: number | Fit;
  expect: Status;
  oddity?: string;
}

function fit(delta: number, roundUp?: number, until?: string): Fit {
  return { delta, roundUp, until };
}
function line(
  client: string,
  trackBy: string,
  start: string,
  end: string,
  code: string,
  allowed: number | Fit,
  expect: Status,
  extra: Pick<LineSpec, "clientCell" | "oddity"> = {},
): LineSpec {
  return { client, trackBy, start, end, code, allowed, expect, ...extra };
}

// client, Track By, start, end, Billing Code, Allowed (a number, or fitted to the sessions), intended status
const LINE_SPECS: LineSpec[] = [
  // --- psychotherapy
  line("C1001", "Sessions", "2025-01-01", "2025-12-31", "90837", fit(3), "Expired"),
  line("C1001", "Sessions", "2026-01-01", "2026-12-31", "90837", fit(2), "Low"),
  line("C1002", "Sessions", "2025-01-01", "2025-12-31", "90832-90838", fit(4, 4), "Expired"),
  line("C1002", "Sessions", "2026-01-01", "2026-12-31", "90832-90838", fit(4, 4), "Active"),
  line("C1003", "Sessions", "2025-01-01", "2025-12-31", "90837", fit(2, 2), "Expired"),
  line("C1003", "Sessions", "2026-01-01", "2026-12-31", "90837", fit(4, 2), "Active"),
  line("C1004", "Sessions", "2025-02-01", "2026-01-31", "90837", fit(2), "Expired"),
  line("C1004", "Sessions", "2026-02-01", "2026-12-08", "90837", fit(5), "Expiring soon"),
  line("C1005", "Sessions", "2025-05-20", "2025-06-30", "90791", 1, "Expired"),
  line("C1005", "Sessions", "2025-06-01", "2026-05-31", "90837", fit(1, undefined, "2026-04-14"), "Over limit", {
    oddity: "overlapOld",
  }),
  line("C1005", "Sessions", "2026-04-15", "2026-12-31", "90837", fit(4, 4), "Active", { oddity: "overlapNew" }),
  line("C1006", "Sessions", "2025-07-01", "2025-12-31", "90834, 90791", fit(1), "Expired"),
  line("C1006", "Sessions", "2026-01-01", "2026-06-30", "90834", fit(0), "Expired"),
  line("C1006", "Sessions", "2026-07-01", "2026-12-31", "90834", fit(3, 2), "Active"),
  line("C1007", "Sessions", "2025-10-01", "2026-09-30", "90832-90838", fit(6), "Expired", { oddity: "lapsed" }),
  line("C1007", "Sessions", "2025-09-15", "2025-10-31", "90791", 1, "Expired"),
  line("C1008", "Sessions", "2025-01-01", "2025-12-31", "90834", fit(2, 2), "Expired"),
  line("C1008", "Sessions", "2026-01-01", "2026-12-31", "90834", fit(4, 2), "Active"),
  line("C1009", "Sessions", "2025-01-01", "2025-12-31", "90837", fit(10, 10), "Expired"),
  line("C1010", "Sessions", "2025-01-01", "2025-12-31", "90837", fit(2), "Expired"),
  line("C1010", "Sessions", "2026-01-01", "2026-12-31", "90837", fit(-2), "Over limit"),
  line("C1011", "Sessions", "2026-02-15", "2026-03-31", "90791", 1, "Expired"),
  line("C1011", "Sessions", "2026-03-01", "2026-12-31", "90834", fit(5, 5), "Active"),
  line("C1012", "Sessions", "2025-04-01", "2026-03-31", "90832-90838", fit(3), "Expired"),
  line("C1012", "Sessions", "2026-04-01", "2026-12-31", "90832-90838", fit(4, 4), "Active"),
  line("C1013", "Sessions", "2025-01-01", "2025-12-31", "90837", fit(1), "Expired", { clientCell: "Grace Lee" }),
  line("C1013", "Sessions", "2026-01-01", "2026-12-31", "90837", fit(0), "Depleted"),
  line("C1014", "Sessions", "2026-01-01", "2026-12-31", "90834", fit(3, 2), "Active"),
  line("C1015", "Sessions", "2025-09-01", "2026-02-28", "90837", fit(1), "Expired"),
  line("C1015", "Sessions", "2026-03-01", "2026-08-31", "90837", fit(2), "Expired"),
  line("C1015", "Sessions", "2026-09-01", "2026-12-10", "90837", fit(4), "Expiring soon"),
  line("C1016", "Sessions", "2026-01-01", "2026-12-31", "90837", fit(4, 2), "Active"),
  line("C1017", "Sessions", "2025-01-01", "2025-12-31", "90834", fit(2), "Expired"),
  line("C1017", "Sessions", "2026-01-01", "2026-12-31", "90834", fit(1), "Low"),
  line("C1018", "Sessions", "2025-05-01", "2026-04-30", "90837", fit(2), "Expired", { clientCell: "Liam White" }),
  line("C1018", "Sessions", "2026-05-01", "2026-12-31", "90837", fit(4, 4), "Active"),
  line("C1019", "Sessions", "2026-06-01", "2026-11-30", "90791, 90837", fit(5), "Expiring soon"),
  line("C1019", "Sessions", "2026-12-01", "2026-12-31", "90837", 12, "Not started"),
  line("C1020", "Sessions", "2025-01-01", "2025-12-31", "90832-90838", fit(2), "Expired"),
  line("C1020", "Sessions", "2026-01-01", "2026-12-31", "90832-90838", fit(6, 4), "Active"),
  // --- ABA (units)
  line("C1021", "Units", "2025-03-01", "2026-02-28", "97153", fit(10, undefined, "2026-01-31"), "Expired", {
    oddity: "overlapAbaOld",
  }),
  line("C1021", "Units", "2026-02-01", "2026-12-31", "97153", fit(40, 40), "Active", { oddity: "overlapAbaNew" }),
  line("C1021", "Units", "2025-03-01", "2026-12-31", "97155", fit(24, 8), "Active"),
  line("C1022", "Units", "2025-01-01", "2025-12-31", "97153", fit(20, 20), "Expired"),
  line("C1022", "Units", "2026-01-01", "2026-12-31", "97153", fit(2), "Low"),
  line("C1023", "Units", "2026-01-01", "2026-06-30", "97153-HN", fit(8, 40), "Expired"),
  line("C1023", "Units", "2026-07-01", "2026-12-31", "97153-HN", 480, "Active"),
  line("C1024", "Units", "2025-07-01", "2026-06-30", "97153", fit(16, 16), "Expired"),
  line("C1024", "Units", "2026-07-01", "2026-12-31", "97153", 480, "Active"),
  line("C1024", "Units", "2026-07-01", "2026-12-31", "97155", 0, "Depleted", { oddity: "allowedZero" }),
  line("C1025", "Units", "2026-01-01", "2026-12-31", "97153", fit(40, 40), "Active"),
  line("C1025", "Units", "2026-01-01", "2026-12-31", "97155", fit(2), "Low"),
  line("C1026", "Units", "2025-01-01", "2025-12-31", "97153", fit(24, 24), "Expired"),
  line("C1026", "Units", "2026-01-01", "2026-12-13", "97153", fit(30, 10), "Expiring soon"),
  line("C1027", "Units", "2025-09-01", "2026-02-28", "97153", fit(12, 12), "Expired"),
  line("C1027", "Units", "2026-03-01", "2026-08-31", "97153", fit(-7), "Over limit"),
  line("C1027", "Units", "2026-09-01", "2026-12-31", "97153", fit(40, 40), "Active"),
  line("C1028", "Weekly", "2026-01-01", "2026-12-31", "97153", 480, "Invalid", { oddity: "weekly" }),
  // --- EAP (Any)
  line("C1029", "Sessions", "2026-08-01", "2026-12-31", "Any", 6, "Over limit", { oddity: "anyOver" }),
  line("C1030", "Sessions", "2026-09-15", "2026-12-31", "Any", 8, "Low", { oddity: "anyLow" }),
  line("C1031", "Sessions", "2025-03-01", "2025-08-31", "Any", 6, "Expired", { oddity: "anyExpired" }),
  line("C1032", "Sessions", "2026-11-01", "2026-12-31", "Count Any Session", 8, "Active"),
  // --- others
  line("C1033", "Sessions", "2026-10-01", "2026-03-31", "90837", 20, "Invalid", { oddity: "endBeforeStart" }),
  line("C1034", "Sessions", "2026-03-15", "2026-12-31", "90791, 90837", fit(6, 4), "Active"),
  line("C1036", "Sessions", "2026-11-01", "2026-12-31", "90791, 90837", 12, "Active"),
];

// --- code matching (a small model of SPEC §3 Codes, enough for this sample)

interface SessionCode {
  base: string;
  mods: string[];
}
interface LineCode {
  lo: string;
  hi: string;
  mod?: string;
}
function parseSessionCode(text: string): SessionCode {
  const parts = text
    .trim()
    .toUpperCase()
    .split(/[-: ]+/);
  return { base: parts[0], mods: parts.slice(1) };
}
function parseLineCodes(text: string): LineCode[] | "any" {
  const t = text.trim().toUpperCase();
  if (t === "ANY" || t === "COUNT ANY SESSION" || t === "*") return "any";
  const out: LineCode[] = [];
  for (const tok of t.split(/[,; ]+/).filter(Boolean)) {
    if (tok.length === 2 && out.length > 0) {
      out[out.length - 1].mod = tok;
      continue;
    }
    const [a, b] = tok.split("-");
    if (b === undefined) out.push({ lo: a, hi: a });
    else if (b.length === 2) out.push({ lo: a, hi: a, mod: b });
    else out.push({ lo: a, hi: b });
  }
  return out;
}
function codeMatches(codes: LineCode[] | "any", sc: SessionCode): boolean {
  if (codes === "any") return !ANY_EXCLUDES.includes(sc.base);
  return codes.some(
    (c) =>
      c.lo.length === sc.base.length &&
      c.lo <= sc.base &&
      sc.base <= c.hi &&
      (c.mod === undefined || sc.mods.includes(c.mod)),
  );
}

interface Line {
  spec: LineSpec;
  row: number; // Tracking sheet row
  auth: string;
  allowed: number;
  start: number;
  end: number;
  codes: LineCode[] | "any";
  valid: boolean;
  // counting results
  remaining: number;
  used: number;
  scheduled: number;
  last: number | null;
}

function costOf(line: { spec: LineSpec }, s: Session): number {
  return line.spec.trackBy === "Units" ? (s.units ?? 1) : 1;
}

function buildLines(): Line[] {
  const rng = mulberry32(seedOf("auth-numbers"));
  const used = new Set<string>();
  const lines = LINE_SPECS.map((spec) => {
    let auth = "";
    do auth = `${AUTH_PREFIX[client(spec.client).payer]}-${intIn(rng, 10000, 99999)}`;
    while (used.has(auth));
    used.add(auth);
    const start = day(spec.start);
    const end = day(spec.end);
    const codes = parseLineCodes(spec.code);
    let allowed: number;
    if (typeof spec.allowed === "number") allowed = spec.allowed;
    else {
      const until = Math.min(end, spec.allowed.until ? day(spec.allowed.until) : end);
      let need = 0;
      for (const s of sessions) {
        if (s.clientId !== spec.client || s.date < start || s.date > until || !counts(s.status)) continue;
        if (codeMatches(codes, parseSessionCode(s.code))) need += costOf({ spec }, s);
      }
      allowed = need + spec.allowed.delta;
      if (spec.allowed.roundUp) allowed = Math.ceil(allowed / spec.allowed.roundUp) * spec.allowed.roundUp;
    }
    const valid = ["Sessions", "Units"].includes(spec.trackBy) && start <= end;
    return {
      spec,
      row: 0,
      auth,
      allowed,
      start,
      end,
      codes,
      valid,
      remaining: allowed,
      used: 0,
      scheduled: 0,
      last: null,
    } as Line;
  });
  // Tracking rows are in the order the authorizations came in: by start date.
  const ordered = lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => a.l.start - b.l.start || a.l.spec.client.localeCompare(b.l.spec.client) || a.i - b.i)
    .map((x) => x.l);
  ordered.forEach((l, i) => (l.row = TRACKING_HEADER_ROW + 1 + i));
  return ordered;
}

const TRACKING_HEADER_ROW = 3;
const lines = buildLines();
const lineByOddity = (tag: string): Line => {
  const l = lines.find((x) => x.spec.oddity === tag);
  if (!l) throw new Error(`no line ${tag}`);
  return l;
};

// ---------------------------------------------------------------------------
// Typed Prior Auth # cells

// The biller typed the 2026 authorization on C1001's first sessions of the year.
const typedPriorAuth: Session[] = [];
{
  const l = lines.find((x) => x.spec.client === "C1001" && x.start === day("2026-01-01"))!;
  sessions
    .filter((s) => s.clientId === "C1001" && s.date >= l.start && counts(s.status))
    .sort((a, b) => a.date - b.date)
    .slice(0, 4)
    .forEach((s) => {
      s.priorAuth = l.auth;
      typedPriorAuth.push(s);
    });
}
// C1005: renewal overlaps the old authorization. The old line has exactly one
// session left when the overlap starts; the first overlap session takes it,
// the next goes to the renewal, and the third was already billed under the
// old number, so its Prior Auth # pins it there (old line goes over by 1).
const pinned: Session = (() => {
  const oldLine = lineByOddity("overlapOld");
  const newLine = lineByOddity("overlapNew");
  const overlap = sessions
    .filter(
      (s) =>
        s.clientId === "C1005" &&
        s.code === "90837" &&
        s.date >= newLine.start &&
        s.date <= oldLine.end &&
        counts(s.status),
    )
    .sort((a, b) => a.date - b.date);
  if (overlap.length < 3) throw new Error("C1005 overlap needs at least 3 counting sessions");
  overlap[2].priorAuth = oldLine.auth;
  overlap[2].notes = "Claim sent under old auth before renewal arrived";
  return overlap[2];
})();
// A typo: a Prior Auth # that matches no authorization (reported, left alone).
const typoPriorAuth: Session = (() => {
  const l = lines.find((x) => x.spec.client === "C1013" && x.start === day("2026-01-01"))!;
  const s = sessions.filter((x) => x.clientId === "C1013" && x.date >= day("2026-03-01") && counts(x.status))[0];
  s.priorAuth = l.auth.slice(0, -1);
  return s;
})();

// Rows where only the client's name is filled (ID blank).
const nameOnly: Session[] = [];
{
  const pool = sessions.filter(
    (s) => s.clientId === "C1034" && s.date >= day("2026-06-01") && s.date <= day("2026-09-30"),
  );
  [0, 3, 7].forEach((i) => {
    pool[i].nameOnly = true;
    nameOnly.push(pool[i]);
  });
  const s2 = sessions.filter((s) => s.clientId === "C1018" && s.date >= day("2026-08-01"))[0];
  s2.nameOnly = true;
  nameOnly.push(s2);
  const s3 = sessions.filter((s) => s.clientId === "C1003" && s.date >= day("2025-10-01"))[0];
  s3.nameOnly = true;
  s3.nameText = "  aisha   patel "; // resolves after trimming, case-folding and collapsing spaces
  nameOnly.push(s3);
}

// ---------------------------------------------------------------------------
// Sessions sheet layout: sorted by date, then a few deliberate disorders

type Cells = Array<ExcelJS.CellValue>;
interface Row {
  session?: Session;
  cells?: Cells; // a hand-made row (odd cells), not a counted session
  label?: string;
}

const SESSION_HEADERS = [
  "Date",
  "Client ID",
  "Client Name",
  "Billing Code",
  "Units",
  "Status",
  "Prior Auth #",
  "Notes",
];

function layoutSessions(): { rows: Row[]; marks: Record<string, Row[]> } {
  const sorted = [...sessions].sort((a, b) => a.date - b.date || a.tieKey - b.tieKey);
  const rows: Row[] = sorted.map((s) => ({ session: s }));
  const marks: Record<string, Row[]> = {};
  const mark = (k: string, r: Row): void => {
    (marks[k] ??= []).push(r);
  };
  const indexAtDate = (iso: string): number =>
    rows.findIndex((r) => r.session !== undefined && r.session.date >= day(iso));

  // Late entries: a few rows typed in after later appointments.
  const rng = mulberry32(seedOf("late-entries"));
  for (const iso of ["2025-03-11", "2025-08-19", "2026-02-10", "2026-07-07", "2026-10-13"]) {
    const from = indexAtDate(iso);
    const [r] = rows.splice(from, 1);
    const to = from + intIn(rng, 25, 45);
    rows.splice(to, 0, r);
    mark("late", r);
  }

  const insertAt = (iso: string, r: Row, key: string): void => {
    rows.splice(indexAtDate(iso), 0, r);
    mark(key, r);
  };
  const c = client;
  insertAt(
    "2025-05-14",
    { cells: ["13/45/2025", "C1003", c("C1003").name, "90837", null, "Completed", null, "Date typed by hand"] },
    "badDate",
  );
  insertAt(
    "2025-10-16",
    {
      cells: [
        dateCell(day("2025-10-16")),
        "C1022",
        c("C1022").name,
        "97153",
        "two",
        "Completed",
        null,
        "Units typed as a word",
      ],
    },
    "badUnits",
  );
  insertAt("2026-01-21", { cells: [null, null, null, null, null, null, null, null] }, "blank");
  insertAt("2026-01-21", { cells: [null, null, null, null, null, null, null, null] }, "blank");
  insertAt(
    "2026-04-22",
    {
      cells: [
        dateCell(day("2026-04-22")),
        null,
        "Unknown Person",
        "90834",
        null,
        "Completed",
        null,
        "Walk-in, not registered",
      ],
    },
    "unknown",
  );
  insertAt(
    "2026-08-26",
    {
      cells: [
        dateCell(day("2026-08-26")),
        "C1020",
        c("C1020").name,
        { error: "#N/A" },
        null,
        "Completed",
        null,
        "Code pasted from a lookup",
      ],
    },
    "errorCode",
  );
  return { rows, marks };
}

const { rows: sessionRows, marks } = layoutSessions();
const rowOf = new Map<Session, number>();
sessionRows.forEach((r, i) => r.session && rowOf.set(r.session, i + 2));
const rowsOfMark = (k: string): number[] => (marks[k] ?? []).map((r) => sessionRows.indexOf(r) + 2);
const rowsOfSessions = (list: Session[]): number[] => list.map((s) => rowOf.get(s)!).sort((a, b) => a - b);

// ---------------------------------------------------------------------------
// Design check: count with a small model of SPEC §4 and compare to the plan

interface Outcome {
  status: Status;
  over: number; // sessions that went over
}
function count(): { outcome: Map<Line, Outcome>; outside: number; noLine: number } {
  const valid = lines.filter((l) => l.valid);
  const order = (a: Line, b: Line): number =>
    Number(a.codes === "any") - Number(b.codes === "any") || a.end - b.end || a.start - b.start || a.row - b.row;
  const overBy = new Map<Line, number>();
  let outside = 0;
  let noLine = 0;
  const todo = sessions
    .filter((s) => counts(s.status))
    .sort((a, b) => a.date - b.date || rowOf.get(a)! - rowOf.get(b)!);
  for (const s of todo) {
    const sc = parseSessionCode(s.code);
    const mine = valid.filter((l) => l.spec.client === s.clientId && codeMatches(l.codes, sc));
    const matching = mine.filter((l) => l.start <= s.date && s.date <= l.end);
    if (matching.length === 0) {
      if (mine.length > 0) outside++;
      else noLine++;
      continue;
    }
    const pinnedTo = s.priorAuth
      ? matching.filter((l) => l.auth.toLowerCase() === s.priorAuth.trim().toLowerCase())
      : [];
    const cands = (pinnedTo.length > 0 ? pinnedTo : matching).sort(order);
    const line = cands.find((l) => l.remaining >= costOf(l, s)) ?? cands[0];
    const cost = costOf(line, s);
    line.remaining -= cost;
    if (line.remaining < 0) overBy.set(line, (overBy.get(line) ?? 0) + 1);
    if (s.date <= TODAY) {
      line.used += cost;
      line.last = line.last === null ? s.date : Math.max(line.last, s.date);
    } else line.scheduled += cost;
  }
  const outcome = new Map<Line, Outcome>();
  for (const l of lines) {
    let status: Status;
    if (!l.valid) status = "Invalid";
    else if (l.remaining < 0) status = "Over limit";
    else if (TODAY > l.end) status = "Expired";
    else if (l.remaining === 0) status = "Depleted";
    else if (TODAY < l.start) status = "Not started";
    else if (l.remaining <= 2) status = "Low";
    else if (l.end - TODAY <= 14) status = "Expiring soon";
    else status = "Active";
    outcome.set(l, { status, over: overBy.get(l) ?? 0 });
  }
  return { outcome, outside, noLine };
}

const { outcome, outside, noLine } = count();
const mismatches = lines.filter((l) => outcome.get(l)!.status !== l.spec.expect);
if (mismatches.length > 0) {
  for (const l of mismatches) {
    console.error(
      `row ${l.row} ${l.spec.client} ${l.spec.code} ${l.spec.start}..${l.spec.end}: expected ${l.spec.expect}, got ${outcome.get(l)!.status} (allowed ${l.allowed}, remaining ${l.remaining})`,
    );
  }
  throw new Error("the sample no longer matches its design; see above");
}
{
  const p = pinned;
  const old = lineByOddity("overlapOld");
  if (old.remaining !== -1)
    throw new Error(`pinned session should put ${old.auth} at -1, got ${old.remaining} (${isoOf(p.date)})`);
}

// ---------------------------------------------------------------------------
// Workbook

function boldRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
}

async function build(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = PRACTICE;
  wb.lastModifiedBy = PRACTICE;
  wb.company = PRACTICE;
  wb.title = `${PRACTICE} — sample workbook`;
  wb.created = FILE_DATE;
  wb.modified = FILE_DATE;

  // Clients
  const wsC = wb.addWorksheet("Clients");
  wsC.columns = [
    { header: "Client ID", width: 11 },
    { header: "Client Name", width: 22 },
    { header: "Primary Insurance", width: 20 },
    { header: "Member ID", width: 16 },
  ];
  boldRow(wsC.getRow(1));
  for (const c of clients) wsC.addRow([c.id, c.name, c.payer, c.member]);
  wsC.views = [{ state: "frozen", ySplit: 1 }];

  // Tracking: title, blank row, header on row 3
  const wsT = wb.addWorksheet("Tracking");
  const trackingHeaders = [
    "Client",
    "Track By",
    "Start Date",
    "End Date",
    "Billing Code",
    "Allowed",
    "Authorization #",
  ];
  [14, 10, 12, 12, 18, 9, 16].forEach((w, i) => (wsT.getColumn(i + 1).width = w));
  wsT.getCell("A1").value = "Authorizations";
  wsT.getCell("A1").font = { bold: true, size: 14 };
  wsT.mergeCells("A1:G1");
  wsT.getRow(TRACKING_HEADER_ROW).values = trackingHeaders;
  boldRow(wsT.getRow(TRACKING_HEADER_ROW));
  for (const l of lines) {
    const r = wsT.getRow(l.row);
    r.values = [
      l.spec.clientCell ?? l.spec.client,
      l.spec.trackBy,
      dateCell(l.start),
      dateCell(l.end),
      l.spec.code,
      l.allowed,
      l.auth,
    ];
  }
  wsT.getColumn(3).numFmt = "mm/dd/yyyy";
  wsT.getColumn(4).numFmt = "mm/dd/yyyy";
  wsT.views = [{ state: "frozen", ySplit: TRACKING_HEADER_ROW }];

  // Sessions
  const wsS = wb.addWorksheet("Sessions");
  [12, 10, 20, 13, 7, 18, 16, 40].forEach((w, i) => (wsS.getColumn(i + 1).width = w));
  wsS.getRow(1).values = SESSION_HEADERS;
  boldRow(wsS.getRow(1));
  sessionRows.forEach((r, i) => {
    const row = wsS.getRow(i + 2);
    if (r.session) {
      const s = r.session;
      const c = client(s.clientId);
      row.values = [
        dateCell(s.date),
        s.nameOnly ? null : c.id,
        s.nameText ?? c.name,
        s.code,
        s.units,
        s.status,
        s.priorAuth || null,
        s.notes || null,
      ];
    } else if (r.cells) {
      r.cells.forEach((v, j) => {
        if (v !== null) row.getCell(j + 1).value = v;
      });
    }
  });
  wsS.getColumn(1).numFmt = "mm/dd/yyyy";
  wsS.views = [{ state: "frozen", ySplit: 1 }];

  // Settings
  const wsSet = wb.addWorksheet("Settings");
  wsSet.columns = [
    { header: "Setting", width: 24 },
    { header: "Value", width: 70 },
  ];
  boldRow(wsSet.getRow(1));
  wsSet.addRow(["Count Any excludes", ANY_EXCLUDES.join(", ")]);
  wsSet.addRow(["Not counted statuses", NOT_COUNTED.join(", ")]);
  wsSet.addRow(["Low remaining at", 2]);
  wsSet.addRow(["Expiring within days", 14]);
  wsSet.addRow(["Date order", "M/D/Y"]);

  // Notes: the practice's own sheet, which must survive a refresh
  const wsN = wb.addWorksheet("Notes");
  wsN.getColumn(1).width = 90;
  wsN.getColumn(2).width = 12;
  wsN.getCell("A1").value = `${PRACTICE} — front desk notes`;
  wsN.getCell("A1").font = { bold: true, size: 13 };
  wsN.getCell("A3").value =
    "Enter every appointment on Sessions the day it is booked; change the Status after the visit.";
  wsN.getCell("A4").value = "Request renewals three weeks before an authorization’s End Date (Tricare: four weeks).";
  wsN.getCell("A5").value = "ComPsych EAP: 6 or 8 sessions per case, any code; add-on codes do not use a session.";
  wsN.getCell("A6").value =
    "Billing refreshes the Authorized Insurance Sessions report every Friday before claims go out.";
  const nonEmptyA = 1 + sessionRows.filter((r) => (r.session ? true : r.cells?.[0] != null)).length;
  wsN.getCell("A8").value = "Session rows on file (with header)";
  wsN.getCell("B8").value = { formula: "COUNTA(Sessions!A:A)", result: nonEmptyA };
  wsN.getCell("A9").value = "Authorization lines";
  wsN.getCell("B9").value = { formula: "COUNTA(Tracking!A:A)-2", result: lines.length };
  wsN.getCell("A8").font = { bold: true };
  wsN.getCell("A9").font = { bold: true };

  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return pinZipTimes(buf, FILE_DATE);
}

/**
 * ExcelJS (through JSZip) stamps every zip entry with the current time. Pin
 * each entry's DOS time/date, in the central directory and in its local
 * header, so the file's bytes do not depend on when it was written.
 */
function pinZipTimes(buf: Buffer, when: Date): Buffer {
  const dosDate = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  const dosTime = 0;
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("zip: no end of central directory");
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < entries; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("zip: bad central directory entry");
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error("zip: bad local header");
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

// ---------------------------------------------------------------------------
// README

function list(rows: number[]): string {
  return rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}`;
}

function readme(sha: string): string {
  const L = (tag: string): Line => lineByOddity(tag);
  const st = (l: Line): string => outcome.get(l)!.status;
  const ln = (l: Line): string =>
    `row ${l.row} (${l.spec.clientCell ?? l.spec.client}, ${l.spec.code}, ${usOf(l.start)}–${usOf(l.end)}, ${l.auth}, Allowed ${l.allowed})`;
  const statusCounts = new Map<string, Line[]>();
  for (const l of lines) {
    const k = outcome.get(l)!.status;
    statusCounts.set(k, [...(statusCounts.get(k) ?? []), l]);
  }
  const order: Status[] = [
    "Over limit",
    "Depleted",
    "Low",
    "Expiring soon",
    "Not started",
    "Active",
    "Expired",
    "Invalid",
  ];
  const pinnedRow = rowOf.get(pinned)!;
  const sessionCount = sessionRows.length;
  const out: string[] = [];
  out.push("# Sample workbook");
  out.push("");
  out.push(
    `\`sample-practice.xlsx\` is a fictitious small practice, **${PRACTICE}**: ${clients.length} clients, ` +
      `${lines.length} authorization lines and ${sessionCount} Sessions rows (${usOf(FIRST)}–${usOf(LAST)}), ` +
      `laid out as SPEC §2 describes, with a user's own **Notes** sheet that a refresh must leave alone. ` +
      `Its "today" is **${usOf(TODAY)}**: sessions after that date are booked appointments (Status "Scheduled").`,
  );
  out.push("");
  out.push("Try it: `npm run refresh -- examples/sample-practice.xlsx --as-of 2026-11-29`.");
  out.push("");
  out.push("## Regenerate");
  out.push("");
  out.push("```");
  out.push("npm run sample        # tsx examples/make-sample.ts");
  out.push("```");
  out.push("");
  out.push(
    "The script is deterministic (seeded PRNG, fixed dates, fixed workbook properties, zip entry times pinned to " +
      `${isoOf(FILE_DATE.getTime() / MS_PER_DAY)}), so it rewrites the same bytes every run ` +
      `(sha256 \`${sha.slice(0, 16)}…\`). It also writes this README, so the row numbers below always match the file; ` +
      "edit the script, not this page.",
  );
  out.push("");
  out.push("## Sheets");
  out.push("");
  out.push("- **Clients**: header on row 1; Client ID (C1001…), Client Name, Primary Insurance, Member ID.");
  out.push(
    `- **Tracking**: title "Authorizations" merged across A1:G1, row 2 blank, header on row ${TRACKING_HEADER_ROW} ` +
      "(header detection within the first 10 rows); lines in the order they came in (by start date). " +
      'Sessions lines for psychotherapy (90837, 90834, the range 90832-90838, intake 90791, "90791, 90837"), ' +
      "Units lines for ABA (97153, 97155, 97153-HN), Any lines for ComPsych EAP.",
  );
  out.push(
    "- **Sessions**: header on row 1; Date, Client ID, Client Name, Billing Code, Units (blank = 1 for psychotherapy, " +
      "4–8 for ABA), Status, Prior Auth #, Notes. No Remaining column: the add-in appends it.",
  );
  out.push("- **Settings**: the SPEC §2 defaults.");
  out.push("- **Notes**: free text and `=COUNTA(Sessions!A:A)`, `=COUNTA(Tracking!A:A)-2`.");
  out.push("");
  out.push("## Deliberate oddities");
  out.push("");
  out.push("Sessions sheet:");
  out.push("");
  out.push(`- Date typed as text \`13/45/2025\` (impossible date): ${list(rowsOfMark("badDate"))}.`);
  out.push(`- Units typed as the word \`two\`: ${list(rowsOfMark("badUnits"))}.`);
  out.push(`- Client "Unknown Person" (ID blank, in no Clients row): ${list(rowsOfMark("unknown"))}.`);
  out.push(`- Billing Code is the error value \`#N/A\`: ${list(rowsOfMark("errorCode"))}.`);
  out.push(`- Two fully blank rows in the middle: ${list(rowsOfMark("blank"))}.`);
  out.push(
    `- Client ID blank, only Client Name filled: ${list(rowsOfSessions(nameOnly))}` +
      ` (row ${rowOf.get(nameOnly[nameOnly.length - 1])} spells it \`  aisha   patel \`, which must still resolve to C1003).`,
  );
  out.push(`- Rows out of date order (entered late, a few dozen rows after their date): ${list(rowsOfMark("late"))}.`);
  out.push(`- Past appointments still marked "Scheduled" (count as used): ${list(rowsOfSessions(staleScheduled))}.`);
  out.push(
    `- Add-on codes 90785 / 90833 (never drawn from Any lines, and matching no listed line here): ` +
      `${list(rowsOfSessions(sessions.filter((s) => s.code === "90785" || s.code === "90833")))}.`,
  );
  out.push(
    `- Prior Auth # already typed, matching the line it would draw from anyway (C1001, 2026): ${list(rowsOfSessions(typedPriorAuth))}.`,
  );
  out.push(
    `- **Pinned** Prior Auth # on row ${pinnedRow} (C1005, ${usOf(pinned.date)}): it carries the older of two overlapping ` +
      `authorizations (${L("overlapOld").auth}), which is already used up, so it stays there and takes that line to −1 ` +
      `(over the authorization), while the sessions around it draw from the renewal ${L("overlapNew").auth}.`,
  );
  out.push(
    `- Prior Auth # \`${typoPriorAuth.priorAuth}\` on row ${rowOf.get(typoPriorAuth)} (C1013) is a typo that matches no ` +
      "authorization: reported, left as it is, and the session is placed as if the cell were blank.",
  );
  out.push("");
  out.push(`Tracking sheet (header row ${TRACKING_HEADER_ROW}):`);
  out.push("");
  out.push(`- End Date before Start Date (invalid): ${ln(L("endBeforeStart"))}.`);
  out.push(`- Track By "Weekly" (invalid): ${ln(L("weekly"))}.`);
  out.push(`- Allowed 0 (Depleted from the start): ${ln(L("allowedZero"))}.`);
  out.push(
    `- Any lines (ComPsych EAP): ${ln(L("anyOver"))} → ${st(L("anyOver"))}; ${ln(L("anyLow"))} → ${st(L("anyLow"))}; ` +
      `${ln(L("anyExpired"))} → ${st(L("anyExpired"))}; plus a "Count Any Session" line for C1032.`,
  );
  out.push(
    `- Overlapping renewals: ${ln(L("overlapOld"))} and ${ln(L("overlapNew"))}; ` +
      `${ln(L("overlapAbaOld"))} and ${ln(L("overlapAbaNew"))}.`,
  );
  out.push(
    `- Authorization lapsed with no renewal: ${ln(L("lapsed"))}; C1007's later sessions fall outside any authorization.`,
  );
  out.push(`- Client given by name instead of ID: ${list(lines.filter((l) => l.spec.clientCell).map((l) => l.row))}.`);
  out.push(
    `- C1019's renewal starts after today (Not started) while booked December sessions already draw from it; ` +
      `C1026's line ends exactly 14 days after today (Expiring soon, on the boundary).`,
  );
  out.push("");
  out.push(`## Intended statuses as of ${usOf(TODAY)}`);
  out.push("");
  out.push(
    "Worked out by the generator with a small model of SPEC §4 and checked on every run; the engine in `src/` is the authority.",
  );
  out.push("");
  out.push("| Status | Lines | Tracking rows |");
  out.push("|---|---|---|");
  for (const k of order) {
    const ls = statusCounts.get(k) ?? [];
    if (ls.length) out.push(`| ${k} | ${ls.length} | ${ls.map((l) => l.row).join(", ")} |`);
  }
  out.push("");
  out.push(
    `Counting sessions outside every authorization of their client: ${outside}; ` +
      `counting sessions of a client with no line for their code: ${noLine}.`,
  );
  out.push("");
  return out.join("\n");
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const buf = await build();
  fs.writeFileSync(OUT_XLSX, buf);
  const sha = createHash("sha256").update(buf).digest("hex");
  fs.writeFileSync(OUT_README, readme(sha));

  const byStatus = new Map<string, number>();
  for (const l of lines) byStatus.set(outcome.get(l)!.status, (byStatus.get(outcome.get(l)!.status) ?? 0) + 1);
  console.log(`wrote ${path.relative(process.cwd(), OUT_XLSX)} (${buf.length} bytes, sha256 ${sha})`);
  console.log(
    `  Clients ${clients.length} rows, Tracking ${lines.length} lines (header row ${TRACKING_HEADER_ROW}), Sessions ${sessionRows.length} rows`,
  );
  console.log(`  line statuses as of ${AS_OF}: ${[...byStatus].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log("  oddities (Sessions rows):");
  for (const k of ["badDate", "badUnits", "unknown", "errorCode", "blank", "late"])
    console.log(`    ${k}: ${rowsOfMark(k).join(", ")}`);
  console.log(`    nameOnly: ${rowsOfSessions(nameOnly).join(", ")}`);
  console.log(`    staleScheduled: ${rowsOfSessions(staleScheduled).join(", ")}`);
  console.log(
    `    typedPriorAuth: ${rowsOfSessions(typedPriorAuth).join(", ")}; pinned: ${rowOf.get(pinned)}; typo: ${rowOf.get(typoPriorAuth)}`,
  );
  console.log("  oddities (Tracking rows):");
  for (const l of lines.filter((x) => x.spec.oddity))
    console.log(`    ${l.spec.oddity}: row ${l.row} ${l.auth} allowed ${l.allowed} → ${outcome.get(l)!.status}`);
  console.log(`wrote ${path.relative(process.cwd(), OUT_README)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
