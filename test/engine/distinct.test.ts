/** Distinct values numbered once, and work done once per distinct text (src/engine/distinct.ts). */
import { Distinct, oncePerText } from "../../src/engine/distinct";

test("distinct texts are numbered in the order first met, and a text met again keeps its number", () => {
  const d = new Distinct<string>();
  expect(["No Show", "Completed", "No Show", "", "Completed"].map((t) => d.number(t))).toEqual([0, 1, 0, 2, 1]);
  expect(d.values).toEqual(["No Show", "Completed", ""]);
  expect(d.size).toBe(3);
});

test("values with equal keys share the first one's number, whether or not they are the same object", () => {
  const d = new Distinct<{ base: string }>((v) => v.base);
  const a = { base: "90837" };
  expect([d.number(a), d.number({ base: "90834" }), d.number({ base: "90837" }), d.number(a)]).toEqual([0, 1, 0, 0]);
  expect(d.values[0]).toBe(a);
});

test("oncePerText works each text out once, a null result included", () => {
  const seen: string[] = [];
  const parse = oncePerText((t: string) => (seen.push(t), /^\d+$/.test(t) ? Number(t) : null));
  expect(["1", "x", "1", "x", "2"].map(parse)).toEqual([1, null, 1, null, 2]);
  expect(seen).toEqual(["1", "x", "2"]);
});
