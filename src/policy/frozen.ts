/** Up to this many entries, a lookup scans a list instead of hashing: measured 2–3× faster for a handful. */
const SCAN_LIMIT = 8;

/**
 * The keys as a list to scan with `===` instead of hashing, when there are at most {@link SCAN_LIMIT}, or `null`.
 * `===` agrees with the SameValueZero of `Map` and `Set` on every value but `NaN`, so a key set holding `NaN` keeps
 * hashing.
 */
function scannable<T>(keys: Iterable<T>, size: number): readonly T[] | null {
  const list = [...keys];
  return size > SCAN_LIMIT || list.some(Number.isNaN) ? null : list;
}

/**
 * Read-only collections for the compiled workflow. `Object.freeze` cannot freeze a `Map` or a `Set` (their entries
 * live in internal slots that `Map.prototype.set.call` still reaches), so the compiled form keeps its entries in a
 * private field that nothing outside can reach, behind a frozen object with the read methods only: no `set`,
 * `add`, `delete` or `clear` exists to call. One more call on a lookup; the engine's answers can never be edited.
 */
export class FrozenMap<K, V> implements ReadonlyMap<K, V> {
  readonly #map: ReadonlyMap<K, V>;
  /**
   * The keys and values again, as two lists, when there are only a few keys (a policy's statuses): see
   * {@link scannable}. The engine looks a status up several times per event.
   */
  readonly #keys: readonly K[] | null;
  readonly #values: readonly V[];

  constructor(entries: Iterable<readonly [K, V]>) {
    const map = new Map(entries);
    this.#map = map;
    this.#keys = scannable(map.keys(), map.size);
    this.#values = this.#keys === null ? [] : [...map.values()];
    Object.freeze(this);
    freezeClassOnce(FrozenMap);
  }

  get size(): number {
    return this.#map.size;
  }

  get(key: K): V | undefined {
    const keys = this.#keys;
    if (keys === null) return this.#map.get(key);
    // A loop the JIT inlines, not `indexOf` (a builtin call per lookup): a sweep looks up every ticket's status.
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.#values[i];
    return undefined;
  }

  has(key: K): boolean {
    const keys = this.#keys;
    return keys === null ? this.#map.has(key) : keys.includes(key);
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    this.#map.forEach((value, key) => {
      callback.call(thisArg, value, key, this);
    });
  }

  entries(): MapIterator<[K, V]> {
    return this.#map.entries();
  }

  keys(): MapIterator<K> {
    return this.#map.keys();
  }

  values(): MapIterator<V> {
    return this.#map.values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.#map.entries();
  }
}

/** A `Set` that cannot change: see {@link FrozenMap}. */
export class FrozenSet<T> implements ReadonlySet<T> {
  readonly #set: ReadonlySet<T>;
  /** The values again as a list to scan, when there are only a few (see {@link scannable}); else `null`. */
  readonly #list: readonly T[] | null;

  constructor(values: Iterable<T>) {
    const set = new Set(values);
    this.#set = set;
    this.#list = scannable(set, set.size);
    Object.freeze(this);
    freezeClassOnce(FrozenSet);
  }

  get size(): number {
    return this.#set.size;
  }

  has(value: T): boolean {
    const list = this.#list;
    return list === null ? this.#set.has(value) : list.includes(value);
  }

  forEach(callback: (value: T, key: T, set: ReadonlySet<T>) => void, thisArg?: unknown): void {
    this.#set.forEach((value) => {
      callback.call(thisArg, value, value, this);
    });
  }

  entries(): SetIterator<[T, T]> {
    return this.#set.entries();
  }

  keys(): SetIterator<T> {
    return this.#set.keys();
  }

  values(): SetIterator<T> {
    return this.#set.values();
  }

  [Symbol.iterator](): SetIterator<T> {
    return this.#set.values();
  }
}

/**
 * Freezes a class, its prototype and every method and accessor on it, so nothing reachable from an instance can be
 * patched. Done by the first instance rather than at load time: a module with no top-level side effect is dropped
 * whole by bundlers when only the engine is imported.
 */
function freezeClassOnce(type: abstract new (...args: never[]) => unknown): void {
  if (Object.isFrozen(type)) return;
  for (const target of [type.prototype as object, type]) {
    for (const key of Reflect.ownKeys(target)) {
      const { value, get } = Object.getOwnPropertyDescriptor(target, key)!;
      if (typeof value === 'function' && value !== type) Object.freeze(value);
      if (get !== undefined) Object.freeze(get);
    }
    Object.freeze(target);
  }
}

/**
 * Freezes `value` and everything reachable from it: own properties of objects, arrays and functions, and the values
 * of {@link FrozenMap}s (their keys are strings, as are a {@link FrozenSet}'s values). An object already frozen is
 * taken as frozen all the way down, which holds for everything this module and the config copy freeze. Functions
 * are frozen too: the compiled form holds only functions it created itself (wrappers around the user's guards),
 * never the user's own, which it must not change.
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const item = stack.pop();
    if ((typeof item !== 'object' && typeof item !== 'function') || item === null || seen.has(item)) continue;
    seen.add(item);
    if (item instanceof FrozenMap) {
      for (const entry of item.values()) stack.push(entry);
    } else if (!Object.isFrozen(item)) {
      Object.freeze(item);
      for (const key of Reflect.ownKeys(item)) stack.push((item as Record<PropertyKey, unknown>)[key]);
    }
  }
  return value;
}
