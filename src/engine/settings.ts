/** The defaults of every setting (SPEC §2), used when the Settings sheet is absent or a setting is blank. */
import type { Settings } from "./types";

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  // Add-on codes that ride on another session, so an EAP "Any" line does not count them twice.
  countAnyExcludes: Object.freeze(["90785", "90833", "90836", "90838", "90840", "90863", "99354", "99355"]),
  notCountedStatuses: Object.freeze(["No Show", "Late Cancel", "Late Cancellation", "Cancelled", "Canceled", "Void"]),
  lowRemainingAt: 2,
  expiringWithinDays: 14,
  dateOrder: "MDY",
});

/** A status compared as SPEC §3 says: letters only, case-insensitive ("no-show" is "No Show"). */
export function statusKey(status: string): string {
  return status.toLowerCase().replace(/[^a-z]/g, "");
}
