/** Task pane entry: mounts the React app once office.js is ready, or at once when the page runs outside Office. */
import { createRoot } from "react-dom/client";
import { App } from "./App";

function mount(): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  createRoot(container).render(<App />);
}

// Office is undefined when office.js failed to load (e.g. opened outside Office without it); the pane still renders.
if (typeof Office === "undefined") {
  mount();
} else {
  Office.onReady(() => mount());
}
