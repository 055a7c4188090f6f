import ExcelJS from "exceljs";
import { errorCode, standInFor, workbookWith } from "./helpers";

async function reopened(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(await wb.xlsx.writeBuffer());
  return copy;
}

describe("the worksheet collection", () => {
  test("items/name lists sheets in tab order", async () => {
    const { excel } = standInFor(workbookWith({ Clients: [], Tracking: [], Sessions: [] }));
    const names = await excel.run(async (context) => {
      context.workbook.worksheets.load("items/name");
      await context.sync();
      return context.workbook.worksheets.items.map((ws) => ws.name);
    });
    expect(names).toEqual(["Clients", "Tracking", "Sessions"]);
  });

  test("getItem finds a sheet by name case-insensitively, and by id", async () => {
    const { excel } = standInFor(workbookWith({ Sessions: [] }));
    await excel.run(async (context) => {
      const byName = context.workbook.worksheets.getItem("SESSIONS").load("name, id");
      await context.sync();
      const byId = context.workbook.worksheets.getItem(byName.id).load("name");
      await context.sync();
      expect([byName.name, byId.name]).toEqual(["Sessions", "Sessions"]);
    });
  });

  test("add puts a new sheet at the end; a taken name fails with ItemAlreadyExists", async () => {
    const wb = workbookWith({ A: [] });
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const added = context.workbook.worksheets.add("Authorized Insurance Sessions");
      added.load("name, position");
      await context.sync();
      expect([added.name, added.position]).toEqual(["Authorized Insurance Sessions", 1]);
    });
    expect(
      await errorCode(
        excel.run(async (context) => {
          context.workbook.worksheets.add("a");
          await context.sync();
        }),
      ),
    ).toBe("ItemAlreadyExists");
    expect(
      await errorCode(
        excel.run(async (context) => {
          context.workbook.worksheets.add("bad:name");
          await context.sync();
        }),
      ),
    ).toBe("InvalidArgument");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["A", "Authorized Insurance Sessions"]);
  });

  test("add without a name picks the next free SheetN", async () => {
    const { excel } = standInFor(workbookWith({ Sheet1: [] }));
    await excel.run(async (context) => {
      const added = context.workbook.worksheets.add().load("name");
      await context.sync();
      expect(added.name).toBe("Sheet2");
    });
  });

  test("getActiveWorksheet follows activate()", async () => {
    const { excel } = standInFor(workbookWith({ A: [], B: [] }));
    await excel.run(async (context) => {
      const first = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      context.workbook.worksheets.getItem("B").activate();
      const second = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect([first.name, second.name]).toEqual(["A", "B"]);
    });
  });

  test("getCount counts the sheets", async () => {
    const { excel } = standInFor(workbookWith({ A: [], B: [] }));
    await excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult has no load(); its value arrives with the sync
      expect(count.value).toBe(2);
    });
  });
});

describe("a worksheet", () => {
  test("rename, move and hide; names referring to the sheet follow the rename", async () => {
    const wb = workbookWith({ A: [], B: [], C: [] });
    wb.definedNames.add("'A'!$A$1", "Mark");
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const a = context.workbook.worksheets.getItem("A");
      a.name = "Renamed";
      a.position = 2;
      context.workbook.worksheets.getItem("B").visibility = "Hidden";
      const mark = context.workbook.names.getItem("Mark").load("formula");
      await context.sync();
      expect(mark.formula).toBe("=Renamed!$A$1");
    });
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["B", "hidden"],
      ["C", "visible"],
      ["Renamed", "visible"],
    ]);
  });

  test("delete removes the sheet; its names become #REF!; the last visible sheet cannot be deleted", async () => {
    const wb = workbookWith({ Keep: [], Report: [["x"]] });
    wb.definedNames.add("'Report'!$A$1", "SessionCountingReport");
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Report").delete();
      const name = context.workbook.names.getItem("SessionCountingReport");
      name.load("formula, type");
      const target = name.getRangeOrNullObject();
      await context.sync();
      expect([name.formula, name.type, target.isNullObject]).toEqual(["=#REF!", "Error", true]);
    });
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Keep"]);
    expect(
      await errorCode(
        excel.run(async (context) => {
          context.workbook.worksheets.getItem("Keep").delete();
          await context.sync();
        }),
      ),
    ).toBe("InvalidOperation");
  });

  test("a deleted sheet comes back whole when its batch fails", async () => {
    const wb = workbookWith({ Keep: [], Report: [["x"]] });
    const { excel } = standInFor(wb);
    await errorCode(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Report").delete();
        context.workbook.worksheets.getItem("Missing");
        await context.sync();
      }),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Keep", "Report"]);
    expect(wb.getWorksheet("Report")!.getCell("A1").value).toBe("x");
  });

  test("getUsedRange(valuesOnly) bounds the cells with values; without it, formatted cells count too", async () => {
    const wb = workbookWith({ S: [[null], [null, "a"], [null, null, 3]] });
    wb.getWorksheet("S")!.getCell("E9").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const values = ws.getUsedRange(true).load("address");
      const all = ws.getUsedRange().load("address");
      await context.sync();
      expect([values.address, all.address]).toEqual(["S!B2:C3", "S!B2:E9"]);
    });
  });

  test("getUsedRange on an empty sheet is A1", async () => {
    const { excel } = standInFor(workbookWith({ S: [] }));
    await excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem("S").getUsedRange().load("address");
      await context.sync();
      expect(used.address).toBe("S!A1");
    });
  });

  test("freezePanes.freezeRows freezes the top rows in the sheet view", async () => {
    const wb = workbookWith({ S: [] });
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.freezePanes.freezeRows(4);
      const frozen = ws.freezePanes.getLocationOrNullObject().load("address");
      await context.sync();
      expect(frozen.address).toBe("S!1:4");
    });
    expect(wb.getWorksheet("S")!.views[0]).toMatchObject({ state: "frozen", ySplit: 4, xSplit: 0, topLeftCell: "A5" });
    expect((await reopened(wb)).getWorksheet("S")!.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
  });

  test("page layout: orientation, fit to one page wide, print title rows, header texts", async () => {
    const wb = workbookWith({ S: [] });
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("S").pageLayout;
      layout.orientation = "Landscape";
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintTitleRows("$4:$4");
      layout.headersFooters.defaultForAllPages.leftHeader = "Authorized Insurance Sessions";
      layout.headersFooters.defaultForAllPages.rightHeader = "As of 6/30/2026";
      await context.sync();
      layout.load("orientation, zoom");
      const header = layout.headersFooters.defaultForAllPages.load("leftHeader, centerHeader, rightHeader");
      const titles = layout.getPrintTitleRowsOrNullObject().load("address");
      await context.sync();
      expect(layout.orientation).toBe("Landscape");
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect([header.leftHeader, header.centerHeader, header.rightHeader]).toEqual([
        "Authorized Insurance Sessions",
        "",
        "As of 6/30/2026",
      ]);
      expect(titles.address).toBe("S!4:4");
    });
    const ws = wb.getWorksheet("S")!;
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "4:4",
    });
    expect(ws.headerFooter.oddHeader).toBe("&LAuthorized Insurance Sessions&RAs of 6/30/2026");
    const saved = (await reopened(wb)).getWorksheet("S")!;
    expect(saved.pageSetup).toMatchObject({ orientation: "landscape", printTitlesRow: "4:4" });
    expect(saved.headerFooter.oddHeader).toBe("&LAuthorized Insurance Sessions&RAs of 6/30/2026");
  });

  test("protect and unprotect change protection.protected", async () => {
    const wb = workbookWith({ S: [] });
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const protection = context.workbook.worksheets.getItem("S").protection;
      protection.protect();
      await context.sync();
      protection.load("protected");
      await context.sync();
      expect(protection.protected).toBe(true);
      protection.unprotect();
      protection.load("protected");
      await context.sync();
      expect(protection.protected).toBe(false);
    });
  });
});
