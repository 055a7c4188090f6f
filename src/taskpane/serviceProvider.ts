/** Where the pane gets its WorkbookService: the Office.js edge inside Excel, or one a host page put on the window. */
import { inExcel, officeSupports, tooOldMessage } from "../addin/host";
import { UserFacingError, type WorkbookService } from "../addin/service";
import { OfficeWorkbookService } from "../excel/service";

/**
 * In Excel: the Office.js edge over Excel's own `Excel` namespace (refused in one
 * sentence on an Excel too old for the add-in). Elsewhere: a service a host page
 * set on `window.__sessionCountingService` (tests, benchmarks); without either,
 * a sentence that says where the pane works.
 */
export function getService(): WorkbookService {
  const injected = (window as unknown as { __sessionCountingService?: WorkbookService }).__sessionCountingService;
  if (injected) return injected;
  if (inExcel()) {
    const old = tooOldMessage();
    if (old) throw new UserFacingError(old);
    return new OfficeWorkbookService({ excel: Excel, supports: officeSupports });
  }
  throw new UserFacingError(
    "Open this pane in Excel, or open the preview page (npm start) to try it on a workbook file.",
  );
}
