/** Styles of the preview page: a toolbar, the grid on the left and a task pane column on the right, as in Excel. */
import { makeStyles, shorthands, tokens } from "@fluentui/react-components";

/** Excel's task pane opens about this wide. */
export const PANE_WIDTH = 360;

export const usePreviewStyles = makeStyles({
  root: {
    position: "relative",
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  toolbar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    flexShrink: 0,
    minHeight: "44px",
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    backgroundColor: "#217346",
    color: tokens.colorNeutralForegroundOnBrand,
  },
  product: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    whiteSpace: "nowrap",
  },
  fileName: {
    flexGrow: 1,
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    opacity: 0.9,
  },
  banner: {
    whiteSpace: "nowrap",
  },
  messages: {
    flexShrink: 0,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
  },
  main: {
    display: "flex",
    flexGrow: 1,
    minHeight: 0,
  },
  sheet: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
  },
  pane: {
    width: `${PANE_WIDTH}px`,
    flexShrink: 0,
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.borderLeft("1px", "solid", tokens.colorNeutralStroke1),
  },
  paneTitle: {
    display: "flex",
    alignItems: "center",
    flexShrink: 0,
    height: "36px",
    paddingLeft: tokens.spacingHorizontalL,
    fontWeight: tokens.fontWeightSemibold,
    ...shorthands.borderBottom("1px", "solid", tokens.colorNeutralStroke2),
  },
  paneBody: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: "auto",
  },
  placeholder: {
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    flexGrow: 1,
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  dropOverlay: {
    position: "absolute",
    inset: 0,
    zIndex: 10,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: "rgba(33, 115, 70, 0.18)",
    ...shorthands.border("3px", "dashed", "#217346"),
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: "#0E4D2C",
    pointerEvents: "none",
  },
  hiddenInput: {
    display: "none",
  },
});
