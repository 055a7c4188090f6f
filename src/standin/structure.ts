/**
 * Inserting and deleting rows, columns and cells, as Excel does it: cells
 * shift, and tables, defined names and tracked ranges follow them. Used by
 * Range.insert/delete, table row and column adds, and a simulated co-author
 * inserting rows.
 */
import type ExcelJS from "exceljs";
import { MAX_COLUMNS, MAX_ROWS, type Rect, formatRect } from "./address";
import type { Transaction } from "./batch";
import { shiftCells, spliceWholeColumns, spliceWholeRows } from "./cells";
import { ErrorCodes, fail } from "./errors";
import { moveReferences, namesUndo } from "./namemodel";
import type { StructuralChange } from "./state";
import { detachTable, setTableRect, sheetTables, snapshotTable, tableRect } from "./tablemodel";

/** A change spans whole rows (or columns) when it covers the whole other axis. */
export function isWhole(change: StructuralChange): boolean {
  return change.from === 1 && change.to === (change.axis === "rows" ? MAX_COLUMNS : MAX_ROWS);
}

function lines(rect: Rect, axis: "rows" | "columns"): [number, number] {
  return axis === "rows" ? [rect.top, rect.bottom] : [rect.left, rect.right];
}

function across(rect: Rect, axis: "rows" | "columns"): [number, number] {
  return axis === "rows" ? [rect.left, rect.right] : [rect.top, rect.bottom];
}

function withLines(rect: Rect, axis: "rows" | "columns", first: number, last: number): Rect {
  return axis === "rows" ? { ...rect, top: first, bottom: last } : { ...rect, left: first, right: last };
}

/**
 * Where a rectangle goes when the change happens: moved, grown, shrunk, null
 * when all of it is deleted, or the same object when the change does not
 * touch it (including when it lies only partly across a partial shift).
 */
export function moveRect(rect: Rect, change: StructuralChange): Rect | null {
  const [a0, a1] = across(rect, change.axis);
  if (a0 < change.from || a1 > change.to) return rect;
  const [first, last] = lines(rect, change.axis);
  const { at, count } = change;
  if (count > 0) {
    if (first >= at) return withLines(rect, change.axis, first + count, last + count);
    if (last >= at) return withLines(rect, change.axis, first, last + count);
    return rect;
  }
  const n = -count;
  const end = at + n - 1;
  const newFirst = first < at ? first : first <= end ? at : first - n;
  const newLast = last < at ? last : last <= end ? at - 1 : last - n;
  if (newLast < newFirst) return null;
  if (newFirst === first && newLast === last) return rect;
  return withLines(rect, change.axis, newFirst, newLast);
}

/** Whether a rectangle lies partly inside and partly outside the shifted band, which Excel refuses for tables. */
function cutAcross(rect: Rect, change: StructuralChange): boolean {
  const [a0, a1] = across(rect, change.axis);
  const overlaps = a1 >= change.from && a0 <= change.to;
  const inside = a0 >= change.from && a1 <= change.to;
  const [, last] = lines(rect, change.axis);
  return overlaps && !inside && last >= change.at;
}

/** The cells a change inserts or deletes, as an address for the change event. */
export function changedRect(change: StructuralChange): Rect {
  const n = Math.abs(change.count);
  return change.axis === "rows"
    ? { top: change.at, bottom: Math.min(MAX_ROWS, change.at + n - 1), left: change.from, right: change.to }
    : { left: change.at, right: Math.min(MAX_COLUMNS, change.at + n - 1), top: change.from, bottom: change.to };
}

function changeType(change: StructuralChange): string {
  const inserted = change.count > 0;
  if (!isWhole(change)) return inserted ? "CellInserted" : "CellDeleted";
  if (change.axis === "rows") return inserted ? "RowInserted" : "RowDeleted";
  return inserted ? "ColumnInserted" : "ColumnDeleted";
}

/**
 * Applies a structural change to a sheet inside a sync (or a simulated user
 * action): shifts cells, moves tables, names and tracked ranges, registers
 * undo steps and emits the worksheet change event.
 */
export function applyStructuralChange(
  tx: Transaction,
  ws: ExcelJS.Worksheet,
  change: StructuralChange,
  source: "Local" | "Remote",
  trigger: "ThisLocalAddin" | "Unknown",
): void {
  const tables = sheetTables(ws);
  for (const t of tables) {
    if (cutAcross(tableRect(t), change))
      fail(ErrorCodes.insertDeleteConflict, `${ws.name}!${formatRect(changedRect(change))}`);
  }
  tx.onUndo(
    isWhole(change)
      ? change.axis === "rows"
        ? spliceWholeRows(ws, change.at, change.count)
        : spliceWholeColumns(ws, change.at, change.count)
      : shiftCells(ws, change.axis, change.at, change.count, change.from, change.to),
  );
  for (const t of tables) {
    const before = snapshotTable(t);
    const rect = tableRect(t);
    const moved = moveRect(rect, change);
    if (moved === null) {
      detachTable(ws, t);
      tx.onUndo(() => {
        (ws as unknown as { tables: Record<string, unknown> }).tables[before.name] = t;
        t.table = before;
      });
    } else if (moved !== rect) {
      setTableRect(t, moved);
      tx.onUndo(() => {
        t.table = before;
      });
    }
  }
  tx.onUndo(namesUndo(tx.state.workbook));
  moveReferences(tx.state.workbook, ws.name, (rect) => moveRect(rect, change));
  tx.onUndo(tx.state.adjustTracked(change));
  tx.emit({
    kind: "changed",
    sheetId: ws.id,
    address: formatRect(changedRect(change)),
    changeType: changeType(change),
    source,
    triggerSource: trigger,
  });
}
