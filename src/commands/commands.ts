/** Ribbon command functions: the manifest's ExecuteFunction buttons call these by the names associated below. */

/**
 * The "Refresh report" button. Office keeps the button busy until `event.completed()` is called, so it is
 * called in `finally`, whatever the refresh does.
 */
export async function refreshReport(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // The refresh itself arrives with the Office.js edge (src/excel); until then the button does nothing.
  } finally {
    event.completed();
  }
}

// office.js may be missing (a page opened outside Office with no network): nothing to register with then.
if (typeof Office !== "undefined") {
  Office.actions.associate("refreshReport", refreshReport);
}
