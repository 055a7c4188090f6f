/** How the pane writes days and counts: M/D/YYYY as the practice reads them, counts to the hundredth. */
import { type DayNumber, partsFromDay } from "../engine/dates";

/** A day as M/D/YYYY. Example: day 20517 is "3/5/2026"; null is "". */
export function formatDay(day: DayNumber | null): string {
  if (day === null) return "";
  const p = partsFromDay(day);
  return `${p.month}/${p.day}/${p.year}`;
}

/** The same for an ISO text (a TrackingEntry's dates); text that is no date is shown as it is. */
export function formatIso(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${+m[2]}/${+m[3]}/${+m[1]}` : iso;
}

/** A count, units may carry decimals: 12, 7.5, -1.25; null is "—". */
export function formatCount(n: number | null): string {
  if (n === null) return "—";
  return String(Math.round(n * 100) / 100);
}

/** "1 line", "3 lines". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
