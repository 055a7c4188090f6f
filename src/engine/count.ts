/** The counting engine (SPEC §4): each session draws from at most one tracking line, in one pass after a sort. */
import { clip, quote } from "./text";
import { ClientDirectory, type Client } from "./clients";
import { SessionResults } from "./sessions";
import { excludeBases, formatTrackingCode, lineCountsCode, type CodeList, type SessionCode } from "./codes";
import { type DateOrder, type DayNumber, partsFromDay } from "./dates";
import { statusKey } from "./settings";
import { lineStatus } from "./status";
import type { ClientRef, EngineResult, LineResult, PracticeInput, Problem, TrackBy, TrackingRow } from "./types";

/** Counts are summed in hundredths, as integers, so 0.1 + 0.2 units is exactly 0.3. */
const toHundredths = (n: number): number => Math.round(n * 100);
const fromHundredths = (n: number): number => n / 100;

/** A valid tracking line. What the draw reads and adds to lives in its record (see LINE), at `column`. */
interface OpenLine {
  /** Its place among all tracking rows (for the results) and among the valid ones (for its record). */
  readonly index: number;
  readonly column: number;
  readonly row: number;
  readonly client: Client;
  readonly trackBy: TrackBy;
  readonly codes: CodeList;
  readonly start: DayNumber;
  readonly end: DayNumber;
  /** In hundredths. */
  readonly allowed: number;
  readonly authorization: string | null;
}

/**
 * The valid lines' numbers, one fixed-size record per line in one flat array,
 * so a session's draw reads one record per candidate line and not a scatter of
 * objects and fields. Counts are in hundredths.
 */
const LINE = { start: 0, end: 1, allowed: 2, isUnits: 3, drawn: 4, used: 5, scheduled: 6, last: 7, size: 8 } as const;

/**
 * Per session, by its place in the input, what the draw needs, in one record: its day, its group
 * (where its client's lines for its code start in the group pool), its cost on
 * a Units line, and its Prior Auth # key as a number (-1 when blank).
 */
const SESSION = { day: 0, group: 1, unitsCost: 2, pin: 3, size: 4 } as const;

/** What the engine keeps per distinct Client cell text: how it resolved. */
interface ClientText {
  /** Its place among the distinct texts; sessions store this number instead of the text. */
  readonly number: number;
  readonly client: Client | null;
  /** Why the text names no single client (an ambiguous ID or name); null when it resolved. */
  readonly ambiguity: string | null;
  /** True for a client found in no Clients row. */
  readonly unknown: boolean;
}

/**
 * Counts a practice as of a date. Pure: the same input gives the same result.
 * Example: a line allowing 12 sessions of 90837 from 1/1 to 6/30 and five
 * completed 90837 sessions before the as-of date give Used 5, Remaining 7, and
 * the five sessions Remaining 11, 10, 9, 8, 7.
 *
 * It runs in time proportional to the sessions (a counting sort by day), does
 * once per distinct value what is the same for every row with that value
 * (resolving a Client cell's text, reading a status, finding which of a
 * client's lines count a code), and draws over flat arrays of numbers.
 */
export function countSessions(input: PracticeInput, asOf: DayNumber): EngineResult {
  const { settings, labels } = input;
  const problems: Problem[] = [];
  const directory = new ClientDirectory(input.clients, labels.clientsSheet);
  problems.push(...directory.problems);
  const excludes = excludeBases(settings.countAnyExcludes);
  const notCounted = new Set(settings.notCountedStatuses.map(statusKey));
  // Dates in messages repeat (one per day of the practice's calendar), so each is formatted once.
  const formatted = new Map<number, string>();
  const fmt = (day: DayNumber): string => {
    let text = formatted.get(day);
    if (text === undefined) {
      text = formatDay(day, settings.dateOrder);
      formatted.set(day, text);
    }
    return text;
  };

  // A Client cell's resolution depends only on its exact text (and, for an unknown client, on
  // whether it sits under a name header), so each distinct text is resolved once, not once a row.
  const texts: [Map<string, ClientText>, Map<string, ClientText>] = [new Map(), new Map()];
  const textClients: (Client | null)[] = [];
  const reportedUnknown = new Set<string>();
  const resolveText = (sheet: string, row: number, ref: ClientRef): ClientText | null => {
    const cache = texts[ref.isNameColumn ? 1 : 0];
    let entry = cache.get(ref.text);
    if (entry === undefined) {
      const r = directory.resolve(ref);
      entry = r.ok
        ? { number: textClients.length, client: r.client, ambiguity: null, unknown: !r.client.known }
        : { number: textClients.length, client: null, ambiguity: r.message, unknown: false };
      textClients.push(entry.client);
      cache.set(ref.text, entry);
    }
    if (entry.ambiguity !== null) {
      problems.push({
        kind: "ambiguous-client",
        sheet,
        row,
        column: ref.column,
        message: `${entry.ambiguity}; row ${row} is left out.`,
      });
      return null;
    }
    if (entry.unknown && directory.reportsUnknown) {
      const key = `${sheet}|${entry.client!.key}`;
      if (!reportedUnknown.has(key)) {
        reportedUnknown.add(key);
        problems.push({
          kind: "unknown-client",
          sheet,
          row,
          column: ref.column,
          message: `${quote(ref.text)} is not on the ${labels.clientsSheet} sheet; it is counted as a client of its own.`,
        });
      }
    }
    return entry;
  };

  // Tracking lines: validate, then group each client's lines in draw order.
  const lineResults: (LineResult | null)[] = [];
  const open: OpenLine[] = [];
  input.tracking.forEach((t, index) => {
    const client = t.client === null ? null : (resolveText(labels.trackingSheet, t.row, t.client)?.client ?? null);
    const startAfterEnd = t.start !== null && t.end !== null && t.start > t.end;
    if (
      t.issues.length === 0 &&
      !startAfterEnd &&
      client !== null &&
      t.trackBy !== null &&
      t.start !== null &&
      t.end !== null &&
      t.codes !== null &&
      t.allowed !== null
    ) {
      lineResults[index] = null;
      open.push({
        index,
        column: open.length,
        row: t.row,
        client,
        trackBy: t.trackBy,
        codes: t.codes,
        start: t.start,
        end: t.end,
        allowed: toHundredths(t.allowed),
        authorization: t.authorization,
      });
      return;
    }
    const reasons = t.issues.map((i) => i.message);
    if (t.client !== null && client === null) reasons.push("its client is ambiguous");
    // Cell issues were reported by the reader; the engine reports what only it can see.
    const own: string[] = [];
    if (startAfterEnd) own.push(`Start Date ${fmt(t.start!)} is after End Date ${fmt(t.end!)}`);
    const incomplete =
      client === null ||
      t.trackBy === null ||
      t.start === null ||
      t.end === null ||
      t.codes === null ||
      t.allowed === null;
    if (reasons.length === 0 && incomplete) own.push("a required cell is blank");
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
  });

  // Each client's lines in draw order (rule 2): listed codes before Any, then earlier End, earlier
  // Start, earlier row. One sort of all lines, by client first: a sort per client would cost a
  // sort's setup for every client, which at 50,000 clients is most of the work.
  const clientNumbers = new Map<string, number>();
  const clientOfLine = new Int32Array(open.length);
  for (const l of open) clientOfLine[l.column] = keyNumber(clientNumbers, l.client.key);
  const byDraw = open
    .slice()
    .sort(
      (a, b) =>
        clientOfLine[a.column] - clientOfLine[b.column] ||
        Number(a.codes.any) - Number(b.codes.any) ||
        a.end - b.end ||
        a.start - b.start ||
        a.row - b.row,
    );
  /** Per client number, its lines in draw order. */
  const linesOfClient: OpenLine[][] = Array.from({ length: clientNumbers.size }, () => []);
  for (const l of byDraw) linesOfClient[clientOfLine[l.column]].push(l);
  const lineRecords = new Float64Array(open.length * LINE.size);
  for (const l of open) {
    const r = l.column * LINE.size;
    lineRecords[r + LINE.start] = l.start;
    lineRecords[r + LINE.end] = l.end;
    lineRecords[r + LINE.allowed] = l.allowed;
    lineRecords[r + LINE.isUnits] = l.trackBy === "Units" ? 1 : 0;
    lineRecords[r + LINE.last] = NaN;
  }

  // Sessions, first pass, in sheet order: each session's client and code become numbers, so
  // that what is the same for every session of a client and code is worked out once.
  const sessions = input.sessions;
  const sessionCount = sessions.length;
  /** Per session, its Client cell's text (a number into `textClients`), or -1 when it has no client. */
  const clientOf = new Int32Array(sessionCount);
  /** Per session, its code (a number into `codeSamples`), or -1 when it does not count. */
  const codeOf = new Int32Array(sessionCount);
  const codeNumbers = new Map<string, number>();
  const codeSamples: SessionCode[] = [];
  const statusCounts = new Map<string, boolean>();
  const counts = (status: string | null): boolean => {
    if (status === null) return true;
    let excluded = statusCounts.get(status);
    if (excluded === undefined) {
      excluded = notCounted.has(statusKey(status));
      statusCounts.set(status, excluded);
    }
    return !excluded;
  };
  /**
   * Per session, by its place in the sheet, its record as the draw will need it (its group is
   * filled in below). One record per session, never copied: at a million sessions every extra
   * array of them is tens of megabytes the collector is pressed to reclaim.
   */
  const records = new Float64Array(sessionCount * SESSION.size);
  /** Whether sheet rows rise with the index, as they do when a reader lists a sheet top to bottom. */
  let rowsRise = true;
  let previousRow = -Infinity;
  const keyNumbers = new Map<string, number>();
  const pinsByText = new Map<string, number>();
  for (let index = 0; index < sessionCount; index++) {
    const s = sessions[index];
    if (!(s.row > previousRow)) rowsRise = false;
    previousRow = s.row;
    const entry =
      s.issues.length === 0 && s.client !== null ? resolveText(labels.sessionsSheet, s.row, s.client) : null;
    codeOf[index] = -1;
    if (entry === null) {
      clientOf[index] = -1;
      continue;
    }
    clientOf[index] = entry.number;
    if (s.date === null || s.code === null || !counts(s.status)) continue;
    const code = s.code;
    const key = code.modifiers.length === 0 ? code.base : `${code.base}\u0000${code.modifiers.join("\u0000")}`;
    let codeNumber = codeNumbers.get(key);
    if (codeNumber === undefined) {
      codeNumber = codeSamples.length;
      codeSamples.push(code);
      codeNumbers.set(key, codeNumber);
    }
    codeOf[index] = codeNumber;
    // What the draw needs of the row, read now while the row is at hand.
    const r = index * SESSION.size;
    records[r + SESSION.day] = s.date;
    records[r + SESSION.unitsCost] = toHundredths(s.units);
    let pin = -1;
    if (s.priorAuth !== null) {
      const known = pinsByText.get(s.priorAuth);
      if (known === undefined) {
        pin = keyNumber(keyNumbers, authKey(s.priorAuth));
        pinsByText.set(s.priorAuth, pin);
      } else pin = known;
    }
    records[r + SESSION.pin] = pin;
  }

  // Second pass: each counting session's group, the lines of its client that count its code (in
  // draw order), kept in one pool as [count, column, column, …] and found through a table by
  // (client text, code). Sessions whose client has no line for their code drop out here.
  const textCount = textClients.length;
  const codeCount = codeSamples.length;
  const groupTable = new GroupTable(textCount, codeCount, sessionCount);
  const pool: number[] = [];
  let widestGroup = 0;
  const textLines: (readonly OpenLine[] | undefined)[] = [];
  /** Per Client cell text, the number of the client whose lines it draws from (-1 when it has none). */
  const textClientNumber = new Int32Array(textCount);
  // Whether a line counts a code depends only on the line's codes as read and the session's code,
  // and a practice has few distinct code cells: each (code cell, code) pair is decided once.
  const codeLists = new Map<string, number>();
  const lineCodeList = new Int32Array(open.length);
  for (const l of open) lineCodeList[l.column] = keyNumber(codeLists, codeListKey(l.codes));
  const decided = codeLists.size * codeCount <= Math.max(4 * sessionCount, 65_536);
  /** Per (code cell, code): 0 not yet decided, 1 does not count it, 2 counts it. */
  const verdicts = new Uint8Array(decided ? codeLists.size * codeCount : 0);
  const counting = new Int32Array(sessionCount);
  let countingCount = 0;
  for (let index = 0; index < sessionCount; index++) {
    const codeNumber = codeOf[index];
    if (codeNumber < 0) continue;
    const textNumber = clientOf[index];
    let group = groupTable.get(textNumber, codeNumber);
    if (group < 0) {
      let lines = textLines[textNumber];
      if (lines === undefined) {
        const client = clientNumbers.get(textClients[textNumber]!.key) ?? -1;
        lines = client < 0 ? [] : linesOfClient[client];
        textLines[textNumber] = lines;
        textClientNumber[textNumber] = client;
      }
      group = pool.length;
      pool.push(0);
      const code = codeSamples[codeNumber];
      for (const l of lines) {
        let verdict = 0;
        const cell = lineCodeList[l.column] * codeCount + codeNumber;
        if (decided) verdict = verdicts[cell];
        if (verdict === 0) {
          verdict = lineCountsCode(l.codes, code, excludes) ? 2 : 1;
          if (decided) verdicts[cell] = verdict;
        }
        if (verdict === 2) pool.push(l.column);
      }
      pool[group] = pool.length - group - 1;
      widestGroup = Math.max(widestGroup, pool[group]);
      groupTable.set(textNumber, codeNumber, group);
    }
    if (pool[group] === 0) continue;
    records[index * SESSION.size + SESSION.group] = group;
    counting[countingCount++] = index;
  }
  // Clients draw from their own lines only, so the draw may take one client at a time (in date
  // then row order within it): the client's few lines stay in the processor's cache while its
  // sessions draw, where a draw across all clients by date would fetch a line from memory at
  // nearly every session of a large practice.
  const byDate = drawOrder(counting.subarray(0, countingCount), records, rowsRise ? null : sessions);
  const order = clientMajor(byDate, clientOf, textClientNumber, clientNumbers.size);

  // A line's Authorization # key as a number, worked out only for lines a pinned session meets:
  // -2 unknown yet, -1 the line has none or no session pins it.
  const lineAuth = new Int32Array(open.length).fill(-2);
  const authOf = (column: number): number => {
    let n = lineAuth[column];
    if (n === -2) {
      const authorization = open[column].authorization;
      n = authorization === null ? -1 : (keyNumbers.get(authKey(authorization)) ?? -1);
      lineAuth[column] = n;
    }
    return n;
  };
  const lineList = (columns: ArrayLike<number>, from: number, to: number): OpenLine[] => {
    const list: OpenLine[] = [];
    for (let i = from; i < to; i++) list.push(open[columns[i]]);
    return list;
  };

  // The draw, client by client, in date then row order. Per session: the line it draws from (its
  // column, or -1) and that line's remaining count just after it. (Problems come out
  // client by client; analyzeWorkbook puts them in sheet and row order.)
  const drawnLine = new Int32Array(sessionCount).fill(-1);
  const drawnRemaining = new Float64Array(sessionCount);
  const matching = new Int32Array(widestGroup);
  const pinned = new Int32Array(widestGroup);
  const L = lineRecords;
  for (let k = 0; k < order.length; k++) {
    const index = order[k];
    const r = index * SESSION.size;
    const date = records[r + SESSION.day];
    const group = records[r + SESSION.group];
    let matches = 0;
    for (let i = group + 1, end = group + 1 + pool[group]; i < end; i++) {
      const l = pool[i];
      const o = l * LINE.size;
      if (L[o + LINE.start] <= date && date <= L[o + LINE.end]) matching[matches++] = l;
    }
    if (matches === 0) {
      const s = sessions[index];
      const forCode = lineList(pool, group + 1, group + 1 + pool[group]);
      problems.push({
        kind: "outside-authorization",
        sheet: labels.sessionsSheet,
        row: s.row,
        column: null,
        message: `Session on ${fmt(date as DayNumber)} (${clientLabel(textClients[clientOf[index]]!)}, ${clip(s.code!.base)}) is outside every authorization for that code: ${forCode.map((l) => `${fmt(l.start)}–${fmt(l.end)}`).join(", ")}.`,
      });
      continue;
    }
    let candidates = matching;
    let candidateCount = matches;
    const pin = records[r + SESSION.pin];
    if (pin >= 0) {
      let pinnedCount = 0;
      for (let i = 0; i < matches; i++) if (authOf(matching[i]) === pin) pinned[pinnedCount++] = matching[i];
      if (pinnedCount > 0) {
        candidates = pinned;
        candidateCount = pinnedCount;
      } else {
        const s = sessions[index];
        const against = lineList(matching, 0, matches).map(lineLabel);
        problems.push({
          kind: "prior-auth-mismatch",
          sheet: labels.sessionsSheet,
          row: s.row,
          column: labels.priorAuthColumn,
          message: `Prior Auth # ${quote(s.priorAuth ?? "")} on the session of ${fmt(date as DayNumber)} matches no authorization covering it; the cell is left as it is and the session is counted against ${against.join(" or ")}.`,
        });
      }
    }
    // Rules 2 and 3: the first line in draw order with the session's cost left, else the first.
    const unitsCost = records[r + SESSION.unitsCost];
    let line = candidates[0];
    for (let i = 0; i < candidateCount; i++) {
      const o = candidates[i] * LINE.size;
      if (L[o + LINE.allowed] - L[o + LINE.drawn] >= (L[o + LINE.isUnits] ? unitsCost : 100)) {
        line = candidates[i];
        break;
      }
    }
    const o = line * LINE.size;
    const cost = L[o + LINE.isUnits] ? unitsCost : 100;
    L[o + LINE.drawn] += cost;
    if (date <= asOf) {
      L[o + LINE.used] += cost;
      // NaN (nothing drawn yet) compares false, so the first day drawn is always taken.
      if (!(date <= L[o + LINE.last])) L[o + LINE.last] = date;
    } else {
      L[o + LINE.scheduled] += cost;
    }
    const remaining = L[o + LINE.allowed] - L[o + LINE.drawn];
    if (remaining < 0) {
      const s = sessions[index];
      const l = open[line];
      problems.push({
        kind: "over-authorization",
        sheet: labels.sessionsSheet,
        row: s.row,
        column: null,
        message: `Session on ${fmt(date as DayNumber)} (${clientLabel(textClients[clientOf[index]]!)}, ${clip(s.code!.base)}) is over ${lineLabel(l)}: ${amount(-remaining, l.trackBy)} past the ${amount(l.allowed, l.trackBy)} allowed.`,
      });
    }
    drawnLine[index] = line;
    drawnRemaining[index] = fromHundredths(remaining);
  }

  const sessionResults = new SessionResults(
    sessions,
    textClients.map((c) => c?.key ?? null),
    clientOf,
    drawnLine,
    drawnRemaining,
    open.map((l) => l.row),
    open.map((l) => l.authorization),
  );

  // Lines with equal code cells share one list of code texts (results are read-only).
  const codeTextLists: (readonly string[] | undefined)[] = [];
  for (const line of open) {
    const o = line.column * LINE.size;
    const list = lineCodeList[line.column];
    const codes = codeTextLists[list] ?? (codeTextLists[list] = codeTexts(line.codes));
    const lineDrawn = L[o + LINE.drawn];
    const remaining = line.allowed - lineDrawn;
    const note =
      remaining < 0
        ? `Over by ${amount(-remaining, line.trackBy)}: ${amount(lineDrawn, line.trackBy)} drawn of ${amount(line.allowed, line.trackBy)} allowed.`
        : null;
    const last = L[o + LINE.last];
    lineResults[line.index] = {
      row: line.row,
      clientKey: line.client.key,
      clientId: line.client.id,
      clientName: line.client.name,
      insurance: line.client.insurance,
      authorization: line.authorization,
      trackBy: line.trackBy,
      codes,
      any: line.codes.any,
      start: line.start,
      end: line.end,
      allowed: fromHundredths(line.allowed),
      used: fromHundredths(L[o + LINE.used]),
      scheduled: fromHundredths(L[o + LINE.scheduled]),
      remaining: fromHundredths(remaining),
      status: lineStatus({ remaining, start: line.start, end: line.end, asOf, settings, scale: 100 }),
      lastSession: Number.isNaN(last) ? null : (last as DayNumber),
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

/**
 * Group numbers by (client text, code): a flat table when texts × codes is of
 * the order of the sessions (the usual practice: thousands of clients, dozens
 * of codes), else a map, so a workbook of many distinct codes stays small.
 */
class GroupTable {
  private readonly table: Int32Array | null;
  private readonly map: Map<number, number> | null;
  private readonly codes: number;

  constructor(texts: number, codes: number, sessions: number) {
    this.codes = codes;
    const cells = texts * codes;
    this.table = cells <= Math.max(4 * sessions, 65_536) ? new Int32Array(cells).fill(-1) : null;
    this.map = this.table === null ? new Map() : null;
  }

  get(text: number, code: number): number {
    const cell = text * this.codes + code;
    return this.table !== null ? this.table[cell] : (this.map!.get(cell) ?? -1);
  }

  set(text: number, code: number, group: number): void {
    const cell = text * this.codes + code;
    if (this.table !== null) this.table[cell] = group;
    else this.map!.set(cell, group);
  }
}

/**
 * The sessions of `order` grouped by client, keeping their order within each
 * client: a stable counting sort on the client number of each session's text.
 */
function clientMajor(
  order: Int32Array,
  clientOf: Int32Array,
  textClientNumber: Int32Array,
  clientCount: number,
): Int32Array {
  const starts = new Int32Array(clientCount + 1);
  for (let k = 0; k < order.length; k++) starts[textClientNumber[clientOf[order[k]]] + 1]++;
  for (let c = 1; c <= clientCount; c++) starts[c] += starts[c - 1];
  const grouped = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const index = order[k];
    grouped[starts[textClientNumber[clientOf[index]]]++] = index;
  }
  return grouped;
}

/**
 * The counting sessions in date then sheet row order: the indices in
 * `counting` (rising), sorted by their records' days; `records` holds each
 * session's record by index. When rows rise with the index (`sessions` is
 * null), (date, row) is (date, index), and a stable counting sort over the
 * practice's days does it in linear time; a typed-array sort of packed keys
 * serves dates spread over centuries. Input that breaks those assumptions
 * (rows out of order, fractional days) takes the general sort.
 */
function drawOrder(
  counting: Int32Array,
  records: Float64Array,
  sessions: readonly { readonly row: number }[] | null,
): Int32Array {
  const m = counting.length;
  const size = SESSION.size;
  const order = new Int32Array(m);
  let minDay = Infinity;
  let maxDay = -Infinity;
  let integral = true;
  for (let k = 0; k < m; k++) {
    const date = records[counting[k] * size + SESSION.day];
    if (!Number.isInteger(date)) integral = false;
    if (date < minDay) minDay = date;
    if (date > maxDay) maxDay = date;
  }
  if (sessions !== null || !integral) {
    const day = (index: number): number => records[index * size + SESSION.day];
    const row = (index: number): number => (sessions === null ? index : sessions[index].row);
    order.set(Array.from(counting).sort((a, b) => day(a) - day(b) || row(a) - row(b)));
    return order;
  }
  const span = m === 0 ? 0 : maxDay - minDay + 1;
  if (span <= 4 * m + 4096) {
    const starts = new Int32Array(span + 1);
    for (let k = 0; k < m; k++) starts[records[counting[k] * size + SESSION.day] - minDay + 1]++;
    for (let d = 1; d <= span; d++) starts[d] += starts[d - 1];
    for (let k = 0; k < m; k++) {
      const index = counting[k];
      order[starts[records[index * size + SESSION.day] - minDay]++] = index;
    }
    return order;
  }
  // Packed key: day offset times m plus position; exact below 2^53 for any Excel date and any sheet.
  const keys = new Float64Array(m);
  for (let k = 0; k < m; k++) keys[k] = (records[counting[k] * size + SESSION.day] - minDay) * m + k;
  keys.sort();
  for (let at = 0; at < m; at++) order[at] = counting[keys[at] % m];
  return order;
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

/** A line's codes as a key: equal keys, equal lists (any, or the same codes, ranges and modifiers in order). */
function codeListKey(list: CodeList): string {
  if (list.any) return "any";
  let key = "";
  for (const c of list.codes) key += `${c.from}\u0001${c.to}\u0001${c.modifiers.join("\u0001")}\u0000`;
  return key;
}

/** The number standing for a key: the same for equal keys, new for a key not seen before. */
function keyNumber(numbers: Map<string, number>, key: string): number {
  let n = numbers.get(key);
  if (n === undefined) {
    n = numbers.size;
    numbers.set(key, n);
  }
  return n;
}

/** Prior Auth # and Authorization # compare trimmed and case-insensitive. */
function authKey(text: string): string {
  return text.trim().toLowerCase();
}

function clientLabel(client: Client): string {
  return clip(client.name ?? client.id ?? "client");
}

/** An authorization as a message names it: its number, or its tracking row when it has none. */
function lineLabel(line: { readonly authorization: string | null; readonly row: number }): string {
  return line.authorization === null
    ? `the authorization on tracking row ${line.row}`
    : `authorization ${clip(line.authorization)}`;
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
