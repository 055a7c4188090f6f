/**
 * The request queue and context.sync(): operations wait in a queue until sync,
 * then run in order as one round trip. A batch whose request or response is
 * over the size limit, or that fails part way, changes nothing in the workbook
 * (every change registers how to undo itself), as the brief for the stand-in asks.
 */
import { ErrorCodes, StandInError } from "./errors";
import type { StandInState } from "./state";

/** One queued action: its JSON form on the wire (sized for the payload limit) and what it does at sync. */
export interface Operation {
  readonly wire: Record<string, unknown>;
  run(tx: Transaction): void;
}

/** A change the workbook saw during a sync, dispatched to event handlers once the sync has succeeded. */
export interface PendingEvent {
  readonly kind: "changed" | "selectionChanged";
  readonly sheetId: number;
  readonly address: string;
  readonly changeType?: string;
  readonly source: "Local" | "Remote";
  readonly triggerSource?: "ThisLocalAddin" | "Unknown";
}

/** What one sync is doing: undo steps for rollback, results to hand to proxies on success, events to fire. */
export class Transaction {
  private readonly undos: (() => void)[] = [];
  private readonly commits: (() => void)[] = [];
  readonly response: unknown[] = [];
  readonly events: PendingEvent[] = [];

  constructor(readonly state: StandInState) {}

  /** Registers how to put back a change just made; run in reverse order if the batch fails. */
  onUndo(undo: () => void): void {
    this.undos.push(undo);
  }

  /** Registers a result to publish to a proxy (loaded values, isNullObject) only if the whole batch succeeds. */
  onCommit(commit: () => void): void {
    this.commits.push(commit);
  }

  /** Adds loaded data to the response, which is sized against the limit like the request. */
  respond(part: unknown): void {
    this.response.push(part);
  }

  /** Records a change for the event handlers; dropped when events are off at this point in the batch, as Office drops them. */
  emit(event: PendingEvent): void {
    if (this.state.enableEvents) this.events.push(event);
  }

  rollback(): void {
    for (let i = this.undos.length - 1; i >= 0; i--) this.undos[i]();
    this.undos.length = 0;
  }

  commit(): void {
    for (const c of this.commits) c();
  }
}

/** One round trip as recorded in the stand-in's stats. */
export interface RequestRecord {
  readonly bytes: number;
  responseBytes: number;
  readonly operations: number;
  /** The error code the sync rejected with, if it did. */
  error?: string;
  /** Milliseconds the stand-in spent running the batch (its own cost, for benchmarks to set apart). */
  ms: number;
}

function asStandInError(e: unknown): StandInError {
  if (e instanceof StandInError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new StandInError(ErrorCodes.generalException, { message: `An internal error has occurred. (${message})` });
}

/**
 * Runs one batch as Excel would run one request: size the request, run every
 * operation in queue order, size the response, then either publish results or
 * put everything back. Throws the StandInError the sync rejects with.
 */
export function executeBatch(state: StandInState, ops: readonly Operation[]): void {
  const started = now();
  const limit = state.options.maxRequestBytes;
  const bytes = JSON.stringify(ops.map((op) => op.wire)).length;
  const record: RequestRecord = { bytes, responseBytes: 0, operations: ops.length, ms: 0 };
  state.stats.record(record);
  try {
    run(state, ops, record, limit, bytes);
  } finally {
    record.ms = now() - started;
  }
}

/** A clock that exists in Node and browsers alike. */
function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}

function run(
  state: StandInState,
  ops: readonly Operation[],
  record: RequestRecord,
  limit: number,
  bytes: number,
): void {
  if (bytes > limit) {
    record.error = ErrorCodes.requestPayloadSizeLimitExceeded;
    throw new StandInError(ErrorCodes.requestPayloadSizeLimitExceeded, { location: `request of ${bytes} bytes` });
  }
  const tx = new Transaction(state);
  let statement = "";
  try {
    for (const op of ops) {
      statement = JSON.stringify(op.wire).slice(0, 200);
      op.run(tx);
    }
  } catch (e) {
    const error = asStandInError(e);
    record.error = error.code;
    if (state.options.failedBatches === "rollback") tx.rollback();
    else state.dispatch(tx.events);
    throw Object.assign(error, { debugInfo: { ...error.debugInfo, statement } });
  }
  const responseBytes = JSON.stringify(tx.response).length;
  record.responseBytes = responseBytes;
  state.stats.recordResponse(responseBytes);
  if (responseBytes > limit) {
    record.error = ErrorCodes.responsePayloadSizeLimitExceeded;
    tx.rollback();
    throw new StandInError(ErrorCodes.responsePayloadSizeLimitExceeded, {
      location: `response of ${responseBytes} bytes`,
    });
  }
  tx.commit();
  state.dispatch(tx.events);
}
