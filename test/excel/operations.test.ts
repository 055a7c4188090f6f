/** The pane's other actions through the Office.js edge: tracking lines, set-up, settings, mapping, Go to, events. */
import ExcelJS from "exceljs";
import { parseIsoDay } from "../../src/engine/dates";
import { DEFAULT_SETTINGS } from "../../src/engine/settings";
import { OfficeWorkbookService } from "../../src/excel/service";
import { createStandIn, type StandIn } from "../../src/standin";

const NOW = (): Date => new Date(2026, 10, 29, 9, 0);
const AS_OF = parseIsoDay("2026-11-29")!;
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

function practice(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Clients").addRows([
    ["Client ID", "Client Name", "Primary Insurance"],
    ["C1", "Ann Lee", "Aetna"],
    ["C2", "Bo Chan", "Cigna"],
  ]);
  wb.addWorksheet("Tracking").addRows([
    ["Client", "Track By", "Start Date", "End Date", "Billing Code", "Allowed", "Authorization #"],
    ["C1", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90837", 10, "A1"],
    ["C2", "Sessions", utc(2026, 1, 1), utc(2026, 12, 31), "90834", 5, "B1"],
  ]);
  wb.addWorksheet("Sessions").addRows([
    ["Date", "Client", "Billing Code", "Status"],
    [utc(2026, 3, 5), "C1", "90837", "Completed"],
    [utc(2026, 3, 6), "C2", "90834", "Completed"],
    [utc(2026, 3, 7), "Ann Lee", "90837", "No Show"],
  ]);
  return wb;
}

function setup(wb = practice()): { standIn: StandIn; svc: OfficeWorkbookService } {
  const standIn = createStandIn(wb);
  return { standIn, svc: new OfficeWorkbookService({ excel: standIn.Excel as unknown as typeof Excel, now: NOW }) };
}

describe("Enter or View Tracking Info", () => {
  test("a new line is written on the row below the last, as dates and text, touching no other row", async () => {
    const { standIn, svc } = setup();
    await svc.saveTracking({
      client: "C1",
      trackBy: "Units",
      start: "2026-07-01",
      end: "2026-12-31",
      codes: "97153-HN",
      allowed: 120,
      authorization: "00123",
    });
    const t = standIn.workbook.getWorksheet("Tracking")!;
    expect(t.getRow(4).values).toEqual([
      undefined,
      "C1",
      "Units",
      expect.anything(),
      expect.anything(),
      "97153-HN",
      120,
      "00123",
    ]);
    expect(t.getCell("A2").value).toBe("C1");
    expect(t.getCell("A3").value).toBe("C2");
    const outcome = await svc.refresh(AS_OF);
    const added = outcome.lines.find((l) => l.row === 4)!;
    expect(added).toMatchObject({ trackBy: "Units", codes: ["97153-HN"], allowed: 120, authorization: "00123" });
    expect(added.start).toBe(parseIsoDay("2026-07-01"));
  });

  test("editing a line rewrites that row only; listTracking shows the client's lines", async () => {
    const { standIn, svc } = setup();
    await svc.analyze(AS_OF);
    const outcome = await svc.analyze(AS_OF);
    const ann = outcome.lines.find((l) => l.clientName === "Ann Lee")!.clientKey!;
    const lines = await svc.listTracking(ann);
    expect(lines).toEqual([
      {
        row: 2,
        client: "C1",
        trackBy: "Sessions",
        start: "2026-01-01",
        end: "2026-12-31",
        codes: "90837",
        allowed: 10,
        authorization: "A1",
      },
    ]);
    await svc.saveTracking({ ...lines[0], allowed: 12 }, 2);
    const t = standIn.workbook.getWorksheet("Tracking")!;
    expect(t.getCell("F2").value).toBe(12);
    expect(t.getCell("F3").value).toBe(5);
    expect(t.rowCount).toBe(3);
  });

  test("deleting a line removes its row", async () => {
    const { standIn, svc } = setup();
    await svc.deleteTracking(2);
    const t = standIn.workbook.getWorksheet("Tracking")!;
    expect(t.getCell("A2").value).toBe("C2");
  });
});

describe("Set up workbook", () => {
  test("creates the missing sheets as tables with the SPEC headers and the Settings defaults, and never changes one that exists", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sessions").getCell("A1").value = "my own sessions";
    const { standIn, svc } = setup(wb);
    const outcome = await svc.setupWorkbook();
    expect(outcome).toEqual({ created: ["Clients", "Tracking", "Settings"], existing: ["Sessions"] });
    const w = standIn.workbook;
    expect(w.getWorksheet("Sessions")!.getCell("A1").value).toBe("my own sessions");
    expect(w.getWorksheet("Tracking")!.getRow(1).values).toEqual([
      undefined,
      "Client",
      "Track By",
      "Start Date",
      "End Date",
      "Billing Code",
      "Allowed",
      "Authorization #",
    ]);
    expect(w.getWorksheet("Tracking")!.getTables().length).toBe(1);
    expect(w.getWorksheet("Settings")!.getCell("A2").value).toBe("Count Any excludes");
    const settings = await svc.readSettings();
    expect(settings.settings).toEqual({ ...DEFAULT_SETTINGS });
    expect(settings.options).toEqual({ autoRefresh: false, openWithWorkbook: false });
  });
});

describe("Settings and column mapping travel in the workbook", () => {
  test("settings written by the pane are read back, and a refresh uses them", async () => {
    const { svc } = setup();
    await svc.writeSettings(
      { ...DEFAULT_SETTINGS, lowRemainingAt: 4, notCountedStatuses: ["No Show"] },
      { autoRefresh: true, openWithWorkbook: false },
    );
    const read = await svc.readSettings();
    expect(read.settings.lowRemainingAt).toBe(4);
    expect(read.settings.notCountedStatuses).toEqual(["No Show"]);
    expect(read.options.autoRefresh).toBe(true);
    const outcome = await svc.refresh(AS_OF);
    // Bo Chan: 5 allowed, 1 used, 4 left: Low at 4, where the default 2 would say Active.
    expect(outcome.lines.find((l) => l.row === 3)!.status).toBe("Low");
  });

  test("a sheet whose header is not recognized is mapped in the pane, and the reader then uses it", async () => {
    const wb = practice();
    wb.getWorksheet("Sessions")!.getCell("C1").value = "Svc";
    const { svc } = setup(wb);
    await expect(svc.refresh(AS_OF)).rejects.toThrow(/no Billing Code column/);
    const mapping = await svc.readMapping();
    const sessions = mapping.sheets.find((m) => m.kind === "sessions")!;
    expect(sessions.sheet).toBe("Sessions");
    expect(sessions.headers).toEqual(["Date", "Client", "Svc", "Status"]);
    expect(sessions.fields.find((f) => f.key === "code")).toMatchObject({ required: true, header: null });
    await svc.writeMapping("sessions", "Sessions", { code: "Svc" });
    const outcome = await svc.refresh(AS_OF);
    expect(outcome.sessionsCounted).toBe(2);
    const again = await svc.readMapping();
    expect(again.sheets.find((m) => m.kind === "sessions")!.fields.find((f) => f.key === "code")!.header).toBe("Svc");
  });
});

describe("the workbook and the pane follow each other", () => {
  test("Go to selects the problem's cell", async () => {
    const wb = practice();
    wb.getWorksheet("Sessions")!.getCell("A3").value = "13/45/2026";
    const { standIn, svc } = setup(wb);
    const outcome = await svc.refresh(AS_OF);
    const problem = outcome.problems.find((p) => p.column === "Date")!;
    await svc.goTo(problem);
    const selected = await (standIn.Excel as unknown as typeof Excel).run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      return range.address;
    });
    expect(selected).toBe("Sessions!A3");
  });

  test("selecting a row on Sessions tells the pane which client it is", async () => {
    const { standIn, svc } = setup();
    const outcome = await svc.analyze(AS_OF);
    const seen: string[] = [];
    const stop = await svc.onClientSelected((key) => seen.push(key));
    await standIn.events.select("Sessions", "C4");
    await standIn.idle();
    const ann = outcome.lines.find((l) => l.clientName === "Ann Lee")!.clientKey;
    expect(seen).toEqual([ann]);
    await stop();
    await standIn.events.select("Sessions", "C3");
    await standIn.idle();
    expect(seen).toEqual([ann]);
  });

  test("a local edit of Sessions is reported to the pane; a remote one and one elsewhere are not", async () => {
    const { standIn, svc } = setup();
    await svc.analyze(AS_OF);
    let changes = 0;
    const stop = await svc.onDataChanged(() => changes++);
    await standIn.events.editCell("Sessions", "D2", "No Show");
    await standIn.idle();
    await standIn.events.remoteEdit("Sessions", "D3", "No Show");
    await standIn.events.editCell("Clients", "C2", "BCBS");
    await standIn.idle();
    expect(changes).toBe(1);
    await stop();
  });
});

describe("an Excel with only the manifest's minimum, ExcelApi 1.7", () => {
  const only17 = (set: string, version: string): boolean => set === "ExcelApi" && Number(version) <= 1.7;

  test("refresh, set-up and the selection follower work without the newer APIs", async () => {
    const wb = practice();
    const standIn = createStandIn(wb);
    const svc = new OfficeWorkbookService({
      excel: standIn.Excel as unknown as typeof Excel,
      now: NOW,
      supports: only17,
    });
    const outcome = await svc.refresh(AS_OF);
    expect(outcome.lines.map((l) => l.remaining)).toEqual([9, 4]);
    const fill = wb.getWorksheet("Sessions")!.getCell("F2").fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe("FFFFFF00");
    const seen: string[] = [];
    const stop = await svc.onClientSelected((key) => seen.push(key));
    await standIn.events.select("Sessions", "B3");
    await standIn.idle();
    expect(seen).toEqual([outcome.lines.find((l) => l.clientName === "Bo Chan")!.clientKey]);
    await stop();
    const setup = await svc.setupWorkbook();
    expect(setup.created).toEqual(["Settings"]);
  });
});
