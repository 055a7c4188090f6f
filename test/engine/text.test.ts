/** How a cell's text appears inside a message: on one line, short, quoted (src/engine/text.ts). */
import fc from "fast-check";
import { MESSAGE_TEXT_MAX, clip, quote } from "../../src/engine/text";

test("a cell's text in a message is trimmed, its runs of whitespace one space, and cut to 40 characters with an ellipsis", () => {
  expect(clip("  Ann \t Lee\n")).toBe("Ann Lee");
  expect(clip("Ann Lee")).toBe("Ann Lee");
  expect(clip("")).toBe("");
  expect(clip("x".repeat(MESSAGE_TEXT_MAX))).toBe("x".repeat(MESSAGE_TEXT_MAX));
  expect(clip("x".repeat(MESSAGE_TEXT_MAX + 1))).toBe(`${"x".repeat(MESSAGE_TEXT_MAX - 1)}…`);
  expect(quote(" Ann\u00a0Lee ")).toBe('"Ann Lee"');
});

test("clip gives, for any text, the text trimmed with its whitespace runs made one space and cut to the limit", () => {
  // The reference is the rule itself; clip returns a one-line text as it is, without a new string.
  const reference = (text: string, max: number): string => {
    const t = text.trim().replace(/\s+/g, " ");
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
  };
  const pieces = fc.constantFrom("a", "Lee", "1001", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "é", "…");
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 30 }), fc.integer({ min: 2, max: 50 }), (parts, max) => {
      const text = parts.join("");
      expect(clip(text, max)).toBe(reference(text, max));
    }),
    { numRuns: 2000 },
  );
});
