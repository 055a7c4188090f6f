/**
 * A stand-in for the Office.js Excel API over an in-memory ExcelJS workbook,
 * so the add-in's Office.js edge runs unchanged in jest, benchmarks and the
 * browser preview while Office's rules are enforced: properties are readable
 * only after load() and sync(), writes wait for sync(), every sync is counted
 * and sized against Excel on the web's 5 MB limit, and a failed batch changes
 * nothing.
 *
 * ```ts
 * const standIn = createStandIn(workbook);
 * const Excel = standIn.Excel as unknown as typeof globalThis.Excel;
 * await Excel.run(async (context) => { ... });
 * standIn.stats.syncs; // round trips the batch took
 * ```
 */
import type ExcelJS from "exceljs";
import { RequestContext } from "./context";
import { ErrorCodes, StandInError } from "./errors";
import { StandInEvents, eventArgs } from "./events";
import { ClientObject } from "./proxy";
import { type StandInOptions, StandInState, type Stats } from "./state";

export type { StandInOptions } from "./state";
export { StandInError, ErrorCodes } from "./errors";
export type { RequestRecord } from "./batch";

/** Excel.RunOptions as far as the stand-in honours them. */
export interface RunOptions {
  delayForCellEdit?: boolean;
  previousObjects?: ClientObject | RequestContext;
}

type Batch<T> = (context: RequestContext) => Promise<T>;

/** The enum objects of the Excel namespace the edge may spell as Excel.X.y instead of string literals. */
const ENUMS = {
  InsertShiftDirection: { down: "Down", right: "Right" },
  DeleteShiftDirection: { up: "Up", left: "Left" },
  ClearApplyTo: {
    all: "All",
    formats: "Formats",
    contents: "Contents",
    hyperlinks: "Hyperlinks",
    removeHyperlinks: "RemoveHyperlinks",
  },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
  EventSource: { local: "Local", remote: "Remote" },
  EventTriggerSource: { thisLocalAddin: "ThisLocalAddin", unknown: "Unknown" },
  DataChangeType: {
    unknown: "Unknown",
    rangeEdited: "RangeEdited",
    rowInserted: "RowInserted",
    rowDeleted: "RowDeleted",
    columnInserted: "ColumnInserted",
    columnDeleted: "ColumnDeleted",
    cellInserted: "CellInserted",
    cellDeleted: "CellDeleted",
  },
  RangeValueType: {
    unknown: "Unknown",
    empty: "Empty",
    string: "String",
    integer: "Integer",
    double: "Double",
    boolean: "Boolean",
    error: "Error",
  },
  HorizontalAlignment: {
    general: "General",
    left: "Left",
    center: "Center",
    right: "Right",
    fill: "Fill",
    justify: "Justify",
    centerAcrossSelection: "CenterAcrossSelection",
    distributed: "Distributed",
  },
  DataValidationOperator: {
    between: "Between",
    notBetween: "NotBetween",
    equalTo: "EqualTo",
    notEqualTo: "NotEqualTo",
    greaterThan: "GreaterThan",
    lessThan: "LessThan",
    greaterThanOrEqualTo: "GreaterThanOrEqualTo",
    lessThanOrEqualTo: "LessThanOrEqualTo",
  },
  ErrorCodes: {
    accessDenied: ErrorCodes.accessDenied,
    generalException: ErrorCodes.generalException,
    insertDeleteConflict: ErrorCodes.insertDeleteConflict,
    invalidArgument: ErrorCodes.invalidArgument,
    invalidOperation: ErrorCodes.invalidOperation,
    invalidOperationInCellEditMode: ErrorCodes.invalidOperationInCellEditMode,
    invalidReference: ErrorCodes.invalidReference,
    itemAlreadyExists: ErrorCodes.itemAlreadyExists,
    itemNotFound: ErrorCodes.itemNotFound,
    rangeExceedsLimit: ErrorCodes.rangeExceedsLimit,
    requestPayloadSizeLimitExceeded: ErrorCodes.requestPayloadSizeLimitExceeded,
    responsePayloadSizeLimitExceeded: ErrorCodes.responsePayloadSizeLimitExceeded,
  },
} as const;

/** The stand-in's Excel namespace: run(), RequestContext and the enums; cast it to `typeof Excel` at the seam. */
export interface StandInExcel {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(options: RunOptions | ClientObject | ClientObject[] | RequestContext, batch: Batch<T>): Promise<T>;
  RequestContext: new () => RequestContext;
  [name: string]: unknown;
}

export interface StandIn {
  /** Shaped like the Office.js Excel namespace: pass `standIn.Excel as unknown as typeof Excel` to the edge. */
  readonly Excel: StandInExcel;
  /** Round trips, request and response sizes, and recorded no-op calls. */
  readonly stats: Stats;
  /** Simulated user and co-author actions that fire worksheet events. */
  readonly events: StandInEvents;
  /** The workbook behind the stand-in (save it with ExcelJS to inspect what the edge wrote). */
  readonly workbook: ExcelJS.Workbook;
  /** Resolves once every event handler triggered so far has finished. */
  idle(): Promise<void>;
  /** Errors thrown by event handlers (Office only logs these; tests can assert there were none). */
  readonly handlerErrors: readonly unknown[];
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

/**
 * Creates a stand-in over `workbook`. Every Excel.run of the returned
 * namespace works on that workbook, one sync at a time, as Excel would.
 */
export function createStandIn(workbook: ExcelJS.Workbook, options: StandInOptions = {}): StandIn {
  const state = new StandInState(workbook, options);
  state.buildEventArgs = eventArgs;

  async function run<T>(
    first: Batch<T> | RunOptions | ClientObject | ClientObject[] | RequestContext,
    second?: Batch<T>,
  ): Promise<T> {
    const batch = (typeof first === "function" ? first : second) as Batch<T> | undefined;
    if (typeof batch !== "function") throw new StandInError(ErrorCodes.invalidArgument, { location: "Excel.run" });
    let context: RequestContext | undefined;
    let delay = false;
    if (first instanceof RequestContext) context = first;
    else if (first instanceof ClientObject) context = first.context;
    else if (Array.isArray(first)) context = (first[0] as ClientObject | undefined)?.context;
    else if (typeof first === "object" && first !== null) {
      const o = first as RunOptions;
      delay = o.delayForCellEdit === true;
      if (o.previousObjects instanceof RequestContext) context = o.previousObjects;
      else if (o.previousObjects instanceof ClientObject) context = o.previousObjects.context;
    }
    state.stats.runs++;
    if (delay) state.stats.count("delayForCellEdit");
    const reused = context !== undefined;
    const ctx = context ?? new RequestContext(state);
    ctx._open();
    const previousDelay = ctx.delayForCellEdit;
    ctx.delayForCellEdit = previousDelay || delay;
    try {
      const result = batch(ctx);
      if (!isPromiseLike(result)) throw new StandInError(ErrorCodes.runMustReturnPromise);
      const value = await result;
      if (ctx._pending > 0) await ctx.sync();
      return value;
    } finally {
      ctx.delayForCellEdit = previousDelay;
      if (!reused) ctx._close();
    }
  }

  const Excel: StandInExcel = {
    run: run as StandInExcel["run"],
    RequestContext: class extends RequestContext {
      constructor() {
        super(state);
      }
    },
    ...ENUMS,
  };

  return {
    Excel,
    stats: state.stats,
    events: new StandInEvents(state),
    workbook,
    idle: () => state.idle(),
    handlerErrors: state.handlerErrors,
  };
}
