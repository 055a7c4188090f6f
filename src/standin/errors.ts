/** Errors shaped like OfficeExtension.Error: the same codes and messages, so the edge's error handling is exercised. */

/** The error codes the stand-in raises, spelled as Excel.ErrorCodes and OfficeExtension.ErrorCodes spell them. */
export const ErrorCodes = {
  accessDenied: "AccessDenied",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidOperation: "InvalidOperation",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  propertyNotLoaded: "PropertyNotLoaded",
  rangeExceedsLimit: "RangeExceedsLimit",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
  valueNotLoaded: "ValueNotLoaded",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Messages as office.js and Excel word them (office.js 1.1.110 resource strings, en-US). */
const MESSAGES: Record<ErrorCode, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  GeneralException: "An internal error has occurred.",
  InsertDeleteConflict: "The insert or delete operation attempted resulted in a conflict.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath:
    'The object path \'{0}\' isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidOperation: "The operation is invalid for the object.",
  InvalidOperationInCellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  InvalidReference: "This reference isn't valid for the current operation.",
  ItemAlreadyExists: "The resource already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
};

/** Where and why, as OfficeExtension.Error.debugInfo carries it. */
export interface DebugInfo {
  readonly code: string;
  readonly message: string;
  readonly errorLocation?: string;
  readonly statement?: string;
}

/**
 * An error as Office.js rejects with (its class is OfficeExtension.Error, its
 * name "RichApi.Error"): callers test `code`, so the code is what matters.
 */
export class StandInError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: ErrorCode;
  readonly debugInfo: DebugInfo;
  readonly httpStatusCode: number;

  constructor(code: ErrorCode, detail?: { location?: string; message?: string; statement?: string }) {
    const message = detail?.message ?? MESSAGES[code].replace("{0}", detail?.location ?? "");
    super(message);
    this.code = code;
    this.httpStatusCode = code === ErrorCodes.accessDenied ? 401 : 400;
    this.debugInfo = { code, message, errorLocation: detail?.location, statement: detail?.statement };
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

/** Thrown when a property is read before load() and sync(): the same code and message office.js uses. */
export function propertyNotLoaded(entity: string, property: string): StandInError {
  return new StandInError(ErrorCodes.propertyNotLoaded, {
    location: `${entity}.${property}`,
    message: MESSAGES.PropertyNotLoaded.replace("{0}", property),
  });
}

/** Rejects a sync: the code, and the statement that failed so a test failure says which call was wrong. */
export function fail(code: ErrorCode, location: string, message?: string): never {
  throw new StandInError(code, { location, message });
}
