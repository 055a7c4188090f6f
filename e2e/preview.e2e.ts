/**
 * The browser preview end to end, in Debian's Chromium: the real task pane over the sample workbook, driven as a
 * user would, each scenario asserting what the page shows. Expected numbers come from the command line's --json on
 * the same sample (SPEC §6), and the statuses from examples/README.md.
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../src/cli/main";
import { SCREENSHOTS, type Session, foreignRequests, launch, origin } from "./browser";
import { AS_OF, AS_OF_SHOWN, PreviewPage, REPORT_SHEET } from "./previewPage";

const SAMPLE = path.join(__dirname, "..", "examples", "sample-practice.xlsx");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const YELLOW = "#FFFF00";

/** examples/README.md: intended statuses as of 11/29/2026. */
const STATUSES = {
  Active: 20,
  Low: 5,
  "Expiring soon": 4,
  Depleted: 2,
  "Over limit": 4,
  Expired: 27,
  "Not started": 1,
  Invalid: 2,
};

interface CliJson {
  lines: {
    trackingRow: number;
    clientId: string | null;
    clientName: string | null;
    authorization: string | null;
    remaining: number | null;
    status: string;
  }[];
  sessions: { row: number; trackingRow: number | null; remaining: number | null; priorAuth: string | null }[];
  problems: { sheet: string; row: number | null; column: string | null; message: string }[];
}

/** The sample refreshed by the command line as of the same date: what every number on the page must match. */
async function cliRefresh(input: string): Promise<CliJson> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "session-counting-cli-"));
  let stdout = "";
  const code = await runCli([input, "--out", path.join(dir, "out.xlsx"), "--as-of", AS_OF, "--json", "-"], {
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      throw new Error(text);
    },
    cwd: process.cwd(),
    now: () => new Date(),
  } as unknown as Parameters<typeof runCli>[1]);
  fs.rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`refresh exited ${code}`);
  return JSON.parse(stdout) as CliJson;
}

/** How the grid shows a count: 47, -1, 12.5. */
const shown = (n: number | null): string => (n === null ? "" : String(n));

let session: Session;
let preview: PreviewPage;
let expected: CliJson;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  expected = await cliRefresh(SAMPLE);
  session = await launch();
  preview = new PreviewPage(session.page);
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  // No scenario may make the page talk to any host but the test server, or fail in the page.
  const errors = session.errors.splice(0);
  expect(foreignRequests(session.requests)).toEqual([]);
  expect(errors).toEqual([]);
});

test("the preview opens the sample workbook beside the task pane, served only by its own host", async () => {
  await preview.open();
  await expect(preview.page.getByTestId("preview-banner").textContent()).resolves.toBe(
    "Preview — nothing leaves this browser",
  );
  await expect(preview.page.getByTestId("file-name").textContent()).resolves.toBe("sample-practice.xlsx");
  const tabs = await preview.page
    .getByRole("tablist", { name: "Sheets" })
    .getByRole("tab")
    .evaluateAll((els) => els.map((el) => el.getAttribute("value")));
  expect(tabs).toEqual(["Clients", "Tracking", "Sessions", "Settings", "Notes"]);
  await preview.showSheet("Sessions");
  // Dates through their number format, as Excel shows them.
  expect((await preview.readCell("A2")).text).toBe("01/06/2025");
  expect((await preview.readCell("B2")).text).toBe("C1002");
  await expect(preview.pane.getByRole("button", { name: "Refresh", exact: true }).isEnabled()).resolves.toBe(true);
  // office.js would add a telemetry frame about 3 s after loading; wait past that for any late request.
  await preview.page.waitForTimeout(4500);
  const own = session.requests.filter((url) => url.includes("/preview.html"));
  expect(own.length).toBeGreaterThan(0);
  expect(session.requests.some((url) => url.endsWith("/examples/sample-practice.xlsx"))).toBe(true);
});

test("the task pane page loads office.js from this server and reaches no other host", async () => {
  const page = await session.context.newPage();
  try {
    await page.goto(`${origin()}/taskpane.html`);
    await page.locator("#root > *").first().waitFor();
    // office.js schedules its telemetry frame about 3 s after loading; the page's CSP must have kept it out.
    await page.waitForTimeout(4500);
    expect(session.requests).toContain(`${origin()}/office-js/office.js`);
  } finally {
    await page.close();
    // A blocked frame is reported on the console; that is the CSP working, not a fault of the page.
    const errors = session.errors.splice(0).filter((e) => !/frame-src/.test(e));
    session.errors.push(...errors);
  }
});

test("Refresh shows the expected counts on the summary badges", async () => {
  await preview.open();
  await preview.refresh();
  await expect(preview.statusCounts(Object.keys(STATUSES))).resolves.toEqual(STATUSES);
  const counted = expected.sessions.filter((s) => s.trackingRow !== null).length;
  await expect(
    preview.pane.getByText(`${counted} of ${expected.sessions.length} sessions drew from a tracking line.`).count(),
  ).resolves.toBe(1);
  await preview.pane.getByRole("heading", { name: `Problems (${expected.problems.length})` }).waitFor();

  await preview.showSheet("Sessions");
  await preview.cell("I2").click();
  await preview.page.getByTestId("name-box").getByText("I2").waitFor();
  await preview.page.screenshot({ path: path.join(SCREENSHOTS, "preview-after-refresh.png") });
  await preview.pane.screenshot({ path: path.join(SCREENSHOTS, "pane-after-refresh.png") });
  await preview.page.getByRole("region", { name: "Workbook" }).screenshot({
    path: path.join(SCREENSHOTS, "grid-sessions-after-refresh.png"),
  });
});

test("the Sessions grid shows yellow Remaining cells with the counts the command line writes", async () => {
  await preview.open();
  await preview.refresh();
  await preview.showSheet("Sessions");
  expect((await preview.readCell("I1")).text).toBe("Remaining");
  const rows = expected.sessions.filter((s) => s.row <= 40 || [252, 1136, 1388, 2414].includes(s.row));
  for (const s of rows) {
    const cell = await preview.readCell(`I${s.row}`);
    expect({ row: s.row, text: cell.text, fill: cell.fill }).toEqual({
      row: s.row,
      text: shown(s.remaining),
      fill: s.remaining === null ? null : YELLOW,
    });
  }
  // The pinned Prior Auth # on row 1388 takes its authorization one past its limit.
  expect((await preview.readCell("I1388")).text).toBe("-1");
});

test("the Authorized Insurance Sessions tab lists every tracking line with its status", async () => {
  await preview.open();
  await preview.refresh();
  await expect(preview.sheetTab(REPORT_SHEET).count()).resolves.toBe(1);
  await preview.showSheet(REPORT_SHEET);
  expect((await preview.readCell("A1")).text).toBe(REPORT_SHEET);
  expect((await preview.readCell("A2")).text).toContain(`As of ${AS_OF_SHOWN}`);
  const header = await preview.readColumn("A", 4, 4);
  expect(header).toEqual(["Client ID"]);
  const headers: string[] = [];
  for (const letter of "ABCDEFGHIJKLMNO") headers.push((await preview.readCell(`${letter}4`)).text);
  expect(headers).toEqual([
    "Client ID",
    "Client Name",
    "Insurance",
    "Authorization #",
    "Track By",
    "Billing Code",
    "Start Date",
    "End Date",
    "Allowed",
    "Used",
    "Scheduled",
    "Remaining",
    "Status",
    "Last Session",
    "Note",
  ]);
  const last = 4 + expected.lines.length;
  const statuses = await preview.readColumn("M", 5, last);
  const tally: Record<string, number> = {};
  for (const s of statuses) tally[s] = (tally[s] ?? 0) + 1;
  expect(tally).toEqual(STATUSES);
  // Each authorization appears once, with the remaining count the command line reports, filled yellow.
  const auths = await preview.readColumn("D", 5, last);
  const remaining = await preview.readColumn("L", 5, last);
  const byAuth = new Map(expected.lines.map((l) => [l.authorization ?? "", shown(l.remaining)]));
  auths.forEach((auth, i) => expect([auth, remaining[i]]).toEqual([auth, byAuth.get(auth)]));
  const first = await preview.readCell("L5");
  expect(first.fill).toBe(YELLOW);
  // Nothing below the last line.
  expect((await preview.readCell(`A${last + 1}`)).text).toBe("");
  await preview.scrollToRow(1);
  await preview.page.getByRole("region", { name: "Workbook" }).screenshot({
    path: path.join(SCREENSHOTS, "grid-report-after-refresh.png"),
  });
});

test("a problem's Go to selects its cell on the grid", async () => {
  await preview.open();
  await preview.refresh();
  await preview.showSheet("Clients");
  await preview.pane.getByRole("button", { name: /^Cells that can't be read: \d+$/ }).click();
  await preview.pane.getByRole("button", { name: "Go to Sessions, row 252, Date" }).click();
  await preview.page.waitForFunction(() => document.querySelector('[data-testid="name-box"]')?.textContent === "A252");
  expect(await preview.shownSheet()).toBe("Sessions");
  const cell = preview.cell("A252");
  await expect(cell.getAttribute("aria-selected")).resolves.toBe("true");
  await expect(cell.textContent()).resolves.toBe("13/45/2025");
  // Scrolled into view, not just drawn.
  const box = await cell.boundingBox();
  const grid = await preview.grid.boundingBox();
  expect(box && grid && box.y >= grid.y && box.y + box.height <= grid.y + grid.height).toBe(true);
  await preview.page.screenshot({ path: path.join(SCREENSHOTS, "preview-go-to.png") });
});

test("picking a client shows its cards with the yellow remaining count", async () => {
  await preview.open();
  await preview.refresh();
  await preview.pane.getByRole("tab", { name: "Client" }).click();
  await pickClient(preview, "Maria", "Maria Lopez (C1001)");
  const cards = preview.pane.getByRole("list", { name: "Tracking lines of Maria Lopez (C1001)" }).getByRole("group");
  await cards.first().waitFor();
  const lines = expected.lines.filter((l) => l.clientId === "C1001");
  await expect(cards.count()).resolves.toBe(lines.length);
  const remaining = cards.getByTestId("remaining");
  const texts = await remaining.allTextContents();
  expect(texts.sort()).toEqual(lines.map((l) => shown(l.remaining)).sort());
  const colours = await remaining.evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
  expect(colours).toEqual(lines.map(() => "rgb(255, 255, 0)"));
  await preview.pane.screenshot({ path: path.join(SCREENSHOTS, "pane-client-cards.png") });
});

test("selecting a Sessions row on the grid shows that session's client in the pane", async () => {
  await preview.open();
  await preview.refresh();
  await preview.pane.getByRole("tab", { name: "Client" }).click();
  await preview.showSheet("Sessions");
  // Row 6 is Maria Lopez's session of 01/07/2025.
  await preview.cell("C6").click();
  await preview.pane.getByRole("list", { name: "Tracking lines of Maria Lopez (C1001)" }).waitFor();
  await expect(preview.page.getByTestId("name-box").textContent()).resolves.toBe("C6");
});

test("a tracking line added through the form changes the counts after refresh", async () => {
  await preview.open();
  await preview.refresh();
  await expect(preview.statusCount("Active")).resolves.toBe(20);
  await preview.pane.getByRole("tab", { name: "Tracking" }).click();
  await pickClient(preview, "Sophia", "Sophia Martinez (C1007)");
  await preview.pane.getByRole("button", { name: "Add tracking line" }).click();
  const form = preview.pane.getByRole("form");
  await form.getByLabel("Start Date").fill("2026-10-01");
  await form.getByLabel("End Date").fill("2026-12-31");
  await form.getByLabel("Billing code(s)").fill("90832-90838");
  await form.getByLabel("Allowed").fill("20");
  await form.getByLabel("Authorization #").fill("MCD-77001");
  await form.getByRole("button", { name: "Save" }).click();
  await preview.pane.getByRole("list", { name: "Tracking lines" }).getByText("MCD-77001", { exact: false }).waitFor();
  // The line is on the Tracking sheet, right after the last one.
  await preview.showSheet("Tracking");
  expect((await preview.readCell("A69")).text).toBe("C1007");
  expect((await preview.readCell("G69")).text).toBe("MCD-77001");

  await preview.pane.getByRole("tab", { name: "Summary" }).click();
  await preview.refresh();
  // Worked out with the command line on the sample plus this line: C1007's autumn sessions now draw from it.
  await expect(preview.statusCounts(Object.keys(STATUSES))).resolves.toEqual({ ...STATUSES, Active: 21 });
  await preview.pane.getByText(/2016 of 2412 sessions drew from a tracking line\./).waitFor();
  await preview.pane.getByRole("heading", { name: "Problems (16)" }).waitFor();
});

test("a tracking line that ends before it starts is refused with a message", async () => {
  await preview.open();
  await preview.refresh();
  await preview.pane.getByRole("tab", { name: "Tracking" }).click();
  await pickClient(preview, "Maria", "Maria Lopez (C1001)");
  await preview.pane.getByRole("button", { name: "Add tracking line" }).click();
  const form = preview.pane.getByRole("form");
  await form.getByLabel("Start Date").fill("2026-06-30");
  await form.getByLabel("End Date").fill("2026-01-01");
  await form.getByLabel("Billing code(s)").fill("90837");
  await form.getByLabel("Allowed").fill("12");
  await form.getByRole("button", { name: "Save" }).click();
  await form.getByText("End Date is before Start Date").waitFor();
  // Nothing was written: the Tracking sheet still ends on row 68.
  await preview.showSheet("Tracking");
  expect((await preview.readCell("A68")).text).toBe("C1019");
  expect((await preview.readCell("A69")).text).toBe("");
});

test("opening a broken workbook shows one clear sentence and keeps the open one", async () => {
  await preview.open();
  await preview.page.getByTestId("open-input").setInputFiles({
    name: "broken.xlsx",
    mimeType: XLSX_TYPE,
    buffer: Buffer.from("PK\u0003\u0004 this zip was cut short"),
  });
  const error = preview.page.getByTestId("open-error");
  await error.waitFor();
  await expect(error.textContent()).resolves.toContain(
    "broken.xlsx is damaged and cannot be read as an .xlsx workbook.",
  );
  // Dropping a file that is not a workbook at all says so, as the command line would.
  await dropFile(preview, "notes.txt", Buffer.from("Client,Date\nC1001,3/5/2026\n"));
  await preview.page.getByText("notes.txt is not an .xlsx workbook.").waitFor();
  await expect(preview.page.getByTestId("file-name").textContent()).resolves.toBe("sample-practice.xlsx");
  await preview.grid.waitFor();
  await preview.refresh();
  await expect(preview.statusCount("Active")).resolves.toBe(20);
});

test("the downloaded workbook reopens with the same values", async () => {
  await preview.open();
  await preview.refresh();
  const [download] = await Promise.all([
    preview.page.waitForEvent("download"),
    preview.page.getByRole("button", { name: "Download" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("sample-practice.xlsx");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "session-counting-download-")), "downloaded.xlsx");
  await download.saveAs(file);

  // In ExcelJS: every Remaining cell and the report's rows as the command line writes them.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sessions = wb.getWorksheet("Sessions")!;
  expect(sessions.getCell("I1").value).toBe("Remaining");
  for (const s of expected.sessions) {
    // Column I is Remaining, appended after Notes.
    const remaining = sessions.findCell(s.row, 9);
    const fill = remaining?.fill;
    expect([s.row, remaining?.value ?? null]).toEqual([s.row, s.remaining]);
    if (s.remaining !== null) {
      expect([s.row, fill?.type === "pattern" ? fill.fgColor?.argb : null]).toEqual([s.row, "FFFFFF00"]);
    }
  }
  const report = wb.getWorksheet(REPORT_SHEET)!;
  expect(report).toBeDefined();
  const statuses: Record<string, number> = {};
  for (let r = 5; r < 5 + expected.lines.length; r++) {
    const status = String(report.getCell(`M${r}`).value);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  expect(statuses).toEqual(STATUSES);

  // And in the preview again, dropped onto the page: the same cells, and the same counts on refresh.
  await dropFile(preview, "downloaded.xlsx", fs.readFileSync(file));
  await preview.page.getByTestId("file-name").getByText("downloaded.xlsx").waitFor();
  await preview.showSheet("Sessions");
  for (const s of expected.sessions.filter((x) => x.row <= 20)) {
    const cell = await preview.readCell(`I${s.row}`);
    expect([s.row, cell.text, cell.fill]).toEqual([s.row, shown(s.remaining), s.remaining === null ? null : YELLOW]);
  }
  await expect(preview.sheetTab(REPORT_SHEET).count()).resolves.toBe(1);
  await preview.refresh();
  await expect(preview.statusCounts(Object.keys(STATUSES))).resolves.toEqual(STATUSES);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

/** Types part of a client's name into the pane's client picker and chooses the client from the list. */
async function pickClient(page: PreviewPage, typed: string, label: string): Promise<void> {
  const picker = page.pane.getByRole("combobox");
  await picker.click();
  await picker.pressSequentially(typed);
  await page.page.getByRole("option", { name: label }).click();
}

/** Drops a file on the page as a drag from the desktop would. */
async function dropFile(page: PreviewPage, name: string, bytes: Buffer): Promise<void> {
  const transfer = await page.page.evaluateHandle(
    ({ name, data }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
      return dt;
    },
    { name, data: bytes.toString("base64") },
  );
  await page.page.locator("[data-dropzone]").dispatchEvent("drop", { dataTransfer: transfer });
  await transfer.dispose();
}
