/** @jest-environment jsdom */
import "./setup";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import type { RefreshOutcome } from "../../src/addin/service";
import { FakeService, outcome } from "./fakeService";
import { deferred, renderPane } from "./renderPane";

describe("Stale report warning", () => {
  test("a workbook changed since the last refresh shows the warning, and its Refresh clears it", async () => {
    const service = new FakeService();
    service.stale = true;
    const { user } = renderPane(service);
    expect(await screen.findByText("Sessions or Tracking changed since the last refresh")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Refresh now" }));
    expect(service.refresh).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByText("Sessions or Tracking changed since the last refresh")).toBeNull());
  });

  test("an up-to-date workbook shows no warning", async () => {
    const { service } = renderPane();
    await waitFor(() => expect(service.isStale).toHaveBeenCalledTimes(1));
    await act(async () => undefined);
    expect(screen.queryByText("Sessions or Tracking changed since the last refresh")).toBeNull();
  });

  test("a failed refresh leaves the warning up", async () => {
    const service = new FakeService();
    service.stale = true;
    service.refresh.mockRejectedValueOnce(new Error("busy"));
    const { user } = renderPane(service);
    await user.click(await screen.findByRole("button", { name: "Refresh now" }));
    await screen.findByRole("alert");
    expect(screen.getByText("Sessions or Tracking changed since the last refresh")).toBeTruthy();
  });
});

describe("Keep up to date", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** Renders with Keep up to date on and waits for the pane to subscribe. */
  async function watching(service = new FakeService()) {
    service.options = { autoRefresh: true, openWithWorkbook: false };
    const r = renderPane(service, { fakeTimers: true });
    await act(async () => undefined);
    await waitFor(() => expect(service.dataListeners.size).toBe(1));
    return r;
  }

  const advance = (ms: number) => act(async () => void jest.advanceTimersByTime(ms));

  test("changes coalesce into one refresh 1.5 s after the last", async () => {
    const { service } = await watching();
    act(() => service.changeData());
    await advance(1000);
    act(() => service.changeData());
    await advance(1000);
    act(() => service.changeData());
    await advance(1499);
    expect(service.refresh).not.toHaveBeenCalled();
    await advance(1);
    expect(service.refresh).toHaveBeenCalledTimes(1);
    await advance(5000);
    expect(service.refresh).toHaveBeenCalledTimes(1);
  });

  test("off, the pane does not watch the workbook", async () => {
    const service = new FakeService();
    renderPane(service, { fakeTimers: true });
    await act(async () => undefined);
    expect(service.onDataChanged).not.toHaveBeenCalled();
  });

  test("the refresh's own writes are not taken for edits; a later edit is", async () => {
    const { service } = await watching();
    act(() => service.changeData());
    await advance(1500);
    expect(service.refresh).toHaveBeenCalledTimes(1);
    // Excel reports the refresh's writes to Sessions just after it ends.
    act(() => service.changeData());
    await advance(3000);
    expect(service.refresh).toHaveBeenCalledTimes(1);
    act(() => service.changeData());
    await advance(1500);
    expect(service.refresh).toHaveBeenCalledTimes(2);
  });

  test("changes while a refresh runs start no second refresh", async () => {
    const { service } = await watching();
    const pending = deferred<RefreshOutcome>();
    service.refresh.mockReturnValueOnce(pending.promise);
    await act(async () => {
      screen.getByRole("button", { name: "Refresh" }).click();
    });
    act(() => service.changeData());
    await advance(1500);
    act(() => service.changeData());
    await advance(1500);
    await act(async () => pending.resolve(outcome()));
    await advance(5000);
    expect(service.refresh).toHaveBeenCalledTimes(1);
  });

  test("a change while the pane counts waits for the count to end", async () => {
    const { service } = await watching();
    const pending = deferred<RefreshOutcome>();
    // The client view counts (without writing) when it opens.
    service.analyze.mockReturnValueOnce(pending.promise);
    act(() => service.changeData());
    await act(async () => {
      screen.getByRole("tab", { name: "Client" }).click();
    });
    expect(service.analyze).toHaveBeenCalledTimes(1);
    await advance(1500);
    expect(service.refresh).not.toHaveBeenCalled();
    await act(async () => pending.resolve(outcome()));
    await advance(1500);
    expect(service.refresh).toHaveBeenCalledTimes(1);
  });

  test("a refresh started by hand takes the pending change with it", async () => {
    const { service } = await watching();
    act(() => service.changeData());
    await advance(500);
    await act(async () => {
      screen.getByRole("button", { name: "Refresh" }).click();
    });
    await advance(5000);
    expect(service.refresh).toHaveBeenCalledTimes(1);
  });

  test("turning Keep up to date off in Settings stops watching", async () => {
    const { service, user } = await watching();
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    await user.click(await screen.findByRole("switch", { name: /^Keep up to date/ }));
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(service.unsubscribeData).toHaveBeenCalledTimes(1));
    act(() => service.changeData());
    await advance(3000);
    expect(service.refresh).not.toHaveBeenCalled();
  });

  test("closing the pane gives the subscription back", async () => {
    const { service, unmount } = await watching();
    unmount();
    await act(async () => undefined);
    expect(service.unsubscribeData).toHaveBeenCalledTimes(1);
    act(() => service.changeData());
    await advance(3000);
    expect(service.refresh).not.toHaveBeenCalled();
  });

  test("with Keep up to date on, a saved tracking line refreshes instead of only counting", async () => {
    jest.useRealTimers();
    const service = new FakeService();
    service.options = { autoRefresh: true, openWithWorkbook: false };
    service.tracking.set("row:2", []);
    const { user } = renderPane(service);
    await waitFor(() => expect(service.dataListeners.size).toBe(1));
    await user.click(screen.getByRole("tab", { name: "Tracking" }));
    await user.type(screen.getByRole("combobox", { name: "Client" }), "Ann");
    await user.click(screen.getByRole("option", { name: "Ann Lee (C1001)" }));
    await user.click(await screen.findByRole("button", { name: "Add tracking line" }));
    await user.click(screen.getByRole("checkbox", { name: "Count Any Session" }));
    fireEvent.change(screen.getByLabelText(/^Start Date/), { target: { value: "2026-01-01" } });
    fireEvent.change(screen.getByLabelText(/^End Date/), { target: { value: "2026-03-31" } });
    await user.type(screen.getByRole("textbox", { name: /^Allowed/ }), "6");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(service.refresh).toHaveBeenCalledTimes(1));
    expect(service.analyze).toHaveBeenCalledTimes(1);
  });
});
