/** RangeAreas: many rectangles filled in one operation, with Office's rules. */
import ExcelJS from "exceljs";
import { createStandIn } from "../../src/standin";

function sheet(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sessions");
  for (let r = 1; r <= 10; r++) ws.getCell(r, 1).value = r;
  return wb;
}

const fillOf = (wb: ExcelJS.Workbook, address: string): string | undefined => {
  const fill = wb.getWorksheet("Sessions")!.getCell(address).fill as ExcelJS.FillPattern | undefined;
  return fill?.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
};

test("getRanges fills several rectangles in one operation, and nothing else", async () => {
  const wb = sheet();
  const standIn = createStandIn(wb);
  const Excel = standIn.Excel as unknown as typeof globalThis.Excel;
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sessions").getRanges("A2:A3, A6, A8:A9").format.fill.color = "#FFFF00";
    await context.sync();
  });
  expect(["A1", "A2", "A3", "A4", "A6", "A7", "A8", "A9", "A10"].map((a) => fillOf(wb, a))).toEqual([
    undefined,
    "FFFFFF00",
    "FFFFFF00",
    undefined,
    "FFFFFF00",
    undefined,
    "FFFFFF00",
    "FFFFFF00",
    undefined,
  ]);
  expect(standIn.stats.syncs).toBe(1);
});

test("clear() removes the fill of every area; areaCount and address load after sync", async () => {
  const wb = sheet();
  wb.getWorksheet("Sessions")!.getCell("A5").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: "FFFFFF00" },
  };
  const standIn = createStandIn(wb);
  const Excel = standIn.Excel as unknown as typeof globalThis.Excel;
  const areas = await Excel.run(async (context) => {
    const a = context.workbook.worksheets.getItem("Sessions").getRanges("A1:A2,A5");
    a.format.fill.clear();
    a.load("areaCount,address");
    await context.sync();
    return { count: a.areaCount, address: a.address };
  });
  expect(areas).toEqual({ count: 2, address: "Sessions!A1:A2,Sessions!A5" });
  expect(fillOf(wb, "A5")).toBeUndefined();
});

test("an invalid area fails the sync with InvalidArgument and fills nothing", async () => {
  const wb = sheet();
  const standIn = createStandIn(wb);
  const Excel = standIn.Excel as unknown as typeof globalThis.Excel;
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sessions").getRanges("A1, nonsense!").format.fill.color = "#FFFF00";
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "InvalidArgument" });
  expect(fillOf(wb, "A1")).toBeUndefined();
});
