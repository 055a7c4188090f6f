import { makeStyles, tokens } from "@fluentui/react-components";

export const useSetupSectionStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  button: {
    alignSelf: "flex-start",
  },
});
