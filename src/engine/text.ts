/** User text inside a sentence: quoted, on one line, and short, so a 10,000-character cell makes a readable message. */

/** At most this many characters of a cell appear in a message. */
export const MESSAGE_TEXT_MAX = 40;

/** The text on one line, cut to `max` characters with an ellipsis: "Lorem ipsum dolor sit amet, consectetur…". */
export function clip(text: string, max = MESSAGE_TEXT_MAX): string {
  const t = oneLine(text);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The text trimmed, each run of whitespace one space: "  Ann \t Lee " → "Ann Lee". */
export function oneLine(text: string): string {
  // Most cells already are: they are returned as they are, without a new string.
  return ONE_LINE.test(text) ? text : text.trim().replace(/\s+/g, " ");
}

/** Text that oneLine leaves as it is: single plain spaces between words, none at either end. */
const ONE_LINE = /^(?:\S+(?: \S+)*)?$/;

/** Clipped and in double quotes: "Ann Lee". */
export function quote(text: string, max = MESSAGE_TEXT_MAX): string {
  return `"${clip(text, max)}"`;
}
