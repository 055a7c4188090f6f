/** Summary: refresh, the count of lines per status, and the problems. */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { PaneState } from "../../hooks/usePane";
import { ErrorBar } from "../Notices/Notices";
import { ProblemsList } from "../ProblemsList/ProblemsList";
import { RefreshPanel } from "../RefreshPanel/RefreshPanel";
import { StatusSummary } from "../StatusSummary/StatusSummary";

export function SummaryTab({ state }: { readonly state: PaneState }) {
  const { counts, auto, goTo } = state;
  return (
    <>
      <RefreshPanel counts={counts} />
      {auto.notice && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{auto.notice}</MessageBarBody>
        </MessageBar>
      )}
      {counts.outcome && <StatusSummary lines={counts.outcome.lines} />}
      {goTo.error && <ErrorBar message={goTo.error} onDismiss={goTo.dismiss} />}
      {counts.outcome && <ProblemsList problems={counts.outcome.problems} onGoTo={(p) => void goTo.goTo(p)} />}
    </>
  );
}
