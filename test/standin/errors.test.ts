/* Rule 5: writes to a protected sheet fail with AccessDenied and change nothing; bad addresses and shapes fail with InvalidArgument. */
import ExcelJS from "exceljs";
import { errorCode, standInFor, workbookWith } from "./helpers";

async function protectedBook(): Promise<ExcelJS.Workbook> {
  const wb = workbookWith({ Locked: [["keep"]], Open: [] });
  await wb.getWorksheet("Locked")!.protect("", {});
  return wb;
}

describe("errors Office raises", () => {
  test("writing to a protected sheet rejects with AccessDenied and nothing of the batch is applied", async () => {
    const wb = await protectedBook();
    const { excel } = standInFor(wb);
    const code = await errorCode(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Open").getRange("A1").values = [["first"]];
        context.workbook.worksheets.getItem("Locked").getRange("A1").values = [["changed"]];
        await context.sync();
      }),
    );
    expect(code).toBe("AccessDenied");
    expect(wb.getWorksheet("Locked")!.getCell("A1").value).toBe("keep");
    expect(wb.getWorksheet("Open")!.getCell("A1").value).toBeNull();
  });

  test.each<[string, (ws: Excel.Worksheet) => void]>([
    ["a fill", (ws) => (ws.getRange("A1").format.fill.color = "#FFFF00")],
    ["a number format", (ws) => (ws.getRange("A1").numberFormat = [["0.00"]])],
    ["clearing", (ws) => ws.getRange("A1").clear()],
    ["inserting rows", (ws) => ws.getRange("2:2").insert("Down")],
    ["adding a table", (ws) => ws.tables.add("A1:B2", true)],
  ])("%s on a protected sheet is refused with AccessDenied", async (_label, attempt) => {
    const { excel } = standInFor(await protectedBook());
    const code = await errorCode(
      excel.run(async (context) => {
        attempt(context.workbook.worksheets.getItem("Locked"));
        await context.sync();
      }),
    );
    expect(code).toBe("AccessDenied");
  });

  test("cells unlocked before protection can still be written", async () => {
    const wb = workbookWith({ Form: [] });
    wb.getWorksheet("Form")!.getCell("B2").protection = { locked: false };
    await wb.getWorksheet("Form")!.protect("", {});
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Form").getRange("B2").values = [["typed"]];
      await context.sync();
    });
    expect(wb.getWorksheet("Form")!.getCell("B2").value).toBe("typed");
  });

  test("protection.protected reports ExcelJS's sheet protection", async () => {
    const { excel } = standInFor(await protectedBook());
    await excel.run(async (context) => {
      const locked = context.workbook.worksheets.getItem("Locked").protection.load("protected");
      const open = context.workbook.worksheets.getItem("Open").protection.load("protected");
      await context.sync();
      expect([locked.protected, open.protected]).toEqual([true, false]);
    });
  });

  test.each(["A0", "ZZZZ1", "A1:B", "not an address", "Other!A1"])(
    "an invalid address (%s) rejects with InvalidArgument",
    async (address) => {
      const { excel } = standInFor(workbookWith({ S: [] }));
      const code = await errorCode(
        excel.run(async (context) => {
          context.workbook.worksheets.getItem("S").getRange(address).load("address");
          await context.sync();
        }),
      );
      expect(code).toBe("InvalidArgument");
    },
  );

  test.each([[[[1, 2]]], [[[1], [2], [3]]], [[[1], [2, 3]]], [[1, 2]]])(
    "a values array whose shape differs from the range's (%j for A1:A2) rejects with InvalidArgument",
    async (values) => {
      const wb = workbookWith({ S: [] });
      const { excel } = standInFor(wb);
      const code = await errorCode(
        excel.run(async (context) => {
          context.workbook.worksheets.getItem("S").getRange("A1:A2").values = values as unknown[][];
          await context.sync();
        }),
      );
      expect(code).toBe("InvalidArgument");
      expect(wb.getWorksheet("S")!.getCell("A1").value).toBeNull();
    },
  );

  test.each([
    ["NaN", Number.NaN],
    ["a Date", new Date()],
    ["an object", { a: 1 }],
  ])("a value Excel cannot hold (%s) rejects with InvalidArgument", async (_label, bad) => {
    const { excel } = standInFor(workbookWith({ S: [] }));
    const code = await errorCode(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").values = [[bad]];
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  test("errors look like OfficeExtension.Error: name, code, message and debugInfo", async () => {
    const { excel } = standInFor(workbookWith({ S: [] }));
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Missing");
        await context.sync();
      }),
    ).rejects.toMatchObject({
      name: "RichApi.Error",
      code: "ItemNotFound",
      message: "The requested resource doesn't exist.",
      debugInfo: { code: "ItemNotFound", errorLocation: 'workbook.worksheets.getItem("Missing")' },
    });
  });
});
