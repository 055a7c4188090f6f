/**
 * `npm run bench [-- --json FILE] [-- --only engine,formula,cli,excel,pane]`
 *
 * Measures the add-in against its speed targets (issue 5) and prints a table;
 * with --json writes the measurements as a document. Not part of npm test:
 * it takes a few minutes and its numbers depend on the machine.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { type CliResult, benchCli } from "./cli";
import { type EngineRow, benchEngine } from "./engine";
import { EXCEL_WEB_LIMIT, type ExcelResult, benchExcel } from "./excel";
import { type FormulaResult, benchFormula } from "./formula";
import { type PaneResult, benchPane } from "./pane";
import { round1 } from "./timing";

const SECTIONS = ["engine", "formula", "cli", "excel", "pane"] as const;
type Section = (typeof SECTIONS)[number];

const log = (text: string): void => void process.stderr.write(`${text}\n`);

/** How busy the machine's CPUs were (Linux pressure stall information), for reading the numbers. */
async function cpuPressure(): Promise<number | null> {
  try {
    const text = await fs.readFile("/proc/pressure/cpu", "utf8");
    const m = /some avg10=([\d.]+)/.exec(text);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

interface Results {
  engine?: EngineRow[];
  formulaBaseline?: FormulaResult;
  cli?: CliResult;
  excel?: ExcelResult[];
  pane?: PaneResult;
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(0)} KB`;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
const mark = (ok: boolean): string => (ok ? "ok" : "MISSED");

function table(r: Results): string {
  const rows: [string, string, string, string][] = [["measure", "value", "target", ""]];
  if (r.engine) {
    for (const e of r.engine) {
      const at100k = e.sessions === 100_000;
      rows.push([
        `engine ${e.sessions.toLocaleString("en-US")} sessions × ${e.lines.toLocaleString("en-US")} lines`,
        `${e.ms.toFixed(1)} ms (fastest ${e.fastestMs.toFixed(1)}, ${e.runs} runs)`,
        at100k ? "≤ 100 ms" : "",
        at100k ? mark(e.ms <= 100) : "",
      ]);
    }
    const k100 = r.engine.find((e) => e.sessions === 100_000);
    const m1 = r.engine.find((e) => e.sessions === 1_000_000);
    if (k100 && m1) {
      const growth = m1.ms / k100.ms;
      rows.push(["engine growth 100k → 1M", `${growth.toFixed(1)}×`, "≤ 12×", mark(growth <= 12)]);
    }
  }
  const f = r.formulaBaseline;
  if (f) {
    rows.push([
      `formulas (HyperFormula), ${f.sessions.toLocaleString("en-US")} × ${f.lines}: one recalculation`,
      `${f.formulaMs.toFixed(0)} ms`,
      "",
      "",
    ]);
    rows.push(["engine on the same practice: one count", `${f.oursMs.toFixed(2)} ms`, "", ""]);
    rows.push(["formulas ÷ engine", `${f.ratio.toFixed(0)}×`, "≥ 1,000×", mark(f.ratio >= 1000)]);
    rows.push([
      "  (building the formula workbook ÷ reading the cells and counting)",
      `${f.buildMs.toFixed(0)} ÷ ${f.readAndCountMs.toFixed(1)} ms = ${(f.buildMs / f.readAndCountMs).toFixed(0)}×`,
      "",
      "",
    ]);
    rows.push(["formulas and engine agree on every line's Used", f.agree ? "yes" : "NO", "yes", mark(f.agree)]);
  }
  const c = r.cli;
  if (c) {
    rows.push([
      `cli refresh, ${c.sessions.toLocaleString("en-US")} sessions (${mb(c.fileBytes)})`,
      `${c.ms.toFixed(0)} ms`,
      "",
      "",
    ]);
    rows.push(["cli read + write only, same file, ExcelJS", `${c.readWriteOnlyMs.toFixed(0)} ms`, "", ""]);
    rows.push(["cli refresh ÷ read + write", `${c.ratio.toFixed(2)}×`, "≤ 1.5×", mark(c.ratio <= 1.5)]);
    rows.push([
      "  (first refresh of a never-refreshed file ÷ the same)",
      `${c.firstRefreshMs.toFixed(0)} ms, ${c.firstRatio.toFixed(2)}×`,
      "",
      "",
    ]);
  }
  if (r.excel) {
    for (const x of r.excel) {
      const small = x.sessions <= 10_000;
      const ok =
        x.error === null && (small ? x.syncs <= 3 : x.maxRequestBytes <= EXCEL_WEB_LIMIT && x.syncs <= x.neededSyncs);
      rows.push([
        `excel refresh, ${x.sessions.toLocaleString("en-US")} sessions: syncs, largest request / response`,
        `${x.syncs}, ${kb(x.maxRequestBytes)} / ${kb(x.maxResponseBytes)}`,
        small ? "≤ 3 syncs" : `≤ 5 MB, ≤ ${x.neededSyncs} syncs`,
        mark(ok),
      ]);
      if (x.error !== null) {
        const refused = x.refusedBytes === null ? "" : ` (a ${mb(x.refusedBytes)} request was refused)`;
        rows.push([`  the refresh FAILED${refused}: ${x.error}`, "", "", ""]);
      }
    }
  }
  const p = r.pane;
  if (p) {
    rows.push([
      "pane bundle (taskpane.js, gzip)",
      kb(p.bundleGzipBytes),
      "≤ 250 KB",
      mark(p.bundleGzipBytes <= 250_000),
    ]);
    if (p.paneReadyMs !== null)
      rows.push(["pane: navigation → Refresh button", `${p.paneReadyMs.toFixed(0)} ms`, "", ""]);
    if (p.firstRenderMs !== null)
      rows.push(["pane: navigation → first summary", `${p.firstRenderMs.toFixed(0)} ms`, "", ""]);
    if (p.skipped !== null) rows.push([`pane first render not measured: ${p.skipped}`, "", "", ""]);
    if (p.previewFirstRenderMs !== null) {
      rows.push([
        "preview (sample workbook): navigation → first summary",
        `${p.previewFirstRenderMs.toFixed(0)} ms`,
        "",
        "",
      ]);
    }
  }
  const widths = [0, 1, 2, 3].map((j) => Math.max(...rows.map((row) => row[j].length)));
  const fmt = (row: string[]): string =>
    row
      .map((cell, j) => (j === 1 ? cell.padStart(widths[j]) : cell.padEnd(widths[j])))
      .join("  ")
      .trimEnd();
  return [fmt(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(fmt)].join("\n");
}

/** The document issue 5 asks for (ms to one decimal, ratios to two), plus the machine it ran on. */
function document(r: Results, pressure: { before: number | null; after: number | null }) {
  const ratio = (n: number): number => Math.round(n * 100) / 100;
  return {
    engine: r.engine?.map((e) => ({ sessions: e.sessions, lines: e.lines, ms: round1(e.ms) })),
    formulaBaseline: r.formulaBaseline && {
      sessions: r.formulaBaseline.sessions,
      lines: r.formulaBaseline.lines,
      formulaMs: round1(r.formulaBaseline.formulaMs),
      oursMs: Math.round(r.formulaBaseline.oursMs * 100) / 100,
      ratio: Math.round(r.formulaBaseline.ratio),
      agree: r.formulaBaseline.agree,
    },
    cli: r.cli && {
      sessions: r.cli.sessions,
      ms: round1(r.cli.ms),
      readWriteOnlyMs: round1(r.cli.readWriteOnlyMs),
      ratio: ratio(r.cli.ratio),
    },
    excel: r.excel?.map((x) => ({
      sessions: x.sessions,
      syncs: x.syncs,
      maxRequestBytes: x.maxRequestBytes,
      ...(x.error === null ? {} : { error: x.error }),
    })),
    pane: r.pane && {
      bundleGzipBytes: r.pane.bundleGzipBytes,
      firstRenderMs: r.pane.firstRenderMs === null ? null : round1(r.pane.firstRenderMs),
    },
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? null,
      node: process.version,
      /** Share of time some task waited for a CPU (Linux PSI avg10, %), before and after: contention inflates times. */
      cpuPressure: pressure,
      date: new Date().toISOString(),
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { json: { type: "string" }, only: { type: "string" } },
  });
  const only = values.only ? (values.only.split(",").map((s) => s.trim()) as Section[]) : [...SECTIONS];
  for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`unknown section ${s}; use ${SECTIONS.join(",")}`);
  const before = await cpuPressure();
  const r: Results = {};
  if (only.includes("engine")) r.engine = await benchEngine(log);
  if (only.includes("formula")) {
    log("formula baseline: building and recalculating the HyperFormula workbook (about a minute)…");
    r.formulaBaseline = await benchFormula();
  }
  if (only.includes("cli")) {
    log("cli: writing a 100,000-session workbook and refreshing it (a few minutes)…");
    r.cli = await benchCli();
  }
  if (only.includes("excel")) {
    r.excel = [];
    for (const sessions of [10, 10_000, 100_000]) r.excel.push(await benchExcel(sessions));
  }
  if (only.includes("pane")) {
    log("pane: building the production bundle and opening it in Chromium…");
    r.pane = await benchPane();
  }
  const after = await cpuPressure();
  process.stdout.write(`\n${table(r)}\n`);
  if (before !== null) {
    process.stdout.write(
      `\nCPU pressure (share of time a task waited for a CPU): ${before}% before, ${after}% after.\n`,
    );
  }
  if (values.json) {
    const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.json);
    await fs.writeFile(file, `${JSON.stringify(document(r, { before, after }), null, 2)}\n`);
    process.stdout.write(`Wrote ${file}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = 1;
});
