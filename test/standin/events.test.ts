import { standInFor, workbookWith } from "./helpers";

type Args = Excel.WorksheetChangedEventArgs | Excel.WorksheetSelectionChangedEventArgs;

describe("worksheet events", () => {
  test("a user's edit writes the cell as typed and fires onChanged with source Local", async () => {
    const wb = workbookWith({ Sessions: [], Other: [] });
    const standIn = standInFor(wb);
    const seen: Args[] = [];
    await standIn.excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sessions").onChanged.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
    });
    await standIn.events.editCell("Sessions", "B3", "1/5/2026");
    await standIn.events.editCell("Other", "A1", "ignored");
    expect(wb.getWorksheet("Sessions")!.getCell("B3").value).toBe(46027);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      type: "WorksheetChanged",
      address: "B3",
      source: "Local",
      changeType: "RangeEdited",
    });
  });

  test("a co-author's edit fires onChanged with source Remote, on the collection's handler too", async () => {
    const standIn = standInFor(workbookWith({ A: [], B: [] }));
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    await standIn.excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
    });
    await standIn.events.remoteEdit("A", "A1:B1", [["x", "y"]]);
    await standIn.events.remoteEdit("B", "C2", 5);
    expect(seen.map((a) => [a.address, a.source])).toEqual([
      ["A1:B1", "Remote"],
      ["C2", "Remote"],
    ]);
  });

  test("the handler can read the changed range through the event's getRange in its own Excel.run", async () => {
    const standIn = standInFor(workbookWith({ S: [] }));
    const read: unknown[] = [];
    await standIn.excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").onChanged.add(async (args) => {
        await standIn.excel.run(async (context) => {
          const range = args.getRange(context).load("values");
          await context.sync();
          read.push(range.values);
        });
      });
      await context.sync();
    });
    await standIn.events.editCell("S", "A2", "hello");
    expect(read).toEqual([[["hello"]]]);
  });

  test("handlers are registered at sync and removed at the next sync after remove()", async () => {
    const standIn = standInFor(workbookWith({ S: [] }));
    let calls = 0;
    let result: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
    await standIn.excel.run(async (context) => {
      result = context.workbook.worksheets.getItem("S").onChanged.add(async () => {
        calls++;
      });
      await context.sync();
    });
    await standIn.events.editCell("S", "A1", 1);
    await standIn.excel.run(result!.context, async (context) => {
      result!.remove();
      await context.sync();
    });
    await standIn.events.editCell("S", "A1", 2);
    expect(calls).toBe(1);
  });

  test("the add-in's own writes fire onChanged (ThisLocalAddin) unless runtime.enableEvents is off", async () => {
    const standIn = standInFor(workbookWith({ S: [] }));
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    await standIn.excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").onChanged.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
      context.workbook.worksheets.getItem("S").getRange("A1").values = [[1]];
      await context.sync();
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem("S").getRange("A2").values = [[2]];
      context.runtime.enableEvents = true;
      await context.sync();
    });
    await standIn.idle();
    expect(seen.map((a) => [a.address, a.triggerSource])).toEqual([["A1", "ThisLocalAddin"]]);
  });

  test("selecting cells fires onSelectionChanged and moves the selection", async () => {
    const standIn = standInFor(workbookWith({ A: [], B: [] }));
    const seen: Excel.WorksheetSelectionChangedEventArgs[] = [];
    await standIn.excel.run(async (context) => {
      context.workbook.worksheets.onSelectionChanged.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
    });
    await standIn.events.select("B", "C4");
    await standIn.excel.run(async (context) => {
      const selected = context.workbook.getSelectedRange().load("address");
      const sheet = context.workbook.worksheets.getItem("B").load("id");
      await context.sync();
      expect(selected.address).toBe("B!C4");
      expect(seen).toEqual([{ type: "WorksheetSelectionChanged", address: "C4", worksheetId: sheet.id }]);
    });
  });

  test("a co-author inserting rows moves the cells and fires RowInserted", async () => {
    const wb = workbookWith({ S: [["h"], ["a"], ["b"]] });
    const standIn = standInFor(wb);
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    await standIn.excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").onChanged.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
    });
    await standIn.events.insertRows("S", 2, 1);
    const ws = wb.getWorksheet("S")!;
    expect([1, 2, 3, 4].map((r) => ws.getCell(r, 1).value)).toEqual(["h", null, "a", "b"]);
    expect(seen.map((a) => [a.changeType, a.address, a.source])).toEqual([["RowInserted", "2:2", "Remote"]]);
  });

  test("a user cannot type into a locked cell of a protected sheet", async () => {
    const wb = workbookWith({ S: [["keep"]] });
    await wb.getWorksheet("S")!.protect("", {});
    const standIn = standInFor(wb);
    await expect(standIn.events.editCell("S", "A1", "x")).rejects.toMatchObject({ code: "AccessDenied" });
    expect(wb.getWorksheet("S")!.getCell("A1").value).toBe("keep");
  });

  test("errors thrown by handlers are kept for the test to see", async () => {
    const standIn = standInFor(workbookWith({ S: [] }));
    await standIn.excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").onChanged.add(async () => {
        throw new Error("handler failed");
      });
      await context.sync();
    });
    await standIn.events.editCell("S", "A1", 1);
    expect(standIn.handlerErrors).toEqual([new Error("handler failed")]);
  });
});
