/** The counts the pane shows: the as-of date, refresh (counts and writes) and analyze (counts only), busy and error. */
import { useCallback, useRef, useState } from "react";
import type { RefreshOutcome, WorkbookService } from "../../addin/service";
import { type DayNumber, isoFromDay, parseIsoDay } from "../../engine/dates";
import { errorSentence, pointsToMapping } from "../errors";
import type { WriteGuard } from "../writeGuard";

/** Where the shown counts came from: a refresh wrote them to the workbook, an analysis did not. */
export type CountSource = "refresh" | "analyze";

/** A failure as the pane shows it; `mapping` when the column mapping is the likely fix. */
export interface PaneError {
  readonly message: string;
  readonly mapping: boolean;
}

export interface RefreshState {
  /** The as-of date input's text (YYYY-MM-DD) and the day it names, or null when it names none. */
  readonly asOfText: string;
  readonly asOf: DayNumber | null;
  readonly setAsOfText: (text: string) => void;
  readonly outcome: RefreshOutcome | null;
  readonly source: CountSource | null;
  readonly busy: CountSource | null;
  readonly error: PaneError | null;
  readonly dismissError: () => void;
  /** Each resolves true when it counted; a call while another runs is ignored (false). */
  readonly refresh: () => Promise<boolean>;
  readonly analyze: () => Promise<boolean>;
  /** Counts without writing when nothing has been counted yet (the client view needs the clients). */
  readonly ensureCounted: () => void;
  /** True while a refresh or an analysis runs (a ref, so timers read the current value). */
  readonly isRunning: () => boolean;
}

export function useRefresh(
  service: WorkbookService,
  today: DayNumber,
  guard: WriteGuard,
  onRefreshed?: () => void,
): RefreshState {
  const [asOfText, setAsOfText] = useState(() => isoFromDay(today));
  const [counts, setCounts] = useState<{ outcome: RefreshOutcome; source: CountSource } | null>(null);
  const [busy, setBusy] = useState<CountSource | null>(null);
  const [error, setError] = useState<PaneError | null>(null);
  const running = useRef(false);
  const counted = useRef(false);
  const asOf = parseIsoDay(asOfText);

  const run = useCallback(
    async (kind: CountSource): Promise<boolean> => {
      if (running.current) return false;
      if (asOf === null) {
        setError({ message: "Enter the as-of date to count sessions.", mapping: false });
        return false;
      }
      running.current = true;
      setBusy(kind);
      setError(null);
      try {
        const outcome =
          kind === "refresh" ? await guard.track(() => service.refresh(asOf)) : await service.analyze(asOf);
        counted.current = true;
        setCounts({ outcome, source: kind });
        if (kind === "refresh") onRefreshed?.();
        return true;
      } catch (e) {
        const message = errorSentence(e, kind === "refresh" ? "refreshing" : "counting");
        setError({ message, mapping: pointsToMapping(message) });
        return false;
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [service, asOf, guard, onRefreshed],
  );

  const refresh = useCallback(() => run("refresh"), [run]);
  const analyze = useCallback(() => run("analyze"), [run]);
  const ensureCounted = useCallback(() => {
    if (!counted.current && !running.current) void run("analyze");
  }, [run]);
  const isRunning = useCallback(() => running.current, []);
  const dismissError = useCallback(() => setError(null), []);

  return {
    asOfText,
    asOf,
    setAsOfText,
    outcome: counts?.outcome ?? null,
    source: counts?.source ?? null,
    busy,
    error,
    dismissError,
    refresh,
    analyze,
    ensureCounted,
    isRunning,
  };
}
