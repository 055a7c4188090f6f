import {
  MAX_COLUMNS,
  MAX_ROWS,
  columnLetters,
  columnNumber,
  formatAddress,
  parseRect,
  quoteSheet,
  splitSheet,
} from "../../src/standin/address";

describe("A1 addresses as Office.js takes and gives them", () => {
  test("a cell, a block, whole columns and whole rows parse to 1-based rectangles", () => {
    expect(parseRect("B5")).toEqual({ top: 5, left: 2, bottom: 5, right: 2 });
    expect(parseRect("A1:C3")).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    expect(parseRect("$C$3:$a$1")).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    expect(parseRect("A:A")).toEqual({ top: 1, left: 1, bottom: MAX_ROWS, right: 1 });
    expect(parseRect("2:2")).toEqual({ top: 2, left: 1, bottom: 2, right: MAX_COLUMNS });
  });

  test("what Excel would not take as a reference is null", () => {
    for (const bad of ["", "A", "2", "A0", "XFE1", "A1048577", "A1:B2:C3", "Sheet 1", "A1:", "R1C1"]) {
      expect(parseRect(bad)).toBeNull();
    }
  });

  test("column letters and numbers convert both ways up to XFD", () => {
    expect(columnLetters(1)).toBe("A");
    expect(columnLetters(28)).toBe("AB");
    expect(columnLetters(16384)).toBe("XFD");
    expect(columnNumber("xfd")).toBe(16384);
  });

  test("sheet names are quoted when Excel quotes them", () => {
    expect(quoteSheet("Sheet1")).toBe("Sheet1");
    expect(quoteSheet("Authorized Insurance Sessions")).toBe("'Authorized Insurance Sessions'");
    expect(quoteSheet("2024")).toBe("'2024'");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheet("Sessions-2")).toBe("'Sessions-2'");
    expect(quoteSheet("R")).toBe("'R'");
    expect(quoteSheet("Report")).toBe("Report");
  });

  test("an address reads back with its sheet, as Range.address gives it", () => {
    expect(formatAddress("Sheet1", { top: 1, left: 1, bottom: 3, right: 3 })).toBe("Sheet1!A1:C3");
    expect(formatAddress("My Sheet", { top: 5, left: 2, bottom: 5, right: 2 })).toBe("'My Sheet'!B5");
    expect(formatAddress("S", { top: 1, left: 1, bottom: MAX_ROWS, right: 2 })).toBe("S!A:B");
    expect(formatAddress("S", { top: 4, left: 1, bottom: 4, right: MAX_COLUMNS }, true)).toBe("S!$4:$4");
  });

  test("a sheet-qualified address splits into sheet and cells", () => {
    expect(splitSheet("'O''Brien'!A1")).toEqual({ sheet: "O'Brien", local: "A1" });
    expect(splitSheet("A1:B2")).toEqual({ sheet: null, local: "A1:B2" });
  });
});
