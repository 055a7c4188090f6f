/** Asks once, on open, whether Sessions or Tracking changed since the last refresh. */
import { useCallback, useEffect, useState } from "react";
import type { WorkbookService } from "../../addin/service";

export interface StaleState {
  readonly stale: boolean;
  /** After a refresh, or when the user dismisses the warning. */
  readonly clear: () => void;
}

export function useStale(service: WorkbookService): StaleState {
  const [stale, setStale] = useState(false);
  useEffect(() => {
    let live = true;
    service.isStale().then(
      (value) => {
        if (live) setStale(value);
      },
      // The check is a courtesy: if it cannot read the workbook, the refresh will say why.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [service]);
  const clear = useCallback(() => setStale(false), []);
  return { stale, clear };
}
