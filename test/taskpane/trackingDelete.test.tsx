/** @jest-environment jsdom */
// Its own file: Fluent's focus manager (Tabster) keeps state across renders in one jsdom window, and under jsdom
// its modal bookkeeping sometimes leaves the just-opened dialog aria-hidden. A real browser (checked in Chromium)
// shows the dialog accessible, so here the dialog is found whatever its aria-hidden state. An aria-hidden subtree
// also computes an empty accessible name, so the dialog is found by role and its title checked as the element its
// aria-labelledby names, rather than by { name }.
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { openAnnsTracking } from "./trackingFixture";

describe("Delete a tracking line", () => {
  test("Delete asks first; Cancel keeps the line, Delete removes its row", async () => {
    const { service, user } = await openAnnsTracking();
    await user.click(screen.getByRole("button", { name: "Delete row 2" }));
    const dialog = await findDeleteDialog();
    await user.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    expect(service.deleteTracking).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Delete row 2" }));
    const again = await findDeleteDialog();
    expect(again.textContent).toMatch(/Row 2 of the Tracking sheet/);
    await user.click(within(again).getByRole("button", { name: "Delete", hidden: true }));
    await waitFor(() => expect(service.deleteTracking).toHaveBeenCalledWith(2));
    await waitFor(() => expect(service.analyze).toHaveBeenCalledTimes(2));
    expect(await screen.findByText("No tracking lines yet.")).toBeTruthy();
  });
});

/** The open delete dialog, titled by its aria-labelledby "Delete this tracking line?". */
function findDeleteDialog(): Promise<HTMLElement> {
  return waitFor(() => {
    const dialog = screen.getByRole("dialog", { hidden: true });
    const title = document.getElementById(dialog.getAttribute("aria-labelledby") ?? "");
    expect(title?.textContent).toBe("Delete this tracking line?");
    return dialog;
  });
}
