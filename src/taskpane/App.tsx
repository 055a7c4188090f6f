/** The task pane's root: the Fluent theme around the pane, given the workbook service it works through. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import type { WorkbookService } from "../addin/service";
import { type DayNumber, localToday } from "../engine/dates";
import { Pane } from "./components/Pane/Pane";
import { usePane } from "./hooks/usePane";

export interface AppProps {
  readonly service: WorkbookService;
  /** The day the as-of date starts at; tests pass one, the pane takes the local calendar date. */
  readonly today?: DayNumber;
}

export function App({ service, today }: AppProps) {
  const [startDay] = useState(() => today ?? localToday());
  const state = usePane(service, startDay);
  return (
    <FluentProvider theme={webLightTheme}>
      <Pane state={state} />
    </FluentProvider>
  );
}
