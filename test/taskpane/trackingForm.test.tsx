/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import type { TrackingEntryRow } from "../../src/addin/service";
import { annLine, dateField, field, fillForm, openAnnsTracking, practice } from "./trackingFixture";
import { renderPane } from "./renderPane";

describe("Enter or View Tracking Info", () => {
  test("lists the chosen client's tracking lines", async () => {
    const { service } = await openAnnsTracking();
    expect(service.listTracking).toHaveBeenCalledWith("row:2");
    const list = screen.getByRole("list", { name: "Tracking lines" });
    expect(within(list).getByText("90837 · 1/1/2026–12/31/2026")).toBeTruthy();
    expect(within(list).getByText("12 sessions · Auth # A123 · row 2")).toBeTruthy();
  });

  test("End Date before Start Date is refused with its message and nothing is saved", async () => {
    const { service, user } = await openAnnsTracking();
    await user.click(screen.getByRole("button", { name: "Add tracking line" }));
    await fillForm(user, { start: "2026-06-30", end: "2026-01-01", codes: "90837", allowed: "12" });
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByText("End Date is before Start Date")).toBeTruthy();
    expect(service.saveTracking).not.toHaveBeenCalled();
  });

  test("a negative or non-numeric Allowed is refused", async () => {
    const { service, user } = await openAnnsTracking();
    await user.click(screen.getByRole("button", { name: "Add tracking line" }));
    await fillForm(user, { start: "2026-01-01", end: "2026-06-30", codes: "90837", allowed: "-3" });
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByText("Allowed must be a number 0 or more")).toBeTruthy();
    await user.clear(field(/^Allowed/));
    await user.type(field(/^Allowed/), "twelve");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByText("Allowed must be a number 0 or more")).toBeTruthy();
    expect(service.saveTracking).not.toHaveBeenCalled();
  });

  test("no billing code and no Count Any Session is refused", async () => {
    const { service, user } = await openAnnsTracking();
    await user.click(screen.getByRole("button", { name: "Add tracking line" }));
    await fillForm(user, { start: "2026-01-01", end: "2026-06-30", allowed: "12" });
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByText("Enter a billing code or choose Count Any Session")).toBeTruthy();
    expect(service.saveTracking).not.toHaveBeenCalled();
  });

  test("a code list the engine cannot read is refused with the engine's reason", async () => {
    const { service, user } = await openAnnsTracking();
    await user.click(screen.getByRole("button", { name: "Add tracking line" }));
    await fillForm(user, { start: "2026-01-01", end: "2026-06-30", codes: "90838-90832", allowed: "12" });
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByText("This billing code can't be read: the range 90838-90832 runs backwards")).toBeTruthy();
    expect(service.saveTracking).not.toHaveBeenCalled();
  });

  test("missing dates are refused", async () => {
    const { service, user } = await openAnnsTracking();
    await user.click(screen.getByRole("button", { name: "Add tracking line" }));
    await fillForm(user, { codes: "90837", allowed: "12" });
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByText("Enter a Start Date")).toBeTruthy();
    expect(screen.getByText("Enter an End Date")).toBeTruthy();
    expect(service.saveTracking).not.toHaveBeenCalled();
  });

  test("a valid new line is saved as the TrackingEntry, then counted again", async () => {
    const { service, user } = await openAnnsTracking();
    await user.click(screen.getByRole("button", { name: "Add tracking line" }));
    await user.click(screen.getByRole("radio", { name: "Units" }));
    await fillForm(user, {
      start: "2026-07-01",
      end: "2026-12-31",
      codes: "97153, 97155",
      allowed: "40.5",
      auth: " PA-77 ",
    });
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(service.saveTracking).toHaveBeenCalledTimes(1));
    expect(service.saveTracking).toHaveBeenCalledWith({
      client: "C1001",
      trackBy: "Units",
      start: "2026-07-01",
      end: "2026-12-31",
      codes: "97153, 97155",
      allowed: 40.5,
      authorization: "PA-77",
    });
    expect(service.saveTracking.mock.calls[0]).toHaveLength(1);
    await waitFor(() => expect(service.analyze).toHaveBeenCalledTimes(2));
    expect(service.refresh).not.toHaveBeenCalled();
    await waitFor(() => expect(service.listTracking).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole("form")).toBeNull();
  });

  test("Count Any Session disables the code field and saves Any", async () => {
    const { service, user } = await openAnnsTracking();
    await user.click(screen.getByRole("button", { name: "Add tracking line" }));
    await user.click(screen.getByRole("checkbox", { name: "Count Any Session" }));
    expect(field(/^Billing code/).disabled).toBe(true);
    await fillForm(user, { start: "2026-01-01", end: "2026-12-31", allowed: "8" });
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(service.saveTracking).toHaveBeenCalledTimes(1));
    expect(service.saveTracking.mock.calls[0][0]).toMatchObject({ codes: "Any", allowed: 8, authorization: "" });
    await waitFor(() => expect(screen.queryByRole("form")).toBeNull());
  });

  test("Edit fills the form with the line and saves it back to its row", async () => {
    const { service, user } = await openAnnsTracking();
    await user.click(screen.getByRole("button", { name: "Edit row 2" }));
    expect(screen.getByRole("form", { name: /^Tracking line on row 2/ })).toBeTruthy();
    expect(dateField(/^Start Date/).value).toBe("2026-01-01");
    expect(field(/^Billing code/).value).toBe("90837");
    await user.clear(field(/^Allowed/));
    await user.type(field(/^Allowed/), "20");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(service.saveTracking).toHaveBeenCalledWith({ ...stripRow(annLine), allowed: 20 }, 2));
    await waitFor(() => expect(service.listTracking).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole("form")).toBeNull();
  });

  test("a client typed in the picker gets its first line under the typed name", async () => {
    const service = practice();
    const { user } = renderPane(service);
    await user.click(screen.getByRole("tab", { name: "Tracking" }));
    await waitFor(() => expect(service.analyze).toHaveBeenCalledTimes(1));
    await user.type(screen.getByRole("combobox", { name: "Client" }), "Cy New");
    await user.click(screen.getByRole("option", { name: "New client: Cy New" }));
    expect(screen.getByText("No tracking lines yet.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Add tracking line" }));
    await fillForm(user, { start: "2026-01-01", end: "2026-12-31", codes: "90834", allowed: "10" });
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(service.saveTracking).toHaveBeenCalledTimes(1));
    expect(service.saveTracking.mock.calls[0][0]).toMatchObject({ client: "Cy New", codes: "90834", allowed: 10 });
    await waitFor(() => expect(service.analyze).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByRole("form")).toBeNull());
  });

  test("a failed save says why in one sentence and keeps the form", async () => {
    const { service, user } = await openAnnsTracking();
    service.saveTracking.mockRejectedValueOnce(new Error("Excel is busy"));
    await user.click(screen.getByRole("button", { name: "Add tracking line" }));
    await fillForm(user, { start: "2026-01-01", end: "2026-12-31", codes: "90837", allowed: "3" });
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Something went wrong while saving the tracking line: Excel is busy",
    );
    expect(screen.getByRole("form")).toBeTruthy();
  });
});

function stripRow(e: TrackingEntryRow) {
  const { row, ...entry } = e;
  void row;
  return entry;
}
