import ExcelJS from "exceljs";
import { errorCode, standInFor, workbookWith } from "./helpers";

async function reopened(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(await wb.xlsx.writeBuffer());
  return copy;
}

interface SavedTable {
  table: {
    name: string;
    tableRef: string;
    columns: { name: string }[];
    style?: { theme?: string; showRowStripes?: boolean };
  };
}

function tablesOf(ws: ExcelJS.Worksheet): SavedTable["table"][] {
  return (ws.getTables() as unknown as SavedTable[]).map((t) => t.table);
}

const report = () =>
  workbookWith({
    Report: [["Title"], [], [], ["Client", "Allowed", "Remaining"], ["Ann", 12, 7], ["Bob", 10, 0]],
  });

describe("tables", () => {
  test("a table added through the stand-in is saved by ExcelJS and reopens as a table", async () => {
    const wb = report();
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Report").tables.add("A4:C6", true);
      table.name = "SessionCountingReportTable";
      table.style = "TableStyleLight9";
      table.showBandedRows = false;
      await context.sync();
    });
    const saved = await reopened(wb);
    const [table] = tablesOf(saved.getWorksheet("Report")!);
    expect(table).toMatchObject({
      name: "SessionCountingReportTable",
      tableRef: "A4:C6",
      columns: [{ name: "Client" }, { name: "Allowed" }, { name: "Remaining" }],
      style: { theme: "TableStyleLight9", showRowStripes: false },
    });
    expect(saved.getWorksheet("Report")!.getCell("B5").value).toBe(12);
  });

  test("a new table is named TableN, styled TableStyleMedium2, and its ranges read back", async () => {
    const { excel } = standInFor(report());
    await excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Report").tables.add("A4:C6", true);
      table.load("name, style, showBandedRows, showHeaders");
      const header = table.getHeaderRowRange().load("address, values");
      const body = table.getDataBodyRange().load("address");
      const whole = table.getRange().load("address");
      await context.sync();
      expect([table.name, table.style, table.showBandedRows, table.showHeaders]).toEqual([
        "Table1",
        "TableStyleMedium2",
        true,
        true,
      ]);
      expect([header.address, header.values, body.address, whole.address]).toEqual([
        "Report!A4:C4",
        [["Client", "Allowed", "Remaining"]],
        "Report!A5:C6",
        "Report!A4:C6",
      ]);
    });
  });

  test("tables read from a file list with their names, on the sheet and in the workbook", async () => {
    const source = report();
    source
      .getWorksheet("Report")!
      .addTable({ name: "Existing", ref: "E1", columns: [{ name: "X" }, { name: "Y" }], rows: [[1, 2]] });
    const wb = await reopened(source);
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const onSheet = context.workbook.worksheets.getItem("Report").tables.load("items/name");
      const inBook = context.workbook.tables.load("items/name");
      const existing = context.workbook.tables.getItem("existing");
      const header = existing.getHeaderRowRange().load("address");
      const missing = context.workbook.tables.getItemOrNullObject("Nope");
      await context.sync();
      expect(onSheet.items.map((t) => t.name)).toEqual(["Existing"]);
      expect(inBook.items.map((t) => t.name)).toEqual(["Existing"]);
      expect(header.address).toBe("Report!E1:F1");
      expect(missing.isNullObject).toBe(true);
    });
  });

  test("header cells become unique text names, as Excel makes them", async () => {
    const wb = workbookWith({
      S: [
        ["Name", null, "Name", 2024],
        [1, 2, 3, 4],
      ],
    });
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").tables.add("A1:D2", true);
      await context.sync();
    });
    const ws = wb.getWorksheet("S")!;
    expect([1, 2, 3, 4].map((c) => ws.getCell(1, c).value)).toEqual(["Name", "Column2", "Name2", "2024"]);
  });

  test("without headers, a header row is inserted above the data", async () => {
    const wb = workbookWith({
      S: [
        [1, 2],
        [3, 4],
      ],
    });
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("S").tables.add("A1:B2", false);
      const range = table.getRange().load("address, values");
      await context.sync();
      expect([range.address, range.values]).toEqual([
        "S!A1:B3",
        [
          ["Column1", "Column2"],
          [1, 2],
          [3, 4],
        ],
      ]);
    });
  });

  test("a table cannot overlap another", async () => {
    const { excel } = standInFor(report());
    const code = await errorCode(
      excel.run(async (context) => {
        const tables = context.workbook.worksheets.getItem("Report").tables;
        tables.add("A4:C6", true);
        tables.add("C5:D7", true);
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidOperation");
  });

  test("rows.add appends rows below the data, moving what is below the table down", async () => {
    const wb = report();
    wb.getWorksheet("Report")!.getCell("A8").value = "below";
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Report").tables.add("A4:C6", true);
      table.rows.add(undefined, [["Cy", 5, 5]]);
      table.rows.add(0, [["Al", 1, 1]]);
      const body = table.getDataBodyRange().load("values");
      await context.sync();
      expect(body.values).toEqual([
        ["Al", 1, 1],
        ["Ann", 12, 7],
        ["Bob", 10, 0],
        ["Cy", 5, 5],
      ]);
    });
    expect(wb.getWorksheet("Report")!.getCell("A10").value).toBe("below");
    expect(tablesOf((await reopened(wb)).getWorksheet("Report")!)[0].tableRef).toBe("A4:C8");
  });

  test("columns.add adds a named column with its values and keeps the saved table consistent", async () => {
    const wb = report();
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Report").tables.add("A4:C6", true);
      table.columns.add(undefined, [["Status"], ["Active"], ["Exhausted"]]);
      table.columns.add(1, undefined, "Insurance");
      const columns = table.columns.load("items/name");
      await context.sync();
      expect(columns.items.map((c) => c.name)).toEqual(["Client", "Insurance", "Allowed", "Remaining", "Status"]);
    });
    const saved = tablesOf((await reopened(wb)).getWorksheet("Report")!)[0];
    expect(saved.tableRef).toBe("A4:E6");
    expect(saved.columns.map((c) => c.name)).toEqual(["Client", "Insurance", "Allowed", "Remaining", "Status"]);
  });

  test("writing a header cell renames the table column", async () => {
    const wb = report();
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Report");
      ws.tables.add("A4:C6", true);
      ws.getRange("B4").values = [["Authorized"]];
      await context.sync();
    });
    expect(tablesOf(wb.getWorksheet("Report")!)[0].columns.map((c) => c.name)).toEqual([
      "Client",
      "Authorized",
      "Remaining",
    ]);
  });

  test("delete removes the table and its cells; convertToRange keeps the cells", async () => {
    const wb = report();
    const { excel } = standInFor(wb);
    await excel.run(async (context) => {
      const tables = context.workbook.worksheets.getItem("Report").tables;
      tables.add("A4:C6", true).delete();
      await context.sync();
    });
    expect([tablesOf(wb.getWorksheet("Report")!).length, wb.getWorksheet("Report")!.getCell("A5").value]).toEqual([
      0,
      null,
    ]);
    const wb2 = report();
    await standInFor(wb2).excel.run(async (context) => {
      context.workbook.worksheets.getItem("Report").tables.add("A4:C6", true).convertToRange();
      await context.sync();
    });
    expect([tablesOf(wb2.getWorksheet("Report")!).length, wb2.getWorksheet("Report")!.getCell("A5").value]).toEqual([
      0,
      "Ann",
    ]);
  });

  test("a co-author inserting rows above a table moves it down", async () => {
    const wb = report();
    const standIn = standInFor(wb);
    await standIn.excel.run(async (context) => {
      context.workbook.worksheets.getItem("Report").tables.add("A4:C6", true);
      await context.sync();
    });
    await standIn.events.insertRows("Report", 2, 3);
    await standIn.excel.run(async (context) => {
      const header = context.workbook.tables.getItem("Table1").getHeaderRowRange().load("address");
      await context.sync();
      expect(header.address).toBe("Report!A7:C7");
    });
  });

  test("table names must be valid and unique across tables and defined names", async () => {
    const wb = report();
    wb.definedNames.add("'Report'!$A$1", "Taken");
    const { excel } = standInFor(wb);
    const attempt = (name: string) =>
      errorCode(
        excel.run(async (context) => {
          context.workbook.worksheets.getItem("Report").tables.add("A4:C6", true).name = name;
          await context.sync();
        }),
      );
    expect(await attempt("Taken")).toBe("ItemAlreadyExists");
    expect(await attempt("has space")).toBe("InvalidArgument");
    expect(await attempt("A1")).toBe("InvalidArgument");
  });
});
