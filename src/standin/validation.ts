/**
 * Range.dataValidation: Office's rule objects (wholeNumber, decimal,
 * textLength, date, list, custom) stored as ExcelJS data validations, which
 * ExcelJS writes into the sheet.
 */
import type ExcelJS from "exceljs";
import { type Rect, contains, formatRect, intersect, parseRect } from "./address";
import type { Transaction } from "./batch";
import { protectionAllows } from "./cells";
import type { RequestContext } from "./context";
import { ErrorCodes, fail } from "./errors";
import { ClientObject, type Getter } from "./proxy";
import type { RangeTarget } from "./range";
import { dateToSerial } from "./values";

const OPERATORS: Record<string, string> = {
  Between: "between",
  NotBetween: "notBetween",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};

const TYPES: Record<string, string> = {
  wholeNumber: "whole",
  decimal: "decimal",
  textLength: "textLength",
  date: "date",
  time: "time",
  list: "list",
  custom: "custom",
};

interface ExcelJSValidation {
  type: string;
  operator?: string;
  formulae?: unknown[];
  allowBlank?: boolean;
  showErrorMessage?: boolean;
  showDropDown?: boolean;
  error?: string;
  errorTitle?: string;
  prompt?: string;
  promptTitle?: string;
  showInputMessage?: boolean;
}

interface BasicRule {
  formula1?: unknown;
  formula2?: unknown;
  operator?: string;
  inCellDropDown?: boolean;
  source?: string;
  formula?: string;
}

function store(ws: ExcelJS.Worksheet): Record<string, ExcelJSValidation | undefined> {
  return (ws as unknown as { dataValidations: { model: Record<string, ExcelJSValidation | undefined> } })
    .dataValidations.model;
}

/** The validation entries overlapping a rectangle, with their own rectangles. */
function overlapping(ws: ExcelJS.Worksheet, rect: Rect): { key: string; rect: Rect; rule: ExcelJSValidation }[] {
  const out: { key: string; rect: Rect; rule: ExcelJSValidation }[] = [];
  for (const [key, rule] of Object.entries(store(ws))) {
    const r = parseRect(key);
    if (rule && r && intersect(r, rect)) out.push({ key, rect: r, rule });
  }
  return out;
}

/** A date bound as Office accepts it (ISO text, a serial, or a Date) as a JS Date for ExcelJS. */
function dateBound(value: unknown, location: string): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number") return new Date(Math.round((value - 25569) * 86400000));
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) return new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return fail(ErrorCodes.invalidArgument, location, `"${String(value)}" is not a date Excel understands here.`);
}

function toExcelJS(rule: Record<string, BasicRule | undefined>, location: string): ExcelJSValidation {
  const kinds = Object.keys(rule).filter((k) => rule[k] !== undefined);
  if (kinds.length !== 1 || !(kinds[0] in TYPES))
    fail(ErrorCodes.invalidArgument, location, "A data validation rule names exactly one kind of criteria.");
  const kind = kinds[0];
  const body = rule[kind] as BasicRule;
  const base = { type: TYPES[kind], allowBlank: true, showErrorMessage: true };
  if (kind === "list") {
    const source = String(body.source ?? "");
    if (source === "") fail(ErrorCodes.invalidArgument, location, "A list rule needs a source.");
    const formula = source.startsWith("=") ? source.slice(1) : `"${source}"`;
    return { ...base, formulae: [formula], ...(body.inCellDropDown === false ? { showDropDown: true } : {}) };
  }
  if (kind === "custom") {
    const formula = String(body.formula ?? "");
    return { ...base, formulae: [formula.startsWith("=") ? formula.slice(1) : formula] };
  }
  const operator = OPERATORS[body.operator ?? ""];
  if (!operator)
    fail(ErrorCodes.invalidArgument, location, `"${String(body.operator)}" is not a data validation operator.`);
  const needsTwo = operator === "between" || operator === "notBetween";
  if (body.formula1 === undefined || (needsTwo && body.formula2 === undefined))
    fail(ErrorCodes.invalidArgument, location);
  const bounds = needsTwo ? [body.formula1, body.formula2] : [body.formula1];
  const formulae = kind === "date" ? bounds.map((b) => dateBound(b, location)) : bounds;
  return { ...base, operator, formulae };
}

function toOffice(v: ExcelJSValidation, date1904: boolean): Record<string, unknown> {
  const kind = Object.keys(TYPES).find((k) => TYPES[k] === v.type);
  if (!kind) return {};
  const formulae = v.formulae ?? [];
  if (kind === "list") {
    const f = String(formulae[0] ?? "");
    return { list: { inCellDropDown: v.showDropDown !== true, source: f.startsWith('"') ? f.slice(1, -1) : `=${f}` } };
  }
  if (kind === "custom") return { custom: { formula: `=${String(formulae[0] ?? "")}` } };
  const show = (f: unknown): unknown =>
    f instanceof Date ? (kind === "date" ? f.toISOString().slice(0, 10) : dateToSerial(f, date1904)) : f;
  const operator = Object.keys(OPERATORS).find((k) => OPERATORS[k] === (v.operator ?? "between")) ?? "Between";
  const body: Record<string, unknown> = { formula1: show(formulae[0]), operator };
  if (formulae.length > 1) body.formula2 = show(formulae[1]);
  return { [kind]: body };
}

export class DataValidation extends ClientObject<RangeTarget> {
  protected readonly _className = "DataValidation";

  constructor(
    context: RequestContext,
    path: string,
    private readonly range: (tx: Transaction) => RangeTarget | null,
  ) {
    super(context, path);
  }

  protected _locate(tx: Transaction): RangeTarget | null {
    return this.range(tx);
  }

  _getters(): Record<string, Getter<RangeTarget>> {
    const single = ({ ws, rect }: RangeTarget): ExcelJSValidation | null | undefined => {
      const found = overlapping(ws, rect);
      if (found.length === 0) return undefined;
      const rules = new Set(found.map((f) => JSON.stringify(f.rule)));
      return rules.size === 1 ? found[0].rule : null;
    };
    return {
      rule: (t, tx) => {
        const v = single(t);
        return v === null ? null : v === undefined ? {} : toOffice(v, tx.state.date1904);
      },
      type: (t) => {
        const v = single(t);
        if (v === null) return "MixedCriteria";
        if (v === undefined) return "None";
        const kind = Object.keys(TYPES).find((k) => TYPES[k] === v.type);
        return kind ? kind[0].toUpperCase() + kind.slice(1) : "Inconsistent";
      },
      ignoreBlanks: (t) => single(t)?.allowBlank !== false,
    };
  }

  get rule(): any {
    return this._get("rule");
  }

  /** Replaces any validation inside the range with this rule (Office's DataValidationRule shape). */
  set rule(value: any) {
    this._set("rule", value, ({ ws, rect }, tx) => {
      const location = `${this._path}.rule`;
      if (!protectionAllows(ws, "formatCells")) fail(ErrorCodes.accessDenied, location);
      const validation = toExcelJS(value as Record<string, BasicRule | undefined>, location);
      const model = store(ws);
      const before = { ...model };
      for (const found of overlapping(ws, rect)) if (contains(rect, found.rect)) delete model[found.key];
      model[formatRect(rect)] = validation;
      tx.onUndo(() => {
        for (const key of Object.keys(model)) delete model[key];
        Object.assign(model, before);
      });
    });
  }

  get type(): string {
    return this._get("type");
  }

  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }

  set ignoreBlanks(value: boolean) {
    this._set("ignoreBlanks", value, ({ ws, rect }, tx) => {
      const model = store(ws);
      const before = { ...model };
      for (const found of overlapping(ws, rect)) model[found.key] = { ...found.rule, allowBlank: Boolean(value) };
      tx.onUndo(() => {
        for (const key of Object.keys(model)) delete model[key];
        Object.assign(model, before);
      });
    });
  }

  /** Removes the validation from the range's cells. */
  clear(): void {
    this._call("clear", [], ({ ws, rect }, tx) => {
      const model = store(ws);
      const before = { ...model };
      for (const found of overlapping(ws, rect)) delete model[found.key];
      tx.onUndo(() => {
        for (const key of Object.keys(model)) delete model[key];
        Object.assign(model, before);
      });
    });
  }
}
