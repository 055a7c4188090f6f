/** The counting engine (SPEC §4): each session draws from at most one tracking line, in one pass after a sort. */
import { clip, quote } from "./text";
import { ClientDirectory, type Client } from "./clients";
import { Distinct } from "./distinct";
import { SessionResults } from "./sessions";
import type { SessionTable } from "./sessionTable";
import { excludeBases, formatTrackingCode, lineCountsCode, type CodeList } from "./codes";
import { type DateOrder, type DayNumber, partsFromDay } from "./dates";
import { statusKey } from "./settings";
import { lineStatus } from "./status";
import type { ClientRef, EngineResult, LineResult, PracticeInput, Problem, TrackBy, TrackingRow } from "./types";

/** Counts are summed in hundredths, as integers, so 0.1 + 0.2 units is exactly 0.3. */
const toHundredths = (n: number): number => Math.round(n * 100);
const fromHundredths = (n: number): number => n / 100;

/**
 * A valid tracking line: the reader's row itself, its cells known to be there. The valid lines
 * are numbered by column (their place among the valid ones); what the draw reads and adds to
 * lives in the column's record (see LINE), and its client in `clientOfLine`.
 */
type OpenLine = TrackingRow & {
  readonly trackBy: TrackBy;
  readonly codes: CodeList;
  readonly start: DayNumber;
  readonly end: DayNumber;
  readonly allowed: number;
};

/**
 * The valid lines' numbers, one fixed-size record per line in one flat array,
 * so a session's draw reads one record per candidate line and not a scatter of
 * objects and fields. Counts are in hundredths.
 */
const LINE = { start: 0, end: 1, allowed: 2, isUnits: 3, drawn: 4, used: 5, scheduled: 6, last: 7, size: 8 } as const;

/** About how many sessions a block of clients holds: its draw then works within the processor's cache. */
const BLOCK = 4096;

/** How the engine lays out its work; the result never depends on it. */
export interface CountOptions {
  /** About how many sessions to draw per block of clients (default 4,096); tests vary it. */
  readonly blockSessions?: number;
}

/** What the engine keeps per distinct Client cell text: how it resolved. */
interface ClientText {
  /** Its place among the distinct texts; sessions store this number instead of the text. */
  readonly number: number;
  readonly client: Client | null;
  /** Why the text names no single client (an ambiguous ID or name); null when it resolved. */
  readonly ambiguity: string | null;
  /** True for a client found in no Clients row. */
  readonly unknown: boolean;
  /** The number of its client among the clients with lines, once known; -1 before. */
  clientNumber: number;
}

/**
 * Counts a practice as of a date. Pure: the same input gives the same result.
 * Example: a line allowing 12 sessions of 90837 from 1/1 to 6/30 and five
 * completed 90837 sessions before the as-of date give Used 5, Remaining 7, and
 * the five sessions Remaining 11, 10, 9, 8, 7.
 *
 * It runs in time proportional to the sessions and lines: it does once per
 * distinct value what is the same for every row with that value (resolving a
 * Client cell, reading a status, finding which of a client's lines count a
 * code), deals the sessions that may count into blocks of clients in one pass
 * over the table's columns, puts each block in draw order with counting sorts
 * and draws it over flat arrays of numbers, so that at any size each step
 * works within the processor's cache.
 */
export function countSessions(
  input: PracticeInput,
  asOf: DayNumber,
  { blockSessions = BLOCK }: CountOptions = {},
): EngineResult {
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
  /** The distinct texts met so far, by number. */
  const textEntries: ClientText[] = [];
  const reportedUnknown = new Set<string>();
  // A client's lines mostly sit together on the sheet, so a line often names the same text as
  // the one above it: its entry is then taken without a lookup among tens of thousands of texts.
  let previous: ClientText | null = null;
  let previousText = "";
  let previousIsName = false;
  /** The entry of a Client cell's text, resolved the first time the text is met. */
  const textEntry = (ref: ClientRef): ClientText => {
    if (previous !== null && previousText === ref.text && previousIsName === ref.isNameColumn) return previous;
    const cache = texts[ref.isNameColumn ? 1 : 0];
    let entry = cache.get(ref.text);
    if (entry === undefined) {
      const r = directory.resolve(ref);
      entry = r.ok
        ? { number: textEntries.length, client: r.client, ambiguity: null, unknown: !r.client.known, clientNumber: -1 }
        : { number: textEntries.length, client: null, ambiguity: r.message, unknown: false, clientNumber: -1 };
      textEntries.push(entry);
      cache.set(ref.text, entry);
    }
    previous = entry;
    previousText = ref.text;
    previousIsName = ref.isNameColumn;
    return entry;
  };
  /**
   * The entry, or null when the text is ambiguous; reports an ambiguous text on every row and an
   * unknown client on the first row of each sheet that names it.
   */
  const checked = (sheet: string, row: number, ref: ClientRef, entry: ClientText): ClientText | null => {
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
  const lineResults = new Array<LineResult | null>(input.tracking.length).fill(null);
  // Sized for every row and trimmed after: pushing 200,000 rows one by one regrows the array.
  const open = new Array<OpenLine>(input.tracking.length);
  let openCount = 0;
  /** Per column, its place among all tracking rows, and its client's number. */
  const lineIndex = new Int32Array(input.tracking.length);
  const clientOfLine = new Int32Array(input.tracking.length);
  // What the draw, the line order and the results read of a valid line is copied here by the one
  // pass over the tracking rows: at 200,000 lines, every further pass over the row objects would
  // fetch them from main memory again. Sized for every row; only the valid lines' columns are used.
  /** Per column, its numbers (see LINE): counts in hundredths. */
  const lineRecords = new Float64Array(input.tracking.length * LINE.size);
  /** Per column, its sheet row, and 1 for an Any line (which draws after lines that list codes). */
  const lineRows = new Int32Array(input.tracking.length);
  const lineAny = new Uint8Array(input.tracking.length);
  const lineAuthorizations = new Array<string | null>(input.tracking.length).fill(null);
  /**
   * Per column, its code cell as a number: lines whose code cells read the same share it. A reader
   * hands equal code cells over as one parsed list, so most lines are matched by identity.
   */
  const lineCodeList = new Int32Array(input.tracking.length);
  const codeLists = new Distinct<CodeList>(codeListKey);
  const keep = (l: OpenLine, column: number): void => {
    const r = column * LINE.size;
    lineRecords[r + LINE.start] = l.start;
    lineRecords[r + LINE.end] = l.end;
    lineRecords[r + LINE.allowed] = toHundredths(l.allowed);
    lineRecords[r + LINE.isUnits] = l.trackBy === "Units" ? 1 : 0;
    lineRecords[r + LINE.last] = NaN;
    lineRows[column] = l.row;
    lineAny[column] = l.codes.any ? 1 : 0;
    lineAuthorizations[column] = l.authorization;
    lineCodeList[column] = codeLists.number(l.codes);
  };
  /** Clients by number (each client's lines are grouped by it), numbered by their keys. */
  // A client's number is found by its Clients row's place (a map only for a client in no row),
  // not through a map of 50,000 keys.
  const numberOfPlace = new Int32Array(input.clients?.length ?? 0).fill(-1);
  const numberOfUnknown = new Map<string, number>();
  const clientNumber = (client: Client): number =>
    client.place >= 0 ? numberOfPlace[client.place] : (numberOfUnknown.get(client.key) ?? -1);
  const clientByNumber: Client[] = [];
  input.tracking.forEach((t, index) => {
    const entry = t.client === null ? null : checked(labels.trackingSheet, t.row, t.client, textEntry(t.client));
    const client = entry?.client ?? null;
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
      // The row itself is kept, not a copy: at 200,000 lines, a new object per line is most of the cost.
      lineIndex[openCount] = index;
      // A client's lines mostly name it the same way: its number is found once per text.
      let number = entry!.clientNumber;
      if (number < 0) {
        number = clientNumber(client);
        if (number < 0) {
          number = clientByNumber.length;
          clientByNumber.push(client);
          if (client.place >= 0) numberOfPlace[client.place] = number;
          else numberOfUnknown.set(client.key, number);
        }
        entry!.clientNumber = number;
      }
      clientOfLine[openCount] = number;
      keep(t as OpenLine, openCount);
      open[openCount++] = t as OpenLine;
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
  open.length = openCount;
  lineAuthorizations.length = openCount;

  // Each client's lines in draw order (rule 2): listed codes before Any, then earlier End, earlier
  // Start, earlier row. One sort of all lines, by client first: a sort per client would cost a
  // sort's setup for every client, which at 50,000 clients is most of the work.
  /**
   * Per client number c, its lines in draw order: the columns clientLines[clientLineStart[c]] up
   * to clientLineStart[c + 1]. A counting sort by client, then each client's few lines sorted in
   * place by numbers read from typed arrays: a comparison sort of all line objects would fetch
   * two objects from memory at every comparison of a large practice.
   */
  const clientLineStart = new Int32Array(clientByNumber.length + 1);
  for (let column = 0; column < open.length; column++) clientLineStart[clientOfLine[column] + 1]++;
  for (let c = 1; c <= clientByNumber.length; c++) clientLineStart[c] += clientLineStart[c - 1];
  const clientLines = new Int32Array(open.length);
  {
    const cursor = clientLineStart.slice(0, clientByNumber.length);
    for (let column = 0; column < open.length; column++) clientLines[cursor[clientOfLine[column]]++] = column;
  }
  /** Whether line column a draws before b among their client's lines: Any after listed codes, End, Start, row. */
  const drawsBefore = (a: number, b: number): boolean => {
    const ra = a * LINE.size;
    const rb = b * LINE.size;
    return (
      (lineAny[a] - lineAny[b] ||
        lineRecords[ra + LINE.end] - lineRecords[rb + LINE.end] ||
        lineRecords[ra + LINE.start] - lineRecords[rb + LINE.start] ||
        lineRows[a] - lineRows[b]) < 0
    );
  };
  for (let c = 0; c < clientByNumber.length; c++) {
    // Insertion sort: a client has a handful of lines.
    for (let i = clientLineStart[c] + 1; i < clientLineStart[c + 1]; i++) {
      const column = clientLines[i];
      let j = i - 1;
      while (j >= clientLineStart[c] && drawsBefore(column, clientLines[j])) {
        clientLines[j + 1] = clientLines[j];
        j--;
      }
      clientLines[j + 1] = column;
    }
  }

  // Sessions, in sheet order: each session's client text and group become numbers. The table
  // stores each distinct client cell, code, status and Prior Auth # once, so what depends only on
  // one of them (a client's resolution, whether a status counts, an authorization key) is worked
  // out once per distinct value, and the pass itself reads typed arrays front to back.
  const sessions = input.sessions;
  const sessionCount = sessions.length;
  const codeSamples = sessions.codes;
  /** Per session, its Client cell's text (a number into `textEntries`), or -1 when it has no client. */
  const clientOf = new Int32Array(sessionCount);
  /** Per distinct Status text: 1 when a session with it counts. */
  const statusCounts = new Uint8Array(sessions.statuses.length);
  sessions.statuses.forEach((status, n) => (statusCounts[n] = notCounted.has(statusKey(status)) ? 0 : 1));
  /** Per distinct Client cell: its text number once met on a row that is read, else -1. */
  const refText = new Int32Array(sessions.clients.length).fill(-1);
  /** Per distinct Client cell: 1 when each row naming it is checked (an ambiguous text, an unknown client). */
  const refChecked = new Uint8Array(sessions.clients.length);
  /** Per Client cell text the Sessions sheet names, the number of the client whose lines it draws from (-1 none). */
  const textClientNumber = new Int32Array(textEntries.length + sessions.clients.length).fill(-1);
  const clientCount = clientByNumber.length;

  const { candidate, candidateCount, rowsRise } = firstPass(sessions, clientOf, statusCounts, {
    refText,
    refChecked,
    textClientNumber,
    meet: (c) => {
      const entry = textEntry(sessions.clients[c]);
      refText[c] = entry.number;
      refChecked[c] = entry.ambiguity !== null || entry.unknown ? 1 : 0;
      textClientNumber[entry.number] =
        entry.clientNumber >= 0 || entry.client === null ? entry.clientNumber : clientNumber(entry.client);
    },
    check: (c, row) => checked(labels.sessionsSheet, row, sessions.clients[c], textEntries[refText[c]]) !== null,
  });
  const dealt = deal(sessions, clientOf, candidate, candidateCount, {
    textClientNumber,
    clientCount,
    blockSessions,
    rowOrder: rowsRise ? null : sheetOrder(sessions.rows),
  });

  // A session's group is the lines of its client that count its code (in draw order). Whether a
  // line counts a code depends only on the line's codes as read and the session's code, and a
  // practice has few distinct code cells: each (code cell, code) pair is decided once.
  const codeCount = codeSamples.length;
  const decided = codeLists.size * codeCount <= Math.max(4 * sessionCount, 65_536);
  /** Per (code cell, code): 0 not yet decided, 1 does not count it, 2 counts it. */
  const verdicts = new Uint8Array(decided ? codeLists.size * codeCount : 0);
  const groups = new Groups(clientCount, codeCount, sessionCount, (client, codeNumber, group) => {
    const code = codeSamples[codeNumber];
    for (let i = clientLineStart[client]; i < clientLineStart[client + 1]; i++) {
      const column = clientLines[i];
      let verdict = 0;
      const cell = lineCodeList[column] * codeCount + codeNumber;
      if (decided) verdict = verdicts[cell];
      if (verdict === 0) {
        verdict = lineCountsCode(open[column].codes, code, excludes) ? 2 : 1;
        if (decided) verdicts[cell] = verdict;
      }
      if (verdict === 2) group.add(column);
    }
  });
  let widestGroup = 0;
  for (let c = 0; c < clientCount; c++)
    widestGroup = Math.max(widestGroup, clientLineStart[c + 1] - clientLineStart[c]);

  // Prior Auth # and Authorization # compare trimmed and case-insensitive. A refresh wrote most
  // Prior Auth # cells from the line's own text, so equal texts decide at once; otherwise each
  // distinct Prior Auth # and each line's Authorization # is folded once, when first compared.
  const pinKeys = new Array<string | undefined>(sessions.priorAuths.length).fill(undefined);
  const lineKeys = new Array<string | undefined>(open.length).fill(undefined);
  const lineList = (columns: ArrayLike<number>, from: number, to: number): OpenLine[] => {
    const list: OpenLine[] = [];
    for (let i = from; i < to; i++) list.push(open[columns[i]]);
    return list;
  };
  // Problem messages repeat their parts (a client's name, a code, a group's date ranges, a line's
  // label), so each part is worded once: at a million sessions there are tens of thousands.
  const clientLabels = new Array<string | undefined>(textEntries.length).fill(undefined);
  const codeLabels = new Array<string | undefined>(codeCount).fill(undefined);
  const lineLabels = new Array<string | undefined>(open.length).fill(undefined);
  /** Per group (its place in the pool), its lines' date ranges as an outside session's message lists them. */
  const groupRanges = new Map<number, string>();
  const where = (index: number, date: number): string => {
    const text = clientOf[index];
    const code = sessions.codeOf[index];
    const who = (clientLabels[text] ??= clientLabel(textEntries[text].client!));
    const what = (codeLabels[code] ??= clip(codeSamples[code].base));
    return `Session on ${fmt(date as DayNumber)} (${who}, ${what})`;
  };
  const labelOf = (column: number): string => (lineLabels[column] ??= lineLabel(open[column]));

  // The draw, block by block. Per session: the line it draws from (its column, or -1) and that
  // line's remaining count just after it. (Problems come out client by client; analyzeWorkbook
  // puts them in sheet and row order.)
  const drawnLine = new Int32Array(sessionCount).fill(-1);
  const drawnRemaining = new Float64Array(sessionCount);
  draw(dealt, groups, lineRecords, asOf, widestGroup, drawnLine, drawnRemaining, {
    pins: (pin, column) => {
      const authorization = lineAuthorizations[column];
      if (authorization === null) return false;
      const text = sessions.priorAuths[pin];
      if (text === authorization) return true;
      return (pinKeys[pin] ??= authKey(text)) === (lineKeys[column] ??= authKey(authorization));
    },
    outside: (index, date, group) => {
      // A client's sessions come in date order, so its groups of different codes take turns:
      // each group's ranges are worded the first time, not each time its turn comes back.
      let ranges = groupRanges.get(group);
      if (ranges === undefined) {
        const forCode = lineList(groups.pool, group + 1, group + 1 + groups.pool[group]);
        ranges = forCode.map((l) => `${fmt(l.start)}–${fmt(l.end)}`).join(", ");
        groupRanges.set(group, ranges);
      }
      problems.push({
        kind: "outside-authorization",
        sheet: labels.sessionsSheet,
        row: sessions.rows[index],
        column: null,
        message: `${where(index, date)} is outside every authorization for that code: ${ranges}.`,
      });
    },
    mismatch: (index, date, matching, matches) => {
      const against = Array.from(matching.subarray(0, matches), labelOf);
      problems.push({
        kind: "prior-auth-mismatch",
        sheet: labels.sessionsSheet,
        row: sessions.rows[index],
        column: labels.priorAuthColumn,
        message: `Prior Auth # ${quote(sessions.priorAuth(index) ?? "")} on the session of ${fmt(date as DayNumber)} matches no authorization covering it; the cell is left as it is and the session is counted against ${against.join(" or ")}.`,
      });
    },
    over: (index, date, line, remaining) => {
      const l = open[line];
      problems.push({
        kind: "over-authorization",
        sheet: labels.sessionsSheet,
        row: sessions.rows[index],
        column: null,
        message: `${where(index, date)} is over ${labelOf(line)}: ${amount(-remaining, l.trackBy)} past the ${amount(lineRecords[line * LINE.size + LINE.allowed], l.trackBy)} allowed.`,
      });
    },
  });
  const L = lineRecords;

  const sessionResults = new SessionResults(
    sessions,
    textEntries.map((e) => e.client?.key ?? null),
    clientOf,
    drawnLine,
    drawnRemaining,
    lineRows,
    lineAuthorizations,
  );

  // Lines with equal code cells share one list of code texts (results are read-only).
  const codeTextLists = new Array<readonly string[] | undefined>(codeLists.size).fill(undefined);
  // Read from the copies, not the row objects: only the first line with each code cell is visited.
  for (let column = 0; column < open.length; column++) {
    const o = column * LINE.size;
    const list = lineCodeList[column];
    const codes = codeTextLists[list] ?? (codeTextLists[list] = codeTexts(open[column].codes));
    const trackBy: TrackBy = L[o + LINE.isUnits] ? "Units" : "Sessions";
    const start = L[o + LINE.start] as DayNumber;
    const end = L[o + LINE.end] as DayNumber;
    const allowed = L[o + LINE.allowed];
    const lineDrawn = L[o + LINE.drawn];
    const remaining = allowed - lineDrawn;
    const note =
      remaining < 0
        ? `Over by ${amount(-remaining, trackBy)}: ${amount(lineDrawn, trackBy)} drawn of ${amount(allowed, trackBy)} allowed.`
        : null;
    const last = L[o + LINE.last];
    const client = clientByNumber[clientOfLine[column]];
    lineResults[lineIndex[column]] = {
      row: lineRows[column],
      clientKey: client.key,
      clientId: client.id,
      clientName: client.name,
      insurance: client.insurance,
      authorization: lineAuthorizations[column],
      trackBy,
      codes,
      any: lineAny[column] === 1,
      start,
      end,
      allowed: fromHundredths(allowed),
      used: fromHundredths(L[o + LINE.used]),
      scheduled: fromHundredths(L[o + LINE.scheduled]),
      remaining: fromHundredths(remaining),
      status: lineStatus({ remaining, start, end, asOf, settings, scale: 100 }),
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

/** What the first pass needs to resolve a session's Client cell: tables by cell, filled as cells are met. */
interface ClientCells {
  /** Per distinct Client cell, its text number, or -1 before it is met. */
  readonly refText: Int32Array;
  /** Per distinct Client cell, 1 when every row naming it must be checked. */
  readonly refChecked: Uint8Array;
  /** Per text number, its client's number (-1 when it has no lines). */
  readonly textClientNumber: Int32Array;
  /** Resolves Client cell c, the first time a read row names it. */
  readonly meet: (c: number) => void;
  /** Reports what a checked cell's row must (ambiguous, unknown); false when the row is left out. */
  readonly check: (c: number, row: number) => boolean;
}

/**
 * The sessions in sheet order: each read row's client text (into `clientOf`,
 * -1 when it has none), and which sessions may count — read, dated, coded, of
 * a counted status, of a client with lines. Reads the table's columns front to
 * back; what depends on a distinct value was worked out once for it.
 */
function firstPass(
  sessions: SessionTable,
  clientOf: Int32Array,
  statusCounts: Uint8Array,
  cells: ClientCells,
): { candidate: Uint8Array; candidateCount: number; rowsRise: boolean } {
  const n = sessions.length;
  const { rows, leftOut, days, codeOf, statusOf } = sessions;
  const refs = sessions.clientOf;
  const { refText, refChecked, textClientNumber } = cells;
  const candidate = new Uint8Array(n);
  let candidateCount = 0;
  let rowsRise = true;
  let previousRow = -Infinity;
  for (let index = 0; index < n; index++) {
    const row = rows[index];
    if (!(row > previousRow)) rowsRise = false;
    previousRow = row;
    clientOf[index] = -1;
    const c = refs[index];
    if (leftOut[index] === 1 || c < 0) continue;
    if (refText[c] < 0) cells.meet(c);
    if (refChecked[c] === 1 && !cells.check(c, row)) continue;
    const textNumber = refText[c];
    clientOf[index] = textNumber;
    const status = statusOf[index];
    if (Number.isNaN(days[index]) || codeOf[index] < 0 || (status >= 0 && statusCounts[status] === 0)) continue;
    if (textClientNumber[textNumber] < 0) continue;
    candidate[index] = 1;
    candidateCount++;
  }
  return { candidate, candidateCount, rowsRise };
}

/** The sessions that may count, dealt into blocks of clients. */
interface Dealt {
  readonly sessions: DealtSessions;
  /** Block b holds dealt sessions blockStarts[b] up to blockStarts[b + 1]. */
  readonly blockStarts: Int32Array;
  readonly clientsPerBlock: number;
}

/**
 * Clients draw from their own lines only, and within a client sessions are
 * taken in date then row order (rule 1), so the draw may take one client at a
 * time. To keep each step's memory in the processor's cache at any size, the
 * sessions that may count are dealt, in row order, into blocks of clients of
 * about `blockSessions` sessions each, copying what the draw needs of each.
 * Reaching into a million sessions in client order would instead fetch each
 * from main memory, several times.
 */
function deal(
  sessions: SessionTable,
  clientOf: Int32Array,
  candidate: Uint8Array,
  candidateCount: number,
  o: {
    readonly textClientNumber: Int32Array;
    readonly clientCount: number;
    readonly blockSessions: number;
    /** The session indices in sheet row order, or null when they already are. */
    readonly rowOrder: Int32Array | null;
  },
): Dealt {
  const { textClientNumber, rowOrder } = o;
  const n = sessions.length;
  const blockCount = Math.max(1, Math.ceil(candidateCount / o.blockSessions));
  const clientsPerBlock = Math.max(1, Math.ceil(o.clientCount / blockCount));
  const blockStarts = new Int32Array(blockCount + 1);
  for (let index = 0; index < n; index++) {
    if (candidate[index] === 1) blockStarts[((textClientNumber[clientOf[index]] / clientsPerBlock) | 0) + 1]++;
  }
  for (let b = 1; b <= blockCount; b++) blockStarts[b] += blockStarts[b - 1];
  const dealt = new DealtSessions(candidateCount);
  const cursor = blockStarts.slice(0, blockCount);
  const { codeOf, priorAuthOf, days, units } = sessions;
  for (let k = 0; k < n; k++) {
    const index = rowOrder === null ? k : rowOrder[k];
    if (candidate[index] === 0) continue;
    const client = textClientNumber[clientOf[index]];
    const block = (client / clientsPerBlock) | 0;
    const at = cursor[block]++;
    dealt.index[at] = index;
    dealt.code[at] = codeOf[index];
    dealt.client[at] = client - block * clientsPerBlock;
    const pin = priorAuthOf[index];
    dealt.pin[at] = pin;
    dealt.day[at] = days[index];
    dealt.cost[at] = toHundredths(units[index]);
  }
  return { sessions: dealt, blockStarts, clientsPerBlock };
}

/**
 * Groups: per (client, code), the lines of the client that count the code, in
 * draw order, kept in one pool as [count, column, column, …] and found through
 * a table. Each is made when the draw first needs it, so a block's groups sit
 * together in the pool.
 */
class Groups {
  pool = new Int32Array(1024);
  private length = 0;
  private readonly table: GroupTable;

  constructor(
    clients: number,
    codes: number,
    sessions: number,
    /** Calls groups.add(column) for each line of the client counting the code, in draw order. */
    private readonly linesFor: (client: number, code: number, groups: Groups) => void,
  ) {
    this.table = new GroupTable(clients, codes, sessions);
  }

  /** The group's place in the pool: pool[place] lines follow it. */
  of(client: number, code: number): number {
    const known = this.table.get(client, code);
    return known >= 0 ? known : this.make(client, code);
  }

  private make(client: number, code: number): number {
    const group = this.length;
    this.push(0);
    this.linesFor(client, code, this);
    this.pool[group] = this.length - group - 1;
    this.table.set(client, code, group);
    return group;
  }

  /** Adds a line to the group being made (for `linesFor`). */
  add(column: number): void {
    this.push(column);
  }

  private push(value: number): void {
    if (this.length === this.pool.length) {
      const grown = new Int32Array(2 * this.pool.length);
      grown.set(this.pool);
      this.pool = grown;
    }
    this.pool[this.length++] = value;
  }
}

/** What the draw hands back to the engine: authorization keys it needs, and problems to word. */
interface DrawCalls {
  /** The Authorization # key of the line in `column`, or -1. */
  /** Whether Prior Auth # `pin` (a number into the table's texts) names the line in `column`. */
  readonly pins: (pin: number, column: number) => boolean;
  readonly outside: (index: number, date: number, group: number) => void;
  readonly mismatch: (index: number, date: number, matching: Int32Array, matches: number) => void;
  readonly over: (index: number, date: number, line: number, remaining: number) => void;
}

/**
 * The draw (SPEC §4 rules 1–3), block by block, each block in client, date
 * then row order: per session, the line it draws from (into `drawnLine`) and
 * that line's remaining count just after it (into `drawnRemaining`), adding its
 * cost to the line's record in `lines`.
 */
function draw(
  dealt: Dealt,
  groups: Groups,
  lines: Float64Array,
  asOf: number,
  widestGroup: number,
  drawnLine: Int32Array,
  drawnRemaining: Float64Array,
  calls: DrawCalls,
): void {
  const { blockStarts, clientsPerBlock } = dealt;
  const { index: indexOf, code: codeOf, client: clientOf, day: dayOf, pin: pinOf, cost: costOf } = dealt.sessions;
  const L = lines;
  const matching = new Int32Array(widestGroup);
  const pinned = new Int32Array(widestGroup);
  const orderInBlock = new BlockOrder(clientsPerBlock);
  for (let b = 0; b + 1 < blockStarts.length; b++) {
    const from = blockStarts[b];
    const firstClient = b * clientsPerBlock;
    const order = orderInBlock.sort(dealt.sessions, from, blockStarts[b + 1]);
    for (let k = 0; k < order.length; k++) {
      const at = from + order[k];
      const group = groups.of(firstClient + clientOf[at], codeOf[at]);
      // From here the session's code slot holds the line it draws from (-1 for none); see below.
      codeOf[at] = -1;
      const pool = groups.pool;
      const size = pool[group];
      // A session whose client has no line for its code does not count.
      if (size === 0) continue;
      const index = indexOf[at];
      const date = dayOf[at];
      let matches = 0;
      for (let i = group + 1, end = group + 1 + size; i < end; i++) {
        const l = pool[i];
        const o = l * LINE.size;
        if (L[o + LINE.start] <= date && date <= L[o + LINE.end]) matching[matches++] = l;
      }
      if (matches === 0) {
        calls.outside(index, date, group);
        continue;
      }
      let candidates = matching;
      let candidateCount = matches;
      const pin = pinOf[at];
      if (pin >= 0) {
        let pinnedCount = 0;
        for (let i = 0; i < matches; i++) if (calls.pins(pin, matching[i])) pinned[pinnedCount++] = matching[i];
        if (pinnedCount > 0) {
          candidates = pinned;
          candidateCount = pinnedCount;
        } else {
          calls.mismatch(index, date, matching, matches);
        }
      }
      // Rules 2 and 3: the first line in draw order with the session's cost left, else the first.
      const unitsCost = costOf[at];
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
      if (remaining < 0) calls.over(index, date, line, remaining);
      codeOf[at] = line;
      costOf[at] = fromHundredths(remaining);
    }
  }
  // The results go to the sessions' places in the input after the draw, in dealt order: within a
  // block that is row order, so the writes run forward through memory instead of landing, in draw
  // order, all over arrays of a million sessions. (The dealt record's code and cost slots, no
  // longer needed, carried the line drawn from and the remaining count after the session.)
  for (let at = 0; at < indexOf.length; at++) {
    const line = codeOf[at];
    if (line < 0) continue;
    const index = indexOf[at];
    drawnLine[index] = line;
    drawnRemaining[index] = costOf[at];
  }
}

/** The counting sessions, dealt into blocks of clients: per session what the draw needs of it. */
class DealtSessions {
  /** Its place in the input. */
  readonly index: Int32Array;
  /** Its billing code: a number into the table's codes. */
  readonly code: Int32Array;
  /** Its client's number, counted from the first client of its block. */
  readonly client: Int32Array;
  /** Its Prior Auth # (a number into the table's texts), or -1 when blank. */
  readonly pin: Int32Array;
  readonly day: Float64Array;
  /** Its cost on a Units line, in hundredths. */
  readonly cost: Float64Array;

  constructor(count: number) {
    this.index = new Int32Array(count);
    this.code = new Int32Array(count);
    this.client = new Int32Array(count);
    this.pin = new Int32Array(count);
    this.day = new Float64Array(count);
    this.cost = new Float64Array(count);
  }
}

/**
 * Puts one block of dealt sessions in draw order: by client, then date, then
 * row. The block was dealt in row order, so both steps are stable counting
 * sorts of its positions (by day, then by client), with scratch kept from
 * block to block; days that are not whole, or spread over centuries, take a
 * comparison sort instead.
 */
class BlockOrder {
  private byDay = new Int32Array(0);
  private order = new Int32Array(0);
  private dayStarts = new Int32Array(0);
  private readonly clientStarts: Int32Array;

  constructor(clientsPerBlock: number) {
    this.clientStarts = new Int32Array(clientsPerBlock + 1);
  }

  /** The positions 0…n−1 of the block's sessions (from `from`, before `to`) in draw order. */
  sort(dealt: DealtSessions, from: number, to: number): Int32Array {
    const n = to - from;
    if (this.order.length < n) {
      this.order = new Int32Array(n);
      this.byDay = new Int32Array(n);
    }
    const days = dealt.day;
    const clients = dealt.client;
    const byDay = this.byDay;
    const order = this.order;
    let minDay = Infinity;
    let maxDay = -Infinity;
    let integral = true;
    for (let at = from; at < to; at++) {
      const day = days[at];
      if (!Number.isInteger(day)) integral = false;
      if (day < minDay) minDay = day;
      if (day > maxDay) maxDay = day;
    }
    const span = n === 0 ? 0 : maxDay - minDay + 1;
    if (integral && span <= 4 * n + 4096) {
      if (this.dayStarts.length < span + 1)
        this.dayStarts = new Int32Array(Math.max(span + 1, 2 * this.dayStarts.length));
      const starts = this.dayStarts;
      starts.fill(0, 0, span + 1);
      for (let at = from; at < to; at++) starts[days[at] - minDay + 1]++;
      for (let d = 1; d <= span; d++) starts[d] += starts[d - 1];
      for (let at = from; at < to; at++) byDay[starts[days[at] - minDay]++] = at - from;
    } else {
      const positions = byDay.subarray(0, n);
      for (let p = 0; p < n; p++) positions[p] = p;
      positions.sort((a, b) => days[from + a] - days[from + b] || a - b);
    }
    const starts = this.clientStarts;
    starts.fill(0);
    for (let at = from; at < to; at++) starts[clients[at] + 1]++;
    for (let c = 1; c < starts.length; c++) starts[c] += starts[c - 1];
    for (let k = 0; k < n; k++) {
      const p = byDay[k];
      order[starts[clients[from + p]]++] = p;
    }
    return order.subarray(0, n);
  }
}

/** The indices of `rows` in rising row order (ties by index). */
function sheetOrder(rows: Int32Array): Int32Array {
  const indices = new Int32Array(rows.length);
  for (let i = 0; i < indices.length; i++) indices[i] = i;
  // A typed-array sort with a comparator: exact, and no array of boxed numbers.
  return indices.sort((a, b) => rows[a] - rows[b] || a - b);
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
