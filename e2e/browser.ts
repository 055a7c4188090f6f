/** Debian's Chromium through playwright-core: a fresh profile, no network side channels, every request recorded. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type BrowserContext, type Page, chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags that keep Chromium from talking to anything but the page's own server. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

export const SCREENSHOTS = path.join(__dirname, "screenshots");

/** The test server's origin, set by globalSetup. */
export function origin(): string {
  const value = process.env.E2E_ORIGIN;
  if (!value) throw new Error("E2E_ORIGIN is not set: run the browser tests with npm run test:e2e");
  return value;
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL the page asked for, in order. */
  readonly requests: string[];
  /** Uncaught errors in the page and console errors, for a test to show when it fails. */
  readonly errors: string[];
  close(): Promise<void>;
}

/** Launches Chromium headless on a new temporary profile and opens one page whose requests are all recorded. */
export async function launch(): Promise<Session> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}; install it (apt-get install chromium) or run .ci/run`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "session-counting-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // Playwright passes the profile as --user-data-dir itself (and refuses the flag in args).
    args: CHROMIUM_FLAGS,
    // Wide enough for the Sessions sheet and the task pane side by side, as on a laptop with Excel.
    viewport: { width: 1600, height: 900 },
    acceptDownloads: true,
    locale: "en-US",
  });
  const requests: string[] = [];
  const errors: string[] = [];
  // Context-wide, so requests from frames, workers and any popup are caught as well as the page's own.
  context.on("request", (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  context.on("weberror", (error) => errors.push(`page error: ${error.error().message}`));
  context.on("console", (message) => {
    // A failed load is recorded below with its URL; the console's own line does not name it.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      errors.push(`console error: ${message.text()}`);
    }
  });
  context.on("response", (response) => {
    // Chromium asks every page without an icon link for /favicon.ico; nothing else may be missing.
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
      errors.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return {
    context,
    page,
    requests,
    errors,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The recorded requests that went anywhere but the test server (data: and blob: URLs stay in the page). */
export function foreignRequests(requests: readonly string[]): string[] {
  const own = `${origin()}/`;
  return requests.filter((url) => !url.startsWith(own) && !url.startsWith("data:") && !url.startsWith("blob:"));
}
