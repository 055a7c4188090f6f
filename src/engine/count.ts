/** The counting engine (SPEC §4): each session draws from at most one tracking line, in one pass after a sort. */
import { ClientDirectory, type Client } from "./clients";
import { excludeBases, formatTrackingCode, lineCountsCode, type CodeList } from "./codes";
import { type DateOrder, type DayNumber, partsFromDay } from "./dates";
import { statusKey } from "./settings";
import { lineStatus } from "./status";
import type {
  EngineResult,
  LineResult,
  PracticeInput,
  Problem,
  SessionResult,
  SessionRow,
  TrackBy,
  TrackingRow,
} from "./types";

/** Counts are summed in hundredths, as integers, so 0.1 + 0.2 units is exactly 0.3. */
const toHundredths = (n: number): number => Math.round(n * 100);
const fromHundredths = (n: number): number => n / 100;

/** A valid tracking line while sessions draw from it. */
interface OpenLine {
  readonly index: number;
  readonly row: number;
  readonly client: Client;
  readonly trackBy: TrackBy;
  readonly codes: CodeList;
  readonly start: DayNumber;
  readonly end: DayNumber;
  readonly allowed: number;
  readonly authorization: string | null;
  readonly authKey: string | null;
  drawn: number;
  used: number;
  scheduled: number;
  lastSession: DayNumber | null;
}

/**
 * Counts a practice as of a date. Pure: the same input gives the same result.
 * Example: a line allowing 12 sessions of 90837 from 1/1 to 6/30 and five
 * completed 90837 sessions before the as-of date give Used 5, Remaining 7, and
 * the five sessions Remaining 11, 10, 9, 8, 7.
 */
export function countSessions(input: PracticeInput, asOf: DayNumber): EngineResult {
  const { settings, labels } = input;
  const problems: Problem[] = [];
  const directory = new ClientDirectory(input.clients, labels.clientsSheet);
  problems.push(...directory.problems);
  const excludes = excludeBases(settings.countAnyExcludes);
  const notCounted = new Set(settings.notCountedStatuses.map(statusKey));
  const fmt = (day: DayNumber): string => formatDay(day, settings.dateOrder);

  const reportedUnknown = new Set<string>();
  const resolve = (sheet: string, row: number, ref: TrackingRow["client"]): Client | null => {
    if (ref === null) return null;
    const r = directory.resolve(ref);
    if (!r.ok) {
      problems.push({
        kind: "ambiguous-client",
        sheet,
        row,
        column: ref.column,
        message: `${r.message}; row ${row} is left out.`,
      });
      return null;
    }
    if (!r.client.known && directory.reportsUnknown && !reportedUnknown.has(`${sheet}|${r.client.key}`)) {
      reportedUnknown.add(`${sheet}|${r.client.key}`);
      problems.push({
        kind: "unknown-client",
        sheet,
        row,
        column: ref.column,
        message: `"${ref.text.trim()}" is not on the ${labels.clientsSheet} sheet; it is counted as a client of its own.`,
      });
    }
    return r.client;
  };

  // Tracking lines: validate, then group each client's lines in draw order.
  const lineResults: (LineResult | null)[] = [];
  const open: OpenLine[] = [];
  input.tracking.forEach((t, index) => {
    const client = t.client === null ? null : resolve(labels.trackingSheet, t.row, t.client);
    const reasons = t.issues.map((i) => i.message);
    if (t.client !== null && client === null) reasons.push("its client is ambiguous");
    // Cell issues were reported by the reader; the engine reports what only it can see.
    const own: string[] = [];
    if (t.start !== null && t.end !== null && t.start > t.end) {
      own.push(`Start Date ${fmt(t.start)} is after End Date ${fmt(t.end)}`);
    }
    const incomplete =
      client === null ||
      t.trackBy === null ||
      t.start === null ||
      t.end === null ||
      t.codes === null ||
      t.allowed === null;
    if (reasons.length === 0 && incomplete) own.push("a required cell is blank");
    if (reasons.length > 0 || own.length > 0 || incomplete) {
      const note = sentence([...reasons, ...own].join("; "));
      if (own.length > 0) {
        problems.push({
          kind: "invalid-line",
          sheet: labels.trackingSheet,
          row: t.row,
          column: null,
          message: `${labels.trackingSheet} row ${t.row}: ${own.join("; ")}; the line is not counted.`,
        });
      }
      lineResults[index] = invalidLine(t, client, note);
      return;
    }
    lineResults[index] = null;
    open.push({
      index,
      row: t.row,
      client,
      trackBy: t.trackBy,
      codes: t.codes,
      start: t.start,
      end: t.end,
      allowed: toHundredths(t.allowed),
      authorization: t.authorization,
      authKey: t.authorization === null ? null : authKey(t.authorization),
      drawn: 0,
      used: 0,
      scheduled: 0,
      lastSession: null,
    });
  });

  const linesByClient = new Map<string, OpenLine[]>();
  for (const line of open) {
    const list = linesByClient.get(line.client.key);
    if (list) list.push(line);
    else linesByClient.set(line.client.key, [line]);
  }
  // Draw order (rule 2): listed codes before Any, then earlier End, earlier Start, earlier row.
  for (const list of linesByClient.values()) {
    list.sort(
      (a, b) => Number(a.codes.any) - Number(b.codes.any) || a.end - b.end || a.start - b.start || a.row - b.row,
    );
  }

  // Sessions: only those that count, by date then row.
  const sessionResults: SessionResult[] = new Array(input.sessions.length);
  const counting: { s: SessionRow; index: number; client: Client }[] = [];
  input.sessions.forEach((s, index) => {
    const client = s.issues.length === 0 && s.client !== null ? resolve(labels.sessionsSheet, s.row, s.client) : null;
    sessionResults[index] = {
      row: s.row,
      clientKey: client?.key ?? null,
      trackingRow: null,
      remaining: null,
      priorAuth: s.priorAuth,
      writePriorAuth: null,
    };
    if (client === null || s.date === null || s.code === null) return;
    if (s.status !== null && notCounted.has(statusKey(s.status))) return;
    counting.push({ s, index, client });
  });
  counting.sort((a, b) => (a.s.date as number) - (b.s.date as number) || a.s.row - b.s.row);

  for (const { s, index, client } of counting) {
    const date = s.date as DayNumber;
    const code = s.code!;
    const forCode = (linesByClient.get(client.key) ?? []).filter((l) => lineCountsCode(l.codes, code, excludes));
    if (forCode.length === 0) continue;
    const matching = forCode.filter((l) => l.start <= date && date <= l.end);
    if (matching.length === 0) {
      problems.push({
        kind: "outside-authorization",
        sheet: labels.sessionsSheet,
        row: s.row,
        column: null,
        message: `Session on ${fmt(date)} (${clientLabel(client)}, ${code.base}) is outside every authorization for that code: ${forCode.map((l) => `${fmt(l.start)}–${fmt(l.end)}`).join(", ")}.`,
      });
      continue;
    }
    let pool = matching;
    if (s.priorAuth !== null) {
      const key = authKey(s.priorAuth);
      const pinned = matching.filter((l) => l.authKey === key);
      if (pinned.length > 0) pool = pinned;
      else {
        problems.push({
          kind: "prior-auth-mismatch",
          sheet: labels.sessionsSheet,
          row: s.row,
          column: labels.priorAuthColumn,
          message: `Prior Auth # "${s.priorAuth}" on the session of ${fmt(date)} matches no authorization covering it; the cell is left as it is and the session is counted against ${matching.map((l) => l.authorization ?? `tracking row ${l.row}`).join(" or ")}.`,
        });
      }
    }
    const cost = (l: OpenLine): number => (l.trackBy === "Units" ? toHundredths(s.units) : 100);
    const line = pool.find((l) => l.allowed - l.drawn >= cost(l)) ?? pool[0];
    const c = cost(line);
    line.drawn += c;
    if (date <= asOf) {
      line.used += c;
      if (line.lastSession === null || date > line.lastSession) line.lastSession = date;
    } else {
      line.scheduled += c;
    }
    const remaining = line.allowed - line.drawn;
    if (remaining < 0) {
      problems.push({
        kind: "over-authorization",
        sheet: labels.sessionsSheet,
        row: s.row,
        column: null,
        message: `Session on ${fmt(date)} (${clientLabel(client)}, ${code.base}) is over authorization ${line.authorization ?? `on tracking row ${line.row}`}: ${amount(-remaining, line.trackBy)} past the ${amount(line.allowed, line.trackBy)} allowed.`,
      });
    }
    sessionResults[index] = {
      ...sessionResults[index],
      trackingRow: line.row,
      remaining: fromHundredths(remaining),
      priorAuth: s.priorAuth ?? line.authorization,
      writePriorAuth: s.priorAuth === null ? line.authorization : null,
    };
  }

  for (const line of open) {
    const remaining = line.allowed - line.drawn;
    const note =
      remaining < 0
        ? `Over by ${amount(-remaining, line.trackBy)}: ${amount(line.drawn, line.trackBy)} drawn of ${amount(line.allowed, line.trackBy)} allowed.`
        : null;
    lineResults[line.index] = {
      row: line.row,
      clientKey: line.client.key,
      clientId: line.client.id,
      clientName: line.client.name,
      insurance: line.client.insurance,
      authorization: line.authorization,
      trackBy: line.trackBy,
      codes: codeTexts(line.codes),
      any: line.codes.any,
      start: line.start,
      end: line.end,
      allowed: fromHundredths(line.allowed),
      used: fromHundredths(line.used),
      scheduled: fromHundredths(line.scheduled),
      remaining: fromHundredths(remaining),
      status: lineStatus({ remaining, start: line.start, end: line.end, asOf, settings, scale: 100 }),
      lastSession: line.lastSession,
      note,
    };
  }

  return {
    asOf,
    lines: lineResults as LineResult[],
    sessions: sessionResults,
    problems,
  };
}

function invalidLine(t: TrackingRow, client: Client | null, note: string): LineResult {
  const fallback = t.client === null ? null : fallbackClient(t.client.text, t.client.isNameColumn);
  return {
    row: t.row,
    clientKey: client?.key ?? null,
    clientId: client ? client.id : (fallback?.id ?? null),
    clientName: client ? client.name : (fallback?.name ?? null),
    insurance: client?.insurance ?? null,
    authorization: t.authorization,
    trackBy: t.trackBy,
    codes: t.codes ? codeTexts(t.codes) : [],
    any: t.codes?.any ?? false,
    start: t.start,
    end: t.end,
    allowed: t.allowed,
    used: 0,
    scheduled: 0,
    remaining: null,
    status: "Invalid",
    lastSession: null,
    note,
  };
}

/** An ambiguous client still shows its text in the report, where a biller can see what to fix. */
function fallbackClient(text: string, isName: boolean): { id: string | null; name: string | null } {
  const t = text.trim();
  return isName || !/\d/.test(t) ? { id: null, name: t } : { id: t, name: null };
}

function codeTexts(codes: CodeList): string[] {
  return codes.any ? [] : codes.codes.map(formatTrackingCode);
}

/** Prior Auth # and Authorization # compare trimmed and case-insensitive. */
function authKey(text: string): string {
  return text.trim().toLowerCase();
}

function clientLabel(client: Client): string {
  return client.name ?? client.id ?? "client";
}

/** "2 sessions", "1 session", "3.5 units" from hundredths. */
function amount(hundredths: number, trackBy: TrackBy): string {
  const n = fromHundredths(hundredths);
  const word = trackBy === "Units" ? "unit" : "session";
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** A date in the practice's own order: 3/5/2026 (M/D/Y) or 5/3/2026 (D/M/Y). */
export function formatDay(day: DayNumber, order: DateOrder): string {
  const p = partsFromDay(day);
  return order === "MDY" ? `${p.month}/${p.day}/${p.year}` : `${p.day}/${p.month}/${p.year}`;
}

function sentence(text: string): string {
  const t = text.charAt(0).toUpperCase() + text.slice(1);
  return t.endsWith(".") ? t : `${t}.`;
}
