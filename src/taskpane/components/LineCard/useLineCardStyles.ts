import { makeStyles, tokens } from "@fluentui/react-components";

/** The fill SPEC §5 gives Remaining cells in the workbook; the pane shows Remaining the same way. */
export const REMAINING_FILL = "#FFFF00";

export const useLineCardStyles = makeStyles({
  card: {
    rowGap: tokens.spacingVerticalXS,
  },
  title: {
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "repeat(4, 1fr)",
    margin: 0,
    columnGap: tokens.spacingHorizontalXS,
  },
  fact: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
  },
  term: {
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    color: tokens.colorNeutralForeground3,
  },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  remaining: {
    backgroundColor: REMAINING_FILL,
    color: "#000000",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    alignSelf: "flex-start",
  },
  meta: {
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  status: {
    whiteSpace: "nowrap",
    flexShrink: 0,
  },
  note: {
    color: tokens.colorPaletteRedForeground1,
  },
});
