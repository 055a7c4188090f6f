import { makeStyles, tokens } from "@fluentui/react-components";

export const useStatusSummaryStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  count: {
    minWidth: "28px",
    justifyContent: "center",
  },
  zero: {
    color: tokens.colorNeutralForeground3,
  },
});
