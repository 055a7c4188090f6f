/** The as-of date and the Refresh button, with the busy spinner and a line on what the counts are. */
import { Button, Caption1, Field, Input } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { formatDay, plural } from "../../format";
import type { RefreshState } from "../../hooks/useRefresh";
import { useRefreshPanelStyles } from "./useRefreshPanelStyles";
import { BusyLine } from "../BusyLine/BusyLine";

export function RefreshPanel({ counts }: { readonly counts: RefreshState }) {
  const styles = useRefreshPanelStyles();
  const { outcome, source, busy } = counts;
  return (
    <section className={styles.root} aria-label="Refresh">
      <div className={styles.row}>
        <Field
          className={styles.asOf}
          label="As of"
          validationMessage={counts.asOf === null ? "Enter a date" : undefined}
        >
          <Input type="date" value={counts.asOfText} onChange={(_, data) => counts.setAsOfText(data.value)} />
        </Field>
        <Button
          appearance="primary"
          icon={<ArrowSyncRegular />}
          disabled={busy !== null || counts.asOf === null}
          onClick={() => void counts.refresh()}
        >
          Refresh
        </Button>
      </div>
      {busy !== null ? (
        <BusyLine label={busy === "refresh" ? "Refreshing…" : "Counting…"} />
      ) : outcome ? (
        <Caption1 className={styles.caption}>
          {source === "refresh"
            ? `Refreshed at ${outcome.refreshedAt.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" })}, as of ${formatDay(outcome.asOf)}. `
            : `Counted as of ${formatDay(outcome.asOf)}; not yet written to the workbook. `}
          {`${outcome.sessionsCounted} of ${plural(outcome.sessionsTotal, "session")} drew from a tracking line.`}
        </Caption1>
      ) : (
        <Caption1 className={styles.caption}>
          Refresh counts every session, writes Remaining and Prior Auth # on Sessions, and rebuilds the Authorized
          Insurance Sessions report.
        </Caption1>
      )}
    </section>
  );
}
