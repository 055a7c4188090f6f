/** The preview's sheet view: sheet tabs, a windowed cell grid (only visible rows are drawn), and the selection. */
import { Tab, TabList, mergeClasses } from "@fluentui/react-components";
import type ExcelJS from "exceljs";
import {
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactElement,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { SELECTION, useGridStyles } from "./Grid.styles";
import {
  type CellRect,
  type CellView,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
  cellAddress,
  cellView,
  columnLetters,
  columnWidth,
  frozenRows,
  parseAddress,
} from "./gridModel";

/** A selection as the grid shows it; `seq` grows with each selection, so selecting the same cell again scrolls to it. */
export interface GridSelection {
  readonly sheet: string;
  readonly address: string;
  readonly seq: number;
}

export interface GridProps {
  readonly workbook: ExcelJS.Workbook;
  /** Grows whenever the workbook changed, so the grid draws its cells again. */
  readonly version: number;
  readonly activeSheet: string;
  readonly onActiveSheetChange: (sheet: string) => void;
  readonly selection: GridSelection | null;
  /** The user clicked a cell (or moved with the arrow keys). */
  readonly onSelectCell: (sheet: string, address: string) => void;
}

/** Rows drawn above and below the visible ones, so a quick scroll shows no blank band. */
const OVERSCAN = 8;
/** Empty rows and columns drawn past the sheet's last, so it reads as a sheet rather than a table. */
const EXTRA_ROWS = 30;
const MIN_COLUMNS = 12;

export function Grid(props: GridProps) {
  const { workbook, version, activeSheet, selection, onSelectCell, onActiveSheetChange } = props;
  const styles = useGridStyles();
  const ws = workbook.getWorksheet(activeSheet) ?? workbook.worksheets[0];
  const date1904 = workbook.properties?.date1904 === true;
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 600, width: 1000 });

  // Sheet shape; recomputed when the workbook changes (version) or another sheet is shown.
  const shape = useMemo(() => {
    const lastRow = ws?.rowCount ?? 0;
    const used = Math.max(ws?.columnCount ?? 0, 1);
    const widths: number[] = [];
    const lefts: number[] = [];
    let x = ROW_HEADER_WIDTH;
    // Empty columns past the last used one fill the view, as in Excel.
    for (let c = 1; c <= used || c <= MIN_COLUMNS || x < viewport.width; c++) {
      const w = ws ? columnWidth(ws, c) : 64;
      widths.push(w);
      lefts.push(x);
      x += w;
    }
    return { lastRow, lastColumn: widths.length, widths, lefts, totalWidth: x, frozen: ws ? frozenRows(ws) : 0 };
  }, [ws, version, viewport.width]);

  const shownSelection = selection && ws && selection.sheet.toLowerCase() === ws.name.toLowerCase() ? selection : null;
  const rect = shownSelection ? parseAddress(shownSelection.address, shape.lastRow, shape.lastColumn) : null;
  const headHeight = ROW_HEIGHT * (1 + shape.frozen);
  const bodyRows = Math.max(shape.lastRow - shape.frozen + EXTRA_ROWS, Math.ceil(viewport.height / ROW_HEIGHT));

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport({ top: el.scrollTop, height: el.clientHeight, width: el.clientWidth });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new sheet starts at its top-left corner, as Excel shows a sheet first opened.
  useLayoutEffect(() => {
    scroller.current?.scrollTo({ top: 0, left: 0 });
  }, [ws]);

  // Scroll a new selection into view (a Go to from the pane, or the arrow keys).
  useEffect(() => {
    const el = scroller.current;
    if (!el || !rect || !shownSelection) return;
    if (rect.top > shape.frozen) {
      const y = headHeight + (rect.top - shape.frozen - 1) * ROW_HEIGHT;
      const visibleTop = el.scrollTop + headHeight;
      const visibleBottom = el.scrollTop + el.clientHeight;
      if (y < visibleTop || y + ROW_HEIGHT > visibleBottom) {
        el.scrollTop = Math.max(0, y - headHeight - (el.clientHeight - headHeight) / 2 + ROW_HEIGHT / 2);
      }
    }
    const left = shape.lefts[rect.left - 1];
    if (left !== undefined) {
      const x = left - ROW_HEADER_WIDTH;
      const width = shape.widths[rect.left - 1];
      if (x < el.scrollLeft || x + width > el.scrollLeft + el.clientWidth - ROW_HEADER_WIDTH) {
        el.scrollLeft = Math.max(0, x - 40);
      }
    }
    // Only a new selection scrolls; redrawing after a refresh keeps the user's scroll position.
  }, [shownSelection?.seq, ws]);

  const first = Math.max(0, Math.floor(viewport.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(bodyRows - 1, Math.ceil((viewport.top + viewport.height) / ROW_HEIGHT) + OVERSCAN);

  const renderRow = (r: number, style?: CSSProperties, className?: string) => {
    const row = ws?.findRow(r);
    const cells: ReactElement[] = [];
    const views: CellView[] = [];
    for (let c = 1; c <= shape.lastColumn; c++) views.push(cellView(row, c, date1904));
    let c = 1;
    while (c <= shape.lastColumn) {
      const view = views[c - 1];
      let width = shape.widths[c - 1];
      for (let k = 1; k < view.span && c - 1 + k < shape.widths.length; k++) width += shape.widths[c - 1 + k];
      // Text spills over the empty cells to its right, as in Excel.
      let spill = 0;
      if (view.overflow && view.text !== "") {
        for (let k = c + view.span; k <= shape.lastColumn && k < c + 12; k++) {
          const next = views[k - 1];
          if (next.text !== "" || next.covered || next.fill) break;
          spill += shape.widths[k - 1];
        }
      }
      const style: CSSProperties = { width };
      if (view.fill) style.backgroundColor = view.fill;
      if (view.color && view.color !== "#000000") style.color = view.color;
      if (view.bold) style.fontWeight = 700;
      if (view.italic) style.fontStyle = "italic";
      if (view.size) style.fontSize = `${(view.size * 4) / 3}px`;
      style.textAlign = view.align;
      const address = cellAddress(r, c);
      cells.push(
        <div
          key={c}
          role="gridcell"
          aria-colindex={c + 1}
          data-address={address}
          data-fill={view.fill ?? undefined}
          aria-selected={rect ? inRect(rect, r, c) : undefined}
          className={mergeClasses(styles.cell, spill > 0 && styles.spill)}
          style={style}
          title={view.text.length > 12 ? view.text : undefined}
        >
          {spill > 0 ? (
            <span className={styles.spillText} style={{ width: width + spill - 6 }}>
              {view.text}
            </span>
          ) : (
            view.text
          )}
        </div>,
      );
      c += Math.max(1, view.span);
    }
    const selectedRow = rect !== null && r >= rect.top && r <= rect.bottom;
    return (
      <div
        key={r}
        role="row"
        aria-rowindex={r + 1}
        data-row={r}
        className={mergeClasses(styles.row, className)}
        style={style}
      >
        <div role="rowheader" className={mergeClasses(styles.rowHeader, selectedRow && styles.headerSelected)}>
          {r}
        </div>
        {cells}
      </div>
    );
  };

  const bodyRowsShown: ReactElement[] = [];
  for (let i = first; i <= last; i++) {
    const r = shape.frozen + 1 + i;
    bodyRowsShown.push(renderRow(r, { top: i * ROW_HEIGHT }, styles.bodyRow));
  }

  const selectionBox = (area: "head" | "body"): ReactElement | null => {
    if (!rect) return null;
    const top = area === "head" ? Math.max(rect.top, 1) : Math.max(rect.top, shape.frozen + 1);
    const bottom = area === "head" ? Math.min(rect.bottom, shape.frozen) : rect.bottom;
    if (bottom < top) return null;
    const left = shape.lefts[Math.min(rect.left, shape.lastColumn) - 1] ?? ROW_HEADER_WIDTH;
    const rightIndex = Math.min(rect.right, shape.lastColumn) - 1;
    const right = (shape.lefts[rightIndex] ?? left) + (shape.widths[rightIndex] ?? 0);
    const y = area === "head" ? (top - 1) * ROW_HEIGHT : (top - shape.frozen - 1) * ROW_HEIGHT;
    const rows = Math.min(bottom, top + bodyRows) - top + 1;
    return (
      <div
        className={styles.selectionBox}
        data-testid="grid-selection"
        style={{ left, top: y - 1, width: right - left + 1, height: rows * ROW_HEIGHT + 1, borderColor: SELECTION }}
      />
    );
  };

  const cellAt = (target: EventTarget | null): { row: number; column: number } | null => {
    const el = (target as HTMLElement | null)?.closest?.("[data-address]") as HTMLElement | null;
    const address = el?.dataset.address;
    if (!address) return null;
    const rc = parseAddress(address, shape.lastRow, shape.lastColumn);
    return rc ? { row: rc.top, column: rc.left } : null;
  };

  const onMouseDown = (event: MouseEvent) => {
    const at = cellAt(event.target);
    if (at && ws) onSelectCell(ws.name, cellAddress(at.row, at.column));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!ws || !rect) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [1, 0],
      Tab: [0, event.shiftKey ? -1 : 1],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const row = Math.max(1, rect.top + move[0]);
    const column = Math.min(shape.lastColumn, Math.max(1, rect.left + move[1]));
    onSelectCell(ws.name, cellAddress(row, column));
  };

  const selectedText = (() => {
    if (!rect || !ws) return "";
    return cellView(ws.findRow(rect.top), rect.left, date1904).text;
  })();

  const headRows: ReactElement[] = [];
  for (let r = 1; r <= shape.frozen; r++) headRows.push(renderRow(r));

  return (
    <section className={styles.root} aria-label="Workbook">
      <div className={styles.nameBar}>
        <span className={styles.nameBox} data-testid="name-box">
          {rect ? nameOf(rect) : ""}
        </span>
        <span className={styles.formula} data-testid="formula-bar">
          {selectedText}
        </span>
      </div>
      <div
        ref={scroller}
        className={styles.scroller}
        role="grid"
        aria-label={ws ? `Sheet ${ws.name}` : "Sheet"}
        aria-rowcount={shape.lastRow + 1}
        aria-colcount={shape.lastColumn + 1}
        data-sheet={ws?.name}
        tabIndex={0}
        onScroll={(event) => {
          const el = event.currentTarget;
          setViewport((v) => (v.top === el.scrollTop ? v : { ...v, top: el.scrollTop }));
        }}
        onMouseDown={onMouseDown}
        onKeyDown={onKeyDown}
      >
        <div style={{ width: shape.totalWidth, height: headHeight + bodyRows * ROW_HEIGHT }}>
          <div
            className={mergeClasses(styles.head, shape.frozen > 0 && styles.frozenEdge)}
            style={{ width: shape.totalWidth }}
          >
            <div className={styles.row} role="row">
              <div className={styles.rowHeader} style={{ zIndex: 4 }} />
              {shape.widths.map((w, i) => (
                <div
                  key={i}
                  role="columnheader"
                  className={mergeClasses(
                    styles.columnHeader,
                    rect !== null && i + 1 >= rect.left && i + 1 <= rect.right && styles.headerSelected,
                  )}
                  style={{ width: w }}
                >
                  {columnLetters(i + 1)}
                </div>
              ))}
            </div>
            <div style={{ position: "relative" }}>
              {headRows}
              {selectionBox("head")}
            </div>
          </div>
          <div className={styles.body} style={{ height: bodyRows * ROW_HEIGHT }}>
            {bodyRowsShown}
            {selectionBox("body")}
          </div>
        </div>
      </div>
      <div className={styles.tabs}>
        <TabList
          size="small"
          selectedValue={ws?.name}
          onTabSelect={(_, data) => onActiveSheetChange(String(data.value))}
          aria-label="Sheets"
        >
          {workbook.worksheets
            .filter((sheet) => sheet.state !== "hidden" && sheet.state !== "veryHidden")
            .map((sheet) => (
              <Tab key={sheet.id} value={sheet.name}>
                {sheet.name}
              </Tab>
            ))}
        </TabList>
      </div>
    </section>
  );
}

function inRect(rect: CellRect, row: number, column: number): boolean {
  return row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
}

/** The name box text: "B5", or "A5:H5" for a range. */
function nameOf(rect: CellRect): string {
  const first = cellAddress(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right
    ? first
    : `${first}:${cellAddress(rect.bottom, rect.right)}`;
}
