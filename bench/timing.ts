/** Timing helpers for the benchmarks (never used by tests): a monotonic clock, medians, warmed-up runs. */

/** Milliseconds on the monotonic clock. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs fn once and returns its duration in ms, with what it returned. */
export async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = now();
  const value = await fn();
  return { ms: now() - start, value };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The median of `runs` timed runs after untimed warm-up runs: at least
 * `warmups` of them, and at least `warmupMs` of running (a small input's 20
 * runs take a few milliseconds, too few for V8 to have compiled the hot paths
 * as it has in a pane refreshed more than once).
 * Runs follow each other without a forced collection in between: a forced full
 * GC shrinks V8's young generation, and the next run then pays for regrowing
 * it, which no real refresh does. Each run pays for its own garbage and its
 * share of collections, as in a long-lived pane.
 */
export async function measure(
  fn: () => unknown,
  { warmups, warmupMs = 0, runs }: { warmups: number; warmupMs?: number; runs: number },
): Promise<{ median: number; all: number[] }> {
  const start = now();
  for (let i = 0; i < warmups || now() - start < warmupMs; i++) await fn();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) all.push((await time(fn)).ms);
  return { median: median(all), all };
}

/** 12.345 → 12.3: results keep one decimal, so the JSON stays readable. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
