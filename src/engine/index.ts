/** The pure counting engine: no Office, no files, no clock. */
export * from "./types";
export * from "./dates";
export * from "./codes";
export { ClientDirectory, idKey, textKey } from "./clients";
export { countSessions, formatDay } from "./count";
export { SessionResults } from "./sessions";
export { SessionTable, SessionTableBuilder } from "./sessionTable";
export { lineStatus } from "./status";
export { DEFAULT_SETTINGS, statusKey } from "./settings";
