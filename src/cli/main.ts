/** `npm run refresh -- IN.xlsx [--out OUT.xlsx] [--as-of YYYY-MM-DD] [--json FILE|-] [--in-place] [--print]` (SPEC §6). */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { type DayNumber, localToday, parseIsoDay } from "../engine/dates";
import { formatDay } from "../engine/count";
import type { EngineResult, LineStatus } from "../engine/types";
import { reportOrder, toJson } from "../workbook/plan";
import { WorkbookError } from "../workbook/read";
import { planWorkbookRefresh } from "../workbook/refresh";
import { applyPlan, openWorkbook, saveWorkbook, workbookView } from "../xlsx/edge";

export const USAGE = `Usage: npm run refresh -- IN.xlsx [--out OUT.xlsx | --in-place] [--as-of YYYY-MM-DD] [--json FILE|-] [--print]

Refreshes the workbook's Remaining counts, blank Prior Auth # cells and the
Authorized Insurance Sessions sheet, and writes the result to OUT
(default: IN-refreshed.xlsx). IN is never overwritten unless --in-place.

  --out FILE      where to write the refreshed workbook (replaced if it exists)
  --in-place      overwrite IN itself
  --as-of DATE    count as of this date (default: today)
  --json FILE|-   also write the counts and problems as JSON (- for standard output)
  --print         print the report as a table
  --help          show this text`;

/** Exit statuses: 0 refreshed (problems included), 1 could not read or write, 2 usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

class UsageError extends Error {}

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
}

interface Options {
  input: string;
  output: string;
  asOf: DayNumber;
  json: string | null;
  print: boolean;
}

function parse(argv: readonly string[], io: CliIo): Options | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string", short: "o" },
        "as-of": { type: "string" },
        json: { type: "string" },
        "in-place": { type: "boolean" },
        print: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? "name the workbook to refresh" : "name exactly one workbook to refresh",
    );
  }
  if (values["in-place"] && values.out !== undefined)
    throw new UsageError("--in-place and --out cannot be used together");
  const input = path.resolve(io.cwd, positionals[0]);
  let output: string;
  if (values["in-place"]) output = input;
  else if (values.out !== undefined) {
    if (values.out.trim() === "") throw new UsageError("--out needs a file name");
    output = path.resolve(io.cwd, values.out);
    if (output === input) throw new UsageError("--out names the input workbook; use --in-place to overwrite it");
  } else output = defaultOutput(input);
  let asOf = localToday(io.now());
  if (values["as-of"] !== undefined) {
    const day = parseIsoDay(values["as-of"]);
    if (day === null) throw new UsageError(`--as-of "${values["as-of"]}" is not a date written YYYY-MM-DD`);
    asOf = day;
  }
  let json: string | null = null;
  if (values.json !== undefined) json = values.json === "-" ? "-" : path.resolve(io.cwd, values.json);
  return { input, output, asOf, json, print: values.print ?? false };
}

/** IN's name with "-refreshed" before its .xlsx, of any case: Book.XLSX → Book-refreshed.XLSX. */
export function defaultOutput(input: string): string {
  const m = /\.xlsx$/i.exec(input);
  return m ? `${input.slice(0, m.index)}-refreshed${m[0]}` : `${input}-refreshed.xlsx`;
}

/** Runs the command; returns the exit status. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: Options | "help";
  try {
    options = parse(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`refresh: ${e.message}. Run with --help for usage.\n`);
      return EXIT.usage;
    }
    throw e;
  }
  if (options === "help") {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  try {
    return await refreshFile(options, io);
  } catch (e) {
    const message = e instanceof WorkbookError ? e.message : `unexpected error: ${(e as Error)?.message ?? String(e)}`;
    io.stderr(`refresh: ${message.split("\n")[0]}\n`);
    return EXIT.failed;
  }
}

async function refreshFile(o: Options, io: CliIo): Promise<number> {
  const label = path.basename(o.input);
  if (/\.xlsm$/i.test(o.input)) {
    throw new WorkbookError(
      `${label} is a macro-enabled workbook (.xlsm); refreshing it would lose its macros, so it is left alone.`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(o.input);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookError(`${o.input} does not exist.`);
    if (code === "EISDIR") throw new WorkbookError(`${o.input} is a folder, not a workbook.`);
    throw new WorkbookError(`${o.input} cannot be read (${code ?? "unknown error"}).`);
  }
  const wb = await openWorkbook(bytes, label);
  // Both outputs must have somewhere to go before either is written.
  for (const target of [o.output, o.json]) {
    if (target === null || target === "-") continue;
    const dir = path.dirname(target);
    const stat = await fs.stat(dir).catch(() => null);
    if (!stat?.isDirectory())
      throw new WorkbookError(`${dir} is not a folder, so ${path.basename(target)} cannot be written there.`);
  }
  const { result, plan } = planWorkbookRefresh(workbookView(wb), o.asOf, io.now());
  applyPlan(wb, plan);
  const out = await saveWorkbook(wb);
  await writeAtomically(o.output, out);
  if (o.json !== null) {
    const text = `${JSON.stringify(toJson(result), null, 2)}\n`;
    if (o.json === "-") io.stdout(text);
    else await writeAtomically(o.json, Buffer.from(text, "utf8"));
  }
  if (o.json !== "-") {
    io.stdout(summary(result, o, path.relative(io.cwd, o.output) || o.output));
    if (o.print) io.stdout(reportTable(result));
  }
  return EXIT.ok;
}

/** Writes beside the target and renames, so a failed write never leaves half a workbook. */
async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookError(`${file} cannot be written (${code ?? (e as Error).message}).`);
  }
}

const STATUS_ORDER: LineStatus[] = [
  "Active",
  "Low",
  "Expiring soon",
  "Depleted",
  "Over limit",
  "Expired",
  "Not started",
  "Invalid",
];

function summary(result: EngineResult, o: Options, written: string): string {
  const counts = new Map<LineStatus, number>();
  for (const l of result.lines) counts.set(l.status, (counts.get(l.status) ?? 0) + 1);
  const statusLine = STATUS_ORDER.filter((s) => counts.get(s))
    .map((s) => `${counts.get(s)} ${s}`)
    .join(", ");
  const counted = result.sessions.countedCount();
  const lines = [
    `Refreshed ${written} as of ${formatDay(result.asOf, "MDY")}.`,
    `${result.lines.length} authorization lines: ${statusLine || "none"}.`,
    `${counted} of ${result.sessions.length} sessions counted against an authorization.`,
  ];
  if (result.problems.length > 0) {
    lines.push(`${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} to look at:`);
    const shown = result.problems.slice(0, 12);
    for (const p of shown) lines.push(`  - ${p.message}`);
    if (result.problems.length > shown.length) {
      lines.push(
        `  … and ${result.problems.length - shown.length} more${o.json ? "" : " (use --json FILE to see them all)"}.`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The report as a plain-text table for the terminal. */
export function reportTable(result: EngineResult): string {
  const header = ["Client", "Auth #", "Codes", "Start", "End", "Allowed", "Used", "Sched", "Remaining", "Status"];
  const rows = reportOrder(result.lines).map((l) => [
    l.clientName ?? l.clientId ?? "",
    l.authorization ?? "",
    l.any ? "Any" : l.codes.join(", "),
    l.start === null ? "" : formatDay(l.start, "MDY"),
    l.end === null ? "" : formatDay(l.end, "MDY"),
    l.allowed === null ? "" : String(l.allowed),
    // As on the report sheet: an invalid line counts nothing, so Used and Scheduled are blank, not 0.
    l.status === "Invalid" ? "" : String(l.used),
    l.status === "Invalid" ? "" : String(l.scheduled),
    l.remaining === null ? "" : String(l.remaining),
    l.status,
  ]);
  const clip = (s: string): string => (s.length > 24 ? `${s.slice(0, 23)}…` : s);
  const all = [header, ...rows].map((r) => r.map(clip));
  const widths = header.map((_, j) => Math.max(...all.map((r) => r[j].length)));
  const numeric = new Set([5, 6, 7, 8]);
  const fmt = (r: string[]): string =>
    r
      .map((c, j) => (numeric.has(j) ? c.padStart(widths[j]) : c.padEnd(widths[j])))
      .join("  ")
      .trimEnd();
  return `\n${fmt(all[0])}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${all.slice(1).map(fmt).join("\n")}\n`;
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    now: () => new Date(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`refresh: unexpected error: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}
