import { POLICY_LIMITS } from './limits.js';
import { join, type Reader } from './reader.js';

/** What the copy of one object or array cost: its JSON length, computed once however often it is shared. */
interface Copied {
  readonly copy: unknown;
  readonly size: number;
}

/**
 * Copies an untrusted policy into plain JSON data, reading every field exactly once, and reports every value JSON
 * cannot carry (functions, Dates, class instances, `undefined` in arrays, non-finite numbers, symbols, bigints,
 * cycles): a policy must survive a trip through a database column. Everything after works on the copy, so a
 * getter or Proxy cannot answer differently to a later read.
 *
 * Bounded by {@link POLICY_LIMITS}: nesting deeper than `maxDepth` is refused (`tooDeep`), a list or object of more
 * than `maxEntries` entries is refused unread (`tooMany`), and the walk stops as soon as the JSON text would pass
 * `maxSize` characters (`tooLarge`). An object shared by several fields (only
 * code can build one: JSON text has none) is copied and measured once and its copy shared, so a reference DAG
 * that JSON would expand to 2^40 leaves costs as much as its own nodes, then is refused for its expanded size.
 *
 * @returns the copy, or `undefined` when something was reported (the copy is then meaningless).
 */
export function copyJson(reader: Reader, value: unknown): unknown {
  const copier = new Copier(reader);
  const copied = copier.copy(value, '', 0);
  if (copier.total > POLICY_LIMITS.maxSize) {
    reader.report('', 'tooLarge', `the policy is over ${POLICY_LIMITS.maxSize} characters as JSON (POLICY_LIMITS.maxSize)`);
  }
  return reader.issues.length > 0 ? undefined : copied.copy;
}

class Copier {
  /** JSON characters seen so far, shared objects counted in full each time: once past the limit, stop. */
  total = 0;
  private readonly done = new Map<object, Copied>();
  private readonly visiting = new Set<object>();

  constructor(private readonly reader: Reader) {}

  private get over(): boolean {
    return this.total > POLICY_LIMITS.maxSize;
  }

  copy(value: unknown, path: string, depth: number): Copied {
    switch (typeof value) {
      case 'string':
        return this.leaf(value, JSON.stringify(value).length);
      case 'boolean':
        return this.leaf(value, value ? 4 : 5);
      case 'number':
        if (!Number.isFinite(value)) this.reader.report(path, 'notJson', `${String(value)} is not a JSON number`);
        return this.leaf(value, String(value).length);
      case 'object':
        return value === null ? this.leaf(null, 4) : this.object(value, path, depth);
      default:
        this.reader.report(path, 'notJson', `a ${typeof value} is not JSON`);
        return this.leaf(null, 0);
    }
  }

  private leaf(copy: unknown, size: number): Copied {
    this.total += size;
    return { copy, size };
  }

  private object(value: object, path: string, depth: number): Copied {
    const known = this.done.get(value);
    if (known !== undefined) {
      this.total += known.size;
      return known;
    }
    if (this.visiting.has(value)) {
      this.reader.report(path, 'notJson', 'refers to itself (a cycle)');
      return this.leaf(null, 0);
    }
    if (depth >= POLICY_LIMITS.maxDepth) {
      this.reader.report(path, 'tooDeep', `nested deeper than ${POLICY_LIMITS.maxDepth} levels (POLICY_LIMITS.maxDepth)`);
      return this.leaf(null, 0);
    }
    const isArray = Array.isArray(value);
    const proto: unknown = Object.getPrototypeOf(value);
    if (!isArray && proto !== Object.prototype && proto !== null) {
      this.reader.report(path, 'notJson', 'must be a plain object, not a class instance');
      return this.leaf(null, 0);
    }
    const keys = isArray ? null : Object.keys(value);
    const entries = keys === null ? (value as readonly unknown[]).length : keys.length;
    if (entries > POLICY_LIMITS.maxEntries) {
      this.reader.report(path, 'tooMany', `${entries} entries; no list or object in a policy may have more than ${POLICY_LIMITS.maxEntries} (POLICY_LIMITS.maxEntries)`);
      return this.leaf(null, 0);
    }
    this.visiting.add(value);
    const before = this.total;
    this.total += 2; // the brackets
    const copy = keys === null ? this.array(value as readonly unknown[], path, depth) : this.fields(value, keys, path, depth);
    this.visiting.delete(value);
    // Frozen as soon as it is complete (its children already are): the workflow keeps this copy as its config.
    const copied = { copy: Object.freeze(copy), size: this.total - before };
    this.done.set(value, copied);
    return copied;
  }

  private array(value: readonly unknown[], path: string, depth: number): unknown[] {
    const out: unknown[] = [];
    const length = value.length;
    for (let i = 0; i < length && !this.over; i++) {
      const item = value[i];
      if (i > 0) this.total += 1; // the comma
      if (item === undefined) this.reader.report(join(path, i), 'notJson', 'undefined is not JSON');
      else out.push(this.copy(item, join(path, i), depth + 1).copy);
    }
    return out;
  }

  private fields(value: object, keys: readonly string[], path: string, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let first = true;
    for (const key of keys) {
      if (this.over) break;
      const item: unknown = (value as Record<string, unknown>)[key];
      // An absent optional field written as `undefined` is harmless: JSON simply drops it.
      if (item === undefined) continue;
      this.total += JSON.stringify(key).length + (first ? 1 : 2); // "key": and the comma before it
      first = false;
      const copied = this.copy(item, join(path, key), depth + 1).copy;
      // Defined, not assigned: a `__proto__` key from JSON.parse must stay a plain field, never a prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: copied, enumerable: true, writable: true, configurable: true });
      else out[key] = copied;
    }
    return out;
  }
}
