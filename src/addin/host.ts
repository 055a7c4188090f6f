/** Where the add-in runs: Excel (with which requirement sets) or a page outside Office. One place asks office.js. */

/** The oldest Excel API the add-in needs (tables, defined names, fills, events); the manifest declares the same. */
export const MIN_EXCEL_API = "1.7";

/** True when office.js loaded and runs inside Excel. */
export function inExcel(): boolean {
  return typeof Office !== "undefined" && typeof Excel !== "undefined" && Office.context?.requirements !== undefined;
}

/** Office's requirement-set check, guarded: outside Office `requirements` is undefined. */
export function officeSupports(set: string, version: string): boolean {
  if (typeof Office === "undefined") return true;
  const requirements = Office.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function") return true;
  return requirements.isSetSupported(set, version);
}

/** A sentence for an Excel too old for the add-in, or null when it is new enough. */
export function tooOldMessage(): string | null {
  return officeSupports("ExcelApi", MIN_EXCEL_API)
    ? null
    : `This version of Excel does not support the Excel API ${MIN_EXCEL_API} the add-in needs; update Excel or use Excel on the web.`;
}

/**
 * Asks Excel to open the task pane whenever this workbook opens (or stops it).
 * Office keeps the flag in the document itself; the manifest's Open button uses
 * the task pane id Office.AutoShowTaskpaneWithDocument so this reaches it.
 * Outside Office (the preview, tests) there is nothing to set.
 */
export async function setOpenWithDocument(open: boolean): Promise<void> {
  if (typeof Office === "undefined" || !Office.context?.document?.settings) return;
  const settings = Office.context.document.settings;
  settings.set("Office.AutoShowTaskpaneWithDocument", open);
  await new Promise<void>((resolve, reject) =>
    settings.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error.message)),
    ),
  );
}
