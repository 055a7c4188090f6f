/** The Sessions sheet as the engine counts it: columns of numbers, each repeated cell text stored once. */
import type { SessionCode } from "./codes";
import { Distinct } from "./distinct";
import type { DayNumber } from "./dates";
import type { CellIssue, ClientRef, SessionRow } from "./types";

/**
 * The sessions as read, one entry per non-blank row of the Sessions sheet, in
 * the order the reader listed them. A practice repeats a few thousand client
 * texts, a dozen codes, three statuses and a few authorization numbers over
 * its rows, so each distinct value is stored once and a row holds its number:
 * the engine then works out once per distinct value what is the same for
 * every row with it (a client's resolution, whether a status counts), and a
 * million sessions are a few typed arrays instead of a million objects that
 * every garbage collection would have to walk.
 *
 * Build one with `SessionTable.from(rows)` or a `SessionTableBuilder`; read a
 * row back as an object with `at(i)`.
 */
export class SessionTable {
  /** Built by SessionTableBuilder (or `SessionTable.from`), which keeps the columns and the distinct values in step. */
  constructor(
    /** How many sessions. */
    readonly length: number,
    /** Per session, its 1-based sheet row. */
    readonly rows: Int32Array,
    /** Per session, its date as a day number; NaN when blank or unreadable. */
    readonly days: Float64Array,
    /** Per session, a number into `clients`, or -1 when the Client cell is blank. */
    readonly clientOf: Int32Array,
    /** Per session, a number into `codes`, or -1 when the Billing Code is blank or unreadable. */
    readonly codeOf: Int32Array,
    /** Per session, its units (blank is 1). */
    readonly units: Float64Array,
    /** Per session, a number into `statuses`, or -1 when the Status is blank. */
    readonly statusOf: Int32Array,
    /** Per session, a number into `priorAuths`, or -1 when the Prior Auth # is blank. */
    readonly priorAuthOf: Int32Array,
    /** Per session, 1 when a cell could not be used (the reader said why), so it is left out of counting. */
    readonly leftOut: Uint8Array,
    /** The distinct Client cells. */
    readonly clients: readonly ClientRef[],
    /** The distinct billing codes. */
    readonly codes: readonly SessionCode[],
    /** The distinct Status texts. */
    readonly statuses: readonly string[],
    /** The distinct Prior Auth # texts, trimmed. */
    readonly priorAuths: readonly string[],
    /** The cell issues of the sessions left out, by index. */
    private readonly issues: ReadonlyMap<number, readonly CellIssue[]>,
  ) {}

  /** A table of the given rows, in their order. */
  static from(rows: Iterable<SessionRow>): SessionTable {
    const list = Array.isArray(rows) ? (rows as readonly SessionRow[]) : [...rows];
    const builder = new SessionTableBuilder(list.length);
    for (const s of list) builder.add(s);
    return builder.build();
  }

  /** The Prior Auth # text of session i (trimmed), or null when blank. */
  priorAuth(i: number): string | null {
    return entry(this.priorAuths, this.priorAuthOf[i]);
  }

  /** The billing code of session i, or null. */
  code(i: number): SessionCode | null {
    return entry(this.codes, this.codeOf[i]);
  }

  /** Session i as one object. */
  at(i: number): SessionRow {
    const day = this.days[i];
    return {
      row: this.rows[i],
      date: Number.isNaN(day) ? null : (day as DayNumber),
      client: entry(this.clients, this.clientOf[i]),
      code: this.code(i),
      units: this.units[i],
      status: entry(this.statuses, this.statusOf[i]),
      priorAuth: this.priorAuth(i),
      issues: this.issues.get(i) ?? [],
    };
  }

  /** The same sessions listed in another order: entry k is this table's session `order[k]`. */
  reordered(order: readonly number[]): SessionTable {
    return SessionTable.from(order.map((i) => this.at(i)));
  }

  *[Symbol.iterator](): Iterator<SessionRow> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

/**
 * Builds a SessionTable a row at a time, storing each distinct client cell,
 * code, status and Prior Auth # once. Grows as rows come; `capacity` is a hint.
 */
export class SessionTableBuilder {
  private length = 0;
  private capacity: number;
  private rows: Int32Array;
  private days: Float64Array;
  private clientOf: Int32Array;
  private codeOf: Int32Array;
  private units: Float64Array;
  private statusOf: Int32Array;
  private priorAuthOf: Int32Array;
  private leftOut: Uint8Array;
  private readonly clients: ClientRef[] = [];
  /** Client cells by header, then by text (a header fixes whether the cell names a name). */
  private readonly clientNumbers = new Map<string, Map<string, number>>();
  /** Codes by the object the reader handed over (it parses each code text once), then by value. */
  private readonly codes = new Distinct<SessionCode>((code) =>
    code.modifiers.length === 0 ? code.base : `${code.base}\u0000${code.modifiers.join("\u0000")}`,
  );
  private readonly statuses = new Distinct<string>();
  private readonly priorAuths = new Distinct<string>();
  private readonly issues = new Map<number, readonly CellIssue[]>();

  constructor(capacity = 1024) {
    this.capacity = Math.max(1, capacity);
    this.rows = new Int32Array(this.capacity);
    this.days = new Float64Array(this.capacity);
    this.clientOf = new Int32Array(this.capacity);
    this.codeOf = new Int32Array(this.capacity);
    this.units = new Float64Array(this.capacity);
    this.statusOf = new Int32Array(this.capacity);
    this.priorAuthOf = new Int32Array(this.capacity);
    this.leftOut = new Uint8Array(this.capacity);
  }

  add(s: SessionRow): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.rows[i] = s.row;
    this.days[i] = s.date ?? NaN;
    this.clientOf[i] = s.client === null ? -1 : this.clientNumber(s.client);
    this.codeOf[i] = s.code === null ? -1 : this.codes.number(s.code);
    this.units[i] = s.units;
    this.statusOf[i] = s.status === null ? -1 : this.statuses.number(s.status);
    this.priorAuthOf[i] = s.priorAuth === null ? -1 : this.priorAuths.number(s.priorAuth);
    if (s.issues.length > 0) {
      this.leftOut[i] = 1;
      this.issues.set(i, s.issues);
    } else this.leftOut[i] = 0;
  }

  build(): SessionTable {
    const n = this.length;
    return new SessionTable(
      n,
      this.rows.slice(0, n),
      this.days.slice(0, n),
      this.clientOf.slice(0, n),
      this.codeOf.slice(0, n),
      this.units.slice(0, n),
      this.statusOf.slice(0, n),
      this.priorAuthOf.slice(0, n),
      this.leftOut.slice(0, n),
      this.clients,
      this.codes.values,
      this.statuses.values,
      this.priorAuths.values,
      this.issues,
    );
  }

  private clientNumber(ref: ClientRef): number {
    let byText = this.clientNumbers.get(ref.column);
    if (byText === undefined) {
      byText = new Map();
      this.clientNumbers.set(ref.column, byText);
    }
    let n = byText.get(ref.text);
    if (n === undefined) {
      n = this.clients.length;
      this.clients.push(ref);
      byText.set(ref.text, n);
    }
    return n;
  }

  private grow(): void {
    this.capacity *= 2;
    const grown = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.capacity);
      b.set(a);
      return b;
    };
    this.rows = grown(this.rows, (n) => new Int32Array(n));
    this.days = grown(this.days, (n) => new Float64Array(n));
    this.clientOf = grown(this.clientOf, (n) => new Int32Array(n));
    this.codeOf = grown(this.codeOf, (n) => new Int32Array(n));
    this.units = grown(this.units, (n) => new Float64Array(n));
    this.statusOf = grown(this.statusOf, (n) => new Int32Array(n));
    this.priorAuthOf = grown(this.priorAuthOf, (n) => new Int32Array(n));
    this.leftOut = grown(this.leftOut, (n) => new Uint8Array(n));
  }
}

/** What a column's number stands for: `values[n]`, or null for -1 (a blank cell, a session that drew from no line). */
export function entry<T>(values: ArrayLike<T>, n: number): T | null {
  return n < 0 ? null : values[n];
}
