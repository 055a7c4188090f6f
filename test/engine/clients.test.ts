/**
 * SPEC §3 "Client": how a Client cell on Tracking or Sessions finds its client, counted through the real reader
 * and engine. Every practice has one line (Tracking row 2) allowing 10 sessions of 90837 in 2026, so a session
 * that finds the line's client leaves Remaining 9, 8, ... and one that does not draws nothing.
 */
import type { Cell } from "../../src/workbook/cells";
import { count, SESSIONS_HEADER, TRACKING_HEADER, type Rows } from "../helpers/practice";

const CLIENTS_HEADER: Cell[] = ["Client ID", "Client Name", "Primary Insurance", "Member ID"];

/** A Tracking sheet with one line for this client text. */
function trackingFor(client: Cell): Rows {
  return [TRACKING_HEADER, [client, "Sessions", "2026-01-01", "2026-12-31", "90837", 10, "A1"]];
}
/** Sessions rows on 2026-03-05 for these client cells, from row 2. */
function sessionsFor(...clients: Cell[]): Rows {
  return [SESSIONS_HEADER, ...clients.map((c) => ["2026-03-05", c, "90837", null, null, null, null])];
}
function problemsOf(c: ReturnType<typeof count>, kind: string) {
  return c.result.problems.filter((p) => p.kind === kind);
}

test("a Client cell resolves by Client ID first: 'ann' is Ann Lee's ID, even though another client is named Ann", () => {
  const c = count({
    Clients: [CLIENTS_HEADER, ["ANN", "Ann Lee", "Aetna", "M1"], ["A2", "Ann", "Cigna", "M2"]],
    Tracking: trackingFor("Ann Lee"),
    Sessions: sessionsFor("ann"),
  });
  expect(c.line(2).clientId).toBe("ANN");
  expect(c.line(2).clientName).toBe("Ann Lee");
  expect(c.line(2).insurance).toBe("Aetna");
  expect(c.session(2).trackingRow).toBe(2);
  expect(c.session(2).remaining).toBe(9);
});

test("a Client cell resolves by Client Name when no ID equals it: a line by name and a session by ID are one client", () => {
  const c = count({
    Clients: [CLIENTS_HEADER, ["C1", "Ann Lee", "Aetna", "M1"], ["C2", "Bo Diaz", "BCBS", "M2"]],
    Tracking: trackingFor("Ann Lee"),
    Sessions: sessionsFor("C1", "Ann Lee"),
  });
  expect(c.line(2).clientId).toBe("C1");
  expect(c.line(2).used).toBe(2);
  expect(c.session(2).remaining).toBe(9);
  expect(c.session(3).remaining).toBe(8);
  expect(c.result.problems).toEqual([]);
});

test("client IDs and names are trimmed, case-insensitive, with inner spaces collapsed", () => {
  const c = count({
    Clients: [CLIENTS_HEADER, ["C1", "Ann Lee", "Aetna", "M1"]],
    Tracking: trackingFor("  ANN   lee "),
    Sessions: sessionsFor(" c1 ", "ann lee", "Ann  Lee"),
  });
  expect(c.line(2).clientName).toBe("Ann Lee");
  expect(c.line(2).used).toBe(3);
  expect(c.line(2).remaining).toBe(7);
  expect(c.result.problems).toEqual([]);
});

test("an ID made only of digits compares as a number: 1001, '1001' and '01001' are one client", () => {
  const c = count({
    Clients: [CLIENTS_HEADER, [1001, "Ann Lee", "Aetna", "M1"]],
    Tracking: trackingFor("01001"),
    Sessions: sessionsFor(1001, "1001", "01001", " 001001 "),
  });
  expect(c.line(2).clientId).toBe("1001");
  expect(c.line(2).clientName).toBe("Ann Lee");
  expect(c.line(2).used).toBe(4);
  expect(c.line(2).remaining).toBe(6);
  expect(c.result.problems).toEqual([]);
});

test("an ID with letters is compared as text: C01 and C1 are two clients", () => {
  const c = count({
    Clients: [CLIENTS_HEADER, ["C1", "Ann Lee", "Aetna", "M1"], ["C01", "Bo Diaz", "BCBS", "M2"]],
    Tracking: trackingFor("C1"),
    Sessions: sessionsFor("C01"),
  });
  expect(c.line(2).used).toBe(0);
  expect(c.session(2).trackingRow).toBeNull();
});

test("a name shared by two clients is ambiguous: the session is reported and left out", () => {
  // Two Ann Lees; the line names one by ID, the session by the shared name.
  const c = count({
    Clients: [CLIENTS_HEADER, ["C1", "Ann Lee", "Aetna", "M1"], ["C2", "Ann Lee", "BCBS", "M2"]],
    Tracking: trackingFor("C1"),
    Sessions: sessionsFor("Ann Lee", "C1"),
  });
  expect(c.session(2)).toMatchObject({ trackingRow: null, remaining: null, clientKey: null });
  expect(c.session(3).remaining).toBe(9);
  expect(c.line(2).used).toBe(1);
  const ambiguous = problemsOf(c, "ambiguous-client");
  expect(ambiguous).toHaveLength(1);
  expect(ambiguous[0]).toMatchObject({ sheet: "Sessions", row: 2, column: "Client" });
  expect(ambiguous[0].message).toMatch(/Ann Lee/);
});

test("a tracking line naming a shared name is ambiguous: the line is Invalid and counts nothing", () => {
  const c = count({
    Clients: [CLIENTS_HEADER, ["C1", "Ann Lee", "Aetna", "M1"], ["C2", "Ann Lee", "BCBS", "M2"]],
    Tracking: trackingFor("Ann Lee"),
    Sessions: sessionsFor("C1"),
  });
  expect(c.line(2)).toMatchObject({ status: "Invalid", used: 0, scheduled: 0, remaining: null });
  expect(c.line(2).note).toMatch(/ambiguous/i);
  expect(c.session(2).trackingRow).toBeNull();
  expect(problemsOf(c, "ambiguous-client")).toEqual([
    expect.objectContaining({ sheet: "Tracking", row: 2, column: "Client" }),
  ]);
});

test("an ID on two Clients rows is ambiguous: both rows are reported and the session using it is left out", () => {
  const c = count({
    Clients: [CLIENTS_HEADER, ["C1", "Ann Lee", "Aetna", "M1"], ["C1", "Bo Diaz", "BCBS", "M2"]],
    Tracking: trackingFor("Ann Lee"),
    Sessions: sessionsFor("C1", "Ann Lee"),
  });
  expect(c.session(2)).toMatchObject({ trackingRow: null, remaining: null });
  // Ann Lee by name still finds her row.
  expect(c.session(3).remaining).toBe(9);
  expect(c.line(2).used).toBe(1);
  const duplicates = problemsOf(c, "duplicate-client");
  expect(duplicates.map((p) => [p.sheet, p.row])).toEqual([
    ["Clients", 2],
    ["Clients", 3],
  ]);
  expect(problemsOf(c, "ambiguous-client")).toEqual([expect.objectContaining({ sheet: "Sessions", row: 2 })]);
});

test("an ID on two Clients rows is ambiguous even when typed 1001 on one and 01001 on the other", () => {
  const c = count({
    Clients: [CLIENTS_HEADER, [1001, "Ann Lee", "Aetna", "M1"], ["01001", "Bo Diaz", "BCBS", "M2"]],
    Tracking: trackingFor("Ann Lee"),
    Sessions: sessionsFor(1001),
  });
  expect(c.session(2).trackingRow).toBeNull();
  expect(problemsOf(c, "duplicate-client")).toHaveLength(2);
});

test("a client found in no Clients row is counted as a client of its own, and reported as unknown once per sheet", () => {
  const c = count({
    Clients: [CLIENTS_HEADER, ["C1", "Ann Lee", "Aetna", "M1"]],
    Tracking: trackingFor("Cy Park"),
    Sessions: sessionsFor("Cy Park", "cy  park"),
  });
  expect(c.line(2)).toMatchObject({ clientName: "Cy Park", clientId: null, status: "Active", used: 2, remaining: 8 });
  expect(c.session(2).remaining).toBe(9);
  expect(c.session(3).remaining).toBe(8);
  const unknown = problemsOf(c, "unknown-client");
  expect(unknown.map((p) => [p.sheet, p.row, p.column])).toEqual([
    ["Tracking", 2, "Client"],
    ["Sessions", 2, "Client"],
  ]);
  expect(unknown[0].message).toMatch(/Cy Park/);
});

test("without a Clients sheet, clients are known by their text and nobody is reported unknown", () => {
  const c = count({
    Tracking: trackingFor("Cy Park"),
    Sessions: sessionsFor("CY PARK", "Cy Park"),
  });
  expect(c.line(2).used).toBe(2);
  expect(c.line(2).remaining).toBe(8);
  expect(c.result.problems).toEqual([]);
});

test("without a Clients sheet, 1001 and 01001 are still one client", () => {
  const c = count({
    Tracking: trackingFor(1001),
    Sessions: sessionsFor("01001", 1001),
  });
  expect(c.line(2).clientId).toBe("1001");
  expect(c.line(2).used).toBe(2);
});

test("without a Clients sheet, two different texts are two clients: Ann's line does not count Bo's session", () => {
  const c = count({
    Tracking: trackingFor("Ann Lee"),
    Sessions: sessionsFor("Bo Diaz"),
  });
  expect(c.line(2).used).toBe(0);
  expect(c.session(2).trackingRow).toBeNull();
});

test("on Sessions with both a Client ID and a Client Name column, the ID wins and the name serves rows whose ID is blank", () => {
  const c = count({
    Clients: [CLIENTS_HEADER, ["C1", "Ann Lee", "Aetna", "M1"], ["C2", "Bo Diaz", "BCBS", "M2"]],
    Tracking: trackingFor("C1"),
    Sessions: [
      ["Date", "Client ID", "Client Name", "Billing Code"],
      // Row 2: the ID C1 wins over the (wrong) name Bo Diaz, so it is Ann's.
      ["2026-03-05", "C1", "Bo Diaz", "90837"],
      // Row 3: no ID, so the name serves: Ann's.
      ["2026-03-06", null, "Ann Lee", "90837"],
      // Row 4: the ID C2 wins over the name Ann Lee, so it is Bo's, not Ann's.
      ["2026-03-07", "C2", "Ann Lee", "90837"],
    ],
  });
  expect(c.session(2)).toMatchObject({ trackingRow: 2, remaining: 9 });
  expect(c.session(3)).toMatchObject({ trackingRow: 2, remaining: 8 });
  expect(c.session(4)).toMatchObject({ trackingRow: null, remaining: null });
  expect(c.line(2).used).toBe(2);
});

test("on Tracking with both a Client ID and a Client Name column, the ID wins and the name serves rows whose ID is blank", () => {
  const c = count({
    Clients: [CLIENTS_HEADER, ["C1", "Ann Lee", "Aetna", "M1"], ["C2", "Bo Diaz", "BCBS", "M2"]],
    Tracking: [
      ["Client ID", "Client Name", "Start Date", "End Date", "Billing Code", "Allowed"],
      ["C2", "Ann Lee", "2026-01-01", "2026-12-31", "90837", 10],
      [null, "Ann Lee", "2026-01-01", "2026-12-31", "90834", 5],
    ],
    Sessions: sessionsFor("C1"),
  });
  expect(c.line(2).clientName).toBe("Bo Diaz");
  expect(c.line(3).clientName).toBe("Ann Lee");
  expect(c.line(2).used).toBe(0);
});

test("a row with both the ID and the name blank is reported and left out", () => {
  const c = count({
    Clients: [CLIENTS_HEADER, ["C1", "Ann Lee", "Aetna", "M1"]],
    Tracking: trackingFor("C1"),
    Sessions: [
      ["Date", "Client ID", "Client Name", "Billing Code"],
      ["2026-03-05", null, null, "90837"],
    ],
  });
  expect(c.session(2).trackingRow).toBeNull();
  expect(c.result.problems).toEqual([expect.objectContaining({ sheet: "Sessions", row: 2, column: "Client ID" })]);
});

test("lines one under another naming the same client each resolve: an ambiguous name is reported on every line", () => {
  // The engine reuses the line above's resolution when a line names the same text; what it
  // reports and what each line shows must be as if each line were resolved on its own.
  const c = count({
    Clients: [
      CLIENTS_HEADER,
      ["C1", "Ann Lee", "Aetna", "M1"],
      ["C2", "Ann Lee", "Cigna", "M2"],
      ["C3", "Bo", "BCBS", "M3"],
    ],
    Tracking: [
      TRACKING_HEADER,
      ["Ann Lee", "Sessions", "2026-01-01", "2026-12-31", "90837", 10, "A1"],
      ["Ann Lee", "Sessions", "2026-01-01", "2026-12-31", "90834", 10, "A2"],
      ["Bo", "Sessions", "2026-01-01", "2026-12-31", "90837", 10, "B1"],
      ["C3", "Sessions", "2026-01-01", "2026-12-31", "90834", 10, "B2"],
      ["Ann Lee", "Sessions", "2026-01-01", "2026-12-31", "90832", 10, "A3"],
    ],
    Sessions: sessionsFor("C3"),
  });
  expect(problemsOf(c, "ambiguous-client").map((p) => [p.sheet, p.row])).toEqual([
    ["Tracking", 2],
    ["Tracking", 3],
    ["Tracking", 6],
  ]);
  expect([2, 3, 4, 5, 6].map((row) => c.line(row).status === "Invalid")).toEqual([true, true, false, false, true]);
  expect(c.line(4)).toMatchObject({ clientId: "C3", clientName: "Bo", insurance: "BCBS", used: 1 });
  expect(c.line(5)).toMatchObject({ clientId: "C3", clientName: "Bo", used: 0 });
});
