/**
 * The pane's form rules, pure: a tracking line, the settings, and the columns a mapping still lacks.
 * Each refusal is one sentence the form shows under its field.
 */
import type { MappingSheet, TrackingEntry } from "../addin/service";
import { parseTrackingCodes } from "../engine/codes";
import { type DateOrder, parseIsoDay } from "../engine/dates";
import type { Settings, TrackBy } from "../engine/types";
import { SHEETS, requirementLabel } from "../workbook/fields";
import { type AddinOptions, splitList } from "../workbook/settings";

/** The Enter or View Tracking Info form as typed: dates as the date inputs give them (YYYY-MM-DD). */
export interface TrackingFormValues {
  readonly trackBy: TrackBy;
  readonly start: string;
  readonly end: string;
  readonly codes: string;
  readonly countAny: boolean;
  readonly allowed: string;
  readonly authorization: string;
}

export type TrackingField = "client" | "start" | "end" | "codes" | "allowed";
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type Checked<T, F extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

export const EMPTY_TRACKING_FORM: TrackingFormValues = {
  trackBy: "Sessions",
  start: "",
  end: "",
  codes: "",
  countAny: false,
  allowed: "",
  authorization: "",
};

// Plain decimals only: "12", "7.5", ".5". Number() alone would take "1e3", "0x10" and " ".
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A count typed in a field, or null when it is not a number 0 or more. */
export function readCount(text: string): number | null {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : null;
}

/**
 * Checks a tracking line before it is saved and builds the entry for the Tracking sheet.
 * Example: start 2026-06-30, end 2026-01-01 is refused with "End Date is before Start Date".
 */
export function validateTracking(values: TrackingFormValues, client: string): Checked<TrackingEntry, TrackingField> {
  const errors: FieldErrors<TrackingField> = {};
  if (client.trim() === "") errors.client = "Choose a client first";

  const start = values.start.trim() === "" ? null : parseIsoDay(values.start);
  const end = values.end.trim() === "" ? null : parseIsoDay(values.end);
  if (values.start.trim() === "") errors.start = "Enter a Start Date";
  else if (start === null) errors.start = "Start Date is not a date";
  if (values.end.trim() === "") errors.end = "Enter an End Date";
  else if (end === null) errors.end = "End Date is not a date";
  else if (start !== null && end < start) errors.end = "End Date is before Start Date";

  let codes = "Any";
  if (!values.countAny) {
    const text = values.codes.trim();
    if (text === "") errors.codes = "Enter a billing code or choose Count Any Session";
    else {
      const read = parseTrackingCodes(text);
      if (!read.ok) errors.codes = `This billing code can't be read: ${read.reason}`;
      else codes = read.value.any ? "Any" : text;
    }
  }

  const allowed = readCount(values.allowed);
  if (allowed === null) errors.allowed = "Allowed must be a number 0 or more";

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      client: client.trim(),
      trackBy: values.trackBy,
      start: values.start.trim(),
      end: values.end.trim(),
      codes,
      allowed: allowed as number,
      authorization: values.authorization.trim(),
    },
  };
}

/** A saved tracking line back in the form, for Edit. "Any" (or "*", "Count Any Session") ticks Count Any Session. */
export function trackingToForm(entry: TrackingEntry): TrackingFormValues {
  const read = entry.codes.trim() === "" ? null : parseTrackingCodes(entry.codes);
  const any = read !== null && read.ok && read.value.any;
  return {
    trackBy: entry.trackBy,
    start: entry.start,
    end: entry.end,
    codes: any ? "" : entry.codes,
    countAny: any,
    allowed: String(entry.allowed),
    authorization: entry.authorization,
  };
}

/** The Settings form as typed. Lists are comma-separated text; "None" or blank is an empty list. */
export interface SettingsFormValues {
  readonly countAnyExcludes: string;
  readonly notCountedStatuses: string;
  readonly lowRemainingAt: string;
  readonly expiringWithinDays: string;
  readonly dateOrder: DateOrder;
  readonly autoRefresh: boolean;
  readonly openWithWorkbook: boolean;
}

export type SettingsField = "lowRemainingAt" | "expiringWithinDays";

export function settingsToForm(settings: Settings, options: AddinOptions): SettingsFormValues {
  return {
    countAnyExcludes: settings.countAnyExcludes.join(", "),
    notCountedStatuses: settings.notCountedStatuses.join(", "),
    lowRemainingAt: String(settings.lowRemainingAt),
    expiringWithinDays: String(settings.expiringWithinDays),
    dateOrder: settings.dateOrder,
    autoRefresh: options.autoRefresh,
    openWithWorkbook: options.openWithWorkbook,
  };
}

/** Checks the Settings form: Low remaining at is a number 0 or more, Expiring within days a whole number 0 or more. */
export function validateSettings(
  values: SettingsFormValues,
): Checked<{ settings: Settings; options: AddinOptions }, SettingsField> {
  const errors: FieldErrors<SettingsField> = {};
  const low = readCount(values.lowRemainingAt);
  if (low === null) errors.lowRemainingAt = "Low remaining at must be a number 0 or more";
  const days = readCount(values.expiringWithinDays);
  if (days === null || !Number.isInteger(days))
    errors.expiringWithinDays = "Expiring within days must be a whole number 0 or more";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      settings: {
        countAnyExcludes: splitList(values.countAnyExcludes),
        notCountedStatuses: splitList(values.notCountedStatuses),
        lowRemainingAt: low as number,
        expiringWithinDays: days as number,
        dateOrder: values.dateOrder,
      },
      options: { autoRefresh: values.autoRefresh, openWithWorkbook: values.openWithWorkbook },
    },
  };
}

/** A required column a sheet lacks: the sentence to show and the fields any of which would serve. */
export interface MissingColumn {
  readonly message: string;
  readonly fields: readonly string[];
}

/**
 * The required columns a sheet lacks: "The Sessions sheet has no Billing Code column". Requirements come
 * from the sheet's definition, so Clients needs a Client ID or a Client Name, not both.
 * `headers` is field key → header serving it (null when none).
 */
export function missingColumns(
  sheet: Pick<MappingSheet, "kind" | "sheet" | "fields">,
  headers: Readonly<Record<string, string | null>>,
): MissingColumn[] {
  const def = SHEETS.find((d) => d.kind === sheet.kind);
  const name = sheet.sheet ?? def?.sheet ?? sheet.kind;
  const groups: (readonly string[])[] = def
    ? def.required.map((g) => g.filter((k) => sheet.fields.some((f) => f.key === k)))
    : sheet.fields.filter((f) => f.required).map((f) => [f.key]);
  const out: MissingColumn[] = [];
  for (const group of groups) {
    if (group.length === 0 || group.some((k) => headers[k])) continue;
    const label = def
      ? requirementLabel(def, group)
      : group.map((k) => sheet.fields.find((f) => f.key === k)?.label ?? k).join(" or ");
    out.push({ message: `The ${name} sheet has no ${label} column`, fields: group });
  }
  return out;
}

/**
 * What a mapping field's label says about being required: "required", "Client ID or Client Name required"
 * (a requirement any of several fields meets), or null when optional.
 */
export function requiredNote(sheet: Pick<MappingSheet, "kind" | "fields">, key: string): string | null {
  const def = SHEETS.find((d) => d.kind === sheet.kind);
  if (!def) return sheet.fields.find((f) => f.key === key)?.required ? "required" : null;
  const group = def.required.find((g) => g.includes(key));
  if (!group) return null;
  return group.length === 1 ? "required" : `${requirementLabel(def, group)} required`;
}
