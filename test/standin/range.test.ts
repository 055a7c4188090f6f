/* Rule 6 (values as Office gives and takes them) and the Range API. */
import ExcelJS from "exceljs";
import { errorCode, standInFor, workbookWith } from "./helpers";

async function load<T>(wb: ExcelJS.Workbook, read: (ws: Excel.Worksheet) => T, props: string, sheet = "S"): Promise<T> {
  const { excel } = standInFor(wb);
  return excel.run(async (context) => {
    const target = read(context.workbook.worksheets.getItem(sheet)) as unknown as Excel.Range;
    target.load(props);
    await context.sync();
    return target as unknown as T;
  });
}

async function write(wb: ExcelJS.Workbook, apply: (ws: Excel.Worksheet) => void, sheet = "S"): Promise<void> {
  const { excel } = standInFor(wb);
  await excel.run(async (context) => {
    apply(context.workbook.worksheets.getItem(sheet));
    await context.sync();
  });
}

describe("values as Office gives them", () => {
  test("numbers, strings, booleans, '' for empty cells, serials for dates, error text", async () => {
    const wb = workbookWith({
      S: [[1.5, "text", true, null, new Date(Date.UTC(2026, 0, 5)), { error: "#N/A" }]],
    });
    const range = await load(wb, (ws) => ws.getRange("A1:F1"), "values, valueTypes, text");
    expect(range.values).toEqual([[1.5, "text", true, "", 46027, "#N/A"]]);
    expect(range.valueTypes).toEqual([["Double", "String", "Boolean", "Empty", "Double", "Error"]]);
    expect(range.text[0][5]).toBe("#N/A");
  });

  test("date cells follow the workbook's 1904 date system", async () => {
    const wb = workbookWith({ S: [[new Date(Date.UTC(2026, 0, 5))]] });
    wb.properties.date1904 = true;
    const range = await load(wb, (ws) => ws.getRange("A1"), "values");
    expect(range.values).toEqual([[46027 - 1462]]);
  });

  test("formulas give their cached result in values and their text in formulas", async () => {
    const wb = workbookWith({ S: [[2, 3, { formula: "A1+B1", result: 5 }]] });
    const range = await load(wb, (ws) => ws.getRange("A1:C1"), "values, formulas");
    expect(range.values).toEqual([[2, 3, 5]]);
    expect(range.formulas).toEqual([[2, 3, "=A1+B1"]]);
  });

  test("text shows values through their number format", async () => {
    const wb = workbookWith({ S: [[46027, 0.25, 1234.5]] });
    const ws = wb.getWorksheet("S")!;
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    ws.getCell("B1").numFmt = "0%";
    ws.getCell("C1").numFmt = "#,##0.00";
    const range = await load(wb, (w) => w.getRange("A1:C1"), "text, numberFormat");
    expect(range.text).toEqual([["2026-01-05", "25%", "1,234.50"]]);
    expect(range.numberFormat).toEqual([["yyyy-mm-dd", "0%", "#,##0.00"]]);
  });

  test("merged cells other than the first read as empty", async () => {
    const wb = workbookWith({ S: [["title"]] });
    wb.getWorksheet("S")!.mergeCells("A1:C1");
    const range = await load(wb, (ws) => ws.getRange("A1:C1"), "values");
    expect(range.values).toEqual([["title", "", ""]]);
  });
});

describe("values as Office takes them", () => {
  test("a string starting with = written as values becomes a formula unless the range is formatted as text", async () => {
    const wb = workbookWith({ S: [] });
    wb.getWorksheet("S")!.getCell("B1").numFmt = "@";
    await write(wb, (ws) => {
      ws.getRange("A1:B1").values = [["=1+1", "=1+1"]];
    });
    const ws = wb.getWorksheet("S")!;
    expect(ws.getCell("A1").value).toEqual({ formula: "1+1" });
    expect(ws.getCell("B1").value).toBe("=1+1");
  });

  test("text written after numberFormat '@' in the same batch stays text", async () => {
    const wb = workbookWith({ S: [] });
    await write(wb, (ws) => {
      const range = ws.getRange("A1:A2");
      range.numberFormat = [["@"], ["@"]];
      range.values = [["=SUM(1)"], ["00123"]];
    });
    expect(wb.getWorksheet("S")!.getCell("A1").value).toBe("=SUM(1)");
    expect(wb.getWorksheet("S")!.getCell("A2").value).toBe("00123");
  });

  test("a leading apostrophe stores the text without it", async () => {
    const wb = workbookWith({ S: [] });
    await write(wb, (ws) => {
      ws.getRange("A1:A3").values = [["'=HYPERLINK(1)"], ["'00123"], ["'3-5"]];
    });
    const ws = wb.getWorksheet("S")!;
    expect([ws.getCell("A1").value, ws.getCell("A2").value, ws.getCell("A3").value]).toEqual([
      "=HYPERLINK(1)",
      "00123",
      "3-5",
    ]);
  });

  test("numbers stay numbers, number-like text becomes a number, '' clears and null leaves a cell", async () => {
    const wb = workbookWith({ S: [["a", "b", "c", "d"]] });
    await write(wb, (ws) => {
      ws.getRange("A1:D1").values = [[7, "00123", "", null]];
    });
    const ws = wb.getWorksheet("S")!;
    expect([ws.getCell("A1").value, ws.getCell("B1").value, ws.getCell("C1").value, ws.getCell("D1").value]).toEqual([
      7,
      123,
      null,
      "d",
    ]);
  });

  test("a date typed as text becomes a date serial with a date format", async () => {
    const wb = workbookWith({ S: [] });
    await write(wb, (ws) => {
      ws.getRange("A1").values = [["1/5/2026"]];
    });
    const { value, numFmt } = wb.getWorksheet("S")!.getCell("A1");
    expect([value, numFmt]).toEqual([46027, "m/d/yyyy"]);
  });

  test("one value written to a multi-cell range fills every cell", async () => {
    const wb = workbookWith({ S: [] });
    await write(wb, (ws) => {
      ws.getRange("A1:B2").values = "x" as unknown as string[][];
    });
    const ws = wb.getWorksheet("S")!;
    expect([ws.getCell("A1").value, ws.getCell("B2").value]).toEqual(["x", "x"]);
  });

  test("formulas can be written through the formulas property", async () => {
    const wb = workbookWith({ S: [] });
    await write(wb, (ws) => {
      ws.getRange("A1").formulas = [["=ROW()"]];
    });
    expect(wb.getWorksheet("S")!.getCell("A1").value).toEqual({ formula: "ROW()" });
  });

  test("numberFormat writes formats per cell, '' resets to General", async () => {
    const wb = workbookWith({ S: [[1, 2]] });
    wb.getWorksheet("S")!.getCell("B1").numFmt = "0.00";
    await write(wb, (ws) => {
      ws.getRange("A1:B1").numberFormat = [["0%", ""]];
    });
    const ws = wb.getWorksheet("S")!;
    expect([ws.getCell("A1").numFmt, ws.getCell("B1").numFmt]).toEqual(["0%", undefined]);
  });
});

describe("Range properties and derived ranges", () => {
  const wb = () =>
    workbookWith({
      S: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      "My Sheet": [],
    });

  test("address, counts and indexes", async () => {
    const range = await load(
      wb(),
      (ws) => ws.getRange("B2:C3"),
      "address, rowCount, columnCount, rowIndex, columnIndex, cellCount",
    );
    expect([
      range.address,
      range.rowCount,
      range.columnCount,
      range.rowIndex,
      range.columnIndex,
      range.cellCount,
    ]).toEqual(["S!B2:C3", 2, 2, 1, 1, 4]);
    const quoted = await load(wb(), (ws) => ws.getRange("A1"), "address", "My Sheet");
    expect(quoted.address).toBe("'My Sheet'!A1");
  });

  test("getCell, getResizedRange, getOffsetRange, getRow, getColumn, getEntireColumn, getEntireRow, getLastRow", async () => {
    const { excel } = standInFor(wb());
    const addresses = await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const base = ws.getRange("B2:C3");
      const ranges = [
        base.getCell(1, 1),
        base.getResizedRange(1, -1),
        base.getOffsetRange(-1, 1),
        base.getRow(0),
        base.getColumn(1),
        base.getEntireColumn(),
        base.getEntireRow(),
        base.getLastRow(),
        base.getBoundingRect("E5"),
        base.getIntersection("A1:B2"),
        ws.getCell(0, 0),
        ws.getRangeByIndexes(1, 1, 2, 3),
        ws.getRange(),
      ];
      ranges.forEach((r) => r.load("address"));
      await context.sync();
      return ranges.map((r) => r.address);
    });
    expect(addresses).toEqual([
      "S!C3",
      "S!B2:B4",
      "S!C1:D2",
      "S!B2:C2",
      "S!C2:C3",
      "S!B:C",
      "S!2:3",
      "S!B3:C3",
      "S!B2:E5",
      "S!B2",
      "S!A1",
      "S!B2:D3",
      "S!1:1048576",
    ]);
  });

  test("a derived range that leaves the grid fails with InvalidArgument", async () => {
    const { excel } = standInFor(wb());
    const code = await errorCode(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").getOffsetRange(-1, 0).load("address");
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  test("getIntersectionOrNullObject of disjoint ranges is a null object", async () => {
    const { excel } = standInFor(wb());
    await excel.run(async (context) => {
      const none = context.workbook.worksheets.getItem("S").getRange("A1").getIntersectionOrNullObject("C3");
      await context.sync();
      expect(none.isNullObject).toBe(true);
    });
  });

  test("the worksheet navigation property loads the range's sheet", async () => {
    const range = await load(wb(), (ws) => ws.getRange("A1"), "worksheet/name");
    expect(range.worksheet.name).toBe("S");
  });

  test("clear() empties values and formats; clear('Contents') keeps formats", async () => {
    const book = wb();
    book.getWorksheet("S")!.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    book.getWorksheet("S")!.getCell("B1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    await write(book, (ws) => {
      ws.getRange("A1").clear();
      ws.getRange("B1").clear("Contents");
    });
    const ws = book.getWorksheet("S")!;
    expect([ws.getCell("A1").value, ws.getCell("A1").fill, ws.getCell("B1").value]).toEqual([null, undefined, null]);
    expect(ws.getCell("B1").fill).toMatchObject({ fgColor: { argb: "FFFF0000" } });
  });

  test("insert('Down') on whole rows moves the rows below down; delete('Up') moves them back", async () => {
    const book = wb();
    await write(book, (ws) => ws.getRange("2:2").insert("Down"));
    const ws = book.getWorksheet("S")!;
    expect([ws.getCell("A1").value, ws.getCell("A2").value, ws.getCell("A3").value, ws.getCell("A4").value]).toEqual([
      1,
      null,
      4,
      7,
    ]);
    await write(book, (w) => w.getRange("2:2").delete("Up"));
    expect([ws.getCell("A1").value, ws.getCell("A2").value, ws.getCell("A3").value]).toEqual([1, 4, 7]);
  });

  test("deleting cells with shift left moves only the cells to their right in those rows", async () => {
    const book = wb();
    await write(book, (ws) => ws.getRange("A1").delete("Left"));
    const ws = book.getWorksheet("S")!;
    expect([ws.getCell("A1").value, ws.getCell("B1").value, ws.getCell("C1").value, ws.getCell("A2").value]).toEqual([
      2,
      3,
      null,
      4,
    ]);
  });

  test("a range kept across syncs follows rows inserted above it", async () => {
    const { excel } = standInFor(wb());
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const kept = ws.getRange("A3");
      kept.load("address");
      await context.sync();
      ws.getRange("1:1").insert("Down");
      kept.load("address, values");
      await context.sync();
      expect([kept.address, kept.values]).toEqual(["S!A4", [[7]]]);
    });
  });

  test("select() moves the selection that workbook.getSelectedRange() reports", async () => {
    const { excel } = standInFor(wb());
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("My Sheet").getRange("C3:D4").select();
      const selected = context.workbook.getSelectedRange().load("address");
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect([selected.address, active.name]).toEqual(["'My Sheet'!C3:D4", "My Sheet"]);
    });
  });

  test("reading more than five million cells fails with RangeExceedsLimit", async () => {
    const code = await errorCode(load(wb(), (ws) => ws.getRange("A:F"), "values"));
    expect(code).toBe("RangeExceedsLimit");
  });
});

describe("Range.format", () => {
  test("fill color set as #FFFF00 is stored as a solid ExcelJS fill and reads back; no fill reads #FFFFFF", async () => {
    const book = workbookWith({ S: [] });
    await write(book, (ws) => {
      ws.getRange("A1:A2").format.fill.color = "#FFFF00";
    });
    expect(book.getWorksheet("S")!.getCell("A2").fill).toEqual({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFFFF00" },
    });
    const { excel } = standInFor(book);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const yellow = ws.getRange("A1:A2").format.fill.load("color");
      const none = ws.getRange("B1").format.fill.load("color");
      const mixed = ws.getRange("A1:B1").format.fill.load("color");
      await context.sync();
      expect([yellow.color, none.color, mixed.color]).toEqual(["#FFFF00", "#FFFFFF", null]);
    });
  });

  test("fill.clear() removes the fill", async () => {
    const book = workbookWith({ S: [] });
    book.getWorksheet("S")!.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    await write(book, (ws) => ws.getRange("A1").format.fill.clear());
    expect(book.getWorksheet("S")!.getCell("A1").fill).toBeUndefined();
  });

  test("a style shared by cells read from a file changes only in the cells written", async () => {
    const source = workbookWith({ S: [[1, 2]] });
    source.getWorksheet("S")!.getCell("A1").font = { italic: true };
    source.getWorksheet("S")!.getCell("B1").font = { italic: true };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await source.xlsx.writeBuffer());
    await write(book, (ws) => {
      ws.getRange("A1").format.font.bold = true;
    });
    const ws = book.getWorksheet("S")!;
    expect([ws.getCell("A1").font?.bold, ws.getCell("B1").font?.bold]).toEqual([true, undefined]);
  });

  test("font, wrapping and column width read back as set; autofitColumns is recorded", async () => {
    const book = workbookWith({ S: [] });
    const { excel, stats } = standInFor(book);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const r = ws.getRange("A1");
      r.format.font.bold = true;
      r.format.font.italic = true;
      r.format.font.size = 14;
      r.format.font.color = "#555555";
      r.format.wrapText = true;
      ws.getRange("B:B").format.columnWidth = 84;
      ws.getRange("B:B").format.autofitColumns();
      await context.sync();
      r.load("format/font/bold, format/font/italic, format/font/size, format/font/color, format/wrapText");
      const b = ws.getRange("B1").load("format/columnWidth");
      await context.sync();
      expect([
        r.format.font.bold,
        r.format.font.italic,
        r.format.font.size,
        r.format.font.color,
        r.format.wrapText,
      ]).toEqual([true, true, 14, "#555555", true]);
      expect(b.format.columnWidth).toBeCloseTo(84);
    });
    expect(stats.calls.autofitColumns).toBe(1);
    expect(book.getWorksheet("S")!.getColumn(2).width).toBeCloseTo(16);
  });

  test("an unknown color fails with InvalidArgument", async () => {
    const code = await errorCode(
      write(workbookWith({ S: [] }), (ws) => {
        ws.getRange("A1").format.fill.color = "not-a-color";
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  test("a whole-column fill sets the column's style without creating a million cells", async () => {
    const book = workbookWith({ S: [[1], [2]] });
    await write(book, (ws) => {
      ws.getRange("A:A").format.fill.color = "#FFFF00";
    });
    const ws = book.getWorksheet("S")!;
    expect(ws.getColumn(1).fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect(ws.getCell("A2").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect(ws.rowCount).toBe(2);
  });
});

describe("Range.dataValidation", () => {
  test("whole number, list and date rules are stored as ExcelJS data validations and read back", async () => {
    const book = workbookWith({ S: [] });
    await write(book, (ws) => {
      ws.getRange("A2:A10").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      ws.getRange("B2:B10").dataValidation.rule = { list: { inCellDropDown: true, source: "Sessions,Units" } };
      ws.getRange("C2:C10").dataValidation.rule = { date: { formula1: "2020-01-01", operator: "GreaterThan" } };
    });
    const model = (book.getWorksheet("S") as unknown as { dataValidations: { model: Record<string, unknown> } })
      .dataValidations.model;
    expect(model["A2:A10"]).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] });
    expect(model["B2:B10"]).toMatchObject({ type: "list", formulae: ['"Sessions,Units"'] });
    expect(model["C2:C10"]).toMatchObject({ type: "date", operator: "greaterThan" });
    const { excel } = standInFor(book);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const a = ws.getRange("A5").dataValidation.load("rule, type");
      const b = ws.getRange("B2:B10").dataValidation.load("rule");
      const c = ws.getRange("C3").dataValidation.load("rule");
      await context.sync();
      expect(a.rule).toEqual({ wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
      expect(a.type).toBe("WholeNumber");
      expect(b.rule).toEqual({ list: { inCellDropDown: true, source: "Sessions,Units" } });
      expect(c.rule).toEqual({ date: { formula1: "2020-01-01", operator: "GreaterThan" } });
    });
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(await book.xlsx.writeBuffer());
    expect(
      (saved.getWorksheet("S") as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations
        .model.A3,
    ).toMatchObject({
      type: "whole",
    });
  });
});
