/** The pane's frame: a narrow column (Excel's task pane is about 320–350 px wide). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePaneStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minWidth: "280px",
    maxWidth: "480px",
    boxSizing: "border-box",
  },
  tabs: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalXS,
  },
});
