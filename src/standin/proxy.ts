/**
 * Proxy objects and load tracking, the heart of Office.js's rules: a proxy
 * holds no data until load() names a property and a sync() has run; writes
 * and method calls only queue operations. Every proxy is instantiated in the
 * next sync (as office.js does), which is when *OrNullObject learns it is null
 * and getItem on something missing fails.
 */
import type { Transaction } from "./batch";
import type { RequestContext } from "./context";
import { ErrorCodes, StandInError, fail, propertyNotLoaded } from "./errors";

/** Reads one loadable property from a resolved target while a sync runs. */
export type Getter<T> = (target: T, tx: Transaction) => unknown;

/** Any proxy, whatever its target (getter tables make ClientObject<T> invariant in T). */
export type AnyClientObject = ClientObject<any>;

/** What load() was asked for, split into this object's scalars and paths into navigation properties. */
interface LoadRequest {
  readonly scalars: string[];
  readonly nested: Map<string, string[] | undefined>;
}

interface LoadOptionObject {
  select?: string | string[];
  expand?: string | string[];
  [key: string]: unknown;
}

/** Flattens every form load() takes ("a, b/c", ["a"], {select, expand}, {a: true, b: {c: true}}) to paths. */
export function loadPaths(option: unknown): string[] | undefined {
  if (option === undefined || option === null) return undefined;
  if (typeof option === "string") {
    return option
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  }
  if (Array.isArray(option)) return option.flatMap((o) => loadPaths(o) ?? []);
  if (typeof option === "object") {
    const o = option as LoadOptionObject;
    if ("select" in o || "expand" in o) return [...(loadPaths(o.select) ?? []), ...(loadPaths(o.expand) ?? [])];
    const out: string[] = [];
    for (const [key, value] of Object.entries(o)) {
      if (value === true) out.push(key);
      else if (typeof value === "object" && value !== null) {
        const inner = loadPaths(value);
        if (inner === undefined || inner.length === 0) out.push(key);
        else for (const p of inner) out.push(`${key}/${p}`);
      }
    }
    return out;
  }
  return undefined;
}

/**
 * The base of every proxy. A subclass says how to find its target in the
 * workbook (`locate`), which scalar properties load() can fetch (`getters`),
 * and which navigation properties load paths may pass through (`navigation`).
 */
export abstract class ClientObject<T = unknown> {
  /** Office's isNullObject state: undefined until a sync has instantiated the proxy. */
  protected _null: boolean | undefined = undefined;
  private readonly _loaded = new Map<string, unknown>();
  /** The target found when first instantiated, so a renamed sheet or moved rows keep their proxy pointing at the same thing. */
  private _pinned: { target: T | null } | undefined;

  protected abstract readonly _className: string;

  constructor(
    readonly context: RequestContext,
    /** How the object was reached, e.g. worksheets.getItem("Sessions").getRange("A1"): the wire form and error location. */
    readonly _path: string,
    instantiate = true,
  ) {
    if (instantiate) {
      context._enqueue({
        wire: { instantiate: _path },
        run: (tx) => {
          const target = this._resolve(tx);
          tx.onCommit(() => {
            this._null = target === null;
          });
        },
      });
    }
  }

  /** Finds the target from the path; null for a null object. Throws StandInError (ItemNotFound, InvalidArgument...). */
  protected abstract _locate(tx: Transaction): T | null;

  /** The scalar properties load() can fetch. */
  abstract _getters(): Record<string, Getter<T>>;

  /** Navigation properties (format, worksheet, protection...) that load paths may go through. */
  protected _navigation(name: string): AnyClientObject | undefined {
    void name;
    return undefined;
  }

  /** Whether a pinned target still exists; a deleted sheet, say, makes its proxies fail. */
  protected _isAlive(target: T, tx: Transaction): boolean {
    void target;
    void tx;
    return true;
  }

  /** Pins this proxy to a target (worksheets by id, ranges by cells). Overridden by ranges, which track row moves. */
  protected _pin(target: T | null, tx: Transaction): void {
    const before = this._pinned;
    this._pinned = { target };
    tx.onUndo(() => {
      this._pinned = before;
    });
  }

  protected _pinnedTarget(): { target: T | null } | undefined {
    return this._pinned;
  }

  /** The target during a sync; null for a null object (its writes are ignored and its children are null too). */
  _resolve(tx: Transaction): T | null {
    const pinned = this._pinnedTarget();
    if (pinned) {
      if (pinned.target !== null && !this._isAlive(pinned.target, tx)) fail(ErrorCodes.itemNotFound, this._path);
      return pinned.target;
    }
    const target = this._locate(tx);
    this._pin(target, tx);
    return target;
  }

  /** True once a sync has shown the object does not exist. Reading it before any sync throws PropertyNotLoaded. */
  get isNullObject(): boolean {
    if (this._null === undefined) throw propertyNotLoaded(this._className, "isNullObject");
    return this._null;
  }

  /** Reads a loaded property; throws PropertyNotLoaded as office.js does when load() and sync() have not both happened. */
  protected _get<V>(name: string): V {
    if (this._null === true) return undefined as V;
    if (!this._loaded.has(name)) throw propertyNotLoaded(this._className, name);
    return this._loaded.get(name) as V;
  }

  /** Queues a property write. The value is read at sync (as office.js serializes it then); reading it back needs a new load. */
  protected _set(name: string, value: unknown, apply: (target: T, tx: Transaction) => void): void {
    this._loaded.delete(name);
    this.context._enqueue({
      wire: { set: this._path, property: name, value },
      run: (tx) => {
        const target = this._resolve(tx);
        if (target !== null) apply(target, tx);
      },
    });
  }

  /** Queues a method call with no result; ignored on a null object, as Excel ignores calls on a null object path. */
  protected _call(method: string, args: unknown[], apply: (target: T, tx: Transaction) => void): void {
    this.context._enqueue({
      wire: { call: this._path, method, args },
      run: (tx) => {
        const target = this._resolve(tx);
        if (target !== null) apply(target, tx);
      },
    });
  }

  /** A child path for a method call: parent.getRange("A1"). */
  protected _childPath(method: string, args: unknown[] = []): string {
    return `${this._path}.${method}(${args.map((a) => JSON.stringify(a) ?? "undefined").join(", ")})`;
  }

  /** Pins a proxy created from a collection's items to the item it stands for. */
  _adopt(target: T): void {
    this._pinned = { target };
    this._null = false;
  }

  /** Publishes loaded values (used by collections for the items they create). */
  _publish(values: Record<string, unknown>, isNull = false): void {
    this._null = isNull;
    for (const [k, v] of Object.entries(values)) this._loaded.set(k, v);
  }

  private _splitLoad(paths: string[] | undefined): LoadRequest {
    const getters = this._getters();
    const scalars: string[] = [];
    const nested = new Map<string, string[] | undefined>();
    if (paths === undefined) return { scalars: Object.keys(getters), nested };
    for (const path of paths) {
      const [head, ...rest] = path.split("/").map((s) => s.trim());
      if (rest.length === 0 && head in getters) {
        if (!scalars.includes(head)) scalars.push(head);
        continue;
      }
      const list = nested.get(head);
      const restPath = rest.length > 0 ? rest.join("/") : undefined;
      if (restPath === undefined) nested.set(head, list ?? undefined);
      else nested.set(head, [...(list ?? []), restPath]);
    }
    return { scalars, nested };
  }

  /**
   * Queues a load of the named properties (all scalar properties when none
   * are named). They become readable after the next sync, with the values
   * the workbook had at this point in the queue.
   */
  load(option?: unknown): this {
    const request = this._splitLoad(loadPaths(option));
    for (const [head, rest] of request.nested) {
      const child = this._navigation(head);
      if (child) {
        child.load(rest);
        continue;
      }
      if (this._loadCollectionPath(head, rest)) continue;
      this.context._enqueue({
        wire: { load: this._path, select: [head] },
        run: () =>
          fail(
            ErrorCodes.invalidArgument,
            `${this._className}.${head}`,
            `The property '${head}' doesn't exist on ${this._className}.`,
          ),
      });
    }
    if (request.scalars.length > 0 || request.nested.size === 0) this._queueLoad(request.scalars);
    return this;
  }

  /** Collections take "items/..." paths; other objects have none. */
  protected _loadCollectionPath(head: string, rest: string[] | undefined): boolean {
    void head;
    void rest;
    return false;
  }

  private _queueLoad(scalars: string[]): void {
    const getters = this._getters();
    this.context._enqueue({
      wire: { load: this._path, select: scalars },
      run: (tx) => {
        const target = this._resolve(tx);
        if (target === null) {
          tx.onCommit(() => {
            this._null = true;
          });
          return;
        }
        const values: Record<string, unknown> = {};
        for (const name of scalars) values[name] = getters[name](target, tx);
        tx.respond(values);
        tx.onCommit(() => this._publish(values));
      },
    });
  }

  /** The loaded properties as a plain object, as office.js's toJSON gives them. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  /** Accepted for compatibility: Excel.run already tracks every object in the stand-in. */
  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/**
 * A collection (worksheets, tables, names, table columns...): load("items/name")
 * creates one proxy per item, each with the named properties loaded; `items`
 * throws PropertyNotLoaded until then.
 */
export abstract class Collection<T, I extends AnyClientObject> extends ClientObject<T> {
  private _items: I[] | undefined;

  /** The items' targets, in Office's order. */
  protected abstract _list(target: T, tx: Transaction): unknown[];

  /** A proxy for one item, made while a sync runs (so not instantiated again). */
  protected abstract _wrap(item: unknown, index: number): I;

  _getters(): Record<string, Getter<T>> {
    return {};
  }

  get items(): I[] {
    if (this._null === true) return undefined as unknown as I[];
    if (this._items === undefined) throw propertyNotLoaded(this._className, "items");
    return this._items;
  }

  override load(option?: unknown): this {
    const paths = loadPaths(option);
    if (paths === undefined) {
      this._queueItems(undefined);
      return this;
    }
    let all = false;
    const select: string[] = [];
    const others: string[] = [];
    for (const path of paths) {
      if (path === "items" || path === "$all") all = true;
      else if (path.startsWith("items/")) select.push(path.slice("items/".length));
      else others.push(path);
    }
    if (all || select.length > 0) this._queueItems(all ? undefined : select);
    if (others.length > 0) super.load(others);
    return this;
  }

  private _queueItems(select: string[] | undefined): void {
    this.context._enqueue({
      wire: { load: this._path, select: ["items", ...(select ?? [])] },
      run: (tx) => {
        const target = this._resolve(tx);
        if (target === null) {
          tx.onCommit(() => {
            this._null = true;
          });
          return;
        }
        const list = this._list(target, tx);
        const proxies = list.map((item, i) => this._wrap(item, i));
        const values = proxies.map((proxy, i) => {
          const getters = proxy._getters();
          const names = select ?? Object.keys(getters);
          const out: Record<string, unknown> = {};
          for (const name of names) {
            const get = getters[name];
            if (!get)
              fail(
                ErrorCodes.invalidArgument,
                `${this._path}.items/${name}`,
                `The property '${name}' can't be loaded through items.`,
              );
            out[name] = get(list[i], tx);
          }
          return out;
        });
        tx.respond(values);
        tx.onCommit(() => {
          proxies.forEach((proxy, i) => {
            proxy._adopt(list[i]);
            proxy._publish(values[i]);
          });
          this._items = proxies;
          this._null = false;
        });
      },
    });
  }

  /** getCount(): the number of items, readable from the result's value after sync. */
  getCount(): ClientResult<number> {
    return new ClientResult<number>(
      this.context,
      (tx) => {
        const target = this._resolve(tx);
        return target === null ? 0 : this._list(target, tx).length;
      },
      { call: this._path, method: "getCount", args: [] },
    );
  }
}

/** A proxy's typed loaded-property reader, for objects that are not ClientObjects themselves (ClientResult). */
export class ClientResult<V> {
  private _value: { v: V } | undefined;

  constructor(context: RequestContext, compute: (tx: Transaction) => V, wire: Record<string, unknown>) {
    context._enqueue({
      wire,
      run: (tx) => {
        const v = compute(tx);
        tx.respond({ value: v });
        tx.onCommit(() => {
          this._value = { v };
        });
      },
    });
  }

  get value(): V {
    if (!this._value) throw new StandInError(ErrorCodes.valueNotLoaded);
    return this._value.v;
  }
}
