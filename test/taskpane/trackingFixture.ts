/** A practice with two clients, Ann Lee's one tracking line, and the pane opened on her Tracking tab. */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { TrackingEntryRow } from "../../src/addin/service";
import { FakeService, line, outcome } from "./fakeService";
import { renderPane } from "./renderPane";

export const annLine: TrackingEntryRow = {
  row: 2,
  client: "C1001",
  trackBy: "Sessions",
  start: "2026-01-01",
  end: "2026-12-31",
  codes: "90837",
  allowed: 12,
  authorization: "A123",
};

export function practice(): FakeService {
  const service = new FakeService();
  service.refreshOutcome = outcome({
    lines: [
      line({ row: 2, clientKey: "row:2", clientId: "C1001", clientName: "Ann Lee" }),
      line({ row: 3, clientKey: "row:3", clientId: "C1002", clientName: "Bo Park" }),
    ],
  });
  service.tracking.set("row:2", [annLine]);
  return service;
}

export async function openAnnsTracking(service = practice()) {
  const r = renderPane(service);
  await r.user.click(screen.getByRole("tab", { name: "Tracking" }));
  await waitFor(() => expect(service.analyze).toHaveBeenCalledTimes(1));
  await r.user.type(screen.getByRole("combobox", { name: "Client" }), "Ann");
  await r.user.click(screen.getByRole("option", { name: "Ann Lee (C1001)" }));
  await screen.findByRole("list", { name: "Tracking lines" });
  return r;
}

export const field = (name: RegExp) => screen.getByRole("textbox", { name }) as HTMLInputElement;
export const dateField = (name: RegExp) => screen.getByLabelText(name) as HTMLInputElement;

export async function fillForm(
  user: ReturnType<typeof renderPane>["user"],
  v: { start?: string; end?: string; codes?: string; allowed?: string; auth?: string },
) {
  if (v.start !== undefined) fireEvent.change(dateField(/^Start Date/), { target: { value: v.start } });
  if (v.end !== undefined) fireEvent.change(dateField(/^End Date/), { target: { value: v.end } });
  if (v.codes !== undefined) await user.type(field(/^Billing code/), v.codes);
  if (v.allowed !== undefined) await user.type(field(/^Allowed/), v.allowed);
  if (v.auth !== undefined) await user.type(field(/^Authorization #/), v.auth);
}
