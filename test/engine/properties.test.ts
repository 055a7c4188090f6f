/**
 * SPEC §4 as properties over random practices, sketched as literal rows and counted through the real reader
 * (test/helpers/practice.ts). The oracle below knows the practice from the generator's own data — offsets,
 * client IDs and a hand-written table of which session codes each tracking code counts — not from the reader.
 */
import fc from "fast-check";
import { type DayNumber, dayToSerial, isoFromDay, partsFromDay } from "../../src/engine/dates";
import { countSessions } from "../../src/engine/count";
import { generatePractice, toInput } from "../../bench/practice";
import type { EngineResult } from "../../src/engine/types";
import type { Cell } from "../../src/workbook/cells";
import { type PracticeSheets, SESSIONS_HEADER, TRACKING_HEADER, count, day } from "../helpers/practice";

const RUNS = 200;
const BASE = day("2026-01-01");

// ---- the practice as the generator knows it -------------------------------------------------------------------

const CLIENTS = ["C1", "C2", "C3"] as const;
type ClientId = (typeof CLIENTS)[number];
/** Ways a person types the same client ID; all resolve to one client (SPEC §3). */
const SPELLINGS: Record<ClientId, string[]> = { C1: ["C1", "c1", " C1 "], C2: ["C2", "c2 "], C3: ["C3", "  c3"] };

type SessionCode = "90837" | "90834" | "90836" | "90785" | "90846" | "97153" | "97153 HN" | "97153-hn" | "90791";

/**
 * Which session codes each tracking Billing Code counts, by hand from SPEC §3: a range takes equal-length codes
 * between its ends; a code with a modifier only sessions carrying it; Any every code but the Count Any
 * excludes (90836 and 90785 among them).
 */
const COUNTS: Record<string, readonly SessionCode[]> = {
  "90837": ["90837"],
  "90834": ["90834"],
  "90832-90838": ["90837", "90834", "90836"],
  Any: ["90837", "90834", "90846", "97153", "97153 HN", "97153-hn", "90791"],
  "*": ["90837", "90834", "90846", "97153", "97153 HN", "97153-hn", "90791"],
  "90837, 90846": ["90837", "90846"],
  "97153": ["97153", "97153 HN", "97153-hn"],
  "97153-HN": ["97153 HN", "97153-hn"],
};
const isAnyLine = (code: string): boolean => code === "Any" || code === "*";

const NOT_COUNTED = new Set(["No Show", "no-show", "Late Cancel", "CANCELLED", "Void"]);

type DateForm = "iso" | "serial" | "mdy" | "date";

interface GenLine {
  client: ClientId;
  spelling: number;
  trackBy: "Sessions" | "Units" | null;
  start: number;
  end: number;
  startForm: DateForm;
  endForm: DateForm;
  code: string;
  allowed: number;
  auth: string | null;
}

interface GenSession {
  day: number;
  form: DateForm;
  client: ClientId;
  spelling: number;
  code: SessionCode;
  units: number | string | null;
  status: string | null;
  priorAuth: string | null;
}

interface GenPractice {
  withClientsSheet: boolean;
  lines: GenLine[];
  sessions: GenSession[];
  asOf: number;
}

const dateForm = fc.constantFrom<DateForm>("iso", "serial", "mdy", "date");
/** Weighted so that sessions often meet lines of their client and code, and lines often compete. */
const weighted = <T>(...choices: [number, T][]): fc.Arbitrary<T> =>
  fc.oneof(...choices.map(([weight, v]) => ({ weight, arbitrary: fc.constant(v) })));
const client = weighted<ClientId>([5, "C1"], [3, "C2"], [1, "C3"]);

const lineArb: fc.Arbitrary<GenLine> = fc
  .record({
    client,
    spelling: fc.nat(2),
    trackBy: fc.constantFrom<GenLine["trackBy"]>("Sessions", "Units", null),
    start: fc.integer({ min: 0, max: 30 }),
    // Now and then End comes before Start: an invalid line that nothing may draw from.
    length: fc.oneof(
      { weight: 1, arbitrary: fc.integer({ min: -3, max: -1 }) },
      { weight: 9, arbitrary: fc.integer({ min: 0, max: 70 }) },
    ),
    startForm: dateForm,
    endForm: dateForm,
    code: weighted<string>(
      [4, "90837"],
      [2, "90832-90838"],
      [2, "Any"],
      [1, "*"],
      [1, "90834"],
      [1, "90837, 90846"],
      [2, "97153"],
      [1, "97153-HN"],
    ),
    allowed: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(0.5, 2.5, 7.25)),
    auth: fc.constantFrom("A1", "A2", "A3", "B1", null),
  })
  .map(({ length, ...l }) => ({ ...l, end: l.start + length }));

const sessionArb = (dayArb: fc.Arbitrary<number>): fc.Arbitrary<GenSession> =>
  fc.record({
    day: dayArb,
    form: dateForm,
    client,
    spelling: fc.nat(2),
    code: weighted<SessionCode>(
      [6, "90837"],
      [2, "90834"],
      [1, "90836"],
      [1, "90785"],
      [1, "90846"],
      [3, "97153"],
      [1, "97153 HN"],
      [1, "97153-hn"],
      [1, "90791"],
    ),
    units: fc.constantFrom<GenSession["units"]>(null, 0, 0.25, 0.5, 1, 1.5, 2, 3, "2", 0.1, 0.2),
    status: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(null, "Completed", "Scheduled", "Client No Show") },
      { weight: 1, arbitrary: fc.constantFrom(...NOT_COUNTED) },
    ),
    priorAuth: fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 3, arbitrary: fc.constantFrom("A1", "a1", " A2 ", "b1", "A3") },
      { weight: 1, arbitrary: fc.constantFrom("ZZZ-9", "A4") },
    ),
  });

const practiceArb: fc.Arbitrary<GenPractice> = fc.record({
  withClientsSheet: fc.boolean(),
  lines: fc.array(lineArb, { minLength: 2, maxLength: 7, size: "medium" }),
  sessions: fc.array(sessionArb(fc.integer({ min: -3, max: 62 })), { maxLength: 30, size: "medium" }),
  asOf: fc.integer({ min: 0, max: 60 }),
});

/** Sessions on distinct dates, with a permutation of their rows. */
const distinctDatesArb: fc.Arbitrary<{ p: GenPractice; order: number[] }> = fc
  .record({
    withClientsSheet: fc.boolean(),
    lines: fc.array(lineArb, { minLength: 2, maxLength: 7, size: "medium" }),
    days: fc.uniqueArray(fc.integer({ min: -3, max: 62 }), { maxLength: 20, size: "medium" }),
    asOf: fc.integer({ min: 0, max: 60 }),
    sessionTemplate: fc.array(sessionArb(fc.constant(0)), { minLength: 20, maxLength: 20 }),
  })
  .chain(({ days, sessionTemplate, ...rest }) => {
    const sessions = days.map((d, i) => ({ ...sessionTemplate[i], day: d }));
    const indices = sessions.map((_, i) => i);
    return fc
      .shuffledSubarray(indices, { minLength: indices.length, maxLength: indices.length })
      .map((order) => ({ p: { ...rest, sessions }, order }));
  });

/** A practice with a permutation of its sessions' rows. */
const withRowOrderArb: fc.Arbitrary<{ p: GenPractice; order: number[] }> = practiceArb.chain((p) => {
  const indices = p.sessions.map((_, i) => i);
  return fc
    .shuffledSubarray(indices, { minLength: indices.length, maxLength: indices.length })
    .map((order) => ({ p, order }));
});

// ---- sheets as literal rows ------------------------------------------------------------------------------------

function dateCell(offset: number, form: DateForm): Cell {
  const d = (BASE + offset) as DayNumber;
  switch (form) {
    case "iso":
      return isoFromDay(d);
    case "serial":
      return dayToSerial(d, 1900);
    case "mdy": {
      const p = partsFromDay(d);
      return `${p.month}/${p.day}/${p.year}`;
    }
    case "date":
      return new Date(d * 86_400_000);
  }
}

const spell = (c: ClientId, i: number): string => SPELLINGS[c][i % SPELLINGS[c].length];

function sheets(p: GenPractice, sessionOrder?: number[]): PracticeSheets {
  const order = sessionOrder ?? p.sessions.map((_, i) => i);
  const s: PracticeSheets = {
    Settings: [
      ["Setting", "Value"],
      ["Not counted statuses", [...NOT_COUNTED].join("; ")],
    ],
    Tracking: [
      TRACKING_HEADER,
      ...p.lines.map((l): Cell[] => [
        spell(l.client, l.spelling),
        l.trackBy,
        dateCell(l.start, l.startForm),
        dateCell(l.end, l.endForm),
        l.code,
        l.allowed,
        l.auth,
      ]),
    ],
    Sessions: [
      SESSIONS_HEADER,
      ...order.map((i): Cell[] => {
        const x = p.sessions[i];
        return [dateCell(x.day, x.form), spell(x.client, x.spelling), x.code, x.units, x.status, x.priorAuth, null];
      }),
    ],
  };
  if (p.withClientsSheet) {
    s.Clients = [["Client ID", "Client Name"], ...CLIENTS.map((c, i) => [c, `Client ${"ABC"[i]}`])];
  }
  return s;
}

const asOfIso = (p: GenPractice): string => isoFromDay((BASE + p.asOf) as DayNumber);

// ---- the oracle --------------------------------------------------------------------------------------------------

const lineRow = (i: number): number => i + 2;
const sessionRow = (i: number): number => i + 2;
const valid = (l: GenLine): boolean => l.start <= l.end;
const counts = (s: GenSession): boolean => !NOT_COUNTED.has(s.status ?? "");
const hundredths = (n: number): number => Math.round(n * 100);
const authKey = (t: string): string => t.trim().toLowerCase();

/** A session's cost on a line, in hundredths: 1 on a Sessions line, its units (blank = 1) on a Units line. */
function cost(l: GenLine, s: GenSession): number {
  if (l.trackBy !== "Units") return 100;
  return s.units === null ? 100 : hundredths(Number(s.units));
}

/** The valid lines a counting session matches (SPEC §4): same client, date inside, code counted. */
function matching(p: GenPractice, s: GenSession): number[] {
  if (!counts(s)) return [];
  const out: number[] = [];
  p.lines.forEach((l, i) => {
    if (valid(l) && l.client === s.client && l.start <= s.day && s.day <= l.end && COUNTS[l.code].includes(s.code)) {
      out.push(i);
    }
  });
  return out;
}

/** Rule 1: a filled Prior Auth # equal to a matching line's Authorization # pins the session to those lines. */
function pool(p: GenPractice, s: GenSession): number[] {
  const m = matching(p, s);
  if (s.priorAuth === null) return m;
  const pinned = m.filter((i) => p.lines[i].auth !== null && authKey(p.lines[i].auth!) === authKey(s.priorAuth!));
  return pinned.length > 0 ? pinned : m;
}

/** Rule 2's order: listed codes before Any, then earlier End, earlier Start, earlier row. */
function drawOrder(p: GenPractice, lines: number[]): number[] {
  return [...lines].sort((a, b) => {
    const la = p.lines[a];
    const lb = p.lines[b];
    return Number(isAnyLine(la.code)) - Number(isAnyLine(lb.code)) || la.end - lb.end || la.start - lb.start || a - b;
  });
}

/** Session indices in the order they are taken: date, then sheet row. */
function takeOrder(p: GenPractice): number[] {
  return p.sessions.map((_, i) => i).sort((a, b) => p.sessions[a].day - p.sessions[b].day || a - b);
}

interface Counted {
  result: EngineResult;
  /** Tracking line index each session drew from (by session index), or null. */
  drewFrom: (number | null)[];
}

function countPractice(p: GenPractice): Counted {
  const { result } = count(sheets(p), asOfIso(p));
  expect(result.sessions.toArray().map((s) => s.row)).toEqual(p.sessions.map((_, i) => sessionRow(i)));
  expect(result.lines.map((l) => l.row)).toEqual(p.lines.map((_, i) => lineRow(i)));
  const drewFrom = result.sessions.toArray().map((s) => (s.trackingRow === null ? null : s.trackingRow - 2));
  return { result, drewFrom };
}

function property(predicate: (p: GenPractice) => void): void {
  fc.assert(
    fc.property(practiceArb, (p) => {
      predicate(p);
    }),
    { numRuns: RUNS },
  );
}

// ---- properties ----------------------------------------------------------------------------------------------------

describe("SPEC §4 counting, as properties of random practices", () => {
  test("a session draws from at most one line, only from a valid line it matches, and from a pinned line when its Prior Auth # names one", () => {
    property((p) => {
      const { drewFrom, result } = countPractice(p);
      p.sessions.forEach((s, i) => {
        const li = drewFrom[i];
        const m = matching(p, s);
        // Whether a session draws at all depends only on whether it matches a line.
        expect({ row: sessionRow(i), draws: li !== null }).toEqual({ row: sessionRow(i), draws: m.length > 0 });
        if (li === null) {
          expect(result.sessions.at(i).remaining).toBeNull();
          return;
        }
        expect(m).toContain(li);
        expect(pool(p, s)).toContain(li);
        const l = p.lines[li];
        expect(valid(l)).toBe(true);
        expect(l.client).toBe(s.client);
        expect(l.start <= s.day && s.day <= l.end).toBe(true);
        expect(COUNTS[l.code]).toContain(s.code);
        if (
          s.priorAuth !== null &&
          m.some((j) => p.lines[j].auth !== null && authKey(p.lines[j].auth!) === authKey(s.priorAuth!))
        ) {
          expect(authKey(l.auth!)).toBe(authKey(s.priorAuth));
        }
      });
      // Invalid lines draw nothing and say so.
      p.lines.forEach((l, i) => {
        if (valid(l)) return;
        expect(result.lines[i]).toMatchObject({ status: "Invalid", used: 0, scheduled: 0, remaining: null });
      });
    });
  });

  test("per line, Used + Scheduled = Allowed − Remaining = the costs its sessions drew, exact to the hundredth", () => {
    property((p) => {
      const { drewFrom, result } = countPractice(p);
      p.lines.forEach((l, li) => {
        if (!valid(l)) return;
        let used = 0;
        let scheduled = 0;
        p.sessions.forEach((s, si) => {
          if (drewFrom[si] !== li) return;
          if (s.day <= p.asOf) used += cost(l, s);
          else scheduled += cost(l, s);
        });
        const r = result.lines[li];
        expect({
          row: lineRow(li),
          used: r.used,
          scheduled: r.scheduled,
          allowed: r.allowed,
          remaining: r.remaining,
        }).toEqual({
          row: lineRow(li),
          used: used / 100,
          scheduled: scheduled / 100,
          allowed: l.allowed,
          remaining: (hundredths(l.allowed) - used - scheduled) / 100,
        });
        expect(hundredths(r.used) + hundredths(r.scheduled)).toBe(hundredths(r.allowed!) - hundredths(r.remaining!));
      });
    });
  });

  test("sessions are taken by date then row; none goes over a limit while a line in its pool had room, and each takes the first line with room in SPEC order", () => {
    property((p) => {
      const { drewFrom, result } = countPractice(p);
      const left = p.lines.map((l) => hundredths(l.allowed));
      for (const si of takeOrder(p)) {
        const li = drewFrom[si];
        if (li === null) continue;
        const s = p.sessions[si];
        const candidates = drawOrder(p, pool(p, s));
        const roomy = candidates.filter((j) => left[j] >= cost(p.lines[j], s));
        const wentOver = left[li] < cost(p.lines[li], s);
        if (wentOver)
          expect({ row: sessionRow(si), linesWithRoom: roomy.map(lineRow) }).toEqual({
            row: sessionRow(si),
            linesWithRoom: [],
          });
        const expected = roomy.length > 0 ? roomy[0] : candidates[0];
        expect({ row: sessionRow(si), line: lineRow(li) }).toEqual({ row: sessionRow(si), line: lineRow(expected) });
        left[li] -= cost(p.lines[li], s);
        // Remaining written on the session: the line's Allowed minus all drawn through this session.
        expect(result.sessions.at(si).remaining).toBe(left[li] / 100);
      }
    });
  });

  test("the last session's Remaining equals its line's Remaining; a line nothing drew from keeps its Allowed", () => {
    property((p) => {
      const { drewFrom, result } = countPractice(p);
      const last = new Map<number, number>();
      for (const si of takeOrder(p)) if (drewFrom[si] !== null) last.set(drewFrom[si]!, si);
      p.lines.forEach((l, li) => {
        if (!valid(l)) return;
        const si = last.get(li);
        if (si === undefined) expect(result.lines[li].remaining).toBe(l.allowed);
        else expect(result.sessions.at(si).remaining).toBe(result.lines[li].remaining);
      });
    });
  });

  test("over, outside and unmatched Prior Auth # sessions are reported on their rows, and only those", () => {
    property((p) => {
      const { drewFrom, result } = countPractice(p);
      const reported = (kind: string, row: number) =>
        result.problems.some((x) => x.kind === kind && x.sheet === "Sessions" && x.row === row);
      p.sessions.forEach((s, i) => {
        const row = sessionRow(i);
        const remaining = result.sessions.at(i).remaining;
        expect({ row, over: reported("over-authorization", row) }).toEqual({
          row,
          over: remaining !== null && remaining < 0,
        });
        const forCode = p.lines.filter((l) => valid(l) && l.client === s.client && COUNTS[l.code].includes(s.code));
        const outside = counts(s) && forCode.length > 0 && matching(p, s).length === 0;
        expect({ row, outside: reported("outside-authorization", row) }).toEqual({ row, outside });
        const m = matching(p, s);
        const unmatched =
          s.priorAuth !== null &&
          m.length > 0 &&
          !m.some((j) => p.lines[j].auth !== null && authKey(p.lines[j].auth!) === authKey(s.priorAuth!));
        expect({ row, unmatched: reported("prior-auth-mismatch", row) }).toEqual({ row, unmatched });
        if (unmatched) {
          const problem = result.problems.find((x) => x.kind === "prior-auth-mismatch" && x.row === row);
          expect(problem?.column).toBe("Prior Auth #");
          // Left as it is: the cell keeps its text, and nothing is written over it.
          expect(result.sessions.at(i).priorAuth).toBe(s.priorAuth!.trim());
          expect(result.sessions.at(i).writePriorAuth).toBeNull();
        }
        if (drewFrom[i] !== null && s.priorAuth === null) {
          expect(result.sessions.at(i).writePriorAuth).toBe(p.lines[drewFrom[i]!].auth);
        }
      });
    });
  });

  test("counting is deterministic: the same workbook twice gives deep-equal results", () => {
    property((p) => {
      const a = count(sheets(p), asOfIso(p));
      const b = count(sheets(p), asOfIso(p));
      expect(b.result).toEqual(a.result);
    });
  });

  test("with no two sessions on one date, the order of the Sessions rows changes no line's totals and no session's line", () => {
    fc.assert(
      fc.property(distinctDatesArb, ({ p, order }) => {
        const a = count(sheets(p), asOfIso(p)).result;
        const b = count(sheets(p, order), asOfIso(p)).result;
        const totals = (r: EngineResult) =>
          r.lines.map((l) => ({
            row: l.row,
            allowed: l.allowed,
            used: l.used,
            scheduled: l.scheduled,
            remaining: l.remaining,
            status: l.status,
            lastSession: l.lastSession,
          }));
        expect(totals(b)).toEqual(totals(a));
        // Session i of the original sits on row (position in order) + 2 of the permuted sheet.
        order.forEach((original, position) => {
          const before = a.sessions.at(original);
          const after = b.sessions.at(position);
          expect({ trackingRow: after.trackingRow, remaining: after.remaining }).toEqual({
            trackingRow: before.trackingRow,
            remaining: before.remaining,
          });
        });
      }),
      { numRuns: RUNS },
    );
  });

  test("with sessions sharing dates, reordering rows still changes neither Allowed nor which sessions draw at all", () => {
    fc.assert(
      fc.property(withRowOrderArb, ({ p, order }) => {
        const a = count(sheets(p), asOfIso(p)).result;
        const b = count(sheets(p, order), asOfIso(p)).result;
        expect(b.lines.map((l) => l.allowed)).toEqual(a.lines.map((l) => l.allowed));
        order.forEach((original, position) => {
          expect(b.sessions.at(position).trackingRow === null).toBe(a.sessions.at(original).trackingRow === null);
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the engine's draw order does not depend on how its input lists the rows", () => {
  test("sessions handed over in any order count as when handed over in sheet order (the general sort)", () => {
    fc.assert(
      fc.property(withRowOrderArb, ({ p, order }) => {
        const { read, result } = count(sheets(p), asOfIso(p));
        const input = read.input;
        // The same rows, listed out of sheet order: rows no longer rise with the index.
        const shuffled = { ...input, sessions: input.sessions.reordered(order) };
        const again = countSessions(shuffled, result.asOf);
        const byRow = (r: EngineResult) =>
          new Map(r.sessions.toArray().map((s) => [s.row, [s.trackingRow, s.remaining, s.writePriorAuth]]));
        expect(byRow(again)).toEqual(byRow(result));
        expect(again.lines).toEqual(result.lines);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the draw does not depend on how the engine deals clients into blocks", () => {
  test("counting in blocks of 1, 2 or 5 sessions gives the result of one block, for any practice", () => {
    fc.assert(
      fc.property(practiceArb, fc.constantFrom(1, 2, 5), (p, blockSessions) => {
        const { read, result } = count(sheets(p), asOfIso(p));
        const whole = countSessions(read.input, result.asOf, { blockSessions: Infinity });
        const dealt = countSessions(read.input, result.asOf, { blockSessions });
        expect(dealt.lines).toEqual(whole.lines);
        expect(dealt.sessions.toArray()).toEqual(whole.sessions.toArray());
        expect(dealt.problems).toEqual(whole.problems);
      }),
      { numRuns: RUNS },
    );
  });

  test("a practice of 30,000 sessions and 1,500 clients, dealt into many blocks, counts as in one", () => {
    const raw = generatePractice(30_000);
    const input = toInput(raw);
    const whole = countSessions(input, raw.asOf, { blockSessions: Infinity });
    const dealt = countSessions(input, raw.asOf);
    expect(whole.sessions.countedCount()).toBeGreaterThan(20_000);
    expect(dealt.lines).toEqual(whole.lines);
    expect(dealt.sessions.toArray()).toEqual(whole.sessions.toArray());
    expect(dealt.problems).toEqual(whole.problems);
    // And listed out of sheet order (the general sort), it still counts the same.
    const reversed = input.sessions.reordered(
      Array.from({ length: input.sessions.length }, (_, i) => input.sessions.length - 1 - i),
    );
    const again = countSessions({ ...input, sessions: reversed }, raw.asOf);
    expect(again.lines).toEqual(whole.lines);
  });
});
