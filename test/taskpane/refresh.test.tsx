/** @jest-environment jsdom */
import "./setup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { UserFacingError } from "../../src/addin/service";
import type { RefreshOutcome } from "../../src/addin/service";
import { TODAY, day, line, outcome } from "./fakeService";
import { deferred, renderPane } from "./renderPane";

const statusOf = (name: string) =>
  within(screen.getByRole("list", { name: "Tracking lines by status" })).getByRole("listitem", { name });

describe("Refresh", () => {
  test("refreshes as of today and shows how many lines have each status", async () => {
    const { service, user } = renderPane();
    service.refreshOutcome = outcome({
      lines: [
        line({ row: 2, status: "Over limit" }),
        line({ row: 3, status: "Over limit" }),
        line({ row: 4, status: "Expired" }),
        line({ row: 5, status: "Active" }),
        line({ row: 6, status: "Low" }),
        line({ row: 7, status: "Invalid" }),
      ],
    });
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    expect(service.refresh).toHaveBeenCalledWith(TODAY);
    expect(await screen.findByRole("listitem", { name: "Over limit: 2" })).toBeTruthy();
    expect(statusOf("Expired: 1")).toBeTruthy();
    expect(statusOf("Active: 1")).toBeTruthy();
    expect(statusOf("Low: 1")).toBeTruthy();
    expect(statusOf("Invalid: 1")).toBeTruthy();
    expect(statusOf("Depleted: 0")).toBeTruthy();
    expect(statusOf("Expiring soon: 0")).toBeTruthy();
    expect(statusOf("Not started: 0")).toBeTruthy();
    expect(screen.getByText(/10 of 12 sessions drew from a tracking line/)).toBeTruthy();
  });

  test("the as-of date input starts at today and a changed date is the one refreshed", async () => {
    const { service, user } = renderPane();
    const input = screen.getByLabelText("As of") as HTMLInputElement;
    expect(input.value).toBe("2026-06-30");
    fireEvent.change(input, { target: { value: "2026-03-05" } });
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    expect(service.refresh).toHaveBeenCalledWith(day("2026-03-05"));
  });

  test("while refreshing, a spinner shows and Refresh is disabled", async () => {
    const { service, user } = renderPane();
    const pending = deferred<RefreshOutcome>();
    service.refresh.mockReturnValueOnce(pending.promise);
    const button = screen.getByRole("button", { name: "Refresh" });
    await user.click(button);
    expect(screen.getByText("Refreshing…")).toBeTruthy();
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await user.click(button);
    expect(service.refresh).toHaveBeenCalledTimes(1);
    await act(async () => pending.resolve(outcome()));
    expect(screen.queryByText("Refreshing…")).toBeNull();
    expect((button as HTMLButtonElement).disabled).toBe(false);
  });

  test("a failure the service words is shown as its one sentence", async () => {
    const { service, user } = renderPane();
    service.refresh.mockRejectedValueOnce(
      new UserFacingError("The Sessions sheet is protected; unprotect it and refresh again."),
    );
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("The Sessions sheet is protected; unprotect it and refresh again.");
  });

  test("any other failure is one generic sentence with the first line of its message, never a stack", async () => {
    const { service, user } = renderPane();
    service.refresh.mockRejectedValueOnce(
      new TypeError("Cannot read properties of undefined\n    at refresh (x.ts:1:1)"),
    );
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Something went wrong while refreshing: Cannot read properties of undefined");
    expect(alert.textContent).not.toMatch(/at refresh/);
  });

  test("a refresh that finds no headers points to the column mapping", async () => {
    const { service, user } = renderPane();
    service.refresh.mockRejectedValueOnce(
      new UserFacingError(
        "The Sessions sheet's header row (row 1) has no Billing Code column; add it, or map one in Settings.",
      ),
    );
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    await user.click(await screen.findByRole("button", { name: "Open column mapping" }));
    expect(screen.getByRole("tab", { name: "Settings" }).getAttribute("aria-selected")).toBe("true");
    expect(await screen.findByRole("heading", { name: "Column mapping" })).toBeTruthy();
    await waitFor(() => expect(service.readMapping).toHaveBeenCalled());
  });
});
