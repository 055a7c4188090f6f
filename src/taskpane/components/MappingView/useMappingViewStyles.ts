import { makeStyles, tokens } from "@fluentui/react-components";

export const useMappingViewStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  dropdown: {
    minWidth: 0,
    width: "100%",
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  buttons: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  saved: {
    color: tokens.colorPaletteGreenForeground1,
  },
});
