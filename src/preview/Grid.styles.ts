/** Styles of the preview grid: Excel-like gridlines and headers on Fluent UI v9 tokens. */
import { makeStyles, shorthands, tokens } from "@fluentui/react-components";
import { ROW_HEADER_WIDTH, ROW_HEIGHT } from "./gridModel";

/** Excel's selection green. */
export const SELECTION = "#217346";
const GRIDLINE = "#E1E1E1";
const HEADER_BG = "#F3F3F3";
const HEADER_SELECTED_BG = "#D2D2D2";

export const useGridStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    minHeight: 0,
    height: "100%",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  nameBar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    height: "28px",
    flexShrink: 0,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    ...shorthands.borderBottom("1px", "solid", tokens.colorNeutralStroke2),
    fontSize: tokens.fontSizeBase200,
  },
  nameBox: {
    width: "96px",
    flexShrink: 0,
    fontFamily: tokens.fontFamilyMonospace,
    paddingLeft: tokens.spacingHorizontalXS,
    ...shorthands.borderRight("1px", "solid", tokens.colorNeutralStroke2),
  },
  formula: {
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    color: tokens.colorNeutralForeground2,
  },
  scroller: {
    position: "relative",
    flexGrow: 1,
    minHeight: 0,
    overflow: "auto",
    outlineStyle: "none",
    // Excel's Calibri, else a face of about its width (DejaVu Sans is much wider than Calibri).
    fontFamily: "Calibri, Carlito, 'Segoe UI', Arial, 'Liberation Sans', 'DejaVu Sans Condensed', sans-serif",
    fontSize: "14.5px",
    color: "#000000",
    ":focus-visible": {
      outlineWidth: "2px",
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: "-2px",
    },
  },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 3,
    backgroundColor: "#FFFFFF",
  },
  frozenEdge: {
    ...shorthands.borderBottom("1px", "solid", "#9B9B9B"),
  },
  body: {
    position: "relative",
  },
  row: {
    display: "flex",
    height: `${ROW_HEIGHT}px`,
    width: "max-content",
  },
  bodyRow: {
    position: "absolute",
    left: 0,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 2,
    width: `${ROW_HEADER_WIDTH}px`,
    flexShrink: 0,
    boxSizing: "border-box",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: HEADER_BG,
    color: "#444444",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    ...shorthands.borderRight("1px", "solid", "#C8C8C8"),
    ...shorthands.borderBottom("1px", "solid", "#D4D4D4"),
    userSelect: "none",
  },
  columnHeader: {
    flexShrink: 0,
    boxSizing: "border-box",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: HEADER_BG,
    color: "#444444",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    ...shorthands.borderRight("1px", "solid", "#D4D4D4"),
    ...shorthands.borderBottom("1px", "solid", "#C8C8C8"),
    userSelect: "none",
  },
  headerSelected: {
    backgroundColor: HEADER_SELECTED_BG,
    color: SELECTION,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    position: "relative",
    flexShrink: 0,
    boxSizing: "border-box",
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    paddingLeft: "3px",
    paddingRight: "3px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    ...shorthands.borderRight("1px", "solid", GRIDLINE),
    ...shorthands.borderBottom("1px", "solid", GRIDLINE),
    cursor: "cell",
  },
  spill: {
    overflow: "visible",
    zIndex: 1,
  },
  spillText: {
    display: "block",
    overflow: "hidden",
  },
  selectionBox: {
    position: "absolute",
    boxSizing: "border-box",
    pointerEvents: "none",
    zIndex: 2,
    ...shorthands.border("2px", "solid", SELECTION),
    backgroundColor: "rgba(33, 115, 70, 0.08)",
  },
  tabs: {
    flexShrink: 0,
    overflowX: "auto",
    backgroundColor: tokens.colorNeutralBackground2,
    ...shorthands.borderTop("1px", "solid", tokens.colorNeutralStroke2),
  },
});
