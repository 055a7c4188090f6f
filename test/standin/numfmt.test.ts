import { formatText, generalNumber, officeNumberFormat } from "../../src/standin/numfmt";

describe("Range.text: values through their number format", () => {
  test("General shows numbers plainly", () => {
    expect(generalNumber(1001)).toBe("1001");
    expect(generalNumber(0.1 + 0.2)).toBe("0.3");
    expect(generalNumber(123456789012)).toBe("1.23457E+11");
    expect(formatText(12, "Double", "General", false)).toBe("12");
  });

  test("fixed decimals, thousands and percentages", () => {
    expect(formatText(1234.5, "Double", "#,##0.00", false)).toBe("1,234.50");
    expect(formatText(0.25, "Double", "0%", false)).toBe("25%");
    expect(formatText(-3, "Double", "0", false)).toBe("-3");
    expect(formatText(-3, "Double", "0;(0)", false)).toBe("(3)");
  });

  test("dates through date formats", () => {
    expect(formatText(46027, "Double", "m/d/yyyy", false)).toBe("1/5/2026");
    expect(formatText(46027, "Double", "yyyy-mm-dd", false)).toBe("2026-01-05");
    expect(formatText(46027, "Double", "d-mmm-yy", false)).toBe("5-Jan-26");
    expect(formatText(46027.5, "Double", "h:mm AM/PM", false)).toBe("12:00 PM");
    expect(formatText(44565, "Double", "yyyy-mm-dd", true)).toBe("2026-01-05");
  });

  test("text, booleans, errors and empties", () => {
    expect(formatText("abc", "String", "@", false)).toBe("abc");
    expect(formatText(true, "Boolean", "General", false)).toBe("TRUE");
    expect(formatText("#N/A", "Error", "General", false)).toBe("#N/A");
    expect(formatText("", "Empty", "0.00", false)).toBe("");
  });

  test("ExcelJS's name for built-in format 14 is reported as Excel reports it", () => {
    expect(officeNumberFormat("mm-dd-yy")).toBe("m/d/yyyy");
    expect(officeNumberFormat(undefined)).toBe("General");
  });
});
