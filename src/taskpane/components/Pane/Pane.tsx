/** The pane: notices on top, then the tabs Summary, Client, Tracking and Settings. Renders state only. */
import { Tab, TabList } from "@fluentui/react-components";
import type { PaneState, PaneTab } from "../../hooks/usePane";
import { ClientView } from "../ClientView/ClientView";
import { CountErrorBar, StaleWarning } from "../Notices/Notices";
import { SettingsTab } from "../SettingsTab/SettingsTab";
import { SummaryTab } from "../SummaryTab/SummaryTab";
import { TrackingView } from "../TrackingView/TrackingView";
import { usePaneStyles } from "./usePaneStyles";

const TABS: readonly { readonly value: PaneTab; readonly label: string }[] = [
  { value: "summary", label: "Summary" },
  { value: "client", label: "Client" },
  { value: "tracking", label: "Tracking" },
  { value: "settings", label: "Settings" },
];

export function Pane({ state }: { readonly state: PaneState }) {
  const styles = usePaneStyles();
  const { counts, stale, tab } = state;
  return (
    <main className={styles.root} aria-label="Session Counting">
      {stale.stale && (
        <StaleWarning busy={counts.busy !== null} onRefresh={() => void counts.refresh()} onDismiss={stale.clear} />
      )}
      {counts.error && (
        <CountErrorBar error={counts.error} onDismiss={counts.dismissError} onOpenMapping={state.openMapping} />
      )}
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, data) => state.setTab(data.value as PaneTab)}
        aria-label="Session Counting views"
      >
        {TABS.map((t) => (
          <Tab key={t.value} value={t.value} id={`tab-${t.value}`}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "summary" && <SummaryTab state={state} />}
        {tab === "client" && <ClientView state={state} />}
        {tab === "tracking" && <TrackingView state={state} />}
        {tab === "settings" && <SettingsTab state={state} />}
      </div>
    </main>
  );
}
