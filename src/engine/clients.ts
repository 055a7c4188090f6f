/** Resolves a Client cell to one client: by Client ID first, then by Client Name (SPEC §3). */
import { quote } from "./text";
import type { ClientRef, ClientRow, Problem } from "./types";

/** A client as the engine groups lines and sessions by. */
export interface Client {
  /** Equal keys are the same client. */
  readonly key: string;
  readonly id: string | null;
  readonly name: string | null;
  readonly insurance: string | null;
  /** False for a client found in no Clients row. */
  readonly known: boolean;
}

export type Resolution = { ok: true; client: Client } | { ok: false; message: string };

/** Trimmed, case-folded, inner spaces collapsed. */
export function textKey(text: string): string {
  const t = text.trim();
  // Most cells have single spaces only: no new string to collapse them.
  return (SPACES_TO_COLLAPSE.test(t) ? t.replace(/\s+/g, " ") : t).toLowerCase();
}

/** Whitespace that textKey changes: a run of two, or any whitespace but a plain space. */
const SPACES_TO_COLLAPSE = /\s\s|[^\S ]/;

/** An ID made only of digits compares as a number: 1001, "1001" and "01001" are one ID. */
export function idKey(text: string): string {
  const t = textKey(text);
  return /^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, "") : t;
}

/**
 * The Clients sheet as lookups. Example: with rows (C1, Ann Lee) and (C2, Ann Lee),
 * "C1" resolves to the first row, "Ann Lee" is ambiguous, and "Bo" is an unknown client.
 */
export class ClientDirectory {
  private readonly byId = new Map<string, Rows>();
  /** Made when a cell first names a client by name: a practice that writes IDs never needs it. */
  private byNameMap: Map<string, Rows> | null = null;
  private readonly rows: readonly ClientRow[];
  private readonly hasSheet: boolean;
  /** Problems found in the Clients sheet itself (duplicate IDs, rows with neither ID nor name). */
  readonly problems: Problem[] = [];

  constructor(rows: readonly ClientRow[] | null, sheet: string) {
    this.hasSheet = rows !== null;
    this.rows = rows ?? [];
    for (const row of this.rows) {
      if (row.id === null && row.name === null) {
        this.problems.push({
          kind: "missing-value",
          sheet,
          row: row.row,
          column: null,
          message: `Row ${row.row} of ${sheet} has neither a Client ID nor a Client Name, so no session can find it.`,
        });
        continue;
      }
      if (row.id !== null) push(this.byId, idKey(row.id), row);
    }
    for (const { rows: rowsWithId } of this.byId.values()) {
      if (rowsWithId.length < 2) continue;
      const list = rowsWithId.map((r) => r.row).join(", ");
      for (const row of rowsWithId) {
        this.problems.push({
          kind: "duplicate-client",
          sheet,
          row: row.row,
          column: null,
          message: `Client ID ${quote(row.id ?? "")} is on rows ${list} of ${sheet}; sessions and lines that use it are left out until one is changed.`,
        });
      }
    }
  }

  /** Resolves a Client cell's text; an unknown client is still a client, keyed by its own text. */
  resolve(ref: ClientRef): Resolution {
    const id = this.byId.get(idKey(ref.text));
    if (id && id.rows.length > 1) {
      return {
        ok: false,
        message: `Client ID ${quote(ref.text)} is on ${id.rows.length} rows of Clients (rows ${rowList(id.rows)})`,
      };
    }
    if (id) return { ok: true, client: clientOf(id) };
    const named = this.byName().get(textKey(ref.text));
    if (named && named.rows.length > 1) {
      return {
        ok: false,
        message: `${named.rows.length} clients are named ${quote(ref.text)} (Clients rows ${rowList(named.rows)}); use the Client ID`,
      };
    }
    if (named) return { ok: true, client: clientOf(named) };
    return { ok: true, client: unknownClient(ref) };
  }

  private byName(): Map<string, Rows> {
    if (this.byNameMap === null) {
      this.byNameMap = new Map();
      for (const row of this.rows) if (row.name !== null) push(this.byNameMap, textKey(row.name), row);
    }
    return this.byNameMap;
  }

  /** True when the workbook has a Clients sheet, so a client found in none of its rows is reported. */
  get reportsUnknown(): boolean {
    return this.hasSheet;
  }
}

/** The Clients rows with one key, and the Client of the first, made when a cell first resolves to it. */
interface Rows {
  readonly rows: ClientRow[];
  client: Client | null;
}

function push(map: Map<string, Rows>, key: string, row: ClientRow): void {
  const entry = map.get(key);
  if (entry) entry.rows.push(row);
  else map.set(key, { rows: [row], client: null });
}

/** The Client of an entry's first row, made once: every cell that resolves through the entry shares it. */
function clientOf(entry: Rows): Client {
  return (entry.client ??= fromRow(entry.rows[0]));
}

function rowList(rows: readonly ClientRow[]): string {
  return rows.map((r) => r.row).join(", ");
}

function fromRow(row: ClientRow): Client {
  return { key: `row:${row.row}`, id: row.id, name: row.name, insurance: row.insurance, known: true };
}

/**
 * A client known only by its text. Text under a name header is a name; under a
 * plain Client header, text with a digit in it reads as an ID (C1001, 1001) and
 * text without one as a name (Ann Lee), which is how the report shows it.
 */
function unknownClient(ref: ClientRef): Client {
  const text = ref.text.trim().replace(/\s+/g, " ");
  const isName = ref.isNameColumn || !/\d/.test(text);
  return {
    key: `text:${idKey(text)}`,
    id: isName ? null : text,
    name: isName ? text : null,
    insurance: null,
    known: false,
  };
}
