/** The sessions after counting, held as columns: what a refresh writes per session, without an object per session. */
import { type SessionTable, entry } from "./sessionTable";
import type { SessionResult } from "./types";

/**
 * Session i of the result is the input's session i. The engine fills a few
 * typed arrays (the line each session drew from, that line's remaining count
 * just after it, the session's client) and this reads them on demand: the
 * plan walks the columns directly, and `at(i)` or iteration gives one
 * SessionResult object where an object is wanted (JSON, the pane, tests).
 * A million sessions are then a few typed arrays, not a million objects for
 * the collector to move, which is most of a large count's time.
 */
export class SessionResults implements Iterable<SessionResult> {
  constructor(
    private readonly input: SessionTable,
    /** Per session, its client's key, or null when it has none. */
    private readonly clientKeys: readonly (string | null)[],
    /** Per session, a number into clientKeys, or -1. */
    private readonly clientOf: Int32Array,
    /** Per session, the line (a number into lineRows) it drew from, or -1. */
    private readonly lineOf: Int32Array,
    /** Per session that drew, its line's remaining count just after it. */
    private readonly remainingAfter: Float64Array,
    private readonly lineRows: ArrayLike<number>,
    private readonly lineAuthorizations: readonly (string | null)[],
  ) {}

  get length(): number {
    return this.input.length;
  }

  /** The session's sheet row. */
  row(i: number): number {
    return this.input.rows[i];
  }

  /** Groups the session with its client's lines; null when the session names no usable client. */
  clientKey(i: number): string | null {
    return entry(this.clientKeys, this.clientOf[i]);
  }

  /** The tracking row it drew from, or null. */
  trackingRow(i: number): number | null {
    return entry(this.lineRows, this.lineOf[i]);
  }

  /** Its line's remaining count just after it, or null when it drew from none. */
  remaining(i: number): number | null {
    return this.lineOf[i] < 0 ? null : this.remainingAfter[i];
  }

  /** The authorization number to write: only when the Prior Auth # cell is blank and the line has one. */
  writePriorAuth(i: number): string | null {
    const l = this.lineOf[i];
    return l < 0 || this.input.priorAuthOf[i] >= 0 ? null : this.lineAuthorizations[l];
  }

  /** The Prior Auth # cell after the refresh (null when blank). */
  priorAuth(i: number): string | null {
    return this.input.priorAuth(i) ?? entry(this.lineAuthorizations, this.lineOf[i]);
  }

  /** How many sessions drew from a line. */
  countedCount(): number {
    let n = 0;
    for (let i = 0; i < this.lineOf.length; i++) if (this.lineOf[i] >= 0) n++;
    return n;
  }

  /** Session i as one object. */
  at(i: number): SessionResult {
    return {
      row: this.row(i),
      clientKey: this.clientKey(i),
      trackingRow: this.trackingRow(i),
      remaining: this.remaining(i),
      priorAuth: this.priorAuth(i),
      writePriorAuth: this.writePriorAuth(i),
    };
  }

  /** The index of the session on a sheet row, or -1. */
  indexOfRow(row: number): number {
    for (let i = 0; i < this.input.length; i++) if (this.input.rows[i] === row) return i;
    return -1;
  }

  toArray(): SessionResult[] {
    const out: SessionResult[] = new Array(this.length);
    for (let i = 0; i < out.length; i++) out[i] = this.at(i);
    return out;
  }

  *[Symbol.iterator](): Iterator<SessionResult> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}
