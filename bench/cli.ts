/**
 * The command line end to end on a 100,000-session workbook, against only
 * reading and writing the same file with the same library (ExcelJS) the same
 * way the CLI does (read the bytes, load, write a buffer, write the file).
 *
 * The workbook is refreshed once before timing, so each timed refresh is the
 * office manager's weekly one: Remaining and Prior Auth # already filled, the
 * report sheet there to be rebuilt, and the file the same size before and after.
 * The first refresh of a never-refreshed file is timed too (it writes more than
 * it reads: a whole Remaining column and the report), against the same baseline.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../src/cli/main";
import { isoFromDay } from "../src/engine/dates";
import { generatePractice, toWorkbook } from "./practice";
import { median, time } from "./timing";

export interface CliResult {
  readonly sessions: number;
  /** One refresh of an already refreshed workbook, end to end (median). */
  readonly ms: number;
  /** Reading and writing the same file with ExcelJS, nothing else (median). */
  readonly readWriteOnlyMs: number;
  readonly ratio: number;
  /** The first refresh of the never-refreshed workbook (median), and its ratio to the same baseline. */
  readonly firstRefreshMs: number;
  readonly firstRatio: number;
  readonly fileBytes: number;
}

async function refresh(input: string, output: string, asOf: string): Promise<void> {
  let stderr = "";
  const code = await runCli([input, "--out", output, "--as-of", asOf], {
    cwd: path.dirname(input),
    stdout: () => undefined,
    stderr: (t) => (stderr += t),
    now: () => new Date(Date.UTC(2026, 8, 30, 12)),
  });
  if (code !== 0) throw new Error(`refresh failed (${code}): ${stderr.trim()}`);
}

/** What the CLI's own I/O costs with no refresh in between. */
async function readWrite(input: string, output: string): Promise<void> {
  const bytes = await fs.readFile(input);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out = await wb.xlsx.writeBuffer();
  await fs.writeFile(output, new Uint8Array(out as ArrayBuffer));
}

export async function benchCli(sessions = 100_000, runs = 3): Promise<CliResult> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "session-counting-bench-"));
  try {
    const raw = generatePractice(sessions);
    const asOf = isoFromDay(raw.asOf);
    const fresh = path.join(dir, "fresh.xlsx");
    const refreshed = path.join(dir, "practice.xlsx");
    const out = path.join(dir, "out.xlsx");
    await toWorkbook(raw).xlsx.writeFile(fresh);
    await refresh(fresh, refreshed, asOf);
    const fileBytes = (await fs.stat(refreshed)).size;

    // Alternate the two, so a slow moment of the machine falls on both alike.
    const cli: number[] = [];
    const io: number[] = [];
    const first: number[] = [];
    for (let i = 0; i < runs; i++) {
      io.push((await time(() => readWrite(refreshed, out))).ms);
      cli.push((await time(() => refresh(refreshed, out, asOf))).ms);
      first.push((await time(() => refresh(fresh, out, asOf))).ms);
    }
    const ms = median(cli);
    const readWriteOnlyMs = median(io);
    const firstRefreshMs = median(first);
    return {
      sessions,
      ms,
      readWriteOnlyMs,
      ratio: ms / readWriteOnlyMs,
      firstRefreshMs,
      firstRatio: firstRefreshMs / readWriteOnlyMs,
      fileBytes,
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
