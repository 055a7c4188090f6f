/** Finds a sheet's header row and which column serves each field (SPEC §2). */
import { type Cell, type SheetGrid, isBlank, readText } from "./cells";
import {
  CLIENT_GENERIC_HEADERS,
  CLIENT_ID_HEADERS,
  CLIENT_NAME_HEADERS,
  type SheetDef,
  headerKey,
  requirementLabel,
} from "./fields";

/** A column serving a field: its 0-based index and its header as the sheet spells it. */
export interface Column {
  readonly index: number;
  readonly header: string;
}

/** Where a sheet's data is: header row, the column of each field, and the last header's column. */
export interface SheetLayout {
  readonly sheet: string;
  /** 1-based row of the headers. */
  readonly headerRow: number;
  readonly columns: Readonly<Record<string, Column | undefined>>;
  /** For the Client field: a name column that serves rows whose ID cell is blank. */
  readonly clientFallback?: Column;
  /** 0-based index of the last non-blank header cell. */
  readonly lastHeaderIndex: number;
  /** The Excel table whose header this is, if any. */
  readonly table?: string;
}

export type Located = { ok: true; layout: SheetLayout } | { ok: false; message: string };

/** Only rows 1 to 10 are searched for headers, so a title or a note above them is fine. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * Finds the header row: an Excel table's header holding the required columns,
 * else the first of the first 10 rows that holds them. `mapped` names, per
 * field key, a header the user mapped to that field; it wins over the defaults.
 */
export function locateHeader(def: SheetDef, grid: SheetGrid, mapped: ReadonlyMap<string, string> = new Map()): Located {
  const found = searchHeader(def, grid, mapped);
  if (found.missing.length === 0 && found.layout) return { ok: true, layout: found.layout };
  const wanted = def.required.map((r) => requirementLabel(def, r));
  if (found.layout === null || found.missing.length === wanted.length) {
    return {
      ok: false,
      message: `The ${grid.name} sheet has no header row in its first ${HEADER_SEARCH_ROWS} rows with the columns ${wanted.join(", ")}.`,
    };
  }
  return {
    ok: false,
    message: `The ${grid.name} sheet's header row (row ${found.layout.headerRow}) has no ${found.missing.join(", no ")} column; add it, or map one in Settings.`,
  };
}

/**
 * The header row that serves best: the complete one locateHeader would take,
 * else the row of the first 10 holding the most required columns (null when
 * none holds any). The pane's column mapping shows it, with what is missing.
 */
export function searchHeader(
  def: SheetDef,
  grid: SheetGrid,
  mapped: ReadonlyMap<string, string> = new Map(),
): { layout: SheetLayout | null; missing: string[] } {
  for (const table of grid.tables) {
    const row = grid.values[table.headerRow - 1] ?? [];
    const layout = layoutOf(def, grid.name, table.headerRow, row, mapped, table.firstColumn - 1, table.lastColumn - 1);
    if (missing(def, layout).length === 0) return { layout: { ...layout, table: table.name }, missing: [] };
  }
  let best: { layout: SheetLayout; missing: string[] } | null = null;
  const rows = Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r];
    const layout = layoutOf(def, grid.name, r + 1, row, mapped, 0, row.length - 1);
    const lacks = missing(def, layout);
    if (lacks.length === 0) return { layout, missing: [] };
    if (best === null || lacks.length < best.missing.length) best = { layout, missing: lacks };
  }
  const all = def.required.map((r) => requirementLabel(def, r));
  if (best === null || best.missing.length === all.length) return { layout: null, missing: all };
  return best;
}

function missing(def: SheetDef, layout: SheetLayout): string[] {
  return def.required.filter((req) => !req.some((k) => layout.columns[k])).map((req) => requirementLabel(def, req));
}

function layoutOf(
  def: SheetDef,
  sheet: string,
  headerRow: number,
  row: readonly Cell[],
  mapped: ReadonlyMap<string, string>,
  first: number,
  last: number,
): SheetLayout {
  const headers: { index: number; key: string; text: string }[] = [];
  // Columns are appended after the row's last header, beyond a table's end too, so a user's own columns stay.
  let lastHeaderIndex = -1;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) lastHeaderIndex = c;
  for (let c = first; c <= last && c < row.length; c++) {
    const cell = row[c];
    if (isBlank(cell)) continue;
    const text = readText(cell);
    if (!text.ok || text.value === null) continue;
    headers.push({ index: c, key: headerKey(text.value), text: text.value });
  }
  // Own name first, then synonyms in order, then leftmost.
  const find = (names: readonly string[]): Column | undefined => {
    const keys = names.map(headerKey);
    let found: { rank: number; index: number; text: string } | undefined;
    for (const h of headers) {
      const rank = keys.indexOf(h.key);
      if (rank >= 0 && (found === undefined || rank < found.rank)) found = { rank, index: h.index, text: h.text };
    }
    return found && { index: found.index, header: found.text };
  };
  const columns: Record<string, Column | undefined> = {};
  let clientFallback: Column | undefined;
  for (const field of def.fields) {
    const mappedHeader = mapped.get(field.key);
    const byMapping = mappedHeader === undefined ? undefined : find([mappedHeader]);
    if (field.key === "client") {
      const id = find(CLIENT_ID_HEADERS);
      const generic = find(CLIENT_GENERIC_HEADERS);
      const name = find(CLIENT_NAME_HEADERS);
      const primary = byMapping ?? id ?? generic ?? name;
      columns.client = primary;
      const fallback = name ?? (primary === id ? generic : undefined);
      if (primary && fallback && fallback.index !== primary.index) clientFallback = fallback;
      continue;
    }
    columns[field.key] = byMapping ?? find([field.label, ...field.synonyms]);
  }
  return { sheet, headerRow, columns, clientFallback, lastHeaderIndex };
}
