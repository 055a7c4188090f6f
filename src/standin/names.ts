/**
 * Defined names through Office.js (workbook.names): add a name for a range,
 * find it, read its formula, get its range, delete it. Backed by ExcelJS's
 * workbook.definedNames, so names survive saving the workbook.
 */
import type ExcelJS from "exceljs";
import type { Transaction } from "./batch";
import type { RequestContext } from "./context";
import { ErrorCodes, fail } from "./errors";
import {
  type NameEntry,
  isValidName,
  nameFormula,
  namesUndo,
  parseReference,
  readNames,
  storableReference,
  writeNames,
} from "./namemodel";
import { ClientObject, Collection, type Getter } from "./proxy";
import { Range, type RangeTarget } from "./range";
import { workbookTables } from "./tablemodel";

/** A name as the stand-in knows it: its entry in ExcelJS, or a name left at #REF! by a deleted sheet. */
interface NameTarget {
  readonly name: string;
  readonly entry: NameEntry | null;
}

function findName(tx: Transaction, key: string): NameTarget | null {
  const lower = key.toLowerCase();
  const entry = readNames(tx.state.workbook).find((n) => n.name.toLowerCase() === lower);
  if (entry) return { name: entry.name, entry };
  const broken = tx.state.brokenNames.get(lower);
  return broken ? { name: broken, entry: null } : null;
}

/** The single sheet range a name refers to, or null (#REF!, several areas, a missing sheet). */
function rangeOf(tx: Transaction, target: NameTarget): RangeTarget | null {
  if (!target.entry || target.entry.ranges.length !== 1) return null;
  const ref = parseReference(target.entry.ranges[0]);
  if (!ref) return null;
  const lower = ref.sheet.toLowerCase();
  const ws = tx.state.workbook.worksheets.find((w) => w.name.toLowerCase() === lower);
  return ws ? { ws, rect: ref.rect } : null;
}

export class NamedItemCollection extends Collection<ExcelJS.Workbook, NamedItem> {
  protected readonly _className = "NamedItemCollection";

  constructor(context: RequestContext, path: string) {
    super(context, path, false);
    this._null = false;
  }

  protected _locate(tx: Transaction): ExcelJS.Workbook {
    return tx.state.workbook;
  }

  protected _list(wb: ExcelJS.Workbook, tx: Transaction): unknown[] {
    const names: NameTarget[] = readNames(wb).map((entry) => ({ name: entry.name, entry }));
    for (const name of tx.state.brokenNames.values()) names.push({ name, entry: null });
    return names;
  }

  protected _wrap(item: unknown): NamedItem {
    const target = item as NameTarget;
    return new NamedItem(this.context, `${this._path}.getItem(${JSON.stringify(target.name)})`, () => target, false);
  }

  getItem(name: string): NamedItem {
    const path = this._childPath("getItem", [name]);
    return new NamedItem(this.context, path, (tx) => findName(tx, name) ?? fail(ErrorCodes.itemNotFound, path));
  }

  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.context, this._childPath("getItemOrNullObject", [name]), (tx) => findName(tx, name));
  }

  /**
   * Adds a workbook-level name for a range (a Range, or a reference such as
   * "=Sheet1!$A$1"). Fails with ItemAlreadyExists when the name (or a table's)
   * is taken, InvalidArgument when Excel would not take the name or reference.
   */
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    const path = this._childPath("add", [
      name,
      typeof reference === "string" ? reference : reference._path,
      comment ?? null,
    ]);
    return new NamedItem(this.context, path, (tx) => {
      const wb = tx.state.workbook;
      if (typeof name !== "string" || !isValidName(name))
        fail(ErrorCodes.invalidArgument, path, `"${String(name)}" is not a valid name.`);
      const lower = name.toLowerCase();
      if (findName(tx, name) || workbookTables(wb).some((t) => t.table.table.name.toLowerCase() === lower))
        fail(ErrorCodes.itemAlreadyExists, path);
      let target: RangeTarget | null;
      if (typeof reference === "string") {
        const ref = parseReference(reference);
        const ws = ref && wb.worksheets.find((w) => w.name.toLowerCase() === ref.sheet.toLowerCase());
        target = ref && ws ? { ws, rect: ref.rect } : null;
      } else target = reference._resolve(tx);
      if (target === null)
        return fail(
          ErrorCodes.invalidArgument,
          path,
          "The stand-in supports names that refer to a range on an existing sheet.",
        );
      tx.onUndo(namesUndo(wb));
      const entry = { name, ranges: [storableReference(target.ws.name, target.rect)] };
      writeNames(wb, [...readNames(wb), entry]);
      if (comment !== undefined) {
        const before = tx.state.nameComments.get(lower);
        tx.state.nameComments.set(lower, comment);
        tx.onUndo(() => {
          if (before === undefined) tx.state.nameComments.delete(lower);
          else tx.state.nameComments.set(lower, before);
        });
      }
      return { name, entry };
    });
  }
}

export class NamedItem extends ClientObject<NameTarget> {
  protected readonly _className = "NamedItem";

  constructor(
    context: RequestContext,
    path: string,
    private readonly locator: (tx: Transaction) => NameTarget | null,
    instantiate = true,
  ) {
    super(context, path, instantiate);
  }

  protected _locate(tx: Transaction): NameTarget | null {
    return this.locator(tx);
  }

  /** Names are looked up afresh each time: a pinned name still exists only while ExcelJS (or the #REF! list) holds it. */
  override _resolve(tx: Transaction): NameTarget | null {
    const pinned = super._resolve(tx);
    if (pinned === null) return null;
    return findName(tx, pinned.name) ?? fail(ErrorCodes.itemNotFound, this._path);
  }

  _getters(): Record<string, Getter<NameTarget>> {
    const formula = (n: NameTarget): string => (n.entry ? nameFormula(n.entry) : "=#REF!");
    return {
      name: (n) => n.name,
      type: (n) => (n.entry ? "Range" : "Error"),
      formula,
      value: (n) => formula(n).slice(1),
      visible: () => true,
      scope: () => "Workbook",
      comment: (n, tx) => tx.state.nameComments.get(n.name.toLowerCase()) ?? "",
    };
  }

  get name(): string {
    return this._get("name");
  }
  get type(): string {
    return this._get("type");
  }
  get value(): string {
    return this._get("value");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  get scope(): string {
    return this._get("scope");
  }
  get comment(): string {
    return this._get("comment");
  }

  /** "='Authorized Insurance Sessions'!$A$1" for a range name; "=#REF!" once its sheet is deleted. */
  get formula(): string {
    return this._get("formula");
  }

  /** Points the name at another range ("=Sheet1!$B$2"). */
  set formula(value: string) {
    this._set("formula", value, (n, tx) => {
      const wb = tx.state.workbook;
      const ref = parseReference(String(value));
      const ws = ref && wb.worksheets.find((w) => w.name.toLowerCase() === ref.sheet.toLowerCase());
      if (!ref || !ws) fail(ErrorCodes.invalidArgument, `${this._path}.formula`);
      tx.onUndo(namesUndo(wb));
      const brokenBefore = tx.state.brokenNames.get(n.name.toLowerCase());
      tx.state.brokenNames.delete(n.name.toLowerCase());
      tx.onUndo(() => {
        if (brokenBefore !== undefined) tx.state.brokenNames.set(n.name.toLowerCase(), brokenBefore);
      });
      const others = readNames(wb).filter((e) => e.name.toLowerCase() !== n.name.toLowerCase());
      writeNames(wb, [...others, { name: n.name, ranges: [storableReference(ws.name, ref.rect)] }]);
    });
  }

  /** The range the name refers to; the sync fails if it refers to none. */
  getRange(): Range {
    const path = this._childPath("getRange");
    return new Range(this.context, path, (tx) => {
      const n = this._resolve(tx);
      if (n === null) return null;
      return rangeOf(tx, n) ?? fail(ErrorCodes.invalidReference, path);
    });
  }

  /** The range the name refers to, or a null object (for a #REF! name, say). */
  getRangeOrNullObject(): Range {
    return new Range(this.context, this._childPath("getRangeOrNullObject"), (tx) => {
      const n = this._resolve(tx);
      return n === null ? null : rangeOf(tx, n);
    });
  }

  delete(): void {
    this._call("delete", [], (n, tx) => {
      const wb = tx.state.workbook;
      const lower = n.name.toLowerCase();
      tx.onUndo(namesUndo(wb));
      writeNames(
        wb,
        readNames(wb).filter((e) => e.name.toLowerCase() !== lower),
      );
      const broken = tx.state.brokenNames.get(lower);
      if (broken !== undefined) {
        tx.state.brokenNames.delete(lower);
        tx.onUndo(() => tx.state.brokenNames.set(lower, broken));
      }
    });
  }
}
