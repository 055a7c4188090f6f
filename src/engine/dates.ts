/** Calendar days: Excel serials in both date systems, text dates, and the day numbers the engine compares. */

/**
 * A calendar date as whole days since 1970-01-01 (day 0). Branded so it is never
 * confused with an Excel serial, whose epoch and 1900 leap-year bug differ.
 * Example: 2026-03-05 is day 20517.
 */
export type DayNumber = number & { readonly __brand: "DayNumber" };

/** Which epoch the workbook's serial numbers count from (Excel's "Use 1904 date system"). */
export type DateSystem = 1900 | 1904;

/** How numeric text such as 3/5/2026 is read: month first (US) or day first. */
export type DateOrder = "MDY" | "DMY";

const MS_PER_DAY = 86_400_000;
const SECONDS_PER_DAY = 86_400;

/** Serial 25569 is 1970-01-01 in the 1900 system; the 1904 system is 1462 days behind. */
const SERIAL_1900_UNIX_EPOCH = 25_569;
const SERIAL_1904_OFFSET = 1_462;

/** Day number of a proleptic Gregorian date, or null when the date does not exist (Feb 30). */
export function dayFromParts(year: number, month: number, day: number): DayNumber | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear corrects it.
  if (year < 100) d.setUTCFullYear(year);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.floor(d.getTime() / MS_PER_DAY) as DayNumber;
}

/** The (year, month, day) of a day number. */
export function partsFromDay(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO text YYYY-MM-DD of a day number. */
export function isoFromDay(day: DayNumber): string {
  const p = partsFromDay(day);
  return `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/**
 * Reads an Excel serial in the given date system. The serial is rounded to the
 * second first, so 45000.9999999 (a time a hair before midnight after float
 * error) is the next day, as Excel shows it. In the 1900 system serial 60 is the
 * phantom 1900-02-29 Excel inherited from Lotus; it is no real day, so null.
 * Example: serialToDay(46086, 1900) is 2026-03-05; serialToDay(44624, 1904) too.
 */
export function serialToDay(serial: number, system: DateSystem): DayNumber | null {
  if (!Number.isFinite(serial)) return null;
  const seconds = Math.round(serial * SECONDS_PER_DAY);
  const whole = Math.floor(seconds / SECONDS_PER_DAY);
  if (system === 1904) {
    if (whole < 0) return null;
    return checkRange((whole - SERIAL_1900_UNIX_EPOCH + SERIAL_1904_OFFSET) as DayNumber);
  }
  if (whole < 1 || whole === 60) return null;
  // Before the phantom day, serials run one ahead of a true count from 1899-12-30.
  const adjusted = whole < 60 ? whole + 1 : whole;
  return checkRange((adjusted - SERIAL_1900_UNIX_EPOCH) as DayNumber);
}

/** The Excel serial of a day in the given date system (inverse of serialToDay). */
export function dayToSerial(day: DayNumber, system: DateSystem): number {
  const serial1900 = day + SERIAL_1900_UNIX_EPOCH;
  if (system === 1904) return serial1900 - SERIAL_1904_OFFSET;
  return serial1900 < 61 ? serial1900 - 1 : serial1900;
}

const MAX_DAY = dayFromParts(9999, 12, 31) as number;
const MIN_DAY = dayFromParts(1900, 1, 1) as number;

function checkRange(day: DayNumber): DayNumber | null {
  return day < MIN_DAY || day > MAX_DAY ? null : day;
}

/**
 * A JS Date that a spreadsheet library made from a date cell. Such libraries
 * build it at UTC midnight of the cell's calendar date, so the calendar date is
 * read in UTC and never shifted by the local time zone. A time of day is
 * rounded to the second and then dropped, as for serials.
 */
export function dayFromJsDate(date: Date): DayNumber | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const seconds = Math.round(ms / 1000);
  return checkRange(Math.floor(seconds / SECONDS_PER_DAY) as DayNumber);
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

// A trailing time of day, after a space, a comma or "T": "10:30", "10:30:15 AM", "10 AM", "10am", "T10:30:00Z".
const TIME = String.raw`(?:(?:,?\s+|T)(?:\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?|\d{1,2}\s*[AaPp]\.?[Mm]\.?)\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})${TIME}$`);
const MONTH_FIRST = new RegExp(String.raw`^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`);
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})${TIME}$`);
// Excel's own d-mmm-yy style: 5-Mar-26, 05-Mar-2026.
const DAY_MONTH_DASH = new RegExp(String.raw`^(\d{1,2})-([A-Za-z]{3,9})-(\d{2}|\d{4})${TIME}$`);
// A weekday in front is allowed: "Thu, Mar 5, 2026".
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;

/**
 * Reads a date typed as text: ISO (2026-03-05), numeric text in the workbook's
 * date order with "/", "-" or "." between parts (3/5/2026, 03-05-26: a two-digit
 * year is 20yy; a four-digit first part is read as year-month-day), or an English
 * month name (Mar 5, 2026; 5 March 2026). A trailing time of day is ignored.
 * Returns null for anything else and for dates that do not exist (2/30/2026).
 */
export function parseDateText(text: string, order: DateOrder): DayNumber | null {
  const t = text.trim().replace(WEEKDAY, "");
  let m = ISO.exec(t);
  if (m) return checkRangeOrNull(dayFromParts(+m[1], +m[2], +m[3]));
  m = NUMERIC.exec(t);
  if (m) {
    const [a, b, c] = [m[1], m[3], m[4]];
    if (a.length === 4) return checkRangeOrNull(dayFromParts(+a, +b, +c));
    if (a.length > 2 || (c.length !== 2 && c.length !== 4)) return null;
    const year = c.length === 2 ? 2000 + +c : +c;
    const [month, day] = order === "MDY" ? [+a, +b] : [+b, +a];
    return checkRangeOrNull(dayFromParts(year, month, day));
  }
  m = MONTH_FIRST.exec(t);
  if (m) {
    const month = MONTHS[m[1].toLowerCase()];
    return month ? checkRangeOrNull(dayFromParts(+m[3], month, +m[2])) : null;
  }
  m = DAY_FIRST.exec(t);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    return month ? checkRangeOrNull(dayFromParts(+m[3], month, +m[1])) : null;
  }
  m = DAY_MONTH_DASH.exec(t);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    return month ? checkRangeOrNull(dayFromParts(year, month, +m[1])) : null;
  }
  return null;
}

function checkRangeOrNull(day: DayNumber | null): DayNumber | null {
  return day === null ? null : checkRange(day);
}

/** Today's local calendar date on this machine (SPEC §3: "today" is local). */
export function localToday(now: Date = new Date()): DayNumber {
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()) as DayNumber;
}

/** Parses a strict YYYY-MM-DD (the --as-of option), or null. */
export function parseIsoDay(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? checkRangeOrNull(dayFromParts(+m[1], +m[2], +m[3])) : null;
}
