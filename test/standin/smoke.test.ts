import { standInFor, workbookWith } from "./helpers";

test("smoke", async () => {
  const wb = workbookWith({
    Sheet1: [
      ["a", 1],
      [true, null],
    ],
  });
  const { excel, stats } = standInFor(wb);
  const values = await excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
    range.load("values, address, valueTypes");
    await context.sync();
    return { values: range.values, address: range.address, types: range.valueTypes };
  });
  expect(values).toEqual({
    values: [
      ["a", 1],
      [true, ""],
    ],
    address: "Sheet1!A1:B2",
    types: [
      ["String", "Double"],
      ["Boolean", "Empty"],
    ],
  });
  expect(stats.syncs).toBe(1);
});
