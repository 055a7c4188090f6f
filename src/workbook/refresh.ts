/** One refresh, host-neutral: read the workbook's cells, count, and order every problem for the user. */
import { countSessions } from "../engine/count";
import type { DayNumber } from "../engine/dates";
import type { EngineResult, Problem } from "../engine/types";
import type { WorkbookView } from "./cells";
import { type RefreshPlan, planRefresh } from "./plan";
import { type PracticeRead, readPractice } from "./read";

export interface Analysis {
  readonly read: PracticeRead;
  /** The engine's result, its problems joined with the reader's and put in sheet and row order. */
  readonly result: EngineResult;
}

/** Reads and counts. Throws WorkbookError when the workbook has nothing to count (no Sessions sheet or header). */
export function analyzeWorkbook(view: WorkbookView, asOf: DayNumber): Analysis {
  const read = readPractice(view);
  const counted = countSessions(read.input, asOf);
  const labels = read.input.labels;
  const rank = new Map<string, number>([
    ["Settings", 0],
    [labels.clientsSheet, 1],
    [labels.trackingSheet, 2],
    [labels.sessionsSheet, 3],
  ]);
  const problems: Problem[] = [...read.problems, ...counted.problems]
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) => (rank.get(a.p.sheet) ?? 4) - (rank.get(b.p.sheet) ?? 4) || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i,
    )
    .map(({ p }) => p);
  return { read, result: { ...counted, problems } };
}

/** Reads, counts and plans the writes of a refresh. */
export function planWorkbookRefresh(
  view: WorkbookView,
  asOf: DayNumber,
  refreshedAt: Date,
): Analysis & { plan: RefreshPlan } {
  const analysis = analyzeWorkbook(view, asOf);
  return { ...analysis, plan: planRefresh(analysis.read, analysis.result, refreshedAt) };
}
