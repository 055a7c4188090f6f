/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_SETTINGS } from "../../src/engine/settings";
import { FakeService, mappingState } from "./fakeService";
import { renderPane } from "./renderPane";

async function openSettings(service = new FakeService()) {
  const r = renderPane(service);
  await r.user.click(screen.getByRole("tab", { name: "Settings" }));
  await screen.findByRole("textbox", { name: /^Low remaining at/ });
  return r;
}

const box = (name: RegExp) => screen.getByRole("textbox", { name }) as HTMLInputElement;

describe("Set up workbook", () => {
  test("runs the set-up and says which sheets it created and which were there", async () => {
    const { service, user } = await openSettings();
    await user.click(screen.getByRole("button", { name: "Set up workbook" }));
    expect(service.setupWorkbook).toHaveBeenCalledTimes(1);
    const status = await screen.findByText(/Created: Clients, Tracking, Settings\./);
    expect(status.textContent).toBe("Created: Clients, Tracking, Settings. Already there: Sessions.");
    await waitFor(() => expect(service.readSettings).toHaveBeenCalledTimes(2));
  });
});

describe("Settings", () => {
  test("shows the workbook's settings and saves the edited ones", async () => {
    const service = new FakeService();
    service.settings = { ...DEFAULT_SETTINGS, lowRemainingAt: 3 };
    const { user } = await openSettings(service);
    expect(box(/^Count Any excludes/).value).toBe(DEFAULT_SETTINGS.countAnyExcludes.join(", "));
    expect(box(/^Low remaining at/).value).toBe("3");

    await user.clear(box(/^Not counted statuses/));
    await user.type(box(/^Not counted statuses/), "No Show; Client Cancel");
    await user.clear(box(/^Count Any excludes/));
    await user.type(box(/^Count Any excludes/), "None");
    await user.clear(box(/^Expiring within days/));
    await user.type(box(/^Expiring within days/), "30");
    await user.click(screen.getByRole("radio", { name: "D/M/Y" }));
    await user.click(screen.getByRole("switch", { name: /^Keep up to date/ }));
    await user.click(screen.getByRole("switch", { name: "Open with this workbook" }));
    await user.click(screen.getByRole("button", { name: "Save settings" }));

    await waitFor(() => expect(service.writeSettings).toHaveBeenCalledTimes(1));
    expect(service.writeSettings).toHaveBeenCalledWith(
      {
        countAnyExcludes: [],
        notCountedStatuses: ["No Show", "Client Cancel"],
        lowRemainingAt: 3,
        expiringWithinDays: 30,
        dateOrder: "DMY",
      },
      { autoRefresh: true, openWithWorkbook: true },
    );
    expect(await screen.findByText("Settings saved.")).toBeTruthy();
  });

  test("refuses a negative Low remaining at and fractional days", async () => {
    const { service, user } = await openSettings();
    await user.clear(box(/^Low remaining at/));
    await user.type(box(/^Low remaining at/), "-1");
    await user.clear(box(/^Expiring within days/));
    await user.type(box(/^Expiring within days/), "2.5");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(screen.getByText("Low remaining at must be a number 0 or more")).toBeTruthy();
    expect(screen.getByText("Expiring within days must be a whole number 0 or more")).toBeTruthy();
    expect(service.writeSettings).not.toHaveBeenCalled();
  });
});

describe("Column mapping", () => {
  test("flags a required column the Sessions sheet lacks", async () => {
    await openSettings();
    expect(await screen.findByText("The Sessions sheet has no Billing Code column")).toBeTruthy();
    expect(screen.queryByText(/The Tracking sheet has no/)).toBeNull();
    // Clients has an ID and a Name: neither alone is required.
    expect(screen.queryByText(/The Clients sheet has no/)).toBeNull();
  });

  test("choosing a header for the field and saving writes only that field's mapping", async () => {
    const { service, user } = await openSettings();
    await screen.findByText("The Sessions sheet has no Billing Code column");
    const sessions = screen.getByRole("group", { name: "Sessions sheet and columns" });
    await user.click(within(sessions).getByRole("combobox", { name: /^Billing Code/ }));
    await user.click(screen.getByRole("option", { name: "CPT Code" }));
    expect(screen.queryByText("The Sessions sheet has no Billing Code column")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Save Sessions mapping" }));
    await waitFor(() =>
      expect(service.writeMapping).toHaveBeenCalledWith("sessions", "Sessions", { code: "CPT Code" }),
    );
    await waitFor(() => expect(service.readMapping).toHaveBeenCalledTimes(2));
  });

  test("choosing another sheet saves the sheet alone", async () => {
    const { service, user } = await openSettings();
    await screen.findByText("The Sessions sheet has no Billing Code column");
    await user.click(screen.getByRole("combobox", { name: "Sessions sheet" }));
    await user.click(screen.getByRole("option", { name: "Visits" }));
    expect(screen.getByText("Save to use Visits and read its headers.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Save Sessions mapping" }));
    await waitFor(() => expect(service.writeMapping).toHaveBeenCalledWith("sessions", "Visits", {}));
  });

  test("a missing Tracking sheet is called out", async () => {
    const service = new FakeService();
    const base = mappingState();
    service.mapping = {
      ...base,
      sheets: base.sheets.map((s) => (s.kind === "tracking" ? { ...s, sheet: null, headers: [] } : s)),
    };
    await openSettings(service);
    expect(await screen.findByText(/No Tracking sheet was found/)).toBeTruthy();
  });
});
