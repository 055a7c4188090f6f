/** Small workbooks and a typed Excel namespace for the stand-in's tests. */
import ExcelJS from "exceljs";
import { type StandIn, type StandInOptions, createStandIn } from "../../src/standin";

/** A workbook with one sheet per entry, each filled from rows of values starting at A1. */
export function workbookWith(sheets: Record<string, unknown[][]>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null && value !== undefined) ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      });
    });
  }
  return wb;
}

/** The stand-in with its namespace typed as Office.js's, as the edge will receive it. */
export function standInFor(wb: ExcelJS.Workbook, options?: StandInOptions): StandIn & { excel: typeof Excel } {
  const standIn = createStandIn(wb, options);
  return { ...standIn, excel: standIn.Excel as unknown as typeof Excel };
}

/** The code of a rejected promise's error. */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return (e as { code?: string }).code ?? `no code: ${String(e)}`;
  }
  return "resolved";
}
