import { standInFor, workbookWith } from "./helpers";

describe("the workbook", () => {
  test("use1904DateSystem (a stand-in convenience, not in Office.js's typings) reads and sets ExcelJS's date1904 flag", async () => {
    const wb = workbookWith({ S: [] });
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const workbook = context.workbook as unknown as { use1904DateSystem: boolean; load(p: string): void };
      workbook.load("use1904DateSystem");
      await context.sync();
      expect(workbook.use1904DateSystem).toBe(false);
      workbook.use1904DateSystem = true;
      await context.sync();
    });
    expect(wb.properties.date1904).toBe(true);
  });

  test("functions.date reveals the date system, as the edge probes it", async () => {
    const wb = workbookWith({ S: [] });
    const { excel } = standInFor(wb);
    const probe = async () =>
      excel.run(async (context) => {
        const result = context.workbook.functions.date(1904, 1, 1);
        result.load("value");
        await context.sync();
        return result.value;
      });
    expect(await probe()).toBe(1462);
    wb.properties.date1904 = true;
    expect(await probe()).toBe(0);
  });

  test("suspendApiCalculationUntilNextSync is recorded", async () => {
    const { excel, stats } = standInFor(workbookWith({ S: [] }));
    await excel.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      await context.sync();
    });
    expect(stats.calls.suspendApiCalculationUntilNextSync).toBe(1);
  });

  test("getSelectedRange is A1 of the active sheet until something is selected", async () => {
    const { excel } = standInFor(workbookWith({ First: [], Second: [] }));
    await excel.run(async (context) => {
      const selected = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(selected.address).toBe("First!A1");
    });
  });

  test("runtime.enableEvents loads and sets", async () => {
    const { excel } = standInFor(workbookWith({ S: [] }));
    await excel.run(async (context) => {
      context.runtime.enableEvents = false;
      context.runtime.load("enableEvents");
      await context.sync();
      expect(context.runtime.enableEvents).toBe(false);
    });
  });

  test("Excel.run counts runs and delayForCellEdit requests", async () => {
    const { excel, stats } = standInFor(workbookWith({ S: [] }));
    await excel.run({ delayForCellEdit: true }, async (context) => {
      await context.sync();
    });
    await excel.run(async (context) => {
      await context.sync();
    });
    expect([stats.runs, stats.calls.delayForCellEdit, stats.syncs]).toEqual([2, 1, 2]);
    stats.reset();
    expect([stats.runs, stats.syncs, stats.requests.length]).toEqual([0, 0, 0]);
  });

  test("the namespace carries the enums the edge may spell out", () => {
    const { excel } = standInFor(workbookWith({ S: [] }));
    expect([excel.InsertShiftDirection.down, excel.DeleteShiftDirection.up, excel.ErrorCodes.itemNotFound]).toEqual([
      "Down",
      "Up",
      "ItemNotFound",
    ]);
  });
});
