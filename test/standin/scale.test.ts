/*
 * The edge reads and writes 100,000-row sheets through the stand-in: whole columns in one operation, with
 * the sizes counted. How fast is measured by npm run bench, never here, where a busy machine would flake.
 */
import ExcelJS from "exceljs";
import { standInFor } from "./helpers";

const ROWS = 100_000;

function bigWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sessions");
  for (let r = 1; r <= ROWS; r++) {
    ws.addRow([
      `C${r % 900}`,
      `Client ${r % 900}`,
      new Date(Date.UTC(2026, 0, 1 + (r % 360))),
      "90837",
      1,
      "Aetna",
      `A${r % 400}`,
      "",
      r % 3 === 0 ? "note" : "",
      r,
    ]);
  }
  return wb;
}

describe("100,000 rows in one operation", () => {
  const wb = bigWorkbook();
  const { excel, stats } = standInFor(wb, { maxRequestBytes: 64 * 1024 * 1024 });

  test("the values of a 100,000 x 10 range load in one round trip, and their size is counted", async () => {
    const result = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sessions").getRange(`A1:J${ROWS}`);
      range.load("values");
      await context.sync();
      return range.values;
    });
    expect(result).toHaveLength(ROWS);
    expect(result[ROWS - 1][9]).toBe(ROWS);
    expect(stats.syncs).toBe(1);
    expect(stats.maxResponseBytes).toBeGreaterThan(ROWS * 10);
  });

  test("a 100,000-cell column is written in one operation", async () => {
    const column = Array.from({ length: ROWS }, (_, i) => [i % 12]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sessions").getRange(`K1:K${ROWS}`).values = column;
      await context.sync();
    });
    expect(wb.getWorksheet("Sessions")!.getCell(ROWS, 11).value).toBe((ROWS - 1) % 12);
    expect(stats.requests[stats.requests.length - 1].bytes).toBeGreaterThan(ROWS);
  });

  test("a 100,000-cell column is filled yellow in one operation", async () => {
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sessions").getRange(`K1:K${ROWS}`).format.fill.color = "#FFFF00";
      await context.sync();
    });
    const fill = wb.getWorksheet("Sessions")!.getCell(ROWS, 11).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe("FFFFFF00");
    expect(stats.requests[stats.requests.length - 1].operations).toBeLessThan(10);
  });
});
