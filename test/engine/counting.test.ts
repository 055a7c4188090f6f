/**
 * SPEC §4 "Counting rules", one test per rule, each a small practice a biller can count by hand.
 * Practices are counted through the real reader and engine as of 2026-06-30 unless told.
 * Dates are typed as ISO text for readability; Sessions rows start at row 2.
 */
import type { Cell } from "../../src/workbook/cells";
import { count, day, SESSIONS_HEADER, TRACKING_HEADER, type Rows } from "../helpers/practice";

/** A tracking line: client C1 unless told. [Client, Track By, Start, End, Code, Allowed, Auth #] */
function line(start: string, end: string, code: Cell, allowed: Cell, auth: Cell = null, trackBy: Cell = "Sessions") {
  return ["C1", trackBy, start, end, code, allowed, auth];
}
/** A session of client C1. [Date, Client, Code, Units, Status, Prior Auth #, Remaining] */
function visit(date: Cell, code: Cell = "90837", opts: { units?: Cell; status?: Cell; auth?: Cell } = {}): Cell[] {
  return [date, "C1", code, opts.units ?? null, opts.status ?? null, opts.auth ?? null, null];
}
function practice(tracking: Cell[][], sessions: Cell[][], asOf = "2026-06-30", settings?: Cell[][]) {
  const sheets: Record<string, Rows> = {
    Tracking: [TRACKING_HEADER, ...tracking],
    Sessions: [SESSIONS_HEADER, ...sessions],
  };
  if (settings) sheets.Settings = [["Setting", "Value"], ...settings];
  return count(sheets, asOf);
}
type Counted = ReturnType<typeof practice>;
function problems(c: Counted, kind: string) {
  return c.result.problems.filter((p) => p.kind === kind);
}
/** Which tracking row each session row drew from. */
function drawn(c: Counted, rows: number[]): (number | null)[] {
  return rows.map((r) => c.session(r).trackingRow);
}
/** Each session row's Remaining. */
function remaining(c: Counted, rows: number[]): (number | null)[] {
  return rows.map((r) => c.session(r).remaining);
}

const YEAR = ["2026-01-01", "2026-12-31"] as const;

describe("what counts", () => {
  test.each(["No Show", "Late Cancel", "Late Cancellation", "Cancelled", "Canceled", "Void"])(
    "a session whose status is %s does not count",
    (status) => {
      // Rows 2-3 attended, row 4 not counted: the line has Used 2, and row 4 has no Remaining.
      const c = practice(
        [line(...YEAR, "90837", 10, "A1")],
        [visit("2026-03-02"), visit("2026-03-09", "90837", { status }), visit("2026-03-16")],
      );
      expect(c.line(2).used).toBe(2);
      expect(remaining(c, [2, 3, 4])).toEqual([9, null, 8]);
      expect(c.session(3).trackingRow).toBeNull();
      expect(c.session(3).writePriorAuth).toBeNull();
    },
  );

  test("status is compared by its letters only: 'no-show', 'NO SHOW' and ' late-cancel ' do not count", () => {
    const c = practice(
      [line(...YEAR, "90837", 10)],
      [
        visit("2026-03-02", "90837", { status: "no-show" }),
        visit("2026-03-03", "90837", { status: "NO SHOW" }),
        visit("2026-03-04", "90837", { status: " late-cancel " }),
        visit("2026-03-05", "90837", { status: "Attended" }),
      ],
    );
    expect(drawn(c, [2, 3, 4, 5])).toEqual([null, null, null, 2]);
    expect(c.line(2).used).toBe(1);
  });

  test("'Client No Show' is not a Not counted status, so that session counts", () => {
    const c = practice([line(...YEAR, "90837", 10)], [visit("2026-03-02", "90837", { status: "Client No Show" })]);
    expect(c.session(2).remaining).toBe(9);
    expect(c.line(2).used).toBe(1);
  });

  test("a session on or before the as-of date whose status still reads Scheduled counts as used", () => {
    // As of 2026-06-30: 6/29 and 6/30 are Scheduled but past (used); 7/1 is a booked appointment (scheduled).
    const c = practice(
      [line(...YEAR, "90837", 10)],
      [
        visit("2026-06-29", "90837", { status: "Scheduled" }),
        visit("2026-06-30", "90837", { status: "Scheduled" }),
        visit("2026-07-01", "90837", { status: "Scheduled" }),
      ],
    );
    expect(c.line(2)).toMatchObject({ used: 2, scheduled: 1, remaining: 7 });
    expect(c.line(2).lastSession).toBe(day("2026-06-30"));
  });

  test("a session with any other status, or none, counts", () => {
    const c = practice(
      [line(...YEAR, "90837", 10)],
      [
        visit("2026-03-02", "90837", { status: "Completed" }),
        visit("2026-03-03"),
        visit("2026-03-04", "90837", { status: "Telehealth" }),
      ],
    );
    expect(c.line(2).used).toBe(3);
  });
});

describe("valid tracking lines", () => {
  const session = visit("2026-03-05");
  test.each<[string, Cell[]]>([
    ["its Client is blank", [null, "Sessions", "2026-01-01", "2026-12-31", "90837", 10, "A1"]],
    [
      "its Track By is neither Sessions nor Units (Hours)",
      ["C1", "Hours", "2026-01-01", "2026-12-31", "90837", 10, "A1"],
    ],
    ["its Start Date is after its End Date", ["C1", "Sessions", "2026-12-31", "2026-01-01", "90837", 10, "A1"]],
    ["its Start Date cannot be read (2/30/2026)", ["C1", "Sessions", "2/30/2026", "2026-12-31", "90837", 10, "A1"]],
    ["its End Date cannot be read (soon)", ["C1", "Sessions", "2026-01-01", "soon", "90837", 10, "A1"]],
    ["its Start Date is blank", ["C1", "Sessions", null, "2026-12-31", "90837", 10, "A1"]],
    ["its Billing Code is blank", ["C1", "Sessions", "2026-01-01", "2026-12-31", null, 10, "A1"]],
    ["its Allowed is negative (-3)", ["C1", "Sessions", "2026-01-01", "2026-12-31", "90837", -3, "A1"]],
    ["its Allowed is text (ten)", ["C1", "Sessions", "2026-01-01", "2026-12-31", "90837", "ten", "A1"]],
    ["its Allowed is blank", ["C1", "Sessions", "2026-01-01", "2026-12-31", "90837", null, "A1"]],
    [
      "its Allowed is an error value (#REF!)",
      ["C1", "Sessions", "2026-01-01", "2026-12-31", "90837", { error: "#REF!" }, "A1"],
    ],
  ])("a line where %s is Invalid: Used 0, Scheduled 0, no Remaining, a Note, and it takes no session", (_why, row) => {
    const c = practice([row], [session]);
    expect(c.line(2)).toMatchObject({ status: "Invalid", used: 0, scheduled: 0, remaining: null, lastSession: null });
    expect(c.line(2).note).toEqual(expect.any(String));
    expect(c.line(2).note!.length).toBeGreaterThan(5);
    expect(c.session(2)).toMatchObject({ trackingRow: null, remaining: null, writePriorAuth: null });
    // Reported on its Tracking row.
    expect(c.result.problems.some((p) => p.sheet === "Tracking" && p.row === 2)).toBe(true);
  });

  test("the Note of a line whose Start Date is after its End Date says so", () => {
    const c = practice([line("2026-12-31", "2026-01-01", "90837", 10)], []);
    expect(c.line(2).note).toMatch(/Start Date 12\/31\/2026 is after End Date 1\/1\/2026/);
    expect(problems(c, "invalid-line")).toEqual([expect.objectContaining({ sheet: "Tracking", row: 2, column: null })]);
  });

  test("a line whose client is ambiguous is Invalid and its Note says so", () => {
    const c = count({
      Clients: [
        ["Client ID", "Client Name"],
        ["C1", "Ann Lee"],
        ["C2", "Ann Lee"],
      ],
      Tracking: [TRACKING_HEADER, ["Ann Lee", "Sessions", "2026-01-01", "2026-12-31", "90837", 10, "A1"]],
      Sessions: [SESSIONS_HEADER, ["2026-03-05", "C1", "90837", null, null, null, null]],
    });
    expect(c.line(2)).toMatchObject({ status: "Invalid", used: 0, scheduled: 0, remaining: null });
    expect(c.line(2).note).toMatch(/ambiguous/);
    expect(c.session(2).trackingRow).toBeNull();
  });

  test("a line with Start Date equal to End Date is valid (a one-day authorization)", () => {
    const c = practice([line("2026-03-05", "2026-03-05", "90791", 1)], [visit("2026-03-05", "90791")]);
    expect(c.line(2)).toMatchObject({ status: "Expired", used: 1, remaining: 0 });
  });

  test("Allowed typed as text '12' is the number 12; Allowed 0 is valid", () => {
    const c = practice([line(...YEAR, "90837", " 12 "), line(...YEAR, "90834", 0)], []);
    expect(c.line(2)).toMatchObject({ allowed: 12, remaining: 12 });
    expect(c.line(3)).toMatchObject({ allowed: 0, remaining: 0, status: "Depleted" });
  });

  test("an invalid line does not stop the client's valid line from counting", () => {
    const c = practice(
      [line(...YEAR, "90837", "ten", "BAD"), line(...YEAR, "90837", 10, "GOOD")],
      [visit("2026-03-05")],
    );
    expect(c.line(2).status).toBe("Invalid");
    expect(c.session(2)).toMatchObject({ trackingRow: 3, remaining: 9, writePriorAuth: "GOOD" });
  });
});

describe("matching a session to a line", () => {
  test("a line covers whole days from Start to End, both ends included", () => {
    // Line 3/1-3/31, Allowed 10. 2/28 and 4/1 are outside; 3/1, 3/31 (and 3/31 at 11 pm, as a serial) draw.
    const c = practice(
      [line("2026-03-01", "2026-03-31", "90837", 10)],
      [visit("2026-02-28"), visit("2026-03-01"), visit("2026-03-31"), visit(46112 + 23 / 24), visit("2026-04-01")],
    );
    expect(drawn(c, [2, 3, 4, 5, 6])).toEqual([null, 2, 2, 2, null]);
    expect(remaining(c, [3, 4, 5])).toEqual([9, 8, 7]);
  });

  test("a session of another client or another code does not draw from the line", () => {
    const c = practice(
      [line(...YEAR, "90837", 10)],
      [["2026-03-05", "C2", "90837", null, null, null, null], visit("2026-03-05", "90834")],
    );
    expect(drawn(c, [2, 3])).toEqual([null, null]);
    expect(c.line(2).used).toBe(0);
  });
});

describe("cost", () => {
  test("on a Sessions line a session costs 1 whatever its units", () => {
    const c = practice([line(...YEAR, "90837", 10)], [visit("2026-03-02", "90837", { units: 4 }), visit("2026-03-09")]);
    expect(remaining(c, [2, 3])).toEqual([9, 8]);
    expect(c.line(2).used).toBe(2);
  });

  test("on a Units line a session costs its units, and blank units are 1", () => {
    // Allowed 40 units: 8 units, then blank (1), then 4 units: Remaining 32, 31, 27.
    const c = practice(
      [line(...YEAR, "97153", 40, "U1", "Units")],
      [
        visit("2026-03-02", "97153", { units: 8 }),
        visit("2026-03-03", "97153"),
        visit("2026-03-04", "97153", { units: "4" }),
      ],
    );
    expect(remaining(c, [2, 3, 4])).toEqual([32, 31, 27]);
    expect(c.line(2)).toMatchObject({ used: 13, remaining: 27 });
  });

  test("decimal units are summed exactly to the hundredth: 0.1 + 0.2 units is 0.3", () => {
    const c = practice(
      [line(...YEAR, "97153", 1, "U1", "Units")],
      [visit("2026-03-02", "97153", { units: 0.1 }), visit("2026-03-03", "97153", { units: 0.2 })],
    );
    expect(c.line(2).used).toBe(0.3);
    expect(c.line(2).remaining).toBe(0.7);
    expect(remaining(c, [2, 3])).toEqual([0.9, 0.7]);
    // And 1.1 + 2.2 units of 10 is 3.3 used, 6.7 left (not 3.3000000000000003).
    const d = practice(
      [line(...YEAR, "97153", 10, "U1", "Units")],
      [visit("2026-03-02", "97153", { units: 1.1 }), visit("2026-03-03", "97153", { units: 2.2 })],
    );
    expect(d.line(2)).toMatchObject({ used: 3.3, remaining: 6.7 });
    expect(remaining(d, [2, 3])).toEqual([8.9, 6.7]);
  });

  test("decimal units use up a decimal Allowed exactly: two sessions of 0.29 units leave 0.58 at 0, Depleted", () => {
    const c = practice(
      [line(...YEAR, "97153", 0.58, "U1", "Units")],
      [visit("2026-03-02", "97153", { units: 0.29 }), visit("2026-03-03", "97153", { units: "0.29" })],
    );
    expect(c.line(2)).toMatchObject({ used: 0.58, remaining: 0, status: "Depleted" });
    expect(remaining(c, [2, 3])).toEqual([0.29, 0]);
    expect(problems(c, "over-authorization")).toEqual([]);
  });

  test("a session of 0 units on a Units line costs nothing but still carries the authorization", () => {
    const c = practice([line(...YEAR, "97153", 10, "U1", "Units")], [visit("2026-03-02", "97153", { units: 0 })]);
    expect(c.session(2)).toMatchObject({ trackingRow: 2, remaining: 10, writePriorAuth: "U1" });
    expect(c.line(2).used).toBe(0);
  });
});

describe("each session draws from at most one line", () => {
  test("a renewal overlapping an exhausted authorization takes the next session", () => {
    // A1: 2 sessions 1/1-3/31. A2 (renewal): 10 sessions 3/1-6/30. Three March sessions: A1, A1, then A2.
    const c = practice(
      [line("2026-01-01", "2026-03-31", "90837", 2, "A1"), line("2026-03-01", "2026-06-30", "90837", 10, "A2")],
      [visit("2026-03-02"), visit("2026-03-09"), visit("2026-03-16")],
    );
    expect(drawn(c, [2, 3, 4])).toEqual([2, 2, 3]);
    expect(remaining(c, [2, 3, 4])).toEqual([1, 0, 9]);
    expect(c.line(2)).toMatchObject({ used: 2, remaining: 0 });
    expect(c.line(3)).toMatchObject({ used: 1, remaining: 9 });
    // Never double-counted: 3 sessions, 3 drawn in all.
    expect(c.line(2).used + c.line(3).used).toBe(3);
  });

  test("an Any line and a listed line that both cover a session: only one of them counts it", () => {
    const c = practice([line(...YEAR, "90837", 10, "A1"), line(...YEAR, "Any", 20, "EAP")], [visit("2026-03-02")]);
    expect(c.line(2).used + c.line(3).used).toBe(1);
  });
});

describe("the order lines are drawn from", () => {
  test("a line that lists the code goes before an Any line, even one that ends sooner and comes first", () => {
    const c = practice(
      [line("2026-01-01", "2026-03-31", "Any", 10, "EAP"), line(...YEAR, "90837", 10, "A1")],
      [visit("2026-03-02")],
    );
    expect(c.session(2)).toMatchObject({ trackingRow: 3, remaining: 9, writePriorAuth: "A1" });
  });

  test("among listed lines, the one with the earlier End Date goes first", () => {
    const c = practice(
      [line("2026-01-01", "2026-06-30", "90837", 10, "LATE"), line("2026-01-01", "2026-03-31", "90837", 10, "SOON")],
      [visit("2026-03-02")],
    );
    expect(c.session(2)).toMatchObject({ trackingRow: 3, writePriorAuth: "SOON" });
  });

  test("with equal End Dates, the line with the earlier Start Date goes first", () => {
    const c = practice(
      [line("2026-02-01", "2026-06-30", "90837", 10, "FEB"), line("2026-01-01", "2026-06-30", "90837", 10, "JAN")],
      [visit("2026-03-02")],
    );
    expect(c.session(2)).toMatchObject({ trackingRow: 3, writePriorAuth: "JAN" });
  });

  test("with equal dates, the line on the earlier Tracking row goes first", () => {
    const c = practice(
      [line(...YEAR, "90837", 10, "FIRST"), line(...YEAR, "90837", 10, "SECOND")],
      [visit("2026-03-02")],
    );
    expect(c.session(2)).toMatchObject({ trackingRow: 2, writePriorAuth: "FIRST" });
  });

  test("among Any lines the same order holds: earlier End Date first", () => {
    const c = practice(
      [line(...YEAR, "Any", 10, "EAP-LATE"), line("2026-01-01", "2026-06-30", "*", 10, "EAP-SOON")],
      [visit("2026-03-02", "90834")],
    );
    expect(c.session(2).trackingRow).toBe(3);
  });

  test("a session needing 4 units skips a line with 3 left and takes the next line with room", () => {
    // U1 (ends 3/31) has 3 units; U2 (ends 6/30) has 10. A 4-unit session takes U2 whole: U1 3 left, U2 6 left.
    const c = practice(
      [line("2026-01-01", "2026-03-31", "97153", 3, "U1", "Units"), line(...YEAR, "97153", 10, "U2", "Units")],
      [visit("2026-03-02", "97153", { units: 4 })],
    );
    expect(c.session(2)).toMatchObject({ trackingRow: 3, remaining: 6, writePriorAuth: "U2" });
    expect(c.line(2).remaining).toBe(3);
    expect(c.line(3).remaining).toBe(6);
  });

  test("when no line has room, the session goes over the first line in order, and is reported", () => {
    // A1 (ends 3/31) and A2 (ends 6/30) allow 1 each. Three March sessions: A1, A2, then over A1 (-1).
    const c = practice(
      [line("2026-01-01", "2026-03-31", "90837", 1, "A1"), line(...YEAR, "90837", 1, "A2")],
      [visit("2026-03-02"), visit("2026-03-09"), visit("2026-03-16")],
      "2026-03-20",
    );
    expect(drawn(c, [2, 3, 4])).toEqual([2, 3, 2]);
    expect(remaining(c, [2, 3, 4])).toEqual([0, 0, -1]);
    expect(c.line(2)).toMatchObject({ used: 2, remaining: -1, status: "Over limit" });
    expect(c.line(2).note).toMatch(/Over by 1 session/);
    expect(problems(c, "over-authorization")).toEqual([
      expect.objectContaining({ sheet: "Sessions", row: 4, column: null }),
    ]);
  });

  test("a session is never split across lines: 4 units with 3 and 2 left go over the first line", () => {
    const c = practice(
      [line("2026-01-01", "2026-03-31", "97153", 3, "U1", "Units"), line(...YEAR, "97153", 2, "U2", "Units")],
      [visit("2026-03-02", "97153", { units: 4 })],
    );
    expect(c.session(2)).toMatchObject({ trackingRow: 2, remaining: -1 });
    expect(c.line(2)).toMatchObject({ used: 4, remaining: -1, status: "Over limit" });
    expect(c.line(3)).toMatchObject({ used: 0, remaining: 2 });
    expect(problems(c, "over-authorization")).toHaveLength(1);
  });
});

describe("Prior Auth #", () => {
  test("a filled Prior Auth # pins the session to the line with that Authorization #, though another comes first", () => {
    const c = practice(
      [line("2026-01-01", "2026-03-31", "90837", 10, "A1"), line(...YEAR, "90837", 10, "A2")],
      [visit("2026-03-02", "90837", { auth: "A2" }), visit("2026-03-09")],
    );
    expect(c.session(2)).toMatchObject({ trackingRow: 3, remaining: 9, priorAuth: "A2", writePriorAuth: null });
    expect(c.session(3)).toMatchObject({ trackingRow: 2, remaining: 9, priorAuth: "A1", writePriorAuth: "A1" });
  });

  test("Prior Auth # compares trimmed and case-insensitive: ' auth-2b ' pins to AUTH-2B", () => {
    const c = practice(
      [line("2026-01-01", "2026-03-31", "90837", 10, "AUTH-1A"), line(...YEAR, "90837", 10, "AUTH-2B")],
      [visit("2026-03-02", "90837", { auth: " auth-2b " })],
    );
    expect(c.session(2).trackingRow).toBe(3);
    expect(c.result.problems).toEqual([]);
  });

  test("a pinned session stays on its line even when that takes the line below zero, and is reported", () => {
    // A2 allows 1; both sessions carry A2, while A1 still has 10. A2 ends at -1.
    const c = practice(
      [line("2026-01-01", "2026-03-31", "90837", 10, "A1"), line(...YEAR, "90837", 1, "A2")],
      [visit("2026-03-02", "90837", { auth: "A2" }), visit("2026-03-09", "90837", { auth: "A2" })],
    );
    expect(drawn(c, [2, 3])).toEqual([3, 3]);
    expect(remaining(c, [2, 3])).toEqual([0, -1]);
    expect(c.line(2)).toMatchObject({ used: 0, remaining: 10 });
    expect(c.line(3)).toMatchObject({ used: 2, remaining: -1, status: "Over limit" });
    expect(problems(c, "over-authorization")).toEqual([expect.objectContaining({ sheet: "Sessions", row: 3 })]);
  });

  test("a Prior Auth # shared by two matching lines picks between them by the usual order", () => {
    // Two lines carry SAME; the one ending 3/31 goes first, until it has no room.
    const c = practice(
      [
        line(...YEAR, "90837", 10, "SAME"),
        line("2026-01-01", "2026-03-31", "90837", 1, "SAME"),
        line("2026-01-01", "2026-02-28", "90837", 10, "OTHER"),
      ],
      [visit("2026-02-02", "90837", { auth: "same" }), visit("2026-02-09", "90837", { auth: "same" })],
    );
    expect(drawn(c, [2, 3])).toEqual([3, 2]);
  });

  test("a Prior Auth # that matches no covering line is reported, left as it is, and the session placed as usual", () => {
    // ZZZ is no authorization; A9 is an authorization of this code but does not cover March.
    const c = practice(
      [line("2026-01-01", "2026-03-31", "90837", 10, "A1"), line("2026-04-01", "2026-06-30", "90837", 10, "A9")],
      [visit("2026-03-02", "90837", { auth: "ZZZ" }), visit("2026-03-09", "90837", { auth: "A9" })],
    );
    expect(c.session(2)).toMatchObject({ trackingRow: 2, remaining: 9, priorAuth: "ZZZ", writePriorAuth: null });
    expect(c.session(3)).toMatchObject({ trackingRow: 2, remaining: 8, priorAuth: "A9", writePriorAuth: null });
    const mismatch = problems(c, "prior-auth-mismatch");
    expect(mismatch.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ["Sessions", 2, "Prior Auth #"],
      ["Sessions", 3, "Prior Auth #"],
    ]);
    expect(mismatch[0].message).toMatch(/ZZZ/);
  });

  test("Prior Auth # is written only where the cell is blank, and only when the line has an Authorization #", () => {
    const c = practice(
      [line("2026-01-01", "2026-03-31", "90837", 10, "A1"), line(...YEAR, "90834", 10, null)],
      [visit("2026-03-02"), visit("2026-03-09", "90837", { auth: "a1" }), visit("2026-03-16", "90834")],
    );
    expect(c.session(2)).toMatchObject({ priorAuth: "A1", writePriorAuth: "A1" });
    expect(c.session(3)).toMatchObject({ trackingRow: 2, priorAuth: "a1", writePriorAuth: null });
    expect(c.session(4)).toMatchObject({ trackingRow: 3, priorAuth: null, writePriorAuth: null });
  });

  test("a refresh never moves a billed session: a number filled by the last refresh pins it", () => {
    // A1 allows 1 (ends 3/31), A2 allows 10. First refresh: the 3/10 session takes A1.
    const tracking = [line("2026-01-01", "2026-03-31", "90837", 1, "A1"), line(...YEAR, "90837", 10, "A2")];
    const first = practice(tracking, [visit("2026-03-10")]);
    expect(first.session(2).writePriorAuth).toBe("A1");
    // A late entry dated 3/5 is added below it. The 3/10 session keeps A1 (now -1); the new one takes A1 first, by date.
    const second = practice(tracking, [visit("2026-03-10", "90837", { auth: "A1" }), visit("2026-03-05")]);
    expect(second.session(2)).toMatchObject({ trackingRow: 2, remaining: -1, priorAuth: "A1", writePriorAuth: null });
    expect(second.session(3)).toMatchObject({ trackingRow: 2, remaining: 0, writePriorAuth: "A1" });
    expect(second.line(3).used).toBe(0);
  });
});

describe("Remaining per session", () => {
  test("Remaining counts sessions in date order, then row order, whatever their order on the sheet", () => {
    // Allowed 10. Rows: 2 = 3/20, 3 = 3/5, 4 = 3/12, 5 = 3/5 again. Order drawn: row 3, row 5, row 4, row 2.
    const c = practice(
      [line(...YEAR, "90837", 10)],
      [visit("2026-03-20"), visit("2026-03-05"), visit("2026-03-12"), visit("2026-03-05")],
    );
    expect(remaining(c, [2, 3, 4, 5])).toEqual([6, 9, 7, 8]);
  });

  test("sessions are taken in date order, then row order, across every spelling of a client and between other clients' sessions", () => {
    // C1 is Ann Lee: rows by ID and by name are one client with one count. Bo's sessions sit between them.
    // Ann's dates by row: 2 = 3/20 (ID), 4 = 3/05 (name), 6 = 3/12 (ID); Allowed 10, so 3/05 → 9, 3/12 → 8, 3/20 → 7.
    const c = count({
      Clients: [
        ["Client ID", "Client Name", "Primary Insurance", "Member ID"],
        ["C1", "Ann Lee", "Aetna", "M1"],
        ["C2", "Bo Diaz", "BCBS", "M2"],
      ],
      Tracking: [TRACKING_HEADER, line(...YEAR, "90837", 10), ["C2", "Sessions", ...YEAR, "90837", 5, null]],
      Sessions: [
        SESSIONS_HEADER,
        visit("2026-03-20"),
        ["2026-03-01", "C2", "90837", null, null, null, null],
        ["2026-03-05", "ann lee", "90837", null, null, null, null],
        ["2026-03-02", "Bo Diaz", "90837", null, null, null, null],
        visit("2026-03-12"),
      ],
    });
    expect(remaining(c, [2, 4, 6])).toEqual([7, 9, 8]);
    expect(drawn(c, [2, 4, 6])).toEqual([2, 2, 2]);
    expect(remaining(c, [3, 5])).toEqual([4, 3]);
    expect(drawn(c, [3, 5])).toEqual([3, 3]);
  });

  test("a session that draws from no line has a blank Remaining and no Prior Auth # written", () => {
    const c = practice(
      [line(...YEAR, "90837", 10, "A1")],
      [visit("2026-03-05", "97153"), visit("2026-03-05", "90837", { status: "No Show" })],
    );
    expect(c.session(2)).toMatchObject({ trackingRow: null, remaining: null, priorAuth: null, writePriorAuth: null });
    expect(c.session(3)).toMatchObject({ trackingRow: null, remaining: null, priorAuth: null, writePriorAuth: null });
  });

  test("a session of a client who has a line for its code, but none covering its date, is reported as outside", () => {
    // The line covers 1/1-3/31; the 4/2 session of 90837 is outside it. The 90834 session has no line at all: not outside.
    const c = practice(
      [line("2026-01-01", "2026-03-31", "90837", 10, "A1")],
      [visit("2026-04-02"), visit("2026-04-02", "90834")],
    );
    expect(c.session(2)).toMatchObject({ trackingRow: null, remaining: null });
    const outside = problems(c, "outside-authorization");
    expect(outside).toEqual([expect.objectContaining({ sheet: "Sessions", row: 2, column: null })]);
    expect(outside[0].message).toMatch(/4\/2\/2026/);
  });

  test("an outside session's message lists the date ranges of its own code's lines, codes taking turns by date", () => {
    // 90837 is authorized 1/1-3/31 and 90834 7/1-9/30; the May sessions alternate codes, so each
    // message must name its own code's range even when the other code's came just before it.
    const c = practice(
      [line("2026-01-01", "2026-03-31", "90837", 10, "A1"), line("2026-07-01", "2026-09-30", "90834", 10, "B1")],
      [visit("2026-05-01"), visit("2026-05-02", "90834"), visit("2026-05-03"), visit("2026-05-04", "90834")],
    );
    const ranges = problems(c, "outside-authorization").map((p) => [p.row, /: ([^:]*)\.$/.exec(p.message)?.[1]]);
    expect(ranges).toEqual([
      [2, "1/1/2026–3/31/2026"],
      [3, "7/1/2026–9/30/2026"],
      [4, "1/1/2026–3/31/2026"],
      [5, "7/1/2026–9/30/2026"],
    ]);
  });

  test("a session dated after as-of is booked: it draws, and is not outside the authorization", () => {
    const c = practice([line(...YEAR, "90837", 10)], [visit("2026-08-03")]);
    expect(c.session(2).remaining).toBe(9);
    expect(problems(c, "outside-authorization")).toEqual([]);
  });
});

describe("per line, as of a date", () => {
  // Allowed 10. As of 3/15: 3/10 and 3/15 used, 3/16 and 4/1 scheduled.
  const sessions = [visit("2026-03-10"), visit("2026-03-16"), visit("2026-03-15"), visit("2026-04-01")];

  test("Used counts sessions on or before the as-of date, Scheduled those after it", () => {
    const c = practice([line(...YEAR, "90837", 10)], sessions, "2026-03-15");
    expect(c.line(2)).toMatchObject({ used: 2, scheduled: 2 });
  });

  test("Remaining = Allowed − Used − Scheduled, and equals the Remaining of the line's last session", () => {
    const c = practice([line(...YEAR, "90837", 10)], sessions, "2026-03-15");
    expect(c.line(2).remaining).toBe(10 - 2 - 2);
    // The last session by date is 4/1 on row 5.
    expect(c.session(5).remaining).toBe(6);
  });

  test("the same line counted as of a later date moves the booked sessions to Used", () => {
    const c = practice([line(...YEAR, "90837", 10)], sessions, "2026-04-01");
    expect(c.line(2)).toMatchObject({ used: 4, scheduled: 0, remaining: 6 });
  });

  test("Last Session is the latest date drawn on or before the as-of date", () => {
    const c = practice([line(...YEAR, "90837", 10)], sessions, "2026-03-15");
    expect(c.line(2).lastSession).toBe(day("2026-03-15"));
  });

  test("Last Session is blank when nothing was drawn on or before the as-of date", () => {
    const c = practice([line(...YEAR, "90837", 10)], [visit("2026-07-06")], "2026-06-30");
    expect(c.line(2)).toMatchObject({ used: 0, scheduled: 1, lastSession: null });
  });

  test("a session that does not count is not a Last Session", () => {
    const c = practice(
      [line(...YEAR, "90837", 10)],
      [visit("2026-03-02"), visit("2026-03-09", "90837", { status: "No Show" })],
      "2026-03-31",
    );
    expect(c.line(2).lastSession).toBe(day("2026-03-02"));
  });
});

describe("status, the first rule that holds", () => {
  // As of 2026-06-30, Low remaining at 2, Expiring within days 14 (the defaults).
  const status = (tracking: Cell[][], sessions: Cell[][] = [], asOf = "2026-06-30", settings?: Cell[][]) =>
    practice(tracking, sessions, asOf, settings).line(2).status;

  test("Over limit when Remaining is below 0", () => {
    expect(status([line(...YEAR, "90837", 1)], [visit("2026-03-02"), visit("2026-03-09")])).toBe("Over limit");
  });

  test("Over limit comes before Expired: an ended line that went over stays Over limit", () => {
    expect(status([line("2026-01-01", "2026-03-31", "90837", 1)], [visit("2026-03-02"), visit("2026-03-09")])).toBe(
      "Over limit",
    );
  });

  test("a line booked past its limit before it starts is Over limit", () => {
    // Starts 8/1, allows 1, two sessions booked in August: Used 0, Scheduled 2, Remaining -1.
    const c = practice([line("2026-08-01", "2026-12-31", "90837", 1)], [visit("2026-08-03"), visit("2026-08-10")]);
    expect(c.line(2)).toMatchObject({ used: 0, scheduled: 2, remaining: -1, status: "Over limit" });
  });

  test("Expired when the as-of date is after the End Date, even with sessions left", () => {
    expect(status([line("2026-01-01", "2026-06-29", "90837", 10)])).toBe("Expired");
  });

  test("Expired comes before Depleted: an ended line with 0 left is Expired", () => {
    expect(status([line("2026-01-01", "2026-05-31", "90837", 1)], [visit("2026-05-04")])).toBe("Expired");
  });

  test("a line whose End Date is the as-of date is Expiring soon, and Expired from the next day", () => {
    expect(status([line("2026-01-01", "2026-06-30", "90837", 10)], [], "2026-06-30")).toBe("Expiring soon");
    expect(status([line("2026-01-01", "2026-06-30", "90837", 10)], [], "2026-07-01")).toBe("Expired");
  });

  test("Depleted when Remaining is 0", () => {
    expect(status([line(...YEAR, "90837", 2)], [visit("2026-03-02"), visit("2026-03-09")])).toBe("Depleted");
  });

  test("a line with Allowed 0 is Depleted", () => {
    expect(status([line(...YEAR, "90837", 0)])).toBe("Depleted");
  });

  test("Depleted comes before Not started: a future line fully booked is Depleted", () => {
    expect(status([line("2026-08-01", "2026-12-31", "90837", 1)], [visit("2026-08-03")])).toBe("Depleted");
  });

  test("Not started when the as-of date is before the Start Date, even with few left", () => {
    // Allows 2 (which would be Low) and starts tomorrow.
    expect(status([line("2026-07-01", "2026-12-31", "90837", 2)])).toBe("Not started");
  });

  test("a line that starts on the as-of date has started", () => {
    expect(status([line("2026-06-30", "2026-12-31", "90837", 10)])).toBe("Active");
  });

  test("Low when Remaining is at or below Low remaining at (2): 2 left is Low, 3 left is Active", () => {
    expect(status([line(...YEAR, "90837", 3)], [visit("2026-03-02")])).toBe("Low");
    expect(status([line(...YEAR, "90837", 3)])).toBe("Active");
  });

  test("Low comes before Expiring soon", () => {
    expect(status([line("2026-01-01", "2026-07-05", "90837", 1)])).toBe("Low");
  });

  test("Expiring soon when the End Date is within 14 days: ending 7/14 is Expiring soon, 7/15 Active", () => {
    expect(status([line("2026-01-01", "2026-07-14", "90837", 10)])).toBe("Expiring soon");
    expect(status([line("2026-01-01", "2026-07-15", "90837", 10)])).toBe("Active");
  });

  test("Active otherwise", () => {
    const c = practice([line(...YEAR, "90837", 12)], [visit("2026-03-02"), visit("2026-07-06")]);
    expect(c.line(2)).toMatchObject({ used: 1, scheduled: 1, remaining: 10, status: "Active", note: null });
  });

  test("the Low threshold counts units on a Units line: 2 units left is Low, 2.5 units left is Active", () => {
    expect(status([line(...YEAR, "97153", 10, null, "Units")], [visit("2026-03-02", "97153", { units: 8 })])).toBe(
      "Low",
    );
    expect(status([line(...YEAR, "97153", 10, null, "Units")], [visit("2026-03-02", "97153", { units: 7.5 })])).toBe(
      "Active",
    );
  });

  test("the thresholds come from Settings, also for Units lines", () => {
    const settings = [
      ["Low remaining at", 5],
      ["Expiring within days", 30],
    ];
    // Units line, 100 allowed, 95.5 used: 4.5 left is Low at 5.
    expect(
      status(
        [line(...YEAR, "97153", 100, null, "Units")],
        [visit("2026-03-02", "97153", { units: 95.5 })],
        "2026-06-30",
        settings,
      ),
    ).toBe("Low");
    // 6 units left, ending 7/30 (30 days): Expiring soon within 30; 7/31 (31 days) is Active.
    expect(
      status(
        [line("2026-01-01", "2026-07-30", "97153", 10, null, "Units")],
        [visit("2026-03-02", "97153", { units: 4 })],
        "2026-06-30",
        settings,
      ),
    ).toBe("Expiring soon");
    expect(
      status(
        [line("2026-01-01", "2026-07-31", "97153", 10, null, "Units")],
        [visit("2026-03-02", "97153", { units: 4 })],
        "2026-06-30",
        settings,
      ),
    ).toBe("Active");
    // Sessions line with 5 left is Low at 5 (Active with the default 2).
    expect(status([line(...YEAR, "90837", 5)], [], "2026-06-30", settings)).toBe("Low");
    expect(status([line(...YEAR, "90837", 5)])).toBe("Active");
  });
});
