/** Edits that set named rows of the Settings sheet (Setting | Value), leaving every other row as it is. */
import { type SheetGrid, isBlank, readText } from "./cells";
import { headerKey } from "./fields";

export interface CellEdit {
  /** 1-based. */
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

/**
 * The cells to write so each named setting holds its value: an existing row's
 * value cell is rewritten ("" clears it back to the default); a setting not yet
 * on the sheet gets a new row below the last one (only when it has a value).
 * Without a Settings sheet, `create` is true and the edits lay it out from A1.
 */
export function settingsEdits(
  grid: SheetGrid | undefined,
  entries: readonly (readonly [string, string | null])[],
): { create: boolean; edits: CellEdit[] } {
  const edits: CellEdit[] = [];
  if (!grid) {
    edits.push({ row: 1, column: 1, text: "Setting" }, { row: 1, column: 2, text: "Value" });
    let row = 2;
    for (const [name, value] of entries) {
      if (value === null) continue;
      edits.push({ row, column: 1, text: name }, { row, column: 2, text: value });
      row++;
    }
    return { create: true, edits };
  }
  const rows = new Map<string, { row: number; column: number }>();
  let lastRow = 0;
  let nameColumn = 1;
  grid.values.forEach((cells, r) => {
    const c = cells.findIndex((cell) => !isBlank(cell));
    if (c < 0) return;
    lastRow = r + 1;
    const text = readText(cells[c]);
    if (!text.ok || text.value === null) return;
    const key = headerKey(text.value);
    if (key === "setting") nameColumn = c + 1;
    if (!rows.has(key)) rows.set(key, { row: r + 1, column: c + 1 });
  });
  for (const [name, value] of entries) {
    const at = rows.get(headerKey(name));
    if (at) {
      edits.push({ row: at.row, column: at.column + 1, text: value ?? "" });
    } else if (value !== null) {
      lastRow++;
      edits.push(
        { row: lastRow, column: nameColumn, text: name },
        { row: lastRow, column: nameColumn + 1, text: value },
      );
    }
  }
  return { create: false, edits };
}
