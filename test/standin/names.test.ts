import ExcelJS from "exceljs";
import { errorCode, standInFor, workbookWith } from "./helpers";

describe("defined names", () => {
  test("add a name for a range; it reads back with Office's formula and saves with the workbook", async () => {
    const wb = workbookWith({ "Authorized Insurance Sessions": [["title"]] });
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Authorized Insurance Sessions");
      context.workbook.names.add("SessionCountingReport", ws.getRange("A1"), "Marks the add-in's report");
      const name = context.workbook.names.getItemOrNullObject("sessioncountingreport");
      name.load("name, type, formula, value, comment");
      const target = name.getRangeOrNullObject().load("address, values");
      await context.sync();
      expect([name.isNullObject, name.name, name.type, name.formula, name.comment]).toEqual([
        false,
        "SessionCountingReport",
        "Range",
        "='Authorized Insurance Sessions'!$A$1",
        "Marks the add-in's report",
      ]);
      expect([target.address, target.values]).toEqual(["'Authorized Insurance Sessions'!A1", [["title"]]]);
    });
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(await wb.xlsx.writeBuffer());
    expect(saved.definedNames.model).toEqual([
      { name: "SessionCountingReport", ranges: ["'Authorized Insurance Sessions'!$A$1"] },
    ]);
  });

  test("add takes a reference formula as text too", async () => {
    const wb = workbookWith({ Sheet1: [] });
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const added = context.workbook.names.add("Block", "=Sheet1!$B$2:$C$3").load("formula");
      await context.sync();
      expect(added.formula).toBe("=Sheet1!$B$2:$C$3");
    });
  });

  test("a taken name fails with ItemAlreadyExists; an invalid one with InvalidArgument", async () => {
    const wb = workbookWith({ S: [] });
    wb.definedNames.add("'S'!$A$1", "Taken");
    const { excel } = standInFor(wb);
    const add = (name: string) =>
      errorCode(
        excel.run(async (context) => {
          context.workbook.names.add(name, context.workbook.worksheets.getItem("S").getRange("A1"));
          await context.sync();
        }),
      );
    expect(await add("taken")).toBe("ItemAlreadyExists");
    expect(await add("two words")).toBe("InvalidArgument");
    expect(await add("B2")).toBe("InvalidArgument");
  });

  test("delete removes the name", async () => {
    const wb = workbookWith({ S: [] });
    wb.definedNames.add("'S'!$A$1", "Gone");
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      context.workbook.names.getItem("Gone").delete();
      const after = context.workbook.names.getItemOrNullObject("Gone");
      await context.sync();
      expect(after.isNullObject).toBe(true);
    });
    expect(wb.definedNames.model).toEqual([]);
  });

  test("items lists the workbook's names", async () => {
    const wb = workbookWith({ S: [] });
    wb.definedNames.add("'S'!$A$1", "One");
    wb.definedNames.add("'S'!$B$2:$C$3", "Two");
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const names = context.workbook.names.load("items/name, items/formula");
      await context.sync();
      expect(names.items.map((n) => [n.name, n.formula])).toEqual([
        ["One", "=S!$A$1"],
        ["Two", "=S!$B$2:$C$3"],
      ]);
    });
  });

  test("a name follows rows inserted above its cell", async () => {
    const wb = workbookWith({ S: [] });
    wb.definedNames.add("'S'!$A$5", "Mark");
    const standIn = standInFor(wb);
    await standIn.events.insertRows("S", 2, 2);
    await standIn.excel.run(async (context) => {
      const mark = context.workbook.names.getItem("Mark").load("formula");
      await context.sync();
      expect(mark.formula).toBe("=S!$A$7");
    });
  });
});
