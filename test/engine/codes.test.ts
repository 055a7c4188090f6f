/**
 * SPEC §3 "Codes": how a billing code is read on Sessions and Tracking, and which sessions a line's codes take.
 * The unit tests read the codes; the practice tests count a few sessions through the real reader and engine.
 */
import {
  codeMatches,
  excludeBases,
  isAnyCode,
  lineCountsCode,
  parseSessionCode,
  parseTrackingCodes,
  type CodeList,
  type TrackingCode,
} from "../../src/engine/codes";
import type { Cell } from "../../src/workbook/cells";
import { count, SESSIONS_HEADER, TRACKING_HEADER } from "../helpers/practice";

/** The tracking codes of a cell that must read. */
function tracking(text: string): CodeList {
  const r = parseTrackingCodes(text);
  if (!r.ok) throw new Error(`"${text}" did not read: ${r.reason}`);
  return r.value;
}
function listed(text: string): readonly TrackingCode[] {
  const list = tracking(text);
  if (list.any) throw new Error(`"${text}" read as Any`);
  return list.codes;
}
/** True when a session with this code counts on a line with these codes (default Count Any excludes). */
function counts(lineCodes: string, sessionCode: string, excludes: string[] = ["90785", "90833"]): boolean {
  const s = parseSessionCode(sessionCode);
  if (s === null) throw new Error("blank session code");
  return lineCountsCode(tracking(lineCodes), s, excludeBases(excludes));
}

/** One line from 2026-01-01 to 2026-12-31 with these codes and Allowed 10, and one session per code given. */
function practice(lineCodes: Cell, sessionCodes: Cell[], settings?: Cell[][]) {
  return count({
    Tracking: [TRACKING_HEADER, ["C1", "Sessions", "2026-01-01", "2026-12-31", lineCodes, 10, "A1"]],
    Sessions: [SESSIONS_HEADER, ...sessionCodes.map((code) => ["2026-03-05", "C1", code, null, null, null, null])],
    ...(settings ? { Settings: [["Setting", "Value"], ...settings] } : {}),
  });
}

describe("reading a code", () => {
  test("a code is trimmed and upper-cased: ' g0151 ' is G0151", () => {
    expect(parseSessionCode(" g0151 ")).toEqual({ base: "G0151", modifiers: [] });
    expect(listed(" g0151 ")).toEqual([{ from: "G0151", to: "G0151", modifiers: [] }]);
  });

  test("a blank session code is no code", () => {
    expect(parseSessionCode("   ")).toBeNull();
  });

  test("modifiers are joined by a dash, a colon or a space: 90837-95, 90837:GT, 97153 HN", () => {
    expect(parseSessionCode("90837-95")).toEqual({ base: "90837", modifiers: ["95"] });
    expect(parseSessionCode("90837:gt")).toEqual({ base: "90837", modifiers: ["GT"] });
    expect(parseSessionCode("97153 HN")).toEqual({ base: "97153", modifiers: ["HN"] });
    expect(parseSessionCode("97153-HN-GT")).toEqual({ base: "97153", modifiers: ["HN", "GT"] });
  });

  test("a code typed as a number (90837) is the code 90837", () => {
    const c = practice(90837, [90837, "90837"]);
    expect(c.line(2).codes).toEqual(["90837"]);
    expect(c.line(2).used).toBe(2);
  });
});

describe("modifiers", () => {
  test("a tracking code without a modifier takes a session whatever its modifiers", () => {
    const [code] = listed("90837");
    expect(codeMatches(parseSessionCode("90837")!, code)).toBe(true);
    expect(codeMatches(parseSessionCode("90837-95")!, code)).toBe(true);
    expect(codeMatches(parseSessionCode("90837 GT")!, code)).toBe(true);
    expect(codeMatches(parseSessionCode("90834")!, code)).toBe(false);
  });

  test("a tracking code with a modifier takes only sessions that carry that modifier", () => {
    const [code] = listed("97153-HN");
    expect(code).toEqual({ from: "97153", to: "97153", modifiers: ["HN"] });
    expect(codeMatches(parseSessionCode("97153 HN")!, code)).toBe(true);
    expect(codeMatches(parseSessionCode("97153:hn")!, code)).toBe(true);
    expect(codeMatches(parseSessionCode("97153")!, code)).toBe(false);
    expect(codeMatches(parseSessionCode("97153-HO")!, code)).toBe(false);
  });

  test("a line for 97153-HN counts the 97153 HN sessions and not the plain 97153 one", () => {
    // Sessions rows 2-4: 97153 HN, 97153-hn, 97153. Only rows 2 and 3 draw: Remaining 9, 8; row 4 draws nothing.
    const c = practice("97153 HN", ["97153 HN", "97153-hn", "97153"]);
    expect(c.line(2).codes).toEqual(["97153-HN"]);
    expect(c.line(2).used).toBe(2);
    expect(c.session(2).remaining).toBe(9);
    expect(c.session(3).remaining).toBe(8);
    expect(c.session(4)).toMatchObject({ trackingRow: null, remaining: null });
  });

  test("a line for 90837 counts 90837, 90837-95 and 90837:GT sessions alike", () => {
    const c = practice("90837", ["90837", "90837-95", "90837:GT"]);
    expect(c.line(2).used).toBe(3);
    expect(c.line(2).remaining).toBe(7);
  });
});

describe("several codes in one Tracking cell", () => {
  test("codes separated by commas, semicolons or spaces are each listed", () => {
    expect(listed("90834, 90837;90847 90853").map((c) => c.from)).toEqual(["90834", "90837", "90847", "90853"]);
  });

  test("a line for '90834, 90837' counts both codes and not 90832", () => {
    const c = practice("90834, 90837", ["90834", "90837", "90832"]);
    expect(c.line(2).codes).toEqual(["90834", "90837"]);
    expect(c.line(2).used).toBe(2);
    expect(c.session(4).trackingRow).toBeNull();
  });

  test("a lone two-character token is a modifier of the code before it, not a code: '97153 HN, 97155'", () => {
    expect(listed("97153 HN, 97155")).toEqual([
      { from: "97153", to: "97153", modifiers: ["HN"] },
      { from: "97155", to: "97155", modifiers: [] },
    ]);
  });

  test("a two-character token with no code before it makes the line invalid", () => {
    const r = parseTrackingCodes("HN 97153");
    expect(r.ok).toBe(false);
  });

  test("a cell of only separators lists no code and makes the line invalid", () => {
    const c = practice(" , ; ", ["90837"]);
    expect(c.line(2).status).toBe("Invalid");
    expect(c.line(2).note).toMatch(/no billing code/i);
    expect(c.session(2).trackingRow).toBeNull();
  });
});

describe("ranges of codes", () => {
  test("90832-90838 takes every code from 90832 to 90838, both ends included", () => {
    const [range] = listed("90832-90838");
    expect(range).toEqual({ from: "90832", to: "90838", modifiers: [] });
    for (const code of ["90832", "90835", "90838", "90837-95"]) {
      expect(codeMatches(parseSessionCode(code)!, range)).toBe(true);
    }
    for (const code of ["90831", "90839", "9083", "908320"]) {
      expect(codeMatches(parseSessionCode(code)!, range)).toBe(false);
    }
  });

  test("a range line counts the codes inside it: 90832, 90834 and 90838 draw, 90839 does not", () => {
    const c = practice("90832-90838", ["90832", "90834", "90838", "90839"]);
    expect(c.line(2).codes).toEqual(["90832-90838"]);
    expect(c.line(2).used).toBe(3);
    expect(c.line(2).remaining).toBe(7);
    expect(c.session(5).trackingRow).toBeNull();
  });

  test("a range and a single code in one cell: '90832-90838, 90846'", () => {
    const codes = listed("90832-90838, 90846");
    expect(codes).toEqual([
      { from: "90832", to: "90838", modifiers: [] },
      { from: "90846", to: "90846", modifiers: [] },
    ]);
  });

  test("a range of codes of different lengths is rejected with the reason", () => {
    const r = parseTrackingCodes("9083-90838");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/different lengths/);
  });

  test("a line with a range of unequal lengths is Invalid, says why, and counts nothing", () => {
    const c = practice("9083-90838", ["90837"]);
    expect(c.line(2).status).toBe("Invalid");
    expect(c.line(2).used).toBe(0);
    expect(c.line(2).remaining).toBeNull();
    expect(c.line(2).note).toMatch(/different lengths/);
    expect(c.session(2).trackingRow).toBeNull();
    expect(c.result.problems.some((p) => p.sheet === "Tracking" && p.row === 2 && p.column === "Billing Code")).toBe(
      true,
    );
  });
});

describe("Any lines", () => {
  test("Any, Count Any Session and * all mean any session, whatever their case", () => {
    for (const t of ["Any", "ANY", " any ", "Count Any Session", "count any session", "*"]) {
      expect(isAnyCode(t)).toBe(true);
      expect(tracking(t)).toEqual({ any: true });
    }
    expect(isAnyCode("90837")).toBe(false);
  });

  test("an Any line counts sessions of any code: 90837, 90791 and H0031 each draw one", () => {
    const c = practice("Count Any Session", ["90837", "90791", "H0031"]);
    expect(c.line(2).any).toBe(true);
    expect(c.line(2).codes).toEqual([]);
    expect(c.line(2).used).toBe(3);
    expect(c.line(2).remaining).toBe(7);
  });

  test("an Any line does not count the default Count Any excludes (90785 interactive complexity, 90833 add-on)", () => {
    const c = practice("Any", ["90834", "90785", "90833"]);
    expect(c.line(2).used).toBe(1);
    expect(c.session(3).trackingRow).toBeNull();
    expect(c.session(4).trackingRow).toBeNull();
  });

  test("Count Any excludes compare base codes, modifiers ignored: 90785-95 is excluded, as is 90833 under '90833-GT'", () => {
    expect(counts("Any", "90785-95")).toBe(false);
    expect(counts("Any", "90833:GT")).toBe(false);
    expect(counts("Any", "90834-95")).toBe(true);
    const excluded = excludeBases(["90833-GT", " 99354 HN "]);
    expect(["90833", "99354", "90834"].map((c) => excluded.has(c))).toEqual([true, true, false]);
    // Rows 2-4: 90837 draws; 90785-95 and 99354 are excluded by the Settings list "90785, 99354-GT".
    const c = practice("Any", ["90837", "90785-95", "99354"], [["Count Any excludes", "90785, 99354-GT"]]);
    expect(c.line(2).used).toBe(1);
    expect(c.session(3).trackingRow).toBeNull();
    expect(c.session(4).trackingRow).toBeNull();
  });

  test("a line that lists an excluded code still counts it (excludes apply only to Any lines)", () => {
    const c = practice("90785", ["90785"]);
    expect(c.line(2).used).toBe(1);
  });
});

describe("codes typed the way people type them", () => {
  test("a range typed with spaces or an en dash (90832 - 90838, 90832–90838) is read as a range", () => {
    for (const codes of ["90832 - 90838", "90832–90838"]) {
      const c = count({
        Tracking: [TRACKING_HEADER, ["C1", "Sessions", "2026-01-01", "2026-12-31", codes, 10, "A1"]],
        Sessions: [SESSIONS_HEADER, ["2026-03-05", "C1", "90834", null, null, null, null]],
      });
      expect(c.line(2).codes).toEqual(["90832-90838"]);
      expect(c.session(2).remaining).toBe(9);
    }
  });

  test("a range in Count Any excludes (90833-90838) excludes every code in it from Any lines", () => {
    const c = count({
      Tracking: [TRACKING_HEADER, ["C1", "Sessions", "2026-01-01", "2026-12-31", "Any", 10, "EAP"]],
      Sessions: [
        SESSIONS_HEADER,
        ["2026-03-05", "C1", "90836", null, null, null, null],
        ["2026-03-06", "C1", "90832", null, null, null, null],
      ],
      Settings: [
        ["Setting", "Value"],
        ["Count Any excludes", "90785, 90833-90838"],
      ],
    });
    expect(c.session(2).trackingRow).toBeNull();
    expect(c.session(3).trackingRow).toBe(2);
  });

  test("a session code that is not one code with two-character modifiers (Intake Eval) is reported, not silently dropped", () => {
    const c = count({
      Tracking: [TRACKING_HEADER, ["C1", "Sessions", "2026-01-01", "2026-12-31", "Any", 10, "A1"]],
      Sessions: [SESSIONS_HEADER, ["2026-03-05", "C1", "Intake Eval", null, null, null, null]],
    });
    expect(c.session(2)).toMatchObject({ trackingRow: null, remaining: null });
    expect(c.result.problems.map((p) => [p.sheet, p.row, p.column])).toEqual([["Sessions", 2, "Billing Code"]]);
  });
});
