/** The grid's reading of cells: addresses as Office names selections, fills as Excel stores them, text through formats. */
import ExcelJS from "exceljs";
import { cellView, columnWidth, cssColor, fillColor, frozenRows, parseAddress } from "./gridModel";

describe("parseAddress", () => {
  it("reads a cell, a range, whole rows and whole columns, with or without the sheet", () => {
    expect(parseAddress("B5", 100, 10)).toEqual({ top: 5, left: 2, bottom: 5, right: 2 });
    expect(parseAddress("'Authorized Insurance Sessions'!$A$4:$O$69", 100, 10)).toEqual({
      top: 4,
      left: 1,
      bottom: 69,
      right: 15,
    });
    expect(parseAddress("Sessions!252:252", 3000, 9)).toEqual({ top: 252, left: 1, bottom: 252, right: 9 });
    expect(parseAddress("C:C", 40, 9)).toEqual({ top: 1, left: 3, bottom: 40, right: 3 });
    expect(parseAddress("not an address", 10, 10)).toBeNull();
  });
});

describe("colours", () => {
  it("shows the add-in's yellow and theme colours with their tint", () => {
    expect(fillColor({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } })).toBe("#FFFF00");
    expect(fillColor({ type: "pattern", pattern: "none" })).toBeNull();
    expect(cssColor({ theme: 1 } as Partial<ExcelJS.Color>)).toBe("#000000");
    expect(cssColor({ theme: 4, tint: 0.5 } as Partial<ExcelJS.Color>)).toBe("#a2b9e2");
  });
});

describe("cellView", () => {
  it("shows a date through its number format, numbers on the right, and a merge across its columns", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tracking");
    ws.getCell("A1").value = "Authorizations";
    ws.mergeCells("A1:C1");
    ws.getCell("A2").value = new Date(Date.UTC(2026, 2, 5));
    ws.getCell("A2").numFmt = "m/d/yyyy";
    ws.getCell("B2").value = 47;
    ws.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    ws.getColumn(3).width = 20;
    ws.views = [{ state: "frozen", ySplit: 1 }];

    const title = cellView(ws.findRow(1), 1, false);
    expect([title.text, title.span, title.overflow]).toEqual(["Authorizations", 3, true]);
    expect(cellView(ws.findRow(1), 2, false).covered).toBe(true);
    expect(cellView(ws.findRow(2), 1, false)).toMatchObject({ text: "3/5/2026", align: "right" });
    expect(cellView(ws.findRow(2), 2, false)).toMatchObject({ text: "47", align: "right", fill: "#FFFF00" });
    expect(cellView(ws.findRow(3), 1, false).text).toBe("");
    expect(columnWidth(ws, 3)).toBe(145);
    expect(columnWidth(ws, 4)).toBe(64);
    expect(frozenRows(ws)).toBe(1);
  });
});
