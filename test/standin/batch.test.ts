/* Rules 2 and 3: writes wait for sync and run in queue order; every sync is one counted round trip; oversized batches are refused whole. */
import ExcelJS from "exceljs";
import { errorCode, standInFor, workbookWith } from "./helpers";

const value = (wb: ExcelJS.Workbook, sheet: string, address: string): unknown =>
  wb.getWorksheet(sheet)!.getCell(address).value;

describe("the request queue and context.sync()", () => {
  test("writes are applied to the workbook only at sync", async () => {
    const wb = workbookWith({ S: [["old"]] });
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [["new"]];
      expect(value(wb, "S", "A1")).toBe("old");
      await context.sync();
      expect(value(wb, "S", "A1")).toBe("new");
    });
  });

  test("a load queued before a write sees the old value; one queued after sees the new", async () => {
    const { excel } = standInFor(workbookWith({ S: [["old"]] }));
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const before = ws.getRange("A1").load("values");
      ws.getRange("A1").values = [["new"]];
      const after = ws.getRange("A1").load("values");
      await context.sync();
      expect(before.values).toEqual([["old"]]);
      expect(after.values).toEqual([["new"]]);
    });
  });

  test("writes run in queue order", async () => {
    const wb = workbookWith({ S: [] });
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1").values = [["first"]];
      ws.getRange("A1:A2").values = [["second"], ["x"]];
      ws.getRange("A2").values = [["third"]];
      await context.sync();
    });
    expect([value(wb, "S", "A1"), value(wb, "S", "A2")]).toEqual(["second", "third"]);
  });

  test("each context.sync() is one counted round trip, with its request and response sizes", async () => {
    const { excel, stats } = standInFor(workbookWith({ S: [["abc"]] }));
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1");
      range.load("values");
      await context.sync();
      range.values = [["defgh"]];
      await context.sync();
    });
    expect(stats.syncs).toBe(2);
    expect(stats.requests).toHaveLength(2);
    expect(stats.requests[0].responseBytes).toBe(JSON.stringify([{ values: [["abc"]] }]).length);
    expect(stats.requests[1].bytes).toBeGreaterThan(JSON.stringify([["defgh"]]).length);
    expect(stats.maxRequestBytes).toBe(Math.max(...stats.requests.map((r) => r.bytes)));
    expect(stats.maxResponseBytes).toBe(stats.requests[0].responseBytes);
  });

  test("the request size includes every written value", async () => {
    const { excel, stats } = standInFor(workbookWith({ S: [] }));
    const big = Array.from({ length: 1000 }, (_, i) => [`value number ${i}`]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:A1000").values = big;
      await context.sync();
    });
    expect(stats.requests[0].bytes).toBeGreaterThan(JSON.stringify(big).length);
  });

  test("a batch over 5 MB is refused whole", async () => {
    const wb = workbookWith({ S: [["keep"]] });
    const { excel, stats } = standInFor(wb);
    const rows = Array.from({ length: 60000 }, () => ["x".repeat(90)]);
    const code = await errorCode(
      excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("S");
        ws.getRange("B1").values = [["small write before"]];
        ws.getRange("A1:A60000").values = rows;
        await context.sync();
      }),
    );
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
    expect(value(wb, "S", "A1")).toBe("keep");
    expect(value(wb, "S", "B1")).toBeNull();
    expect(stats.requests[0].error).toBe("RequestPayloadSizeLimitExceeded");
  });

  test("a response over the limit is refused and the batch's writes are undone", async () => {
    const wb = workbookWith({ S: [["keep"]] });
    const { excel } = standInFor(wb, { maxRequestBytes: 1000 });
    wb.getWorksheet("S")!.getColumn(3).values = [undefined, ...Array.from({ length: 200 }, () => "long text here")];
    const code = await errorCode(
      excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("S");
        ws.getRange("A1").values = [["changed"]];
        ws.getRange("C1:C200").load("values");
        await context.sync();
      }),
    );
    expect(code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(value(wb, "S", "A1")).toBe("keep");
  });

  test("the limit is an option, so tests can exercise chunking on small data", async () => {
    const { excel } = standInFor(workbookWith({ S: [] }), { maxRequestBytes: 200 });
    expect(
      await errorCode(
        excel.run(async (context) => {
          context.workbook.worksheets.getItem("S").getRange("A1:A20").values = Array.from({ length: 20 }, () => [
            "0123456789",
          ]);
          await context.sync();
        }),
      ),
    ).toBe("RequestPayloadSizeLimitExceeded");
  });

  test("a batch that fails part way leaves nothing of itself behind", async () => {
    const wb = workbookWith({ S: [["a"]] });
    const { excel } = standInFor(wb);
    const code = await errorCode(
      excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem("S").getRange("A1").values = [["changed"]];
        sheets.add("Added");
        sheets.getItem("S").getRange("A1").format.fill.color = "#FFFF00";
        sheets.getItem("Missing").getRange("A1").values = [["x"]];
        await context.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
    expect(value(wb, "S", "A1")).toBe("a");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["S"]);
    expect(wb.getWorksheet("S")!.getCell("A1").fill).toBeUndefined();
  });

  test("with failedBatches 'keepApplied' the operations before the failure stay, as in Excel", async () => {
    const wb = workbookWith({ S: [["a"]] });
    const { excel } = standInFor(wb, { failedBatches: "keepApplied" });
    await errorCode(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").values = [["changed"]];
        context.workbook.worksheets.getItem("Missing").load("name");
        await context.sync();
      }),
    );
    expect(value(wb, "S", "A1")).toBe("changed");
  });

  test("loads of a failed sync are not delivered", async () => {
    const { excel } = standInFor(workbookWith({ S: [["a"]] }));
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1").load("values");
      context.workbook.worksheets.getItem("Missing");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("Excel.run sends what is still queued when the batch ends", async () => {
    const wb = workbookWith({ S: [] });
    const { excel, stats } = standInFor(wb);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [["written at the end"]];
    });
    expect(value(wb, "S", "A1")).toBe("written at the end");
    expect(stats.syncs).toBe(1);
  });

  test("a batch that does not return a promise is refused", async () => {
    const { excel } = standInFor(workbookWith({ S: [] }));
    const run = excel.run as unknown as (batch: () => unknown) => Promise<unknown>;
    await expect(run(() => 1)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });

  test("a context cannot be used after its Excel.run has finished", async () => {
    const { excel } = standInFor(workbookWith({ S: [] }));
    let leaked: Excel.RequestContext | undefined;
    await excel.run(async (context) => {
      leaked = context;
      await context.sync();
    });
    expect(() => leaked!.workbook.worksheets.getItem("S")).toThrow(
      expect.objectContaining({ code: "InvalidObjectPath" }),
    );
  });

  test("a sync while the user edits a cell fails, unless the run asked to wait with delayForCellEdit", async () => {
    const wb = workbookWith({ S: [] });
    const standIn = standInFor(wb);
    const end = standIn.events.beginCellEdit();
    const refused = await errorCode(
      standIn.excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").values = [[1]];
        await context.sync();
      }),
    );
    expect(refused).toBe("InvalidOperationInCellEditMode");
    const waiting = standIn.excel.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [[2]];
      await context.sync();
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(value(wb, "S", "A1")).toBeNull();
    end();
    await waiting;
    expect(value(wb, "S", "A1")).toBe(2);
  });

  test("context.sync(value) resolves with the value passed through", async () => {
    const { excel } = standInFor(workbookWith({ S: [] }));
    await excel.run(async (context) => {
      expect(await context.sync("through")).toBe("through");
    });
  });
});
