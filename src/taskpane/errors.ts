/** Failures as the pane shows them: one sentence, never a stack trace. */
import { UserFacingError } from "../addin/service";

/**
 * The sentence for a failure while doing something ("refreshing"): a UserFacingError says it itself;
 * anything else is "Something went wrong while refreshing: <first line of its message>".
 */
export function errorSentence(e: unknown, doing: string): string {
  const raw = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  const first = raw.split(/\r?\n/)[0].trim();
  if (e instanceof UserFacingError && first !== "") return first;
  return first === "" ? `Something went wrong while ${doing}.` : `Something went wrong while ${doing}: ${first}`;
}

/**
 * True when a failure is about sheets or headers the add-in could not find, so the pane offers the column
 * mapping ("The Sessions sheet's header row (row 1) has no Billing Code column", "no sheet named Visits").
 */
export function pointsToMapping(message: string): boolean {
  return /\bheader row\b|\bhas no\b.*\bcolumns?\b|\bno sheet named\b|\bmap (?:one|them|it)\b/i.test(message);
}
