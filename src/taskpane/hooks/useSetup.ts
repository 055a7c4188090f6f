/** Set up workbook: adds the missing Clients, Tracking, Sessions and Settings sheets and says what it did. */
import { useCallback, useState } from "react";
import type { SetupOutcome, WorkbookService } from "../../addin/service";
import { errorSentence } from "../errors";
import type { WriteGuard } from "../writeGuard";

export interface SetupState {
  readonly busy: boolean;
  readonly outcome: SetupOutcome | null;
  readonly error: string | null;
  readonly run: () => Promise<void>;
}

export function useSetup(service: WorkbookService, guard: WriteGuard, onDone?: () => void): SetupState {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SetupOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setOutcome(await guard.track(() => service.setupWorkbook()));
      onDone?.();
    } catch (e) {
      setOutcome(null);
      setError(errorSentence(e, "setting up the workbook"));
    } finally {
      setBusy(false);
    }
  }, [busy, guard, service, onDone]);

  return { busy, outcome, error, run };
}
