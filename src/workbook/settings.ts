/** Reads the optional Settings sheet (Setting | Value): counting settings and the column mapping (SPEC §2). */
import { quote } from "../engine/text";
import { DEFAULT_SETTINGS } from "../engine/settings";
import type { Problem, Settings } from "../engine/types";
import { type SheetGrid, isBlank, readNumber, readText, show } from "./cells";
import { SHEETS, type SheetKind, headerKey } from "./fields";

export const SETTINGS_SHEET = "Settings";

/** Which sheet serves each kind, and which header serves a field, as the user mapped them. */
export interface Mapping {
  readonly sheets: Partial<Record<SheetKind, string>>;
  /** Per sheet kind, field key → header text. */
  readonly headers: Record<SheetKind, Map<string, string>>;
}

/** Options of the add-in itself, kept in the workbook so they travel with it. */
export interface AddinOptions {
  /** Refresh by itself, debounced, when Sessions or Tracking change. */
  readonly autoRefresh: boolean;
  /** Open the task pane when this workbook opens. */
  readonly openWithWorkbook: boolean;
}

export interface SettingsRead {
  readonly settings: Settings;
  readonly mapping: Mapping;
  readonly options: AddinOptions;
  readonly problems: Problem[];
}

/** The setting names as the setup command writes them, with their default values as text. */
export const SETTING_ROWS: readonly [string, string][] = [
  ["Count Any excludes", DEFAULT_SETTINGS.countAnyExcludes.join(", ")],
  ["Not counted statuses", DEFAULT_SETTINGS.notCountedStatuses.join(", ")],
  ["Low remaining at", String(DEFAULT_SETTINGS.lowRemainingAt)],
  ["Expiring within days", String(DEFAULT_SETTINGS.expiringWithinDays)],
  ["Date order", "M/D/Y"],
  ["Keep up to date", "No"],
  ["Open with workbook", "No"],
];

const SHEET_LABEL: Record<SheetKind, string> = { clients: "Clients", tracking: "Tracking", sessions: "Sessions" };

/** Lists are separated by commas, semicolons or line breaks; "None" is an empty list. */
export function splitList(text: string): string[] {
  if (headerKey(text) === "none") return [];
  return text
    .split(/[,;\r\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * Reads Settings rows. Each row's first non-blank cell names a setting and the
 * next cell is its value; a header row (Setting | Value) is skipped. A blank
 * value keeps the default; an unknown setting or unreadable value is reported
 * and the default used.
 */
export function readSettings(grid: SheetGrid | undefined): SettingsRead {
  const problems: Problem[] = [];
  const mapping: Mapping = { sheets: {}, headers: { clients: new Map(), tracking: new Map(), sessions: new Map() } };
  const s: { -readonly [K in keyof Settings]: Settings[K] } = { ...DEFAULT_SETTINGS };
  const options = { autoRefresh: false, openWithWorkbook: false };
  if (!grid) return { settings: s, mapping, options, problems };

  const fieldSettings = new Map<string, { kind: SheetKind; field: string }>();
  const sheetSettings = new Map<string, SheetKind>();
  for (const def of SHEETS) {
    sheetSettings.set(headerKey(`${SHEET_LABEL[def.kind]} sheet`), def.kind);
    for (const f of def.fields) {
      for (const name of [f.label, ...(f.key === "client" ? [] : f.synonyms)]) {
        fieldSettings.set(headerKey(`${SHEET_LABEL[def.kind]}: ${name}`), { kind: def.kind, field: f.key });
      }
    }
  }

  grid.values.forEach((cells, r) => {
    const row = r + 1;
    const start = cells.findIndex((c) => !isBlank(c));
    if (start < 0) return;
    const nameRead = readText(cells[start]);
    if (!nameRead.ok || nameRead.value === null) return;
    const name = nameRead.value;
    const key = headerKey(name);
    const cell = cells[start + 1] ?? null;
    if (key === "setting" || key === "settings") return;
    const report = (message: string): void => {
      problems.push({ kind: "setting", sheet: grid.name, row, column: null, message });
    };
    const valueRead = readText(cell);
    if (!valueRead.ok) {
      report(`Setting ${quote(name)} on row ${row} ${valueRead.reason}; the default is used.`);
      return;
    }
    const value = valueRead.value;
    const known = isKnown(key) || sheetSettings.has(key) || fieldSettings.has(key);
    if (!known) {
      report(`${quote(name)} on row ${row} of ${grid.name} is not a setting this add-in knows; it is ignored.`);
      return;
    }
    if (value === null) return;
    switch (key) {
      case "countanyexcludes":
        s.countAnyExcludes = splitList(value);
        return;
      case "notcountedstatuses":
        s.notCountedStatuses = splitList(value);
        return;
      case "lowremainingat":
      case "expiringwithindays": {
        const n = readNumber(cell);
        if (!n.ok || n.value === null || n.value < 0 || (key === "expiringwithindays" && !Number.isInteger(n.value))) {
          const want = key === "lowremainingat" ? "a number 0 or more" : "a whole number of days, 0 or more";
          report(
            `${name} on row ${row} is ${show(cell)}, not ${want}; the default ${key === "lowremainingat" ? s.lowRemainingAt : s.expiringWithinDays} is used.`,
          );
          return;
        }
        if (key === "lowremainingat") s.lowRemainingAt = n.value;
        else s.expiringWithinDays = n.value;
        return;
      }
      case "dateorder": {
        const order = value.toUpperCase().replace(/[^A-Z]/g, "");
        if (order === "MDY") s.dateOrder = "MDY";
        else if (order === "DMY") s.dateOrder = "DMY";
        else report(`Date order on row ${row} is ${show(cell)}; write M/D/Y or D/M/Y. M/D/Y is used.`);
        return;
      }
      case "keepuptodate":
      case "openwithworkbook": {
        const yes = readYesNo(value);
        if (yes === null) {
          report(`${name} on row ${row} is ${show(cell)}; write Yes or No. No is used.`);
          return;
        }
        if (key === "keepuptodate") options.autoRefresh = yes;
        else options.openWithWorkbook = yes;
        return;
      }
    }
    const sheetKind = sheetSettings.get(key);
    if (sheetKind) {
      mapping.sheets[sheetKind] = value;
      return;
    }
    const field = fieldSettings.get(key);
    if (field) mapping.headers[field.kind].set(field.field, value);
  });
  return { settings: s, mapping, options, problems };
}

const KNOWN = new Set(
  [
    "Count Any excludes",
    "Not counted statuses",
    "Low remaining at",
    "Expiring within days",
    "Date order",
    "Keep up to date",
    "Open with workbook",
  ].map(headerKey),
);

function isKnown(key: string): boolean {
  return KNOWN.has(key);
}

function readYesNo(text: string): boolean | null {
  const t = headerKey(text);
  if (["yes", "y", "true", "on", "1"].includes(t)) return true;
  if (["no", "n", "false", "off", "0"].includes(t)) return false;
  return null;
}

/** The Settings rows that hold these settings and options, as text. */
export function settingsRows(s: Settings, o: AddinOptions): [string, string][] {
  const list = (items: readonly string[]): string => (items.length === 0 ? "None" : items.join(", "));
  return [
    ["Count Any excludes", list(s.countAnyExcludes)],
    ["Not counted statuses", list(s.notCountedStatuses)],
    ["Low remaining at", String(s.lowRemainingAt)],
    ["Expiring within days", String(s.expiringWithinDays)],
    ["Date order", s.dateOrder === "MDY" ? "M/D/Y" : "D/M/Y"],
    ["Keep up to date", o.autoRefresh ? "Yes" : "No"],
    ["Open with workbook", o.openWithWorkbook ? "Yes" : "No"],
  ];
}

/** The Settings rows of a sheet's column mapping: "Sessions sheet" and "Sessions: <field>"; null clears a row. */
export function mappingRows(
  kind: SheetKind,
  sheet: string | null,
  headers: Readonly<Record<string, string | null>>,
): [string, string | null][] {
  const def = SHEETS.find((d) => d.kind === kind);
  const rows: [string, string | null][] = [[`${SHEET_LABEL[kind]} sheet`, sheet]];
  for (const field of def?.fields ?? []) {
    if (field.key in headers) rows.push([`${SHEET_LABEL[kind]}: ${field.label}`, headers[field.key] ?? null]);
  }
  return rows;
}
