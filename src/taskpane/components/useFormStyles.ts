/** Layout shared by the pane's forms: two fields side by side that shrink with the pane instead of overflowing. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useFormStyles = makeStyles({
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    alignItems: "start",
    gap: tokens.spacingHorizontalS,
  },
  // A Field lays its control out at the control's natural width (a date input's is wider than half the pane).
  field: {
    minWidth: 0,
    gridTemplateColumns: "minmax(0, 1fr)",
  },
  control: {
    width: "100%",
    minWidth: 0,
    boxSizing: "border-box",
  },
  spinner: {
    justifyContent: "flex-start",
  },
});
