/** The workbook root: its collections, the selection, the date system, and application/runtime switches. */
import type ExcelJS from "exceljs";
import type { Transaction } from "./batch";
import type { RequestContext } from "./context";
import { ErrorCodes, fail } from "./errors";
import { NamedItemCollection } from "./names";
import { ClientObject, ClientResult, type Getter } from "./proxy";
import { Range } from "./range";
import { TableCollection } from "./tables";
import { partsToSerial } from "./values";
import { WorksheetCollection } from "./worksheet";

export class Workbook extends ClientObject<ExcelJS.Workbook> {
  protected readonly _className = "Workbook";
  readonly worksheets: WorksheetCollection;
  readonly names: NamedItemCollection;
  readonly tables: TableCollection;
  readonly application: Application;
  readonly functions: Functions;

  constructor(context: RequestContext) {
    super(context, "workbook", false);
    this._null = false;
    this.worksheets = new WorksheetCollection(context, "workbook.worksheets");
    this.names = new NamedItemCollection(context, "workbook.names");
    this.tables = new TableCollection(context, "workbook.tables", undefined);
    this.application = new Application(context);
    this.functions = new Functions(context);
  }

  protected _locate(tx: Transaction): ExcelJS.Workbook {
    return tx.state.workbook;
  }

  _getters(): Record<string, Getter<ExcelJS.Workbook>> {
    return {
      name: (_wb, tx) => tx.state.options.workbookName,
      use1904DateSystem: (wb) => Boolean(wb.properties?.date1904),
      readOnly: () => false,
    };
  }

  get name(): string {
    return this._get("name");
  }

  get readOnly(): boolean {
    return this._get("readOnly");
  }

  /**
   * Whether the workbook counts dates from 1904 (ExcelJS's workbook.properties.date1904).
   * Not part of Office.js (its typings have no such property; the edge probes DATE(1904,1,1)
   * instead): a convenience for tests and the preview.
   */
  get use1904DateSystem(): boolean {
    return this._get("use1904DateSystem");
  }

  set use1904DateSystem(value: boolean) {
    this._set("use1904DateSystem", value, (wb, tx) => {
      const properties = (wb.properties ?? {}) as { date1904?: boolean };
      const before = properties.date1904;
      properties.date1904 = Boolean(value);
      (wb as unknown as { properties: object }).properties = properties;
      tx.onUndo(() => {
        properties.date1904 = before;
      });
    });
  }

  /** The user's selection (Excel keeps one; A1 of the active sheet until something is selected). */
  getSelectedRange(): Range {
    return new Range(this.context, this._childPath("getSelectedRange"), (tx) => {
      const state = tx.state;
      const selected = state.selection ? state.worksheetById(state.selection.sheetId) : undefined;
      if (selected && state.selection) return { ws: selected, rect: state.selection.rect };
      const ws = state.activeSheet();
      if (!ws) return fail(ErrorCodes.itemNotFound, "workbook.getSelectedRange()");
      return { ws, rect: { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  getActiveWorksheet() {
    return this.worksheets.getActiveWorksheet();
  }
}

/** Excel.Application: calculation switches the stand-in records but does not need (it never calculates). */
export class Application extends ClientObject<ExcelJS.Workbook> {
  protected readonly _className = "Application";

  constructor(context: RequestContext) {
    super(context, "application", false);
    this._null = false;
  }

  protected _locate(tx: Transaction): ExcelJS.Workbook {
    return tx.state.workbook;
  }

  _getters(): Record<string, Getter<ExcelJS.Workbook>> {
    return { calculationMode: () => "Automatic" };
  }

  get calculationMode(): string {
    return this._get("calculationMode");
  }

  /** Recorded in stats.calls: Excel would hold recalculation until the next sync. */
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], (_wb, tx) =>
      tx.state.stats.count("suspendApiCalculationUntilNextSync"),
    );
  }

  calculate(): void {
    this._call("calculate", [], (_wb, tx) => tx.state.stats.count("calculate"));
  }
}

/** Excel.Runtime: enableEvents switches this add-in's event handlers off and on (at sync, like any write). */
export class Runtime extends ClientObject<ExcelJS.Workbook> {
  protected readonly _className = "Runtime";

  constructor(context: RequestContext) {
    super(context, "runtime", false);
    this._null = false;
  }

  protected _locate(tx: Transaction): ExcelJS.Workbook {
    return tx.state.workbook;
  }

  _getters(): Record<string, Getter<ExcelJS.Workbook>> {
    return { enableEvents: (_wb, tx) => tx.state.enableEvents };
  }

  get enableEvents(): boolean {
    return this._get("enableEvents");
  }

  set enableEvents(value: boolean) {
    this._set("enableEvents", value, (_wb, tx) => {
      const before = tx.state.enableEvents;
      tx.state.enableEvents = Boolean(value);
      tx.onUndo(() => {
        tx.state.enableEvents = before;
      });
    });
  }
}

/** The result of a worksheet function call: value (or error) readable after sync. */
export class FunctionResult<V> extends ClientResult<V> {
  error: string | undefined = undefined;

  /** Accepted for office.js compatibility: a function result is always returned by the next sync. */
  load(): this {
    return this;
  }
}

/** Excel.Functions, only as far as the edge needs: DATE, whose result reveals the workbook's date system. */
export class Functions {
  constructor(private readonly context: RequestContext) {}

  /** DATE(year, month, day): the serial in the workbook's date system (1904-01-01 is 0 there, 1462 in the 1900 system). */
  date(year: number, month: number, day: number): FunctionResult<number> {
    return new FunctionResult<number>(
      this.context,
      (tx) => {
        const y = year < 1900 ? year + 1900 : year;
        const first = new Date(Date.UTC(y, month - 1, day));
        return partsToSerial(first.getUTCFullYear(), first.getUTCMonth() + 1, first.getUTCDate(), tx.state.date1904);
      },
      { call: "workbook.functions", method: "date", args: [year, month, day] },
    );
  }
}
