/* Rule 4: *OrNullObject methods give null objects; getItem on something missing fails the sync with ItemNotFound. */
import { errorCode, standInFor, workbookWith } from "./helpers";

describe("null objects", () => {
  test("getItemOrNullObject on a missing sheet is a null object after sync", async () => {
    const { excel } = standInFor(workbookWith({ Sessions: [["x"]] }));
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Tracking");
      const present = context.workbook.worksheets.getItemOrNullObject("sessions");
      missing.load("name");
      present.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Sessions");
    });
  });

  test("isNullObject is known after a sync even without a load, and not before", async () => {
    const { excel } = standInFor(workbookWith({ S: [] }));
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      // eslint-disable-next-line office-addins/call-sync-before-read -- reading isNullObject before the sync, on purpose
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  test("getUsedRangeOrNullObject is a null object on an empty sheet and the used block otherwise", async () => {
    const { excel } = standInFor(
      workbookWith({
        Empty: [],
        Full: [
          [null, null],
          [null, "x", 1],
        ],
      }),
    );
    await excel.run(async (context) => {
      const empty = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(true);
      const full = context.workbook.worksheets.getItem("Full").getUsedRangeOrNullObject(true);
      empty.load("address");
      full.load("address");
      await context.sync();
      expect(empty.isNullObject).toBe(true);
      expect(full.isNullObject).toBe(false);
      expect(full.address).toBe("Full!B2:C2");
    });
  });

  test("getRangeOrNullObject of a missing name is a null object", async () => {
    const { excel } = standInFor(workbookWith({ S: [] }));
    await excel.run(async (context) => {
      const name = context.workbook.names.getItemOrNullObject("SessionCountingReport");
      const target = name.getRangeOrNullObject();
      target.load("address");
      await context.sync();
      expect(name.isNullObject).toBe(true);
      expect(target.isNullObject).toBe(true);
    });
  });

  test("objects reached from a null object are null too, and writes to them change nothing", async () => {
    const wb = workbookWith({ S: [] });
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("Nope");
      const range = ws.getRange("A1");
      range.values = [["lost"]];
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- isNullObject needs only the sync, as in Office's own samples
      expect(range.isNullObject).toBe(true);
    });
    expect(wb.worksheets.map((w) => w.name)).toEqual(["S"]);
  });

  test("getItem on a missing sheet rejects at sync with ItemNotFound", async () => {
    const { excel } = standInFor(workbookWith({ S: [] }));
    const code = await errorCode(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Missing");
        await context.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
  });

  test("getItem on missing tables and names rejects with ItemNotFound", async () => {
    const { excel } = standInFor(workbookWith({ S: [] }));
    expect(
      await errorCode(
        excel.run(async (context) => {
          context.workbook.tables.getItem("NoTable");
          await context.sync();
        }),
      ),
    ).toBe("ItemNotFound");
    expect(
      await errorCode(
        excel.run(async (context) => {
          context.workbook.names.getItem("NoName");
          await context.sync();
        }),
      ),
    ).toBe("ItemNotFound");
  });

  test("a proxy for a sheet deleted since it was found fails with ItemNotFound", async () => {
    const { excel } = standInFor(workbookWith({ A: [], B: [] }));
    const code = await errorCode(
      excel.run(async (context) => {
        const a = context.workbook.worksheets.getItem("A");
        await context.sync();
        a.delete();
        a.getRange("A1").values = [[1]];
        await context.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
  });
});
