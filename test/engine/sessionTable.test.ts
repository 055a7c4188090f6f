import { parseSessionCode } from "../../src/engine/codes";
import type { DayNumber } from "../../src/engine/dates";
import { SessionTable, SessionTableBuilder } from "../../src/engine/sessionTable";
import type { SessionRow } from "../../src/engine/types";

const ref = (text: string) => ({ text, column: "Client", isNameColumn: false });
const row = (n: number, over: Partial<SessionRow> = {}): SessionRow => ({
  row: n,
  date: (20_000 + n) as DayNumber,
  client: ref(n % 2 ? "C1" : "C2"),
  code: parseSessionCode(n % 3 ? "90837" : "97153 HN"),
  units: 1,
  status: n % 2 ? "Completed" : null,
  priorAuth: n % 4 ? null : "AUTH-1",
  issues: [],
  ...over,
});

describe("SessionTable holds the Sessions sheet as columns", () => {
  test("every row reads back as it was added, blanks as null", () => {
    const rows = [
      row(2),
      row(3, { date: null, client: null, code: null, status: null, priorAuth: null, units: 2.5 }),
      row(4, { issues: [{ column: "Units", message: "is -1, below 0" }] }),
      row(5),
    ];
    const table = SessionTable.from(rows);
    expect(table.length).toBe(4);
    expect([...table]).toEqual(rows);
    expect(Array.from(table.leftOut)).toEqual([0, 0, 1, 0]);
  });

  test("each distinct client cell, code, status and Prior Auth # is stored once", () => {
    const table = SessionTable.from(Array.from({ length: 100 }, (_, i) => row(i + 2)));
    expect(table.clients.map((c) => c.text).sort()).toEqual(["C1", "C2"]);
    expect(table.codes).toHaveLength(2);
    expect(table.statuses).toEqual(["Completed"]);
    expect(table.priorAuths).toEqual(["AUTH-1"]);
  });

  test("the same text under two headers stays two client cells (a name column reads differently)", () => {
    const b = new SessionTableBuilder(1);
    b.add(row(2, { client: { text: "Ann Lee", column: "Client", isNameColumn: false } }));
    b.add(row(3, { client: { text: "Ann Lee", column: "Client Name", isNameColumn: true } }));
    b.add(row(4, { client: { text: "Ann Lee", column: "Client", isNameColumn: false } }));
    const table = b.build();
    expect(table.clients).toHaveLength(2);
    expect(Array.from(table.clientOf)).toEqual([0, 1, 0]);
  });

  test("a builder grows past its first capacity, and reordered lists the rows asked for", () => {
    const b = new SessionTableBuilder(1);
    for (let i = 0; i < 10; i++) b.add(row(i + 2));
    const table = b.build();
    expect(Array.from(table.rows)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(Array.from(table.reordered([9, 0, 5]).rows)).toEqual([11, 2, 7]);
  });
});
