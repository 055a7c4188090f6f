/** Browser preview entry: the task pane and a grid over a workbook opened in this page (no Excel, no office.js). */
import { createRoot } from "react-dom/client";
import { Preview } from "./Preview";

const container = document.getElementById("root");
if (!container) throw new Error("preview.html has no #root element");
createRoot(container).render(<Preview sampleUrl="examples/sample-practice.xlsx" />);
