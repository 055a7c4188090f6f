/**
 * SPEC §3 "Dates": how a Date, Start Date or End Date cell becomes a calendar day.
 * Each test is one rule, with a date a biller can check on a calendar.
 */
import { dayFromJsDate, isoFromDay, parseDateText, serialToDay } from "../../src/engine/dates";
import { readDate } from "../../src/workbook/cells";
import { count, SESSIONS_HEADER, TRACKING_HEADER } from "../helpers/practice";

/** The calendar date a serial reads as, or null. */
const serial = (n: number, system: 1900 | 1904 = 1900): string | null => {
  const d = serialToDay(n, system);
  return d === null ? null : isoFromDay(d);
};
/** The calendar date typed text reads as (M/D/Y unless told), or null. */
const text = (t: string, order: "MDY" | "DMY" = "MDY"): string | null => {
  const d = parseDateText(t, order);
  return d === null ? null : isoFromDay(d);
};

describe("Excel date serials (1900 system)", () => {
  test("serial 46023 is January 1, 2026 and 46086 is March 5, 2026", () => {
    expect(serial(46023)).toBe("2026-01-01");
    expect(serial(46086)).toBe("2026-03-05");
    expect(serial(46387)).toBe("2026-12-31");
  });

  test("serial 1 is January 1, 1900", () => {
    expect(serial(1)).toBe("1900-01-01");
  });

  test("serial 59 is February 28, 1900 and 61 is March 1, 1900", () => {
    expect(serial(59)).toBe("1900-02-28");
    expect(serial(61)).toBe("1900-03-01");
  });

  test("serial 60, Excel's phantom February 29, 1900, is not a date", () => {
    expect(serialToDay(60, 1900)).toBeNull();
  });

  test("serial 0 is not a date in the 1900 system", () => {
    expect(serialToDay(0, 1900)).toBeNull();
  });
});

describe("Excel date serials (1904 system)", () => {
  test("serial 0 is January 1, 1904", () => {
    expect(serial(0, 1904)).toBe("1904-01-01");
  });

  test("the same calendar day is 46086 in the 1900 system and 44624 in the 1904 system", () => {
    expect(serial(44624, 1904)).toBe("2026-03-05");
    expect(serialToDay(44624, 1904)).toBe(serialToDay(46086, 1900));
  });

  test("a workbook that declares the 1904 system reads its plain-number dates from 1904", () => {
    // 44561 is 2026-01-01 and 44741 is 2026-06-30 in the 1904 system; 44624 is 2026-03-05.
    // Read in the 1900 system, 44624 would be 2022-03-05, outside the line, and count nothing.
    const c = count(
      {
        Tracking: [TRACKING_HEADER, ["C1", "Sessions", 44561, 44741, "90837", 10, "A1"]],
        Sessions: [SESSIONS_HEADER, [44624, "C1", "90837", null, null, null, null]],
      },
      "2026-06-30",
      { dateSystem: 1904 },
    );
    expect(isoFromDay(c.line(2).start!)).toBe("2026-01-01");
    expect(isoFromDay(c.line(2).end!)).toBe("2026-06-30");
    expect(c.line(2).used).toBe(1);
    expect(c.session(2).remaining).toBe(9);
    expect(isoFromDay(c.line(2).lastSession!)).toBe("2026-03-05");
  });
});

describe("a serial with a time of day is rounded to the second, then its day taken", () => {
  test("45000.5 (noon) is the same day as 45000", () => {
    expect(serial(45000)).toBe("2023-03-15");
    expect(serial(45000.5)).toBe("2023-03-15");
  });

  test("45000.9999999 (less than a hundredth of a second before midnight) is the next day", () => {
    expect(serial(45000.9999999)).toBe("2023-03-16");
  });

  test("45000.99998 (23:59:58) is still the same day", () => {
    expect(serial(45000.99998)).toBe("2023-03-15");
  });

  test("the same rounding holds in the 1904 system", () => {
    expect(serial(44624.9999999, 1904)).toBe("2026-03-06");
    expect(serial(44624.75, 1904)).toBe("2026-03-05");
  });
});

describe("dates typed as text", () => {
  test("ISO text 2026-03-05 is March 5, 2026 in either date order", () => {
    expect(text("2026-03-05")).toBe("2026-03-05");
    expect(text("2026-03-05", "DMY")).toBe("2026-03-05");
  });

  test("M/D/Y numeric text with /, - or . between the parts", () => {
    expect(text("3/5/2026")).toBe("2026-03-05");
    expect(text("03-05-2026")).toBe("2026-03-05");
    expect(text("3.5.2026")).toBe("2026-03-05");
  });

  test("D/M/Y numeric text with /, - or . between the parts", () => {
    expect(text("5/3/2026", "DMY")).toBe("2026-03-05");
    expect(text("05-03-2026", "DMY")).toBe("2026-03-05");
    expect(text("5.3.2026", "DMY")).toBe("2026-03-05");
  });

  test("the same text 3/5/2026 is March 5 in M/D/Y and May 3 in D/M/Y", () => {
    expect(text("3/5/2026", "MDY")).toBe("2026-03-05");
    expect(text("3/5/2026", "DMY")).toBe("2026-05-03");
  });

  test("a two-digit year is 20yy: 03-05-26 is March 5, 2026", () => {
    expect(text("03-05-26")).toBe("2026-03-05");
    expect(text("3/5/26")).toBe("2026-03-05");
    expect(text("12/31/99")).toBe("2099-12-31");
    expect(text("5.3.26", "DMY")).toBe("2026-03-05");
  });

  test("English month names: Mar 5, 2026 and 5 March 2026", () => {
    expect(text("Mar 5, 2026")).toBe("2026-03-05");
    expect(text("March 5, 2026")).toBe("2026-03-05");
    expect(text("5 March 2026")).toBe("2026-03-05");
    expect(text("5 Mar 2026")).toBe("2026-03-05");
    expect(text("sept 30, 2026")).toBe("2026-09-30");
  });

  test("month names are read the same whatever the Date order setting", () => {
    expect(text("Mar 5, 2026", "DMY")).toBe("2026-03-05");
    expect(text("5 March 2026", "DMY")).toBe("2026-03-05");
  });

  test("surrounding spaces are ignored", () => {
    expect(text("  3/5/2026  ")).toBe("2026-03-05");
  });

  test("a trailing time of day is ignored", () => {
    expect(text("2026-03-05 10:30")).toBe("2026-03-05");
    expect(text("2026-03-05T23:59:59")).toBe("2026-03-05");
    expect(text("3/5/2026 10:30 AM")).toBe("2026-03-05");
    expect(text("3/5/2026 11:45:10 PM")).toBe("2026-03-05");
    expect(text("Mar 5, 2026 14:00")).toBe("2026-03-05");
    expect(text("5 March 2026 9:15")).toBe("2026-03-05");
  });

  test("impossible dates are not dates: 2/30/2026 and 13/45/2025", () => {
    expect(parseDateText("2/30/2026", "MDY")).toBeNull();
    expect(parseDateText("30/2/2026", "DMY")).toBeNull();
    expect(parseDateText("13/45/2025", "MDY")).toBeNull();
    expect(parseDateText("13/45/2025", "DMY")).toBeNull();
    expect(parseDateText("2026-02-30", "MDY")).toBeNull();
    expect(parseDateText("Feb 30, 2026", "MDY")).toBeNull();
  });

  test("February 29 is a date only in a leap year", () => {
    expect(text("2/29/2028")).toBe("2028-02-29");
    expect(parseDateText("2/29/2026", "MDY")).toBeNull();
  });

  test("in M/D/Y a month above 12 is not a date (13/5/2026), though it is May 13 in D/M/Y", () => {
    expect(parseDateText("13/5/2026", "MDY")).toBeNull();
    expect(text("13/5/2026", "DMY")).toBe("2026-05-13");
  });

  test("text that is not a date is not a date", () => {
    expect(parseDateText("next Tuesday", "MDY")).toBeNull();
    expect(parseDateText("TBD", "MDY")).toBeNull();
    expect(parseDateText("Marz 5, 2026", "MDY")).toBeNull();
  });
});

describe("date cells from a file", () => {
  test("a Date object is read by its UTC calendar date", () => {
    expect(isoFromDay(dayFromJsDate(new Date(Date.UTC(2026, 2, 5)))!)).toBe("2026-03-05");
  });

  test("a Date object with a time of day keeps its UTC calendar date, never shifted by a time zone", () => {
    expect(isoFromDay(dayFromJsDate(new Date(Date.UTC(2026, 2, 5, 0, 0, 1)))!)).toBe("2026-03-05");
    expect(isoFromDay(dayFromJsDate(new Date(Date.UTC(2026, 2, 5, 23, 59, 59)))!)).toBe("2026-03-05");
  });

  test("an invalid Date object is not a date", () => {
    expect(dayFromJsDate(new Date(Number.NaN))).toBeNull();
  });
});

describe("reading a date cell", () => {
  test("a number, text and a Date object for March 5, 2026 all read as the same day", () => {
    const read = (cell: Parameters<typeof readDate>[0]): string | null => {
      const r = readDate(cell, 1900, "MDY");
      return r.ok && r.value !== null ? isoFromDay(r.value) : null;
    };
    expect(read(46086)).toBe("2026-03-05");
    expect(read("3/5/2026")).toBe("2026-03-05");
    expect(read("2026-03-05")).toBe("2026-03-05");
    expect(read(new Date(Date.UTC(2026, 2, 5)))).toBe("2026-03-05");
  });

  test("a blank date cell is blank, not an error", () => {
    expect(readDate(null, 1900, "MDY")).toEqual({ ok: true, value: null });
    expect(readDate("   ", 1900, "MDY")).toEqual({ ok: true, value: null });
  });

  test("an impossible date, an error value and TRUE are unreadable, with a reason", () => {
    for (const cell of ["2/30/2026", { error: "#N/A" }, true, 60]) {
      const r = readDate(cell, 1900, "MDY");
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
    }
  });
});

describe("dates as exports and people write them", () => {
  test("a trailing time of day written as an hour alone or after a comma is ignored", () => {
    expect(text("3/5/2026 10 AM")).toBe("2026-03-05");
    expect(text("3/5/2026 10am")).toBe("2026-03-05");
    expect(text("3/5/2026, 10:30:00 AM")).toBe("2026-03-05");
    expect(text("Mar 5, 2026, 10:30 AM")).toBe("2026-03-05");
    expect(text("5 March 2026, 14:00")).toBe("2026-03-05");
  });

  test("a date typed in Excel's d-mmm-yy style (05-Mar-2026, 5-Mar-26) is March 5, 2026", () => {
    expect(text("05-Mar-2026")).toBe("2026-03-05");
    expect(text("5-Mar-26")).toBe("2026-03-05");
    expect(text("31-Feb-26")).toBeNull();
  });

  test("a bare number after the date is no time of day: 3/5/2026 10 is not a date", () => {
    expect(text("3/5/2026 10")).toBeNull();
  });
});
