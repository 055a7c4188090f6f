/** A tracking line's status as of a date (SPEC §4): the first of seven rules that holds. */
import type { DayNumber } from "./dates";
import type { LineStatus, Settings } from "./types";

export interface StatusInput {
  /** Allowed − Used − Scheduled, in the same scale as `scale` (1 for plain counts, 100 for hundredths). */
  readonly remaining: number;
  readonly start: DayNumber;
  readonly end: DayNumber;
  readonly asOf: DayNumber;
  readonly settings: Pick<Settings, "lowRemainingAt" | "expiringWithinDays">;
  readonly scale?: number;
}

/**
 * The order is literal: a line booked past its limit before it starts is Over
 * limit; Allowed 0 is Depleted; a line ending on the as-of date is Expiring
 * soon and Expired from the next day.
 */
export function lineStatus({ remaining, start, end, asOf, settings, scale = 1 }: StatusInput): LineStatus {
  if (remaining < 0) return "Over limit";
  if (asOf > end) return "Expired";
  if (remaining === 0) return "Depleted";
  if (asOf < start) return "Not started";
  if (remaining <= Math.round(settings.lowRemainingAt * scale)) return "Low";
  if (end - asOf <= settings.expiringWithinDays) return "Expiring soon";
  return "Active";
}
