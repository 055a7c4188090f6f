/* The edge reads and writes 100,000-row sheets through the stand-in; both must stay well under a second. */
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

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

describe("performance on 100,000 rows", () => {
  const wb = bigWorkbook();
  const { excel, stats } = standInFor(wb, { maxRequestBytes: 64 * 1024 * 1024 });

  test("loading the values of a 100,000 x 10 range takes well under a second", async () => {
    const { ms, result } = await timed(() =>
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sessions").getRange(`A1:J${ROWS}`);
        range.load("values");
        await context.sync();
        return range.values;
      }),
    );
    expect(result).toHaveLength(ROWS);
    expect(result[ROWS - 1][9]).toBe(ROWS);
    process.stdout.write(
      `stand-in: loaded ${ROWS} x 10 values in ${ms.toFixed(0)} ms (${stats.maxResponseBytes} bytes)\n`,
    );
    expect(ms).toBeLessThan(1000);
  });

  test("writing a 100,000-cell column takes well under a second", async () => {
    const column = Array.from({ length: ROWS }, (_, i) => [i % 12]);
    const { ms } = await timed(() =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sessions").getRange(`K1:K${ROWS}`).values = column;
        await context.sync();
      }),
    );
    expect(wb.getWorksheet("Sessions")!.getCell(ROWS, 11).value).toBe((ROWS - 1) % 12);
    process.stdout.write(`stand-in: wrote ${ROWS} cells in ${ms.toFixed(0)} ms (${stats.maxRequestBytes} bytes)\n`);
    expect(ms).toBeLessThan(1000);
  });

  test("filling a 100,000-cell column yellow takes well under a second", async () => {
    const { ms } = await timed(() =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sessions").getRange(`K1:K${ROWS}`).format.fill.color = "#FFFF00";
        await context.sync();
      }),
    );
    expect(ms).toBeLessThan(1000);
  });
});
