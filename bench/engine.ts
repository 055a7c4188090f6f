/**
 * The engine section: `countSessions` from typed rows to results at four sizes
 * of one generator.
 *
 * Each size is timed in a process of its own, and the sizes take turns over
 * several rounds:
 * - A process of its own, because a pane counts one practice: timed in one
 *   process after the smaller sizes, 1M sessions ran 12–17 % slower, paying
 *   for a heap and compiled code shaped by practices no refresh would have
 *   counted before it.
 * - Turns, because the targets compare sizes (1M against 100k), and on a
 *   shared machine the load drifts over a minute: timing all of one size and
 *   then all of the next would put that drift into the ratio.
 *
 * Run directly (`tsx bench/engine.ts N`) it times one size and prints its runs
 * as JSON: that is the child each turn starts.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { countSessions } from "../src/engine/count";
import { analyzeWorkbook } from "../src/workbook/refresh";
import { generatePractice, toInput, toView } from "./practice";
import { measure, median } from "./timing";

export interface EngineRow {
  readonly sessions: number;
  readonly lines: number;
  /** The median of every timed run of this size, over all rounds. */
  readonly ms: number;
  readonly fastestMs: number;
  readonly runs: number;
}

/** What one child measured. */
interface SizeRuns {
  readonly sessions: number;
  readonly lines: number;
  readonly all: number[];
}

export const ENGINE_SIZES = [1_000, 10_000, 100_000, 1_000_000] as const;
/** How many turns each size gets, each in a fresh process. */
const ROUNDS = 3;

/** Timed runs per process (many at the small sizes, so a busy moment moves the median little), after a warm-up. */
function runsFor(sessions: number): { warmups: number; warmupMs: number; runs: number } {
  const runs = sessions <= 1_000 ? 101 : sessions <= 10_000 ? 51 : sessions <= 100_000 ? 21 : 7;
  // A fresh process has compiled nothing: the warm-up also lasts a second at the small sizes.
  return { warmups: sessions >= 1_000_000 ? 2 : 20, warmupMs: 1_000, runs };
}

/** Times one size in this process: the generator's practice as typed rows, median of warmed-up runs. */
async function timeSize(sessions: number): Promise<SizeRuns> {
  // Only the typed rows stay alive while timing, as they would in the pane.
  let raw: ReturnType<typeof generatePractice> | null = generatePractice(sessions);
  const input = toInput(raw);
  const asOf = raw.asOf;
  raw = null;
  const m = await measure(() => countSessions(input, asOf), runsFor(sessions));
  return { sessions, lines: input.tracking.length, all: m.all };
}

const run = promisify(execFile);

/** Times one size in a fresh process (this file, run by the same Node with the same loader flags). */
async function timeSizeAlone(sessions: number): Promise<SizeRuns> {
  const { stdout } = await run(process.execPath, [...process.execArgv, __filename, String(sessions)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as SizeRuns;
}

/** The engine at every size, each timed in its own process, sizes taking turns over ROUNDS rounds. */
export async function benchEngine(log: (text: string) => void): Promise<EngineRow[]> {
  // The typed rows the benchmark hands the engine are the reader's own rows: counted either way,
  // a practice must give the same lines and sessions.
  const check = generatePractice(1_000);
  const direct = countSessions(toInput(check), check.asOf);
  const read = analyzeWorkbook(toView(check), check.asOf).result;
  if (
    JSON.stringify([direct.lines, direct.sessions.toArray()]) !== JSON.stringify([read.lines, read.sessions.toArray()])
  ) {
    throw new Error("the generator's typed rows differ from what the reader makes of its sheets");
  }
  const runs = new Map<number, SizeRuns[]>(ENGINE_SIZES.map((n) => [n, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const sessions of ENGINE_SIZES) {
      const r = await timeSizeAlone(sessions);
      runs.get(sessions)!.push(r);
      log(
        `engine ${sessions}, round ${round} of ${ROUNDS}: median ${median(r.all).toFixed(1)} ms, fastest ${Math.min(...r.all).toFixed(1)} ms (${r.all.length} runs)`,
      );
    }
  }
  return ENGINE_SIZES.map((sessions) => {
    const all = runs.get(sessions)!.flatMap((r) => r.all);
    return {
      sessions,
      lines: runs.get(sessions)![0].lines,
      ms: median(all),
      fastestMs: Math.min(...all),
      runs: all.length,
    };
  });
}

if (require.main === module) {
  const sessions = Number(process.argv[2]);
  if (!Number.isInteger(sessions) || sessions <= 0)
    throw new Error(`usage: tsx bench/engine.ts SESSIONS (got ${process.argv[2]})`);
  void timeSize(sessions).then((r) => process.stdout.write(JSON.stringify(r)));
}
