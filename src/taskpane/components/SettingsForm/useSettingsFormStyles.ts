import { makeStyles, tokens } from "@fluentui/react-components";

export const useSettingsFormStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
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
