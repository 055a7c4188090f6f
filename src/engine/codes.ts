/** Billing codes: a session's code with its modifiers, a tracking line's list of codes and ranges, and matching. */
import { clip, quote } from "./text";

/** One billing code as a session carries it: "97153 HN" is base 97153 with modifier HN. */
export interface SessionCode {
  readonly base: string;
  readonly modifiers: readonly string[];
}

/** One entry of a tracking line's codes: a single code or a range of equal-length codes, maybe with modifiers. */
export interface TrackingCode {
  readonly from: string;
  /** Equal to `from` for a single code. */
  readonly to: string;
  readonly modifiers: readonly string[];
}

/** A set of base codes that can hold ranges: the Count Any excludes. */
export interface BaseCodeSet {
  has(base: string): boolean;
}

/** What a tracking line counts: listed codes, or Any session (less the Count Any excludes). */
export type CodeList = { readonly any: true } | { readonly any: false; readonly codes: readonly TrackingCode[] };

const MODIFIER = /^[A-Z0-9]{2}$/;

/** Trimmed and upper-cased; en and em dashes (which Word and Outlook type) read as "-", spaces around "-" and ":" dropped. */
function normalize(text: string): string {
  return text
    .trim()
    .toUpperCase()
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s*([-:])\s*/g, "$1");
}

/**
 * Reads a session's code: trimmed, upper-cased, with two-character modifiers
 * after it joined by "-", ":" or spaces. Example: "97153-hn" → {base 97153, [HN]}.
 * Returns null for blank text, and for text that is not one code plus
 * modifiers ("Intake Eval", "90837 90785"), which no tracking line could match.
 */
export function parseSessionCode(text: string): SessionCode | null {
  const t = normalize(text);
  if (t === "") return null;
  const [base, ...rest] = t.split(/[-:\s]+/).filter((p) => p !== "");
  return rest.every((p) => MODIFIER.test(p)) ? { base, modifiers: rest } : null;
}

const ANY_WORDS = new Set(["ANY", "COUNTANYSESSION", "COUNTANY", "ANYSESSION", "*"]);

/** True when a Billing Code cell means "count any session": Any, Count Any Session or "*". */
export function isAnyCode(text: string): boolean {
  const t = normalize(text);
  return t === "*" || ANY_WORDS.has(t.replace(/[^A-Z]/g, ""));
}

/** A tracking Billing Code cell read, or the sentence that says why it cannot be. */
export type CodeListResult = { ok: true; value: CodeList } | { ok: false; reason: string };

/**
 * Reads a tracking line's Billing Code cell: one code, several (separated by
 * commas, semicolons, line breaks or spaces), ranges of equal-length codes
 * ("90832-90838"), modifiers ("97153-HN", "97153 HN"), or Any.
 * Example: "90832-90838, 90846" → a range and a single code.
 */
export function parseTrackingCodes(text: string): CodeListResult {
  if (isAnyCode(text)) return { ok: true, value: { any: true } };
  const codes: { from: string; to: string; modifiers: string[] }[] = [];
  const tokens = normalize(text)
    .split(/[,;\s]+/)
    .filter((t) => t !== "");
  for (const token of tokens) {
    const parts = token.split(/[-:]/).filter((p) => p !== "");
    if (parts.length === 0) continue;
    const [first, ...rest] = parts;
    if (MODIFIER.test(first)) {
      // A lone two-character token is a modifier of the code before it ("97153 HN").
      const previous = codes[codes.length - 1];
      if (!previous) return { ok: false, reason: `${quote(first)} is a modifier with no code before it` };
      previous.modifiers.push(first, ...rest.filter((p) => MODIFIER.test(p)));
      continue;
    }
    const code = { from: first, to: first, modifiers: [] as string[] };
    for (let i = 0; i < rest.length; i++) {
      const part = rest[i];
      if (MODIFIER.test(part)) code.modifiers.push(part);
      else if (i === 0 && code.modifiers.length === 0) {
        if (part.length !== first.length) {
          return { ok: false, reason: `the range ${clip(`${first}-${part}`)} joins codes of different lengths` };
        }
        if (part < first) return { ok: false, reason: `the range ${clip(`${first}-${part}`)} runs backwards` };
        code.to = part;
      } else {
        return { ok: false, reason: `${quote(token)} is not a code, a range or a code with two-character modifiers` };
      }
    }
    codes.push(code);
  }
  if (codes.length === 0) return { ok: false, reason: "it lists no billing code" };
  return { ok: true, value: { any: false, codes } };
}

/** The code as the report and JSON show it: "97153-HN", "90832-90838". */
export function formatTrackingCode(code: TrackingCode): string {
  const range = code.from === code.to ? code.from : `${code.from}-${code.to}`;
  return [range, ...code.modifiers].join("-");
}

/** The code as a session carries it, normalized: "97153-HN". */
export function formatSessionCode(code: SessionCode): string {
  return [code.base, ...code.modifiers].join("-");
}

/**
 * True when a session's code is one of a tracking code's: same base (or within
 * the range, comparing equal-length codes), and carrying every modifier the
 * tracking code names. A tracking code without modifiers takes any modifiers.
 */
export function codeMatches(session: SessionCode, code: TrackingCode): boolean {
  const base = session.base;
  if (code.from === code.to) {
    if (base !== code.from) return false;
  } else if (base.length !== code.from.length || base < code.from || base > code.to) {
    return false;
  }
  return code.modifiers.every((m) => session.modifiers.includes(m));
}

/** True when a session's code is counted by the line: listed, or Any and not excluded. */
export function lineCountsCode(list: CodeList, session: SessionCode, anyExcludes: BaseCodeSet): boolean {
  if (list.any) return !anyExcludes.has(session.base);
  return list.codes.some((c) => codeMatches(session, c));
}

/**
 * The base codes of a Count Any excludes list, ranges included, modifiers
 * ignored: "90785, 90833-95, 90836-90838" excludes 90785, 90833 and 90836 to 90838.
 */
export function excludeBases(codes: readonly string[]): BaseCodeSet {
  const singles = new Set<string>();
  const ranges: TrackingCode[] = [];
  for (const text of codes) {
    const parsed = parseTrackingCodes(text);
    if (!parsed.ok || parsed.value.any) continue;
    for (const code of parsed.value.codes) {
      if (code.from === code.to) singles.add(code.from);
      else ranges.push({ ...code, modifiers: [] });
    }
  }
  return {
    has: (base) => singles.has(base) || ranges.some((r) => codeMatches({ base, modifiers: [] }, r)),
  };
}
