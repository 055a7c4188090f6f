/** The preview page as the browser tests drive it: the pane by its roles and labels, the grid by cell addresses. */
import type { Locator, Page } from "playwright-core";
import { origin } from "./browser";

/** The as-of date the sample workbook's README lists its statuses for. */
export const AS_OF = "2026-11-29";
export const AS_OF_SHOWN = "11/29/2026";
export const REPORT_SHEET = "Authorized Insurance Sessions";

export class PreviewPage {
  constructor(readonly page: Page) {}

  /** Opens the preview and waits until the sample workbook is on the grid and the pane is ready. */
  async open(): Promise<void> {
    await this.page.goto(`${origin()}/preview.html`);
    await this.grid.waitFor();
    await this.pane.getByRole("button", { name: "Refresh", exact: true }).waitFor();
  }

  get pane(): Locator {
    return this.page.getByTestId("task-pane");
  }

  get grid(): Locator {
    return this.page.getByRole("grid");
  }

  /** Sets the pane's as-of date and refreshes; resolves when the pane says it refreshed as of that date. */
  async refresh(asOf = AS_OF): Promise<void> {
    await this.pane.getByLabel("As of").fill(asOf);
    await this.pane.getByRole("button", { name: "Refresh", exact: true }).click();
    const [y, m, d] = asOf.split("-").map(Number);
    await this.pane.getByText(new RegExp(`Refreshed at .*as of ${m}/${d}/${y}`)).waitFor({ timeout: 60_000 });
  }

  /** The number on a status badge of the summary ("Active" → 20). */
  async statusCount(status: string): Promise<number> {
    const item = this.pane
      .getByRole("list", { name: "Tracking lines by status" })
      .getByLabel(new RegExp(`^${status}: \\d+$`));
    const label = (await item.getAttribute("aria-label")) ?? "";
    return Number(label.slice(label.lastIndexOf(":") + 1));
  }

  async statusCounts(statuses: readonly string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const s of statuses) out[s] = await this.statusCount(s);
    return out;
  }

  sheetTab(name: string): Locator {
    return this.page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true });
  }

  async showSheet(name: string): Promise<void> {
    await this.sheetTab(name).click();
    await this.page.locator(`[role=grid][data-sheet="${name}"]`).waitFor();
  }

  /** The sheet the grid shows. */
  async shownSheet(): Promise<string | null> {
    return this.grid.getAttribute("data-sheet");
  }

  cell(address: string): Locator {
    return this.grid.locator(`[data-address="${address}"]`);
  }

  /** Scrolls the grid so a row is drawn (the grid draws only the rows in view). */
  async scrollToRow(row: number): Promise<void> {
    await this.grid.evaluate((el, r) => {
      el.scrollTop = Math.max(0, (r - 5) * 22);
    }, row);
    await this.page.waitForFunction(
      (r) => document.querySelector(`[role=grid] [role=row][data-row="${r}"]`) !== null,
      row,
    );
  }

  /** A cell's shown text and fill colour, scrolling to it first. */
  async readCell(address: string): Promise<{ text: string; fill: string | null }> {
    const row = Number(/\d+$/.exec(address)?.[0]);
    await this.scrollToRow(row);
    const cell = this.cell(address);
    return { text: (await cell.textContent()) ?? "", fill: await cell.getAttribute("data-fill") };
  }

  /** The texts of one column from `first` to `last`, read screen by screen. */
  async readColumn(letter: string, first: number, last: number): Promise<string[]> {
    const out: string[] = [];
    for (let r = first; r <= last; r++) {
      const cell = this.cell(`${letter}${r}`);
      if ((await cell.count()) === 0) await this.scrollToRow(r);
      out.push((await cell.textContent()) ?? "");
    }
    return out;
  }
}
