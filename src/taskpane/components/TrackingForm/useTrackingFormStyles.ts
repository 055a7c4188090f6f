import { makeStyles, tokens } from "@fluentui/react-components";

export const useTrackingFormStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  buttons: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
  },
});
