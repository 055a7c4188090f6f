/**
 * SPEC §2 "The workbook": where the reader finds headers and columns, which rows it reads, the Settings sheet,
 * column mapping, and how unreadable cells are reported. Each practice is counted through the real reader and
 * engine as of 2026-06-30; the line on Tracking row 2 allows 10 sessions of 90837 in 2026 unless told.
 */
import { DEFAULT_SETTINGS } from "../../src/engine/settings";
import type { Cell } from "../../src/workbook/cells";
import { WorkbookError } from "../../src/workbook/read";
import { count, SESSIONS_HEADER, TRACKING_HEADER, type PracticeSheets, type Rows } from "../helpers/practice";

const LINE: Cell[] = ["C1", "Sessions", "2026-01-01", "2026-12-31", "90837", 10, "A1"];
const TRACKING: Rows = [TRACKING_HEADER, LINE];
/** A Sessions row with the default headers: [Date, Client, Billing Code, Units, Status, Prior Auth #, Remaining]. */
function visit(date: Cell, opts: { code?: Cell; units?: Cell; status?: Cell; auth?: Cell; remaining?: Cell } = {}) {
  return [
    date,
    "C1",
    opts.code ?? "90837",
    opts.units ?? null,
    opts.status ?? null,
    opts.auth ?? null,
    opts.remaining ?? null,
  ];
}
function settings(...rows: Cell[][]): Rows {
  return [["Setting", "Value"], ...rows];
}
type Counted = ReturnType<typeof count>;
function problemsAt(c: Counted, sheet: string) {
  return c.result.problems.filter((p) => p.sheet === sheet).map((p) => [p.row, p.column]);
}
function sessionRows(c: Counted): number[] {
  return c.result.sessions.toArray().map((s) => s.row);
}

describe("the header row", () => {
  test("the header row may sit below a title and a blank row, within the first 10 rows", () => {
    const c = count({
      Tracking: [["Authorizations 2026"], [], TRACKING_HEADER, LINE],
      Sessions: [["Sessions log — Ann Lee"], ["kept by the front desk"], [], SESSIONS_HEADER, visit("2026-03-05")],
    });
    expect(c.read.layouts.sessions.headerRow).toBe(4);
    expect(c.read.layouts.tracking?.headerRow).toBe(3);
    expect(c.session(5)).toMatchObject({ trackingRow: 4, remaining: 9 });
    expect(c.result.problems).toEqual([]);
  });

  test("a header on row 10 is found; one on row 11 is not, and the workbook cannot be read", () => {
    const titles = (n: number): Rows => Array.from({ length: n }, (_, i) => [`note ${i + 1}`]);
    const c = count({ Tracking: TRACKING, Sessions: [...titles(9), SESSIONS_HEADER, visit("2026-03-05")] });
    expect(c.read.layouts.sessions.headerRow).toBe(10);
    expect(c.session(11).remaining).toBe(9);
    expect(() =>
      count({ Tracking: TRACKING, Sessions: [...titles(10), SESSIONS_HEADER, visit("2026-03-05")] }),
    ).toThrow(WorkbookError);
  });

  test("the first row holding every required column is the header, not an earlier row holding some", () => {
    // Row 1 has Date and Client but no Billing Code (a note row); row 2 is the header.
    const c = count({
      Tracking: TRACKING,
      Sessions: [["Date", "Client", "(codes below)"], SESSIONS_HEADER, visit("2026-03-05")],
    });
    expect(c.read.layouts.sessions.headerRow).toBe(2);
    expect(sessionRows(c)).toEqual([3]);
  });

  test("an Excel table's header wins over an earlier row that also holds the columns", () => {
    // Rows 1-2 are an old pasted block; the table "Visits2026" has its header on row 4 (columns A-G).
    const c = count(
      {
        Tracking: TRACKING,
        Sessions: [SESSIONS_HEADER, visit("2026-01-05"), [], SESSIONS_HEADER, visit("2026-03-05")],
      },
      "2026-06-30",
      { tables: { Sessions: [{ name: "Visits2026", headerRow: 4, firstColumn: 1, lastColumn: 7 }] } },
    );
    expect(c.read.layouts.sessions.headerRow).toBe(4);
    expect(c.read.layouts.sessions.table).toBe("Visits2026");
    expect(sessionRows(c)).toEqual([5]);
    expect(c.line(2).used).toBe(1);
  });

  test("an Excel table's header serves even below row 10", () => {
    const notes: Rows = Array.from({ length: 14 }, (_, i) => [`note ${i + 1}`]);
    const c = count({ Tracking: TRACKING, Sessions: [...notes, SESSIONS_HEADER, visit("2026-03-05")] }, "2026-06-30", {
      tables: { Sessions: [{ name: "Visits", headerRow: 15, firstColumn: 1, lastColumn: 7 }] },
    });
    expect(c.read.layouts.sessions.headerRow).toBe(15);
    expect(c.session(16).remaining).toBe(9);
  });

  test("a table that lacks the required columns does not serve as the header", () => {
    const c = count(
      { Tracking: TRACKING, Sessions: [SESSIONS_HEADER, visit("2026-03-05"), [], ["Therapist", "Hours"], ["Kim", 30]] },
      "2026-06-30",
      { tables: { Sessions: [{ name: "Staff", headerRow: 4, firstColumn: 1, lastColumn: 2 }] } },
    );
    expect(c.read.layouts.sessions.headerRow).toBe(1);
  });

  test("a workbook with no Sessions sheet cannot be read, and says so", () => {
    expect(() => count({ Tracking: TRACKING })).toThrow(WorkbookError);
    expect(() => count({ Tracking: TRACKING })).toThrow(/no sheet named Sessions/);
  });

  test("a Sessions sheet without a header row cannot be read, and says which columns are wanted", () => {
    const sheets: PracticeSheets = {
      Tracking: TRACKING,
      Sessions: [
        ["When", "Who", "What"],
        ["2026-03-05", "C1", "90837"],
      ],
    };
    expect(() => count(sheets)).toThrow(WorkbookError);
    expect(() => count(sheets)).toThrow(
      /Sessions sheet has no header row in its first 10 rows with the columns Date, Client, Billing Code/,
    );
  });

  test("a Sessions header missing one column says which", () => {
    expect(() => count({ Tracking: TRACKING, Sessions: [["Date", "Client", "Units"]] })).toThrow(
      /no Billing Code column/,
    );
  });

  test("the Sessions sheet is found whatever the case of its name", () => {
    const c = count({ Tracking: TRACKING, sessions: [SESSIONS_HEADER, visit("2026-03-05")] });
    expect(c.session(2).remaining).toBe(9);
  });
});

describe("headers and columns", () => {
  test("headers match after dropping all but letters and digits: 'PRIOR AUTH' is Prior Auth #, 'billing_code' is Billing Code", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [
        ["date", "CLIENT", "billing_code", "PRIOR AUTH", "Remaining:"],
        ["2026-03-05", "C1", "90837", "a1", null],
      ],
    });
    expect(c.read.layouts.sessions.columns.priorAuth?.header).toBe("PRIOR AUTH");
    expect(c.read.layouts.sessions.columns.remaining?.header).toBe("Remaining:");
    expect(c.session(2)).toMatchObject({ trackingRow: 2, priorAuth: "a1", writePriorAuth: null });
  });

  test("the synonyms SPEC lists serve: DOS, Patient, CPT Code, Qty, Attendance, Auth #", () => {
    const c = count({
      Tracking: [
        ["Patient Name", "Count By", "Begin Date", "Through", "CPT", "Approved", "Auth Number"],
        ["Ann Lee", "Units", "2026-01-01", "2026-12-31", "97153", 40, "U1"],
      ],
      Sessions: [
        ["DOS", "Patient", "CPT Code", "Qty", "Attendance", "Auth #"],
        ["2026-03-05", "Ann Lee", "97153", 4, null, null],
        ["2026-03-06", "Ann Lee", "97153", 4, "Late Cancel", null],
      ],
    });
    expect(c.line(2)).toMatchObject({ trackBy: "Units", allowed: 40, authorization: "U1", used: 4, remaining: 36 });
    expect(c.session(2)).toMatchObject({ remaining: 36, writePriorAuth: "U1" });
    expect(c.session(3).trackingRow).toBeNull();
  });

  test("a column bearing the field's own name beats a synonym: Allowed beats Approved on its left", () => {
    const c = count({
      Tracking: [
        ["Client", "Start Date", "End Date", "Billing Code", "Approved", "Allowed"],
        ["C1", "2026-01-01", "2026-12-31", "90837", 99, 10],
      ],
      Sessions: [SESSIONS_HEADER],
    });
    expect(c.line(2).allowed).toBe(10);
  });

  test("between synonyms, the one listed first wins: Authorized beats Approved on its left", () => {
    const c = count({
      Tracking: [
        ["Client", "Start Date", "End Date", "Billing Code", "Approved", "Authorized"],
        ["C1", "2026-01-01", "2026-12-31", "90837", 99, 10],
      ],
      Sessions: [SESSIONS_HEADER],
    });
    expect(c.line(2).allowed).toBe(10);
  });

  test("between equal headers, the leftmost wins", () => {
    const c = count({
      Tracking: [
        ["Client", "Start Date", "End Date", "Billing Code", "Allowed", "allowed"],
        ["C1", "2026-01-01", "2026-12-31", "90837", 10, 99],
      ],
      Sessions: [SESSIONS_HEADER],
    });
    expect(c.line(2).allowed).toBe(10);
  });

  test("columns may come in any order, and extra columns are left alone", () => {
    const c = count({
      Tracking: [
        ["Notes", "Allowed", "Billing Code", "End Date", "Start Date", "Client", "Therapist"],
        ["renewal sent", 10, "90837", "2026-12-31", "2026-01-01", "C1", "Kim"],
      ],
      Sessions: [
        ["Therapist", "Billing Code", "Client", "Date", "Room"],
        ["Kim", "90837", "C1", "2026-03-05", { error: "#N/A" }],
      ],
    });
    expect(c.line(2)).toMatchObject({ allowed: 10, used: 1, remaining: 9 });
    expect(c.result.problems).toEqual([]);
  });
});

describe("blank rows", () => {
  test("blank rows are skipped without a word", () => {
    const c = count({
      Tracking: [TRACKING_HEADER, [], LINE, [null, "  ", null]],
      Sessions: [
        SESSIONS_HEADER,
        visit("2026-03-05"),
        [],
        [null, null, null, null, null, null, null],
        ["  "],
        visit("2026-03-06"),
      ],
    });
    expect(c.result.lines.map((l) => l.row)).toEqual([3]);
    expect(sessionRows(c)).toEqual([2, 6]);
    expect(c.session(6).remaining).toBe(8);
    expect(c.result.problems).toEqual([]);
  });

  test("a Sessions row holding only a stale Remaining is blank", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [SESSIONS_HEADER, visit("2026-03-05", { remaining: 9 }), [null, null, null, null, null, null, 8]],
    });
    expect(sessionRows(c)).toEqual([2]);
    expect(c.result.problems).toEqual([]);
  });

  test("an error value left in the add-in's Remaining column is not a problem", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [SESSIONS_HEADER, visit("2026-03-05", { remaining: { error: "#REF!" } })],
    });
    expect(c.session(2).remaining).toBe(9);
    expect(c.result.problems).toEqual([]);
  });
});

describe("Track By", () => {
  const tracking = (allowedHeader: string, trackBy: Cell): Rows => [
    ["Client", "Track By", "Start Date", "End Date", "Billing Code", allowedHeader],
    ["C1", trackBy, "2026-01-01", "2026-12-31", "97153", 40],
  ];
  const fourUnits: Rows = [SESSIONS_HEADER, visit("2026-03-05", { code: "97153", units: 4 })];

  test("a blank Track By is Sessions: a 4-unit session costs 1", () => {
    const c = count({ Tracking: tracking("Allowed", null), Sessions: fourUnits });
    expect(c.line(2)).toMatchObject({ trackBy: "Sessions", remaining: 39 });
  });

  test("a blank Track By is Units when the Allowed column is headed Allowed Units: a 4-unit session costs 4", () => {
    const c = count({ Tracking: tracking("Allowed Units", null), Sessions: fourUnits });
    expect(c.line(2)).toMatchObject({ trackBy: "Units", remaining: 36 });
  });

  test("without a Track By column, lines count Sessions (or Units under Allowed Units)", () => {
    const rows = (header: string): Rows => [
      ["Client", "Start Date", "End Date", "Billing Code", header],
      ["C1", "2026-01-01", "2026-12-31", "97153", 40],
    ];
    expect(count({ Tracking: rows("Allowed"), Sessions: fourUnits }).line(2).remaining).toBe(39);
    expect(count({ Tracking: rows("Allowed Units"), Sessions: fourUnits }).line(2).remaining).toBe(36);
  });

  test("Track By reads Session, Visits, Visit as Sessions and Unit as Units, whatever the case", () => {
    for (const [value, trackBy, remaining] of [
      ["session", "Sessions", 39],
      ["VISITS", "Sessions", 39],
      ["Visit", "Sessions", 39],
      ["unit", "Units", 36],
      [" Units ", "Units", 36],
    ] as const) {
      const c = count({ Tracking: tracking("Allowed", value), Sessions: fourUnits });
      expect(c.line(2)).toMatchObject({ trackBy, remaining });
    }
  });

  test("an explicit Track By of Sessions wins over the Allowed Units header", () => {
    const c = count({ Tracking: tracking("Allowed Units", "Sessions"), Sessions: fourUnits });
    expect(c.line(2)).toMatchObject({ trackBy: "Sessions", remaining: 39 });
  });

  test("any other Track By makes the line invalid and is reported on its cell", () => {
    const c = count({ Tracking: tracking("Allowed", "Hours"), Sessions: fourUnits });
    expect(c.line(2).status).toBe("Invalid");
    expect(problemsAt(c, "Tracking")).toEqual([[2, "Track By"]]);
  });
});

describe("the Settings sheet", () => {
  test("without a Settings sheet every setting takes its default", () => {
    const c = count({ Tracking: TRACKING, Sessions: [SESSIONS_HEADER] });
    expect(c.read.settings.settings).toEqual(DEFAULT_SETTINGS);
    expect(c.read.settings.settings.lowRemainingAt).toBe(2);
    expect(c.read.settings.settings.expiringWithinDays).toBe(14);
    expect(c.read.settings.settings.dateOrder).toBe("MDY");
  });

  test("a setting left blank takes its default", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [SESSIONS_HEADER],
      Settings: settings(["Not counted statuses", null], ["Low remaining at", "  "]),
    });
    expect(c.read.settings.settings).toEqual(DEFAULT_SETTINGS);
    expect(c.result.problems).toEqual([]);
  });

  test("a filled list replaces the default whole: with 'Client No Show', a No Show session counts again", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [
        SESSIONS_HEADER,
        visit("2026-03-02", { status: "No Show" }),
        visit("2026-03-09", { status: "Client No Show" }),
      ],
      Settings: settings(["Not counted statuses", "Client No Show"]),
    });
    expect(c.read.settings.settings.notCountedStatuses).toEqual(["Client No Show"]);
    expect(c.session(2).remaining).toBe(9);
    expect(c.session(3).trackingRow).toBeNull();
  });

  test("'None' is an empty list: with Count Any excludes None, an Any line counts 90785", () => {
    const c = count({
      Tracking: [TRACKING_HEADER, ["C1", "Sessions", "2026-01-01", "2026-12-31", "Any", 10, "EAP"]],
      Sessions: [SESSIONS_HEADER, visit("2026-03-02", { code: "90785" })],
      Settings: settings(["Count Any excludes", "None"]),
    });
    expect(c.read.settings.settings.countAnyExcludes).toEqual([]);
    expect(c.session(2).remaining).toBe(9);
  });

  test("lists are separated by commas, semicolons or line breaks", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [SESSIONS_HEADER],
      Settings: settings(["Not counted statuses", "No Show, Late Cancel;Therapist Cancel\nHoliday\r\nSnow Day"]),
    });
    expect(c.read.settings.settings.notCountedStatuses).toEqual([
      "No Show",
      "Late Cancel",
      "Therapist Cancel",
      "Holiday",
      "Snow Day",
    ]);
  });

  test("setting names match like headers: 'LOW-REMAINING AT' is Low remaining at", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [SESSIONS_HEADER],
      Settings: settings(["LOW-REMAINING AT", 4], ["expiring within days:", "30"]),
    });
    expect(c.read.settings.settings.lowRemainingAt).toBe(4);
    expect(c.read.settings.settings.expiringWithinDays).toBe(30);
  });

  test("Date order D/M/Y reads 5/3/2026 as March 5", () => {
    const c = count({
      Tracking: [TRACKING_HEADER, ["C1", "Sessions", "1/3/2026", "31/3/2026", "90837", 10, "A1"]],
      Sessions: [SESSIONS_HEADER, visit("5/3/2026"), visit("5/4/2026")],
      Settings: settings(["Date order", "D/M/Y"]),
    });
    expect(c.session(2).remaining).toBe(9);
    // 5/4/2026 is April 5, outside the line.
    expect(c.session(3).trackingRow).toBeNull();
  });

  test("an unknown setting is reported and ignored", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [SESSIONS_HEADER],
      Settings: settings(["Low remaining at", 3], ["Favourite colour", "Blue"]),
    });
    expect(c.read.settings.settings.lowRemainingAt).toBe(3);
    expect(c.result.problems).toEqual([expect.objectContaining({ kind: "setting", sheet: "Settings", row: 3 })]);
    expect(c.result.problems[0].message).toMatch(/Favourite colour/);
  });

  test("a setting value that cannot be read is reported and the default used", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [SESSIONS_HEADER],
      Settings: settings(
        ["Low remaining at", "a few"],
        ["Expiring within days", -5],
        ["Date order", "Y/M/D"],
        ["Not counted statuses", { error: "#N/A" }],
      ),
    });
    expect(c.read.settings.settings).toEqual(DEFAULT_SETTINGS);
    expect(c.result.problems.map((p) => [p.kind, p.sheet, p.row])).toEqual([
      ["setting", "Settings", 2],
      ["setting", "Settings", 3],
      ["setting", "Settings", 4],
      ["setting", "Settings", 5],
    ]);
  });
});

describe("column mapping in Settings", () => {
  test("'Sessions sheet | Visits' makes the Visits sheet serve as Sessions", () => {
    const c = count({
      Tracking: TRACKING,
      Visits: [SESSIONS_HEADER, visit("2026-03-05")],
      Settings: settings(["Sessions sheet", "Visits"]),
    });
    expect(c.read.input.labels.sessionsSheet).toBe("Visits");
    expect(c.session(2).remaining).toBe(9);
  });

  test("a mapped Sessions sheet that the workbook lacks cannot be read, and says its name", () => {
    expect(() =>
      count({ Tracking: TRACKING, Sessions: [SESSIONS_HEADER], Settings: settings(["Sessions sheet", "Visits"]) }),
    ).toThrow(/no sheet named Visits/);
  });

  test("'Sessions: Date | Visit Date' makes the Visit Date column serve as Date, over a column headed Date", () => {
    // "Date" here is the date the row was entered; the mapping says the visit's date is under "Visit Date".
    const c = count({
      Tracking: [TRACKING_HEADER, ["C1", "Sessions", "2026-03-01", "2026-03-31", "90837", 10, "A1"]],
      Sessions: [
        ["Date", "Visit Date", "Client", "Billing Code"],
        ["2026-04-02", "2026-03-30", "C1", "90837"],
      ],
      Settings: settings(["Sessions: Date", "Visit Date"]),
    });
    expect(c.read.layouts.sessions.columns.date?.header).toBe("Visit Date");
    expect(c.session(2).remaining).toBe(9);
  });

  test("a mapped header that is no synonym still serves: Tracking: Allowed | Sessions Approved", () => {
    const c = count({
      Tracking: [
        ["Client", "Start Date", "End Date", "Billing Code", "Sessions Approved"],
        ["C1", "2026-01-01", "2026-12-31", "90837", 8],
      ],
      Sessions: [SESSIONS_HEADER, visit("2026-03-05")],
      Settings: settings(["Tracking: Allowed", "Sessions Approved"]),
    });
    expect(c.line(2)).toMatchObject({ allowed: 8, remaining: 7 });
  });

  test("'Clients: Client ID | Chart #' makes the Chart # column serve as Client ID", () => {
    const c = count({
      Clients: [
        ["Chart #", "Client Name", "Primary Insurance"],
        ["K-17", "Ann Lee", "Aetna"],
      ],
      Tracking: [TRACKING_HEADER, ["Ann Lee", "Sessions", "2026-01-01", "2026-12-31", "90837", 10, "A1"]],
      Sessions: [SESSIONS_HEADER, ["2026-03-05", "k-17", "90837", null, null, null, null]],
      Settings: settings(["Clients: Client ID", "Chart #"]),
    });
    expect(c.line(2)).toMatchObject({ clientId: "K-17", clientName: "Ann Lee", insurance: "Aetna", remaining: 9 });
    expect(c.result.problems).toEqual([]);
  });

  test("a mapped header the sheet does not have is reported, and the usual header used", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [SESSIONS_HEADER, visit("2026-03-05")],
      Settings: settings(["Sessions: Date", "Visit Date"]),
    });
    expect(c.read.layouts.sessions.columns.date?.header).toBe("Date");
    expect(c.session(2).remaining).toBe(9);
    expect(c.result.problems).toEqual([expect.objectContaining({ kind: "setting", sheet: "Sessions", row: 1 })]);
    expect(c.result.problems[0].message).toMatch(/Visit Date/);
  });

  test("'Tracking sheet | Auths 2026' makes that sheet serve as Tracking", () => {
    const c = count({
      "Auths 2026": TRACKING,
      Sessions: [SESSIONS_HEADER, visit("2026-03-05")],
      Settings: settings(["Tracking sheet", "Auths 2026"]),
    });
    expect(c.line(2).remaining).toBe(9);
  });
});

describe("unreadable cells are reported by sheet, row and column, and the run goes on", () => {
  test("an error value in a session's Date is reported on that row and column, and that session left out", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [SESSIONS_HEADER, visit({ error: "#N/A" }), visit("2026-03-06")],
    });
    expect(problemsAt(c, "Sessions")).toEqual([[2, "Date"]]);
    expect(c.result.problems[0].message).toMatch(/#N\/A/);
    expect(c.session(2)).toMatchObject({ trackingRow: null, remaining: null });
    expect(c.session(3).remaining).toBe(9);
  });

  test("an unreadable Billing Code is reported on every row that has it, though each code text is read once", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [
        SESSIONS_HEADER,
        visit("2026-03-05", { code: "90837 XYZ" }),
        visit("2026-03-06"),
        visit("2026-03-07", { code: "90837 XYZ" }),
      ],
    });
    expect(problemsAt(c, "Sessions")).toEqual([
      [2, "Billing Code"],
      [4, "Billing Code"],
    ]);
    expect(c.session(3).remaining).toBe(9);
  });

  test("text where a number is due (Units 'two') is reported, and the session left out", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [SESSIONS_HEADER, visit("2026-03-05", { units: "two" }), visit("2026-03-06", { units: " 2 " })],
    });
    expect(problemsAt(c, "Sessions")).toEqual([[2, "Units"]]);
    expect(c.session(2).trackingRow).toBeNull();
    expect(c.session(3).remaining).toBe(9);
  });

  test("negative Units (-1) are reported, and the session left out", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [SESSIONS_HEADER, visit("2026-03-05", { units: -1 }), visit("2026-03-06")],
    });
    expect(problemsAt(c, "Sessions")).toEqual([[2, "Units"]]);
    expect(c.session(2).trackingRow).toBeNull();
    expect(c.session(3).remaining).toBe(9);
  });

  test("a TRUE/FALSE where a number or a date is due is reported", () => {
    const c = count({
      Tracking: [TRACKING_HEADER, ["C1", "Sessions", "2026-01-01", "2026-12-31", "90837", true, "A1"], LINE],
      Sessions: [SESSIONS_HEADER, visit(false), visit("2026-03-05", { units: true }), visit("2026-03-06")],
    });
    expect(problemsAt(c, "Tracking")).toEqual([[2, "Allowed"]]);
    expect(problemsAt(c, "Sessions")).toEqual([
      [2, "Date"],
      [3, "Units"],
    ]);
    expect(c.line(2).status).toBe("Invalid");
    expect(c.session(4)).toMatchObject({ trackingRow: 3, remaining: 9 });
  });

  test("an impossible date (2/30/2026) is reported on its row and column", () => {
    const c = count({
      Tracking: [TRACKING_HEADER, ["C1", "Sessions", "2026-01-01", "13/45/2025", "90837", 10, "A1"], LINE],
      Sessions: [SESSIONS_HEADER, visit("2/30/2026"), visit("2026-03-05")],
    });
    expect(problemsAt(c, "Tracking")).toEqual([[2, "End Date"]]);
    expect(problemsAt(c, "Sessions")).toEqual([[2, "Date"]]);
    expect(c.result.problems.find((p) => p.sheet === "Sessions")?.message).toMatch(/2\/30\/2026/);
    expect(c.session(3)).toMatchObject({ trackingRow: 3, remaining: 9 });
  });

  test("the problem names the column as the sheet spells its header, and the sheet row below a title", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [
        ["Visits"],
        ["DOS", "Patient", "CPT"],
        ["#VALUE", "C1", "90837"],
        [{ error: "#VALUE!" }, "C1", "90837"],
      ],
    });
    expect(problemsAt(c, "Sessions")).toEqual([
      [3, "DOS"],
      [4, "DOS"],
    ]);
  });

  test("an unreadable cell on Clients is reported and that cell ignored", () => {
    const c = count({
      Clients: [
        ["Client ID", "Client Name", "Primary Insurance"],
        ["C1", "Ann Lee", { error: "#N/A" }],
      ],
      Tracking: TRACKING,
      Sessions: [SESSIONS_HEADER, visit("2026-03-05")],
    });
    expect(problemsAt(c, "Clients")).toEqual([[2, "Primary Insurance"]]);
    expect(c.line(2)).toMatchObject({ clientName: "Ann Lee", insurance: null, remaining: 9 });
  });

  test("every bad cell of a row is reported, not only the first", () => {
    const c = count({
      Tracking: TRACKING,
      Sessions: [SESSIONS_HEADER, [{ error: "#REF!" }, "C1", "90837", "lots", { error: "#N/A" }, null, null]],
    });
    expect(problemsAt(c, "Sessions")).toEqual([
      [2, "Date"],
      [2, "Units"],
      [2, "Status"],
    ]);
  });
});

describe("cells that hold no usable text", () => {
  test("a TRUE or FALSE in a Client, Billing Code or Authorization # cell is reported as unreadable", () => {
    const c = count({
      Tracking: [
        TRACKING_HEADER,
        ["C1", "Sessions", "2026-01-01", "2026-12-31", "Any", 10, true],
        ["C1", "Sessions", "2026-01-01", "2026-12-31", true, 10, "A2"],
      ],
      Sessions: [
        SESSIONS_HEADER,
        ["2026-03-05", true, "90837", null, null, null, null],
        ["2026-03-05", "C1", false, null, null, null, null],
      ],
    });
    const at = (sheet: string) => c.result.problems.filter((p) => p.sheet === sheet).map((p) => [p.row, p.column]);
    expect(at("Tracking")).toEqual([
      [2, "Authorization #"],
      [3, "Billing Code"],
    ]);
    expect(at("Sessions")).toEqual([
      [2, "Client"],
      [3, "Billing Code"],
    ]);
    expect(c.session(3)).toMatchObject({ trackingRow: null, remaining: null });
  });

  test("the totals row of an Excel table on Sessions is not read as a session", () => {
    const c = count(
      {
        Tracking: [TRACKING_HEADER, ["C1", "Sessions", "2026-01-01", "2026-12-31", "90837", 10, "A1"]],
        Sessions: [
          SESSIONS_HEADER,
          ["2026-03-05", "C1", "90837", 2, null, null, null],
          ["Total", null, null, 2, null, null, null],
        ],
      },
      "2026-06-30",
      {
        tables: {
          Sessions: [{ name: "Visits", headerRow: 1, firstColumn: 1, lastColumn: 7, lastRow: 3, totalsRow: true }],
        },
      },
    );
    expect(c.result.sessions.toArray().map((s) => s.row)).toEqual([2]);
    expect(c.result.problems).toEqual([]);
  });
});
