/** Ribbon command functions: the manifest's ExecuteFunction buttons call these by the names associated below. */
import { localToday } from "../engine/dates";
import { officeSupports, tooOldMessage } from "../addin/host";
import { REPORT_SHEET } from "../workbook/plan";
import { OfficeWorkbookService, userError } from "../excel/service";

/**
 * The "Refresh report" button: the same refresh as the pane, without it. Office
 * keeps the button busy until `event.completed()`, so that is called in
 * `finally`, whatever happens. On success the report sheet is shown (its second
 * line says as of when and how many lines); a failure opens a small dialog
 * with the one sentence that says why.
 */
export async function refreshReport(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const old = tooOldMessage();
    if (old) {
      showMessage(old);
      return;
    }
    const service = new OfficeWorkbookService({ excel: Excel, supports: officeSupports });
    await service.refresh(localToday());
    await service.goTo({ sheet: REPORT_SHEET, row: 1, column: null });
  } catch (e) {
    showMessage(userError(e).message);
  } finally {
    event.completed();
  }
}

/** Shows one sentence in an Office dialog (Excel has no notification bar for add-ins). */
function showMessage(text: string): void {
  const url = new URL("message.html", window.location.href);
  url.searchParams.set("text", text);
  Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 30, displayInIframe: true });
}

// office.js may be missing (a page opened outside Office with no network): nothing to register with then.
if (typeof Office !== "undefined" && Office.actions) {
  Office.actions.associate("refreshReport", refreshReport);
}
