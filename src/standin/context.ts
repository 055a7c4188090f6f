/**
 * The request context Excel.run hands to a batch: the queue of operations,
 * context.sync(), and the root objects (workbook, application, runtime).
 */
import type { Operation } from "./batch";
import { ErrorCodes, StandInError } from "./errors";
import type { ClientObject } from "./proxy";
import type { StandInState, TrackedRange } from "./state";
import { Application, Runtime, Workbook } from "./workbook";

export class RequestContext {
  private queue: Operation[] = [];
  private closed = false;
  /** Set by Excel.run({ delayForCellEdit: true }): syncs wait out a user's cell edit instead of failing. */
  delayForCellEdit = false;
  /** Ranges pinned in this context, released when its Excel.run finishes (Office's automatic tracking). */
  private readonly pinned = new Set<TrackedRange>();
  readonly workbook: Workbook;
  readonly application: Application;
  readonly runtime: Runtime;
  /** Office's tracked-object list; the stand-in already keeps objects alive for the whole Excel.run. */
  readonly trackedObjects = {
    add: (): void => undefined,
    remove: (): void => undefined,
  };

  constructor(readonly _state: StandInState) {
    this.workbook = new Workbook(this);
    this.application = this.workbook.application;
    this.runtime = new Runtime(this);
  }

  /** Queues an operation for the next sync. Using a context whose Excel.run has ended throws, as office.js does. */
  _enqueue(op: Operation): void {
    if (this.closed) {
      throw new StandInError(ErrorCodes.invalidObjectPath, { location: String(op.wire[Object.keys(op.wire)[0]]) });
    }
    this.queue.push(op);
  }

  get _pending(): number {
    return this.queue.length;
  }

  /**
   * Sends the queued operations as one request. Loaded properties become
   * readable when it resolves; if it rejects, nothing of the batch was applied.
   */
  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this.closed) throw new StandInError(ErrorCodes.invalidObjectPath, { location: "context.sync()" });
    const ops = this.queue;
    this.queue = [];
    const editing = this._state.cellEditing;
    if (editing) {
      if (!this.delayForCellEdit) {
        this._state.stats.count("failedInCellEditMode");
        throw new StandInError(ErrorCodes.invalidOperationInCellEditMode);
      }
      await editing;
    }
    await this._state.sync(ops);
    return passThroughValue as T;
  }

  /** context.load(object, properties): the same as object.load(properties). */
  load<O extends ClientObject>(object: O, option?: unknown): O {
    return object.load(option);
  }

  _pin(range: TrackedRange): void {
    this.pinned.add(range);
    this._state.tracked.add(range);
  }

  _open(): void {
    this.closed = false;
  }

  /** Ends the Excel.run: tracked ranges are released and further use of the context fails. */
  _close(): void {
    this.closed = true;
    this.queue = [];
    for (const range of this.pinned) this._state.tracked.delete(range);
    this.pinned.clear();
  }
}
