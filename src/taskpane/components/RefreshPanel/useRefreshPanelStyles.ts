import { makeStyles, tokens } from "@fluentui/react-components";

export const useRefreshPanelStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  row: {
    display: "flex",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
  },
  asOf: {
    flexGrow: 1,
    minWidth: 0,
  },
  caption: {
    color: tokens.colorNeutralForeground3,
  },
});
