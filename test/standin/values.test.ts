import ExcelJS from "exceljs";
import {
  dateToSerial,
  parseDateText,
  parseInput,
  parseNumberText,
  partsToSerial,
  readFormula,
  readValue,
  readValueType,
  serialToParts,
} from "../../src/standin/values";

function cellWith(value: ExcelJS.CellValue): ExcelJS.Cell {
  const ws = new ExcelJS.Workbook().addWorksheet("S");
  const cell = ws.getCell("A1");
  cell.value = value;
  return cell;
}

const plain = { textFormat: false, generalFormat: true, date1904: false, year: 2026 };

describe("cells read as Office.js gives them", () => {
  test("empty cells are the empty string, never null", () => {
    expect(readValue(undefined, false)).toBe("");
    expect(readValue(cellWith(null), false)).toBe("");
    expect(readValueType(undefined)).toBe("Empty");
  });

  test("a date cell is its serial in the workbook's date system", () => {
    const date = new Date(Date.UTC(2026, 0, 5));
    expect(readValue(cellWith(date), false)).toBe(46027);
    expect(readValue(cellWith(date), true)).toBe(46027 - 1462);
    expect(readValueType(cellWith(date))).toBe("Double");
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)), false)).toBe(61);
  });

  test("an error cell is its text with value type Error", () => {
    const cell = cellWith({ error: "#N/A" } as ExcelJS.CellErrorValue);
    expect(readValue(cell, false)).toBe("#N/A");
    expect(readValueType(cell)).toBe("Error");
  });

  test("a formula gives its cached result in values and its text in formulas", () => {
    const cell = cellWith({ formula: "SUM(B1:B3)", result: 7 } as ExcelJS.CellFormulaValue);
    expect(readValue(cell, false)).toBe(7);
    expect(readValueType(cell)).toBe("Double");
    expect(readFormula(cell, false)).toBe("=SUM(B1:B3)");
  });

  test("rich text and hyperlinks read as their plain text", () => {
    expect(readValue(cellWith({ richText: [{ text: "Ann " }, { text: "Lee", font: { bold: true } }] }), false)).toBe(
      "Ann Lee",
    );
    expect(readValue(cellWith({ text: "site", hyperlink: "https://example.com" }), false)).toBe("site");
  });

  test("serials and calendar dates convert both ways, including the phantom 1900-02-29", () => {
    expect(partsToSerial(2026, 1, 5, false)).toBe(46027);
    expect(serialToParts(46027, false)).toMatchObject({ y: 2026, m: 1, d: 5 });
    expect(serialToParts(60, false)).toMatchObject({ y: 1900, m: 2, d: 29 });
    expect(serialToParts(59, false)).toMatchObject({ y: 1900, m: 2, d: 28 });
    expect(serialToParts(0, true)).toMatchObject({ y: 1904, m: 1, d: 1 });
    expect(partsToSerial(1904, 1, 1, true)).toBe(0);
  });
});

describe("values written as Excel stores typing", () => {
  test("null leaves a cell and the empty string clears it", () => {
    expect(parseInput(null, plain)).toEqual({ kind: "skip" });
    expect(parseInput(undefined, plain)).toEqual({ kind: "skip" });
    expect(parseInput("", plain)).toEqual({ kind: "clear" });
  });

  test("a string starting with = becomes a formula unless the cell is formatted as text", () => {
    expect(parseInput("=A1+1", plain)).toEqual({ kind: "set", value: { formula: "A1+1" } });
    expect(parseInput("=A1+1", { ...plain, textFormat: true })).toEqual({ kind: "set", value: "=A1+1" });
  });

  test("a leading apostrophe keeps text as typed and is not stored", () => {
    expect(parseInput("'=HYPERLINK(1)", plain)).toEqual({ kind: "set", value: "=HYPERLINK(1)" });
    expect(parseInput("'00123", plain)).toEqual({ kind: "set", value: "00123" });
  });

  test("number-like, boolean-like and date-like text is converted as Excel converts typing", () => {
    expect(parseInput("00123", plain)).toEqual({ kind: "set", value: 123 });
    expect(parseInput("TRUE", plain)).toEqual({ kind: "set", value: true });
    expect(parseInput("50%", plain)).toEqual({ kind: "set", value: 0.5, numFmt: "0%" });
    expect(parseInput("1/5/2026", plain)).toEqual({ kind: "set", value: 46027, numFmt: "m/d/yyyy" });
    expect(parseInput("3-5", plain)).toEqual({ kind: "set", value: partsToSerial(2026, 3, 5, false), numFmt: "d-mmm" });
    expect(parseInput("Ann Lee", plain)).toEqual({ kind: "set", value: "Ann Lee" });
  });

  test("values Excel cannot store are refused", () => {
    expect(() => parseInput(Number.NaN, plain)).toThrow();
    expect(() => parseInput({ a: 1 }, plain)).toThrow();
    expect(() => parseInput(new Date(), plain)).toThrow();
    expect(() => parseInput("x".repeat(32768), plain)).toThrow();
  });

  test("number text in the forms Excel reads", () => {
    expect(parseNumberText("1,234.5")?.value).toBe(1234.5);
    expect(parseNumberText("(5)")?.value).toBe(-5);
    expect(parseNumberText("$12")?.value).toBe(12);
    expect(parseNumberText("1e3")?.value).toBe(1000);
    expect(parseNumberText("12a")).toBeNull();
    expect(parseNumberText("1,23")).toBeNull();
  });

  test("date text in the forms Excel (en-US) reads, and impossible dates are not dates", () => {
    expect(parseDateText("2026-01-05", false, 2026)?.serial).toBe(46027);
    expect(parseDateText("Jan 5, 2026", false, 2026)?.serial).toBe(46027);
    expect(parseDateText("5-Jan-2026", false, 2026)?.serial).toBe(46027);
    expect(parseDateText("2/30/2026", false, 2026)).toBeNull();
    expect(parseDateText("13/1/2026", false, 2026)).toBeNull();
  });
});
