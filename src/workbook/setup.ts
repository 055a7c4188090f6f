/** What "Set up workbook" creates for each missing sheet: SPEC headers, date formats, validation and Settings defaults. */
import { CLIENTS, SESSIONS, TRACKING } from "./fields";
import { SETTINGS_SHEET, SETTING_ROWS } from "./settings";

export type ValidationRule = "trackBy" | "wholeNonNegative" | "decimalNonNegative" | "date";

export interface SheetSetup {
  readonly sheet: string;
  readonly headers: readonly string[];
  /** Excel table name, so rows typed below join it and billers can sort and filter. */
  readonly table: string;
  /** Column widths in characters. */
  readonly widths: readonly number[];
  /** 1-based columns holding dates. */
  readonly dateColumns: readonly number[];
  readonly validations: readonly { readonly column: number; readonly rule: ValidationRule }[];
  /** Rows written under the header (the Settings defaults). */
  readonly rows: readonly (readonly string[])[];
}

const label = (def: typeof CLIENTS, key: string): string => def.fields.find((f) => f.key === key)?.label ?? key;

export const SETUP_SHEETS: readonly SheetSetup[] = [
  {
    sheet: CLIENTS.sheet,
    headers: ["id", "name", "insurance", "memberId"].map((k) => label(CLIENTS, k)),
    table: "ClientsTable",
    widths: [12, 24, 22, 16],
    dateColumns: [],
    validations: [],
    rows: [],
  },
  {
    sheet: TRACKING.sheet,
    headers: ["client", "trackBy", "start", "end", "code", "allowed", "authorization"].map((k) => label(TRACKING, k)),
    table: "TrackingTable",
    widths: [16, 10, 12, 12, 20, 10, 18],
    dateColumns: [3, 4],
    validations: [
      { column: 2, rule: "trackBy" },
      { column: 3, rule: "date" },
      { column: 4, rule: "date" },
      { column: 6, rule: "wholeNonNegative" },
    ],
    rows: [],
  },
  {
    sheet: SESSIONS.sheet,
    headers: ["Date", "Client ID", "Client Name", "Billing Code", "Units", "Status", "Prior Auth #", "Remaining"],
    table: "SessionsTable",
    widths: [12, 12, 22, 14, 8, 14, 16, 11],
    dateColumns: [1],
    validations: [
      { column: 1, rule: "date" },
      { column: 5, rule: "decimalNonNegative" },
    ],
    rows: [],
  },
  {
    sheet: SETTINGS_SHEET,
    headers: ["Setting", "Value"],
    table: "SettingsTable",
    widths: [26, 70],
    dateColumns: [],
    validations: [],
    rows: SETTING_ROWS.map(([name, value]) => [name, value]),
  },
];
