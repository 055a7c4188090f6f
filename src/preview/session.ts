/**
 * One workbook open in the preview: the .xlsx opened with ExcelJS, the Office.js stand-in over it, and the same
 * OfficeWorkbookService Excel runs. It tells the grid when the workbook changed and where the selection went.
 */
import type ExcelJS from "exceljs";
import type { WorkbookService } from "../addin/service";
import { OfficeWorkbookService } from "../excel/service";
import { type StandIn, createStandIn } from "../standin";
import { WorkbookError } from "../workbook/read";
import { openWorkbook } from "../xlsx/edge";
import type { GridSelection } from "./Grid";

/** What the grid draws from: a version that grows with every change, the selection, and the sheet shown. */
export interface PreviewSnapshot {
  readonly version: number;
  readonly selection: GridSelection | null;
  readonly activeSheet: string;
}

export interface PreviewWorkbook {
  readonly name: string;
  readonly workbook: ExcelJS.Workbook;
  readonly service: WorkbookService;
  getSnapshot(): PreviewSnapshot;
  subscribe(listener: () => void): () => void;
  /** The user clicked a cell: Excel's selection moves there, and the pane hears of it as in Excel. */
  select(sheet: string, address: string): void;
  /** The user picked a sheet tab. */
  showSheet(sheet: string): void;
  /** The workbook as .xlsx bytes, once the pane's work in progress has finished. */
  save(): Promise<Uint8Array>;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Opens .xlsx bytes for the preview, or throws a WorkbookError whose message is one sentence for the user. */
export async function openPreviewWorkbook(bytes: Uint8Array, name: string): Promise<PreviewWorkbook> {
  // Macros, charts, pivot tables and the like are refused by openWorkbook, as on the command line.
  if (/\.xlsm$/i.test(name)) {
    throw new WorkbookError(
      `${name} is a macro-enabled workbook; a refreshed copy would lose its macros, so the preview leaves it alone.`,
    );
  }
  const workbook = await openWorkbook(bytes, name);
  return new StandInWorkbook(name, workbook);
}

class StandInWorkbook implements PreviewWorkbook {
  readonly service: WorkbookService;
  private readonly standIn: StandIn;
  private readonly listeners = new Set<() => void>();
  private snapshot: PreviewSnapshot;
  private seq = 0;
  /** Excel.run calls in flight, so a download waits for the pane's writes to land. */
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  /** A selection read in flight, and whether another change came in meanwhile. */
  private reading = false;
  private again = false;

  constructor(
    readonly name: string,
    readonly workbook: ExcelJS.Workbook,
  ) {
    this.standIn = createStandIn(workbook, { workbookName: name });
    const excel = this.standIn.Excel as unknown as typeof Excel;
    // Every batch the edge runs may change cells or move the selection: after each, the grid looks again.
    const run = ((...args: unknown[]) => {
      this.running++;
      const done = () => {
        this.running--;
        this.changed();
        if (this.running === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      };
      const result = (excel.run as (...a: unknown[]) => Promise<unknown>)(...args);
      return result.then(
        (value) => {
          done();
          return value;
        },
        (error: unknown) => {
          done();
          throw error;
        },
      );
    }) as typeof Excel.run;
    const wrapped = Object.assign(Object.create(excel) as typeof Excel, { run });
    this.service = new OfficeWorkbookService({ excel: wrapped, now: () => new Date() });
    this.snapshot = { version: 0, selection: null, activeSheet: this.activeSheetName() };
    this.changed();
  }

  getSnapshot = (): PreviewSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  select(sheet: string, address: string): void {
    // The stand-in moves the selection at once and fires onSelectionChanged as Excel does (the pane's client view
    // listens); the grid shows the click at once and looks again when the handlers are done.
    const handled = this.standIn.events.select(sheet, address);
    this.publish({ sheet, address });
    void handled.then(
      () => this.changed(),
      () => this.changed(),
    );
  }

  showSheet(sheet: string): void {
    if (sheet === this.snapshot.activeSheet) return;
    this.snapshot = { ...this.snapshot, activeSheet: sheet };
    this.emit();
  }

  async save(): Promise<Uint8Array> {
    if (this.running > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await this.standIn.idle();
    const buffer = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  }

  /** Reads where Excel's selection is now, the Office.js way, then tells the grid (one read at a time, the last wins). */
  private changed(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    void this.readSelection()
      .then((selection) => this.publish(selection))
      .catch(() => this.publish(this.snapshot.selection))
      .finally(() => {
        this.reading = false;
        if (this.again) {
          this.again = false;
          this.changed();
        }
      });
  }

  private publish(selection: { sheet: string; address: string } | null): void {
    const previous = this.snapshot.selection;
    const moved =
      selection !== null &&
      (previous === null || previous.sheet !== selection.sheet || previous.address !== selection.address);
    this.snapshot = {
      version: this.snapshot.version + 1,
      selection: moved ? { ...selection, seq: ++this.seq } : previous,
      // A selection made by the edge (Go to) shows its sheet, as Excel activates it.
      activeSheet: moved ? selection.sheet : this.existingSheet(this.snapshot.activeSheet),
    };
    this.emit();
  }

  /** The selection and its sheet through the stand-in's own Excel (not the counted one: this read is the preview's). */
  private async readSelection(): Promise<{ sheet: string; address: string } | null> {
    const excel = this.standIn.Excel as unknown as typeof Excel;
    return excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      // The selection is always on the active sheet.
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      await context.sync();
      return { sheet: sheet.name, address: range.address };
    });
  }

  /** The sheet the file opens on (its workbook view's active tab), as Excel would show it. */
  private activeSheetName(): string {
    const views = this.workbook.views as { activeTab?: number }[] | undefined;
    const sheets = this.workbook.worksheets.filter((ws) => ws.state !== "hidden" && ws.state !== "veryHidden");
    const active = this.workbook.worksheets[views?.[0]?.activeTab ?? 0];
    return (active && sheets.includes(active) ? active : sheets[0])?.name ?? "";
  }

  /** The sheet still shown, or the first one when it was deleted (a report sheet rebuilt under its name stays shown). */
  private existingSheet(name: string): string {
    return this.workbook.getWorksheet(name) ? name : (this.workbook.worksheets[0]?.name ?? "");
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
