/** Resolves a Client cell to one client: by Client ID first, then by Client Name (SPEC §3). */
import { oneLine, quote } from "./text";
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
  /** Its row's place among the Clients rows, or -1 for a client found in none. */
  readonly place: number;
}

export type Resolution = { ok: true; client: Client } | { ok: false; message: string };

/** Trimmed, case-folded, inner spaces collapsed. */
export function textKey(text: string): string {
  return oneLine(text).toLowerCase();
}

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
  /** Clients rows by ID key: a row's place in `rows`, or the places of every row sharing the key. */
  private readonly byId = new Map<string, Places>();
  /** Made when a cell first names a client by name: a practice that writes IDs never needs it. */
  private byNameMap: Map<string, Places> | null = null;
  private readonly rows: readonly ClientRow[];
  /** One Client per row, made when a cell first resolves to it (by ID or by name). */
  private readonly clients: (Client | undefined)[];
  private readonly hasSheet: boolean;
  /** Problems found in the Clients sheet itself (duplicate IDs, rows with neither ID nor name). */
  readonly problems: Problem[] = [];

  constructor(rows: readonly ClientRow[] | null, sheet: string) {
    this.hasSheet = rows !== null;
    this.rows = rows ?? [];
    this.clients = new Array<Client | undefined>(this.rows.length).fill(undefined);
    this.rows.forEach((row, place) => {
      if (row.id === null && row.name === null) {
        this.problems.push({
          kind: "missing-value",
          sheet,
          row: row.row,
          column: null,
          message: `Row ${row.row} of ${sheet} has neither a Client ID nor a Client Name, so no session can find it.`,
        });
        return;
      }
      if (row.id !== null) add(this.byId, idKey(row.id), place);
    });
    for (const places of this.byId.values()) {
      if (typeof places === "number") continue;
      const rowsWithId = places.map((p) => this.rows[p]);
      const list = rowList(rowsWithId);
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
    if (typeof id === "number") return { ok: true, client: this.client(id) };
    if (id !== undefined) {
      return {
        ok: false,
        message: `Client ID ${quote(ref.text)} is on ${id.length} rows of Clients (rows ${rowList(id.map((p) => this.rows[p]))})`,
      };
    }
    const named = this.byName().get(textKey(ref.text));
    if (typeof named === "number") return { ok: true, client: this.client(named) };
    if (named !== undefined) {
      return {
        ok: false,
        message: `${named.length} clients are named ${quote(ref.text)} (Clients rows ${rowList(named.map((p) => this.rows[p]))}); use the Client ID`,
      };
    }
    return { ok: true, client: unknownClient(ref) };
  }

  private client(place: number): Client {
    return (this.clients[place] ??= fromRow(this.rows[place], place));
  }

  private byName(): Map<string, Places> {
    if (this.byNameMap === null) {
      const byName = new Map<string, Places>();
      this.rows.forEach((row, place) => {
        if (row.name !== null) add(byName, textKey(row.name), place);
      });
      this.byNameMap = byName;
    }
    return this.byNameMap;
  }

  /** True when the workbook has a Clients sheet, so a client found in none of its rows is reported. */
  get reportsUnknown(): boolean {
    return this.hasSheet;
  }
}

/** The place of the one Clients row with a key, or the places of the several rows sharing it. */
type Places = number | number[];

function add(map: Map<string, Places>, key: string, place: number): void {
  const known = map.get(key);
  if (known === undefined) map.set(key, place);
  else if (typeof known === "number") map.set(key, [known, place]);
  else known.push(place);
}

function rowList(rows: readonly ClientRow[]): string {
  return rows.map((r) => r.row).join(", ");
}

function fromRow(row: ClientRow, place: number): Client {
  return { key: `row:${row.row}`, id: row.id, name: row.name, insurance: row.insurance, known: true, place };
}

/**
 * A client known only by its text. Text under a name header is a name; under a
 * plain Client header, text with a digit in it reads as an ID (C1001, 1001) and
 * text without one as a name (Ann Lee), which is how the report shows it.
 */
function unknownClient(ref: ClientRef): Client {
  const text = oneLine(ref.text);
  const isName = ref.isNameColumn || !/\d/.test(text);
  return {
    key: `text:${idKey(text)}`,
    id: isName ? null : text,
    name: isName ? text : null,
    insurance: null,
    known: false,
    place: -1,
  };
}
