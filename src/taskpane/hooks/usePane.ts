/** The whole pane's state: composes the hooks each tab renders, and the recounts that follow a change. */
import { useCallback, useEffect, useState } from "react";
import type { WorkbookService } from "../../addin/service";
import type { DayNumber } from "../../engine/dates";
import type { AddinOptions } from "../../workbook/settings";
import { WriteGuard } from "../writeGuard";
import { type AutoRefreshState, useAutoRefresh } from "./useAutoRefresh";
import { type ClientViewState, useClientView } from "./useClientView";
import { type GoToState, useGoTo } from "./useGoTo";
import { type MappingViewState, useMapping } from "./useMapping";
import { type RefreshState, useRefresh } from "./useRefresh";
import { type SettingsFormState, useSettingsForm } from "./useSettingsForm";
import { type SetupState, useSetup } from "./useSetup";
import { type StaleState, useStale } from "./useStale";
import { type TrackingFormState, useTrackingForm } from "./useTrackingForm";

export type PaneTab = "summary" | "client" | "tracking" | "settings";

export interface PaneState {
  readonly tab: PaneTab;
  readonly setTab: (tab: PaneTab) => void;
  /** Shows the column mapping: where a refresh that found no headers sends the user. */
  readonly openMapping: () => void;
  /** True once after openMapping, so the Settings tab scrolls the mapping into view. */
  readonly mappingFocus: boolean;
  readonly mappingFocused: () => void;
  /** Opens the Tracking tab with an empty form for the chosen client. */
  readonly addTracking: () => void;
  readonly stale: StaleState;
  readonly counts: RefreshState;
  readonly auto: AutoRefreshState;
  readonly goTo: GoToState;
  readonly clientView: ClientViewState;
  readonly tracking: TrackingFormState;
  readonly settings: SettingsFormState;
  readonly mapping: MappingViewState;
  readonly setup: SetupState;
}

export function usePane(service: WorkbookService, today: DayNumber): PaneState {
  const [guard] = useState(() => new WriteGuard());
  useEffect(() => () => guard.dispose(), [guard]);
  const [tab, setTab] = useState<PaneTab>("summary");
  const [mappingFocus, setMappingFocus] = useState(false);

  const stale = useStale(service);
  const counts = useRefresh(service, today, guard, stale.clear);
  const { refresh, analyze, outcome, error: countError } = counts;

  /** After the workbook changed through the pane: refresh when Keep up to date is on, else count again. */
  const recount = useCallback(
    (options: AddinOptions, always: boolean): Promise<unknown> => {
      if (options.autoRefresh) return refresh();
      if (always || outcome !== null || countError !== null) return analyze();
      return Promise.resolve();
    },
    [refresh, analyze, outcome, countError],
  );

  const settings = useSettingsForm(
    service,
    guard,
    useCallback((options: AddinOptions) => void recount(options, false), [recount]),
  );
  const auto = useAutoRefresh(
    service,
    settings.options.autoRefresh,
    guard,
    refresh,
    counts.isRunning,
    counts.busy === "refresh",
  );
  const goTo = useGoTo(service);
  const clientView = useClientView(service, outcome, counts.ensureCounted);
  const tracking = useTrackingForm(
    service,
    clientView.client,
    outcome,
    guard,
    useCallback(() => recount(settings.options, true), [recount, settings.options]),
  );
  const mapping = useMapping(
    service,
    guard,
    tab === "settings",
    useCallback(() => void recount(settings.options, false), [recount, settings.options]),
  );
  const setup = useSetup(
    service,
    guard,
    useCallback(() => {
      settings.reload();
      mapping.reload();
    }, [settings, mapping]),
  );

  // The client and tracking views need the clients: count (without writing) the first time they open.
  const { ensureCounted } = counts;
  useEffect(() => {
    if (tab === "client" || tab === "tracking") ensureCounted();
  }, [tab, ensureCounted]);

  const openMapping = useCallback(() => {
    setTab("settings");
    setMappingFocus(true);
  }, []);
  const mappingFocused = useCallback(() => setMappingFocus(false), []);
  const { startAdd } = tracking;
  const addTracking = useCallback(() => {
    setTab("tracking");
    startAdd();
  }, [startAdd]);

  return {
    tab,
    setTab,
    openMapping,
    mappingFocus,
    mappingFocused,
    addTracking,
    stale,
    counts,
    auto,
    goTo,
    clientView,
    tracking,
    settings,
    mapping,
    setup,
  };
}
