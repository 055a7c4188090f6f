/** Where the pane gets its WorkbookService: a stand-in hook until the Office.js wiring replaces this file. */
import { UserFacingError, type WorkbookService } from "../addin/service";

/** The service put on the page by Excel's wiring or by the browser preview; throws a sentence when there is none. */
export function getService(): WorkbookService {
  const service = (window as unknown as { __sessionCountingService?: WorkbookService }).__sessionCountingService;
  if (!service) throw new UserFacingError("Open this pane in Excel or in the preview");
  return service;
}
