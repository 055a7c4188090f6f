/** @jest-environment jsdom */
import "./setup";
import { UserFacingError } from "../../src/addin/service";
import { DEFAULT_SETTINGS } from "../../src/engine/settings";
import { errorSentence, pointsToMapping } from "../../src/taskpane/errors";
import { formatCount, formatDay, formatIso } from "../../src/taskpane/format";
import {
  EMPTY_TRACKING_FORM,
  type TrackingFormValues,
  missingColumns,
  readCount,
  requiredNote,
  settingsToForm,
  trackingToForm,
  validateSettings,
  validateTracking,
} from "../../src/taskpane/validation";
import { WriteGuard } from "../../src/taskpane/writeGuard";
import { day, mappingState } from "./fakeService";

const form = (v: Partial<TrackingFormValues>): TrackingFormValues => ({
  ...EMPTY_TRACKING_FORM,
  start: "2026-01-01",
  end: "2026-06-30",
  codes: "90837",
  allowed: "12",
  ...v,
});

describe("validateTracking", () => {
  test("a complete line becomes the TrackingEntry, trimmed", () => {
    expect(validateTracking(form({ authorization: " A1 ", codes: " 90832-90838, 90846 " }), " C1 ")).toEqual({
      ok: true,
      value: {
        client: "C1",
        trackBy: "Sessions",
        start: "2026-01-01",
        end: "2026-06-30",
        codes: "90832-90838, 90846",
        allowed: 12,
        authorization: "A1",
      },
    });
  });

  test("an End Date before the Start Date is refused; the same day is fine", () => {
    expect(validateTracking(form({ start: "2026-06-30", end: "2026-06-29" }), "C1")).toEqual({
      ok: false,
      errors: { end: "End Date is before Start Date" },
    });
    expect(validateTracking(form({ start: "2026-06-30", end: "2026-06-30" }), "C1").ok).toBe(true);
  });

  test.each(["-1", "abc", "", "1e3", "0x10", "1,000"])("Allowed %p is refused", (allowed) => {
    expect(validateTracking(form({ allowed }), "C1")).toEqual({
      ok: false,
      errors: { allowed: "Allowed must be a number 0 or more" },
    });
  });

  test.each([
    ["0", 0],
    ["7.5", 7.5],
    [" 12 ", 12],
    [".5", 0.5],
  ])("Allowed %p is %p", (allowed, value) => {
    const r = validateTracking(form({ allowed }), "C1");
    expect(r.ok && r.value.allowed).toBe(value);
  });

  test("no code and not Count Any is refused; Count Any saves Any whatever the code text", () => {
    expect(validateTracking(form({ codes: "  " }), "C1")).toEqual({
      ok: false,
      errors: { codes: "Enter a billing code or choose Count Any Session" },
    });
    const any = validateTracking(form({ codes: "", countAny: true }), "C1");
    expect(any.ok && any.value.codes).toBe("Any");
    const typedAny = validateTracking(form({ codes: "count any session" }), "C1");
    expect(typedAny.ok && typedAny.value.codes).toBe("Any");
  });

  test("a code list the engine refuses shows the engine's reason", () => {
    expect(validateTracking(form({ codes: "908-90838" }), "C1")).toEqual({
      ok: false,
      errors: { codes: "This billing code can't be read: the range 908-90838 joins codes of different lengths" },
    });
    expect(validateTracking(form({ codes: "HN" }), "C1")).toEqual({
      ok: false,
      errors: { codes: 'This billing code can\'t be read: "HN" is a modifier with no code before it' },
    });
  });

  test("missing or impossible dates and a missing client are each named", () => {
    expect(validateTracking(form({ start: "", end: "" }), "")).toEqual({
      ok: false,
      errors: { client: "Choose a client first", start: "Enter a Start Date", end: "Enter an End Date" },
    });
    expect(validateTracking(form({ start: "2026-02-30" }), "C1")).toEqual({
      ok: false,
      errors: { start: "Start Date is not a date" },
    });
  });

  test("trackingToForm ticks Count Any Session for Any, *, or Count Any Session", () => {
    const entry = {
      client: "C1",
      trackBy: "Units" as const,
      start: "2026-01-01",
      end: "2026-02-01",
      allowed: 3,
      authorization: "",
    };
    expect(trackingToForm({ ...entry, codes: "*" })).toMatchObject({ countAny: true, codes: "", allowed: "3" });
    expect(trackingToForm({ ...entry, codes: "97153 HN" })).toMatchObject({ countAny: false, codes: "97153 HN" });
  });
});

describe("readCount", () => {
  test("reads plain decimals 0 or more, nothing else", () => {
    expect(["3", " 4.25 ", "0.", ".5"].map(readCount)).toEqual([3, 4.25, 0, 0.5]);
    expect(["", " ", "-1", "+1", "1e2", "Infinity", "1 2"].map(readCount)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("validateSettings", () => {
  const values = settingsToForm(DEFAULT_SETTINGS, { autoRefresh: false, openWithWorkbook: true });

  test("the defaults round-trip through the form", () => {
    expect(validateSettings(values)).toEqual({
      ok: true,
      value: { settings: DEFAULT_SETTINGS, options: { autoRefresh: false, openWithWorkbook: true } },
    });
  });

  test("lists split on commas, semicolons and line breaks; None and blank are empty", () => {
    const r = validateSettings({ ...values, countAnyExcludes: "None", notCountedStatuses: "No Show;\nVoid, " });
    expect(r.ok && r.value.settings.countAnyExcludes).toEqual([]);
    expect(r.ok && r.value.settings.notCountedStatuses).toEqual(["No Show", "Void"]);
    const blank = validateSettings({ ...values, notCountedStatuses: "" });
    expect(blank.ok && blank.value.settings.notCountedStatuses).toEqual([]);
  });

  test("Low remaining at takes decimals; Expiring within days only whole numbers", () => {
    const ok = validateSettings({ ...values, lowRemainingAt: "1.5", expiringWithinDays: "0" });
    expect(ok.ok && ok.value.settings.lowRemainingAt).toBe(1.5);
    expect(validateSettings({ ...values, lowRemainingAt: "-2", expiringWithinDays: "3.5" })).toEqual({
      ok: false,
      errors: {
        lowRemainingAt: "Low remaining at must be a number 0 or more",
        expiringWithinDays: "Expiring within days must be a whole number 0 or more",
      },
    });
  });
});

describe("missingColumns", () => {
  const [clients, tracking, sessions] = mappingState().sheets;
  const headersOf = (s: typeof clients) => Object.fromEntries(s.fields.map((f) => [f.key, f.header]));

  test("names each required column a sheet lacks, by the sheet's own name", () => {
    expect(missingColumns(sessions, headersOf(sessions)).map((m) => m.message)).toEqual([
      "The Sessions sheet has no Billing Code column",
    ]);
    expect(missingColumns({ ...sessions, sheet: "Visits" }, { ...headersOf(sessions), date: null })).toEqual([
      { message: "The Visits sheet has no Date column", fields: ["date"] },
      { message: "The Visits sheet has no Billing Code column", fields: ["code"] },
    ]);
    expect(missingColumns(tracking, headersOf(tracking))).toEqual([]);
  });

  test("Clients needs an ID or a Name, not both", () => {
    expect(missingColumns(clients, { ...headersOf(clients), name: null })).toEqual([]);
    expect(missingColumns(clients, { ...headersOf(clients), id: null, name: null }).map((m) => m.message)).toEqual([
      "The Clients sheet has no Client ID or Client Name column",
    ]);
  });

  test("requiredNote says which fields are required and which are either-or", () => {
    expect(requiredNote(sessions, "code")).toBe("required");
    expect(requiredNote(sessions, "units")).toBeNull();
    expect(requiredNote(clients, "id")).toBe("Client ID or Client Name required");
  });
});

describe("errorSentence", () => {
  test("a UserFacingError is its own sentence", () => {
    expect(errorSentence(new UserFacingError("The Tracking sheet is protected."), "saving")).toBe(
      "The Tracking sheet is protected.",
    );
  });

  test("anything else is a generic sentence with the first line only", () => {
    expect(errorSentence(new Error("boom\n    at x (y.ts:1:2)"), "refreshing")).toBe(
      "Something went wrong while refreshing: boom",
    );
    expect(errorSentence("plain", "counting")).toBe("Something went wrong while counting: plain");
    expect(errorSentence(undefined, "counting")).toBe("Something went wrong while counting.");
  });

  test("pointsToMapping recognizes missing headers and sheets", () => {
    expect(
      pointsToMapping(
        "The Sessions sheet's header row (row 1) has no Billing Code column; add it, or map one in Settings.",
      ),
    ).toBe(true);
    expect(
      pointsToMapping("The Visits sheet has no header row in its first 10 rows with the columns Date, Client."),
    ).toBe(true);
    expect(pointsToMapping("The workbook has no sheet named Visits, so there are no sessions to count.")).toBe(true);
    expect(pointsToMapping("The Sessions sheet is protected; unprotect it and refresh again.")).toBe(false);
  });
});

describe("format", () => {
  test("days are M/D/YYYY; counts keep hundredths", () => {
    expect(formatDay(day("2026-03-05"))).toBe("3/5/2026");
    expect(formatDay(null)).toBe("");
    expect(formatIso("2026-12-01")).toBe("12/1/2026");
    expect(formatCount(7.125)).toBe("7.13");
    expect(formatCount(-1)).toBe("-1");
    expect(formatCount(null)).toBe("—");
  });
});

describe("WriteGuard", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("is not quiet while a write runs and for the grace period after", async () => {
    const guard = new WriteGuard(1000);
    expect(guard.quiet).toBe(true);
    let finish!: () => void;
    const write = guard.track(() => new Promise<void>((r) => (finish = r)));
    expect(guard.writing).toBe(true);
    expect(guard.quiet).toBe(false);
    finish();
    await write;
    expect(guard.writing).toBe(false);
    expect(guard.quiet).toBe(false);
    jest.advanceTimersByTime(999);
    expect(guard.quiet).toBe(false);
    jest.advanceTimersByTime(1);
    expect(guard.quiet).toBe(true);
  });

  test("a failed write ends the same way and its error passes through", async () => {
    const guard = new WriteGuard(10);
    await expect(guard.track(() => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(guard.writing).toBe(false);
    jest.advanceTimersByTime(10);
    expect(guard.quiet).toBe(true);
  });
});
