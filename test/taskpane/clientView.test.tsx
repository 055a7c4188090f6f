/** @jest-environment jsdom */
import "./setup";
import { act, screen, waitFor, within } from "@testing-library/react";
import { FakeService, TODAY, day, line, outcome } from "./fakeService";
import { renderPane } from "./renderPane";

function practice(): FakeService {
  const service = new FakeService();
  service.refreshOutcome = outcome({
    lines: [
      line({ row: 2, clientKey: "row:2", clientId: "C1001", clientName: "Ann Lee", codes: ["90837"], remaining: 5 }),
      line({
        row: 3,
        clientKey: "row:2",
        clientId: "C1001",
        clientName: "Ann Lee",
        any: true,
        codes: [],
        authorization: "EAP-9",
        start: day("2026-02-01"),
        end: day("2026-07-10"),
        allowed: 6,
        used: 6,
        scheduled: 1,
        remaining: -1,
        status: "Over limit",
      }),
      line({ row: 4, clientKey: "row:3", clientId: "C1002", clientName: "Bo Park", remaining: 1, status: "Low" }),
    ],
  });
  return service;
}

async function openClientTab(service = practice()) {
  const r = renderPane(service);
  await r.user.click(screen.getByRole("tab", { name: "Client" }));
  await waitFor(() => expect(service.analyze).toHaveBeenCalledWith(TODAY));
  return r;
}

describe("Client view", () => {
  test("opening the tab counts without writing, for the client list", async () => {
    const { service } = await openClientTab();
    expect(service.refresh).not.toHaveBeenCalled();
    expect(await screen.findByText(/2 clients, counted as of 6\/30\/2026/)).toBeTruthy();
  });

  test("typing filters the clients; choosing one shows a card per tracking line", async () => {
    const { user } = await openClientTab();
    const picker = screen.getByRole("combobox", { name: "Client" });
    await user.type(picker, "lee");
    expect(screen.queryByRole("option", { name: "Bo Park (C1002)" })).toBeNull();
    await user.click(screen.getByRole("option", { name: "Ann Lee (C1001)" }));
    const cards = within(screen.getByRole("list", { name: "Tracking lines of Ann Lee (C1001)" })).getAllByRole("group");
    expect(cards).toHaveLength(2);

    const first = cards[0];
    expect(within(first).getByText("90837")).toBeTruthy();
    expect(within(first).getByText("1/1/2026 – 12/31/2026")).toBeTruthy();
    expect(within(first).getByText(/Auth # A123/)).toBeTruthy();
    expect(within(first).getByText("Active")).toBeTruthy();
    const remaining = within(first).getByTestId("remaining");
    expect(remaining.textContent).toBe("5");
    expect(getComputedStyle(remaining).backgroundColor).toBe("rgb(255, 255, 0)");

    const second = cards[1];
    expect(within(second).getByText("Any")).toBeTruthy();
    expect(within(second).getByText("Over limit")).toBeTruthy();
    expect(within(second).getByTestId("remaining").textContent).toBe("-1");
    expect(within(second).getByRole("progressbar", { name: "7 of 6 sessions used or scheduled" })).toBeTruthy();
  });

  test("selecting a Sessions row in Excel switches the pane to that row's client", async () => {
    const { service } = await openClientTab();
    await waitFor(() => expect(service.clientListeners.size).toBe(1));
    act(() => service.selectClient("row:3"));
    expect(await screen.findByRole("list", { name: "Tracking lines of Bo Park (C1002)" })).toBeTruthy();
    expect((screen.getByRole("combobox", { name: "Client" }) as HTMLInputElement).value).toBe("Bo Park (C1002)");
    expect(screen.getByText("Low")).toBeTruthy();
  });

  test("the selection subscription is taken on open and given back on close", async () => {
    const { service, unmount } = await openClientTab();
    await waitFor(() => expect(service.onClientSelected).toHaveBeenCalledTimes(1));
    unmount();
    await waitFor(() => expect(service.unsubscribeClient).toHaveBeenCalledTimes(1));
    expect(service.clientListeners.size).toBe(0);
  });
});
