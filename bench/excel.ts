/**
 * The Office.js edge against the Office.js stand-in: one pane refresh
 * (OfficeWorkbookService.refresh) of a practice of each size, counting
 * context.sync() round trips and the largest request and response, which the
 * stand-in sizes as Office does (JSON) and refuses over Excel on the web's 5 MB.
 */
import { REQUEST_BUDGET_BYTES } from "../src/excel/batch";
import { OfficeWorkbookService } from "../src/excel/service";
import { createStandIn } from "../src/standin";
import { generatePractice, toWorkbook } from "./practice";
import { time } from "./timing";

/** Excel on the web's payload limit, which the stand-in enforces on requests and responses alike. */
export const EXCEL_WEB_LIMIT = 5 * 1024 * 1024;

export interface ExcelResult {
  readonly sessions: number;
  readonly syncs: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  /**
   * The round trips the chunking needs: one to learn the sheets, then the data each way in loads of the
   * edge's request budget (4 MB: it keeps a 1 MB margin under Excel on the web's 5 MB limit, because its
   * sizes are estimated before the values are known).
   */
  readonly neededSyncs: number;
  readonly totalRequestBytes: number;
  readonly totalResponseBytes: number;
  readonly ms: number;
  /** Why the refresh failed (the sentence the pane would show), or null when it went through. */
  readonly error: string | null;
  /** The request the stand-in refused for its size, if any. */
  readonly refusedBytes: number | null;
}

export async function benchExcel(sessions: number): Promise<ExcelResult> {
  const raw = generatePractice(sessions);
  const standIn = createStandIn(toWorkbook(raw), { maxRequestBytes: EXCEL_WEB_LIMIT });
  const service = new OfficeWorkbookService({
    excel: standIn.Excel as unknown as typeof Excel,
    supports: () => true,
    now: () => new Date(Date.UTC(2026, 8, 30, 12)),
  });
  let error: string | null = null;
  const { ms } = await time(() =>
    service.refresh(raw.asOf).catch((e: unknown) => {
      error = (e as Error).message;
    }),
  );
  const { stats } = standIn;
  const totalRequestBytes = stats.requests.reduce((n, r) => n + r.bytes, 0);
  const totalResponseBytes = stats.requests.reduce((n, r) => n + r.responseBytes, 0);
  const refused = stats.requests.find((r) => r.error);
  return {
    sessions,
    syncs: stats.syncs,
    maxRequestBytes: stats.maxRequestBytes,
    maxResponseBytes: stats.maxResponseBytes,
    neededSyncs:
      1 +
      Math.ceil(totalResponseBytes / REQUEST_BUDGET_BYTES) +
      Math.max(1, Math.ceil(totalRequestBytes / REQUEST_BUDGET_BYTES)),
    totalRequestBytes,
    totalResponseBytes,
    ms,
    error,
    refusedBytes: refused ? refused.bytes : null,
  };
}
