/**
 * The task pane: its production bundle's gzip size, and the time from
 * navigation to the first rendered summary in headless Chromium on localhost.
 *
 * The pane is built with webpack in production mode into a temporary folder
 * (dist/ is left alone), served by node:http on 127.0.0.1 with office.js from
 * node_modules as the dev server serves it, and opened with a stand-in
 * WorkbookService on window.__sessionCountingService that answers at once with
 * a small outcome, so the time measured is the page's own: HTML, office.js,
 * the bundle, React's first render and the counts' summary.
 */
import { CHROMIUM as CHROMIUM_PATH, CHROMIUM_FLAGS } from "../e2e/browser";
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { DEFAULT_SETTINGS } from "../src/engine/settings";
import { AS_OF } from "./practice";
import { median } from "./timing";

const ROOT = path.resolve(__dirname, "..");
const OFFICE_JS = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
/** The pane's summary: the status counts, shown once a count has come back. */
export const SUMMARY_SELECTOR = 'ul[aria-label="Tracking lines by status"]';
const CHROMIUM = CHROMIUM_PATH;

export interface PaneResult {
  readonly bundleGzipBytes: number;
  readonly bundleBytes: number;
  /** Median over fresh page loads (no HTTP cache), after one warm-up load; null without Chromium. */
  readonly firstRenderMs: number | null;
  /** The same to the pane's Refresh button, which the measurement presses at once (null if it never showed). */
  readonly paneReadyMs: number | null;
  /** The same on the browser preview with its sample workbook, when the build has a preview page. */
  readonly previewFirstRenderMs: number | null;
  readonly buildMs: number;
  /** Why the page loads were not measured (no Chromium), or null. */
  readonly skipped: string | null;
}

/** Builds the production bundle into `out` with the project's webpack config. */
async function build(out: string): Promise<number> {
  const start = Date.now();
  await promisify(execFile)(
    path.join(ROOT, "node_modules/.bin/webpack"),
    ["--mode", "production", "--output-path", out],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  return Date.now() - start;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css",
  ".png": "image/png",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Serves the build at / and office.js at /office-js/, uncached, on a free port of 127.0.0.1. */
export async function serve(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const rel = decodeURIComponent(url.pathname);
    const file = rel.startsWith("/office-js/")
      ? path.join(OFFICE_JS, rel.slice("/office-js/".length))
      : path.join(dist, rel === "/" ? "taskpane.html" : rel);
    const base = rel.startsWith("/office-js/") ? OFFICE_JS : dist;
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file).then(
      (body) => {
        res.writeHead(200, {
          "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
          "Cache-Control": "no-store",
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Runs in the page before its own scripts: puts the stand-in service on the
 * window, presses Refresh as soon as the pane shows it, and notes
 * performance.now() (milliseconds since navigation start) then and at the first
 * animation frame after the summary is in the page and laid out.
 */
export function initScript(): string {
  const line = (row: number, status: string, remaining: number) => ({
    row,
    clientKey: "row:2",
    clientId: "C1001",
    clientName: "Ann Lee",
    insurance: "Aetna",
    authorization: `A${row}`,
    trackBy: "Sessions",
    codes: ["90837"],
    any: false,
    start: AS_OF - 200,
    end: AS_OF + 100,
    allowed: 12,
    used: 12 - remaining,
    scheduled: 0,
    remaining,
    status,
    lastSession: AS_OF - 3,
    note: null,
  });
  const outcome = {
    asOf: AS_OF,
    lines: [line(2, "Active", 7), line(3, "Low", 2), line(4, "Expiring soon", 5)],
    problems: [],
    sessionsCounted: 15,
    sessionsTotal: 16,
    clients: [{ key: "row:2", label: "Ann Lee (C1001)" }],
  };
  const settings = { settings: DEFAULT_SETTINGS, options: { autoRefresh: false, openWithWorkbook: false } };
  return `(() => {
  const outcome = ${JSON.stringify(outcome)};
  const settings = ${JSON.stringify(settings)};
  const counted = () => Promise.resolve({ ...outcome, refreshedAt: new Date() });
  const unsubscribe = () => Promise.resolve();
  const known = {
    refresh: counted,
    analyze: counted,
    isStale: () => Promise.resolve(false),
    listTracking: () => Promise.resolve([]),
    setupWorkbook: () => Promise.resolve({ created: [], existing: [] }),
    readSettings: () => Promise.resolve(settings),
    readMapping: () => Promise.resolve({ sheets: [], workbookSheets: [] }),
    onClientSelected: () => Promise.resolve(unsubscribe),
    onDataChanged: () => Promise.resolve(unsubscribe),
  };
  // Any other method (goTo, saveTracking, …) does nothing, at once.
  window.__sessionCountingService = new Proxy(known, {
    get: (target, name) => (name in target ? target[name] : () => Promise.resolve(undefined)),
  });
  // The pane opens with a Refresh button and counts when it is pressed: press it the moment it is
  // there (unless a count already started), as the quickest user would, and note both moments.
  const refreshButton = () =>
    [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Refresh" && !b.disabled);
  const seen = () => {
    const el = document.querySelector(${JSON.stringify(SUMMARY_SELECTOR)});
    return el !== null && el.getBoundingClientRect().height > 0;
  };
  let pressed = false;
  const observer = new MutationObserver(() => {
    if (seen()) {
      observer.disconnect();
      requestAnimationFrame(() => { window.__firstSummaryMs = performance.now(); });
      return;
    }
    const button = pressed ? undefined : refreshButton();
    if (button) {
      pressed = true;
      window.__paneReadyMs = performance.now();
      button.click();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;
}

/** Milliseconds from navigation start to the pane's Refresh button, and to the first summary. */
interface Load {
  readonly readyMs: number | null;
  readonly summaryMs: number;
}

interface Browser {
  measure(url: string): Promise<Load>;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "session-counting-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  await context.addInitScript(initScript());
  return {
    async measure(url: string): Promise<Load> {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      try {
        await page.goto(url);
        await page.waitForFunction(
          () => (window as { __firstSummaryMs?: number }).__firstSummaryMs !== undefined,
          null,
          {
            timeout: 60_000,
          },
        );
        return await page.evaluate(() => {
          const w = window as unknown as { __firstSummaryMs: number; __paneReadyMs?: number };
          return { readyMs: w.__paneReadyMs ?? null, summaryMs: w.__firstSummaryMs };
        });
      } catch (e) {
        throw new Error(`no summary on ${url}: ${(e as Error).message.split("\n")[0]} ${errors.join("; ")}`);
      } finally {
        await page.close();
      }
    },
    async close(): Promise<void> {
      await context.close();
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}

/** Medians over `runs` loads after a warm-up load (which compiles nothing in: every load fetches afresh). */
async function firstRender(
  browser: Browser,
  url: string,
  runs: number,
): Promise<{ ready: number | null; summary: number }> {
  await browser.measure(url);
  const loads: Load[] = [];
  for (let i = 0; i < runs; i++) loads.push(await browser.measure(url));
  const ready = loads.map((l) => l.readyMs).filter((ms): ms is number => ms !== null);
  return { ready: ready.length > 0 ? median(ready) : null, summary: median(loads.map((l) => l.summaryMs)) };
}

/** Builds the pane (or takes a build in `prebuilt`), then measures it. */
export async function benchPane(runs = 7, prebuilt?: string): Promise<PaneResult> {
  const out = prebuilt ?? (await fs.mkdtemp(path.join(os.tmpdir(), "session-counting-pane-")));
  try {
    const buildMs = prebuilt ? 0 : await build(out);
    const bundle = await fs.readFile(path.join(out, "taskpane.js"));
    const hasPreview = await fs
      .access(path.join(out, "preview.html"))
      .then(() => true)
      .catch(() => false);
    const size = { bundleGzipBytes: gzipSync(bundle).length, bundleBytes: bundle.length, buildMs };
    const hasChromium = await fs
      .access(CHROMIUM)
      .then(() => true)
      .catch(() => false);
    if (!hasChromium) {
      const skipped = `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
      return { ...size, firstRenderMs: null, paneReadyMs: null, previewFirstRenderMs: null, skipped };
    }
    const server = await serve(out);
    const browser = await openBrowser();
    try {
      const pane = await firstRender(browser, `${server.url}/taskpane.html`, runs);
      const preview = hasPreview ? await firstRender(browser, `${server.url}/preview.html`, runs) : null;
      return {
        ...size,
        firstRenderMs: pane.summary,
        paneReadyMs: pane.ready,
        previewFirstRenderMs: preview?.summary ?? null,
        skipped: null,
      };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    if (!prebuilt) await fs.rm(out, { recursive: true, force: true });
  }
}
