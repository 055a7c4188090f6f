/** User text inside a sentence: quoted, on one line, and short, so a 10,000-character cell makes a readable message. */

/** At most this many characters of a cell appear in a message. */
export const MESSAGE_TEXT_MAX = 40;

/** The text on one line, cut to `max` characters with an ellipsis: "Lorem ipsum dolor sit amet, consectetur…". */
export function clip(text: string, max = MESSAGE_TEXT_MAX): string {
  const t = text.trim().replace(/\s+/g, " ");
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Clipped and in double quotes: "Ann Lee". */
export function quote(text: string, max = MESSAGE_TEXT_MAX): string {
  return `"${clip(text, max)}"`;
}
