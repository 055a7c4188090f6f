/** @jest-environment jsdom */
import "./setup";
import { screen, within } from "@testing-library/react";
import { groupProblems } from "../../src/taskpane/components/ProblemsList/useProblemsList";
import { outcome, problem } from "./fakeService";
import { renderPane } from "./renderPane";

const problems = [
  problem({
    kind: "unknown-client",
    sheet: "Sessions",
    row: 5,
    column: "Client",
    message: "Zed Q is on no Clients row.",
  }),
  problem({
    kind: "unknown-client",
    sheet: "Sessions",
    row: 9,
    column: "Client",
    message: "Bo Y is on no Clients row.",
  }),
  problem({ kind: "over-authorization", sheet: "Sessions", row: 20, column: null, message: "Over A123 by 1." }),
  problem({ kind: "setting", sheet: "Settings", row: 4, column: null, message: "Colour is not a setting." }),
  problem({
    kind: "sheet",
    sheet: "Clients",
    row: null,
    column: null,
    message: "The Clients sheet has no header row.",
  }),
];

async function refreshed() {
  const r = renderPane();
  r.service.refreshOutcome = outcome({ problems });
  await r.user.click(screen.getByRole("button", { name: "Refresh" }));
  await screen.findByRole("heading", { name: "Problems (5)" });
  return r;
}

describe("Problems list", () => {
  test("groups problems by kind under a biller's heading, each with its count", async () => {
    await refreshed();
    expect(screen.getByRole("button", { name: "Over the authorization: 1" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Unknown clients: 2" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Settings: 1" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Sheets: 1" })).toBeTruthy();
  });

  test("an opened group lists each message, and Go to selects the problem's cell", async () => {
    const { service, user } = await refreshed();
    await user.click(screen.getByRole("button", { name: "Unknown clients: 2" }));
    expect(screen.getByText("Zed Q is on no Clients row.")).toBeTruthy();
    expect(screen.getByText("Bo Y is on no Clients row.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Go to Sessions, row 9, Client" }));
    expect(service.goTo).toHaveBeenCalledWith(problems[1]);
  });

  test("a problem with no row has no Go to", async () => {
    const { user } = await refreshed();
    await user.click(screen.getByRole("button", { name: "Sheets: 1" }));
    const message = screen.getByText("The Clients sheet has no header row.");
    const item = message.closest("li") as HTMLElement;
    expect(within(item).queryByRole("button")).toBeNull();
  });

  test("a Go to that fails says why in one sentence", async () => {
    const { service, user } = await refreshed();
    service.goTo.mockRejectedValueOnce(new Error("ItemNotFound"));
    await user.click(screen.getByRole("button", { name: "Over the authorization: 1" }));
    await user.click(screen.getByRole("button", { name: "Go to Sessions, row 20" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Something went wrong while going to the cell: ItemNotFound",
    );
  });

  test("no problems says so", async () => {
    const { service, user } = renderPane();
    service.refreshOutcome = outcome({ problems: [] });
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    expect(await screen.findByText("No problems found.")).toBeTruthy();
  });

  test("groupProblems keeps the list's order and puts unknown kinds under Other", () => {
    const odd = { ...problem(), kind: "something-new" } as unknown as (typeof problems)[number];
    const groups = groupProblems([...problems, odd]);
    expect(groups.map((g) => `${g.label}:${g.problems.length}`)).toEqual([
      "Over the authorization:1",
      "Unknown clients:2",
      "Settings:1",
      "Sheets:1",
      "Other:1",
    ]);
  });
});
