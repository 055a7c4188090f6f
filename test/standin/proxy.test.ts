/* Rule 1: a property is readable only after load() and a completed sync(). Several tests read too early on purpose. */
import { standInFor, workbookWith } from "./helpers";

function thrownCode(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    return (e as { code?: string }).code ?? "no code";
  }
  return "no error";
}

const wb = () =>
  workbookWith({
    Sheet1: [
      ["a", 1],
      ["b", 2],
    ],
  });

describe("proxy objects and load tracking", () => {
  test("reading values before sync throws PropertyNotLoaded", async () => {
    const { excel } = standInFor(wb());
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- the test reads without load on purpose
      expect(thrownCode(() => range.values)).toBe("PropertyNotLoaded");
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- the test reads before sync on purpose
      expect(thrownCode(() => range.values)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(range.values).toEqual([
        ["a", 1],
        ["b", 2],
      ]);
    });
  });

  test("every value-bearing property of ranges, sheets, tables, names and the workbook throws until loaded", async () => {
    const book = wb();
    book.getWorksheet("Sheet1")!.addTable({ name: "T", ref: "D1", columns: [{ name: "H" }], rows: [[1]] });
    book.definedNames.add("'Sheet1'!$A$1", "Here");
    const { excel } = standInFor(book);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const range = ws.getRange("A1:B2");
      const table = ws.tables.getItem("T");
      const name = context.workbook.names.getItem("Here");
      /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- every probe reads before load on purpose */
      const probes: [string, () => unknown][] = [
        ["range.values", () => range.values],
        ["range.valueTypes", () => range.valueTypes],
        ["range.text", () => range.text],
        ["range.formulas", () => range.formulas],
        ["range.numberFormat", () => range.numberFormat],
        ["range.address", () => range.address],
        ["range.rowCount", () => range.rowCount],
        ["range.columnCount", () => range.columnCount],
        ["range.rowIndex", () => range.rowIndex],
        ["range.columnIndex", () => range.columnIndex],
        ["range.format.fill.color", () => range.format.fill.color],
        ["range.format.font.bold", () => range.format.font.bold],
        ["range.format.columnWidth", () => range.format.columnWidth],
        ["range.isNullObject", () => range.isNullObject],
        ["ws.name", () => ws.name],
        ["ws.position", () => ws.position],
        ["ws.protection.protected", () => ws.protection.protected],
        ["ws.tables.items", () => ws.tables.items],
        ["table.name", () => table.name],
        ["table.style", () => table.style],
        ["name.formula", () => name.formula],
        ["name.type", () => name.type],
        ["workbook.name", () => context.workbook.name],
        ["worksheets.items", () => context.workbook.worksheets.items],
      ];
      /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read */
      const codes = probes.map(([label, read]) => [label, thrownCode(read)]);
      expect(codes).toEqual(probes.map(([label]) => [label, "PropertyNotLoaded"]));
      await context.sync();
    });
  });

  test("the error carries Office's message naming the property", async () => {
    const { excel } = standInFor(wb());
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- the test reads without load on purpose
      expect(() => range.address).toThrow(
        /The property 'address' is not available\. Before reading the property's value, call the load method/,
      );
      await context.sync();
    });
  });

  test("loading one property does not load another", async () => {
    const { excel } = standInFor(wb());
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.load("address");
      await context.sync();
      expect(range.address).toBe("Sheet1!A1:B2");
      // eslint-disable-next-line office-addins/load-object-before-read -- values were not loaded, on purpose
      expect(thrownCode(() => range.values)).toBe("PropertyNotLoaded");
    });
  });

  test("load() with no arguments loads every scalar property", async () => {
    const { excel } = standInFor(wb());
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2");
      // eslint-disable-next-line office-addins/no-empty-load -- the test checks what an empty load fetches
      range.load();
      await context.sync();
      expect([range.values, range.address, range.rowIndex, range.columnIndex, range.numberFormat]).toEqual([
        [[2]],
        "Sheet1!B2",
        1,
        1,
        [["General"]],
      ]);
    });
  });

  test("load takes a string list, an array, {select}, and property-name objects with paths", async () => {
    const { excel } = standInFor(wb());
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const a = ws.getRange("A1").load(["values", "address"]);
      const b = ws.getRange("A2").load({ select: "values, rowIndex" });
      const c = ws.getRange("B1").load({ values: true, format: { fill: { color: true } } });
      const d = ws.getRange("B2").load("format/font/bold, worksheet/name");
      await context.sync();
      expect([a.values, a.address, b.values, b.rowIndex, c.values, c.format.fill.color]).toEqual([
        [["a"]],
        "Sheet1!A1",
        [["b"]],
        1,
        [[1]],
        "#FFFFFF",
      ]);
      expect([d.format.font.bold, d.worksheet.name]).toEqual([false, "Sheet1"]);
    });
  });

  test("loading a property that does not exist fails the sync with InvalidArgument", async () => {
    const { excel } = standInFor(wb());
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("vaIues");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("setting a property queues a write; reading it afterwards still needs a load", async () => {
    const { excel } = standInFor(wb());
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.load("values");
      await context.sync();
      range.values = [["z"]];
      expect(thrownCode(() => range.values)).toBe("PropertyNotLoaded");
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([["z"]]);
    });
  });

  test("collections expose items only after load('items/...') and sync", async () => {
    const { excel } = standInFor(workbookWith({ One: [], Two: [] }));
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["One", "Two"]);
      expect(thrownCode(() => sheets.items[0].position)).toBe("PropertyNotLoaded");
    });
  });

  test("toJSON gives the loaded properties", async () => {
    const { excel } = standInFor(wb());
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("address, values");
      await context.sync();
      expect(range.toJSON()).toEqual({ address: "Sheet1!A1", values: [["a"]] });
    });
  });
});
