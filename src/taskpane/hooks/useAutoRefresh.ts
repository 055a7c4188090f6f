/**
 * Keep up to date: while on, a change to Sessions or Tracking refreshes 1.5 s after the last change.
 * Changes coalesce into one refresh; none starts while one runs (the timer waits another round); the
 * pane's own writes are not taken for the user's edits (see WriteGuard).
 */
import { useEffect, useRef, useState } from "react";
import type { WorkbookService } from "../../addin/service";
import { errorSentence } from "../errors";
import type { WriteGuard } from "../writeGuard";

export const AUTO_REFRESH_DELAY_MS = 1500;

export interface AutoRefreshState {
  /** Why Keep up to date cannot watch the workbook, or null. */
  readonly notice: string | null;
}

export function useAutoRefresh(
  service: WorkbookService,
  enabled: boolean,
  guard: WriteGuard,
  refresh: () => Promise<unknown>,
  isRunning: () => boolean,
  refreshing: boolean,
  delayMs = AUTO_REFRESH_DELAY_MS,
): AutoRefreshState {
  const [notice, setNotice] = useState<string | null>(null);
  // The latest callbacks, so a change of as-of date does not resubscribe.
  const latest = useRef({ refresh, isRunning });
  latest.current = { refresh, isRunning };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A refresh that starts after a change reads it: the change's pending refresh is done.
  useEffect(() => {
    if (refreshing) {
      clearTimeout(timer.current);
      timer.current = undefined;
    }
  }, [refreshing]);

  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    let unsubscribe: (() => Promise<void>) | null = null;

    const fire = (): void => {
      timer.current = undefined;
      if (latest.current.isRunning() || guard.writing) {
        timer.current = setTimeout(fire, delayMs);
        return;
      }
      void latest.current.refresh();
    };
    const onChange = (): void => {
      if (!live || !guard.quiet) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(fire, delayMs);
    };

    setNotice(null);
    service.onDataChanged(onChange).then(
      (off) => {
        if (live) unsubscribe = off;
        else void off().catch(() => undefined);
      },
      (e: unknown) => {
        if (live) setNotice(errorSentence(e, "watching the workbook for changes"));
      },
    );
    return () => {
      live = false;
      clearTimeout(timer.current);
      timer.current = undefined;
      if (unsubscribe) void unsubscribe().catch(() => undefined);
    };
  }, [service, enabled, guard, delayMs]);

  return { notice };
}
