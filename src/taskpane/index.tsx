/** Task pane entry: mounts the React app once office.js is ready, or at once when the page runs outside Office. */
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { errorSentence } from "./errors";
import { getService } from "./serviceProvider";

function mount(): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const root = createRoot(container);
  try {
    root.render(<App service={getService()} />);
  } catch (e) {
    // No workbook to work on: say so in one sentence instead of a blank pane.
    root.render(
      <FluentProvider theme={webLightTheme}>
        <div style={{ padding: 12 }}>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{errorSentence(e, "opening the pane")}</MessageBarBody>
          </MessageBar>
        </div>
      </FluentProvider>,
    );
  }
}

// Office is undefined when office.js failed to load (e.g. opened outside Office without it); the pane still renders.
if (typeof Office === "undefined") {
  mount();
} else {
  Office.onReady(() => mount());
}
