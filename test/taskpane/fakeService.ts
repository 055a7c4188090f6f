/** An in-memory WorkbookService for pane tests: every method a jest.fn spy, events fired by hand. */
import type {
  MappingState,
  RefreshOutcome,
  SetupOutcome,
  TrackingEntry,
  TrackingEntryRow,
  WorkbookService,
} from "../../src/addin/service";
import { type DayNumber, parseIsoDay } from "../../src/engine/dates";
import { DEFAULT_SETTINGS } from "../../src/engine/settings";
import type { LineResult, Problem, Settings } from "../../src/engine/types";
import type { AddinOptions } from "../../src/workbook/settings";

export const day = (iso: string): DayNumber => parseIsoDay(iso) as DayNumber;

/** The day the tests' pane opens on. */
export const TODAY = day("2026-06-30");

export function line(partial: Partial<LineResult> = {}): LineResult {
  return {
    row: 2,
    clientKey: "row:2",
    clientId: "C1001",
    clientName: "Ann Lee",
    insurance: "Aetna",
    authorization: "A123",
    trackBy: "Sessions",
    codes: ["90837"],
    any: false,
    start: day("2026-01-01"),
    end: day("2026-12-31"),
    allowed: 12,
    used: 5,
    scheduled: 2,
    remaining: 5,
    status: "Active",
    lastSession: day("2026-06-20"),
    note: null,
    ...partial,
  };
}

export function problem(partial: Partial<Problem> = {}): Problem {
  return {
    kind: "unreadable-cell",
    sheet: "Sessions",
    row: 14,
    column: "Date",
    message: "Sessions row 14, Date: 2/30/2026 is not a date.",
    ...partial,
  };
}

export function outcome(partial: Partial<RefreshOutcome> = {}): RefreshOutcome {
  const lines = partial.lines ?? [line()];
  const clients = new Map<string, { label: string; cellText: string }>();
  for (const l of lines) {
    if (l.clientKey && !clients.has(l.clientKey))
      clients.set(l.clientKey, {
        label: l.clientName && l.clientId ? `${l.clientName} (${l.clientId})` : (l.clientName ?? ""),
        cellText: l.clientId ?? l.clientName ?? "",
      });
  }
  return {
    asOf: TODAY,
    refreshedAt: new Date(2026, 5, 30, 9, 5),
    lines,
    problems: [],
    sessionsCounted: 10,
    sessionsTotal: 12,
    clients: [...clients].map(([key, c]) => ({ key, ...c })),
    ...partial,
  };
}

export function mappingState(partial: Partial<MappingState> = {}): MappingState {
  return {
    workbookSheets: ["Clients", "Tracking", "Sessions", "Visits", "Settings"],
    sheets: [
      {
        kind: "clients",
        sheet: "Clients",
        headers: ["Client ID", "Client Name", "Insurance"],
        fields: [
          { key: "id", label: "Client ID", required: true, header: "Client ID" },
          { key: "name", label: "Client Name", required: true, header: "Client Name" },
          { key: "insurance", label: "Primary Insurance", required: false, header: "Insurance" },
          { key: "memberId", label: "Member ID", required: false, header: null },
        ],
      },
      {
        kind: "tracking",
        sheet: "Tracking",
        headers: ["Client", "Start Date", "End Date", "Billing Code", "Allowed", "Auth #"],
        fields: [
          { key: "client", label: "Client", required: true, header: "Client" },
          { key: "trackBy", label: "Track By", required: false, header: null },
          { key: "start", label: "Start Date", required: true, header: "Start Date" },
          { key: "end", label: "End Date", required: true, header: "End Date" },
          { key: "code", label: "Billing Code", required: true, header: "Billing Code" },
          { key: "allowed", label: "Allowed", required: true, header: "Allowed" },
          { key: "authorization", label: "Authorization #", required: false, header: "Auth #" },
        ],
      },
      {
        kind: "sessions",
        sheet: "Sessions",
        headers: ["DOS", "Client", "CPT Code", "Status"],
        fields: [
          { key: "date", label: "Date", required: true, header: "DOS" },
          { key: "client", label: "Client", required: true, header: "Client" },
          { key: "code", label: "Billing Code", required: true, header: null },
          { key: "units", label: "Units", required: false, header: null },
          { key: "status", label: "Status", required: false, header: "Status" },
          { key: "priorAuth", label: "Prior Auth #", required: false, header: null },
          { key: "remaining", label: "Remaining", required: false, header: null },
        ],
      },
    ],
    ...partial,
  };
}

type Listener<T extends unknown[]> = (...args: T) => void;

/** A WorkbookService over plain data. Set the public fields before rendering; the spies record the calls. */
export class FakeService implements WorkbookService {
  refreshOutcome: RefreshOutcome = outcome();
  analyzeOutcome: RefreshOutcome | null = null;
  stale = false;
  tracking = new Map<string, TrackingEntryRow[]>();
  settings: Settings = DEFAULT_SETTINGS;
  options: AddinOptions = { autoRefresh: false, openWithWorkbook: false };
  mapping: MappingState = mappingState();
  setup: SetupOutcome = { created: ["Clients", "Tracking", "Settings"], existing: ["Sessions"] };

  readonly clientListeners = new Set<Listener<[string]>>();
  readonly dataListeners = new Set<Listener<[]>>();

  refresh = jest.fn(async (asOf: DayNumber): Promise<RefreshOutcome> => ({ ...this.refreshOutcome, asOf }));
  analyze = jest.fn(async (asOf: DayNumber): Promise<RefreshOutcome> => ({
    ...(this.analyzeOutcome ?? this.refreshOutcome),
    asOf,
  }));
  isStale = jest.fn(async (): Promise<boolean> => this.stale);
  goTo = jest.fn(async (): Promise<void> => undefined);
  listTracking = jest.fn(async (clientKey: string): Promise<readonly TrackingEntryRow[]> => [
    ...(this.tracking.get(clientKey) ?? []),
  ]);
  saveTracking = jest.fn(async (entry: TrackingEntry, row?: number): Promise<void> => {
    void entry;
    void row;
  });
  deleteTracking = jest.fn(async (row: number): Promise<void> => {
    for (const [key, list] of this.tracking) {
      this.tracking.set(
        key,
        list.filter((e) => e.row !== row),
      );
    }
  });
  setupWorkbook = jest.fn(async (): Promise<SetupOutcome> => this.setup);
  readSettings = jest.fn(async () => ({ settings: this.settings, options: this.options }));
  writeSettings = jest.fn(async (settings: Settings, options: AddinOptions): Promise<void> => {
    this.settings = settings;
    this.options = options;
  });
  readMapping = jest.fn(async (): Promise<MappingState> => this.mapping);
  writeMapping = jest.fn(async (): Promise<void> => undefined);
  unsubscribeClient = jest.fn(async (): Promise<void> => undefined);
  unsubscribeData = jest.fn(async (): Promise<void> => undefined);
  onClientSelected = jest.fn(async (callback: (clientKey: string) => void) => {
    this.clientListeners.add(callback);
    return async (): Promise<void> => {
      this.clientListeners.delete(callback);
      await this.unsubscribeClient();
    };
  });
  onDataChanged = jest.fn(async (callback: () => void) => {
    this.dataListeners.add(callback);
    return async (): Promise<void> => {
      this.dataListeners.delete(callback);
      await this.unsubscribeData();
    };
  });

  /** As if the user selected a Sessions row of this client in Excel. */
  selectClient(key: string): void {
    for (const l of this.clientListeners) l(key);
  }

  /** As if the user edited Sessions or Tracking. */
  changeData(): void {
    for (const l of this.dataListeners) l();
  }
}
