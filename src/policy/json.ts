import { POLICY_LIMITS } from './limits.js';
import { join, type Reader } from './reader.js';

/** The copy of one object or array and its JSON length, computed once however often it is shared. */
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
  const copy = copier.copy(value, 0);
  if (copier.total > POLICY_LIMITS.maxSize) {
    reader.report(
      '',
      'tooLarge',
      `the policy is over ${POLICY_LIMITS.maxSize} characters as JSON (POLICY_LIMITS.maxSize)`,
    );
  }
  return reader.issues.length > 0 ? undefined : copy;
}

class Copier {
  /** JSON characters seen so far, shared objects counted in full each time: once past the limit, stop. */
  total = 0;
  private readonly done = new Map<object, Copied>();
  private readonly visiting = new Set<object>();
  /** The keys from the root to the value being copied: the path is only written out when something is reported. */
  private readonly keys: (string | number)[] = [];

  constructor(private readonly reader: Reader) {}

  private get over(): boolean {
    return this.total > POLICY_LIMITS.maxSize;
  }

  private report(code: 'notJson' | 'tooDeep' | 'tooMany', message: string): void {
    this.reader.report(
      this.keys.reduce<string>((path, key) => join(path, key), ''),
      code,
      message,
    );
  }

  /** The copy of `value`, its JSON length added to `total`. */
  copy(value: unknown, depth: number): unknown {
    switch (typeof value) {
      case 'string':
        this.total += value.length + 2; // quotes; escapes are few in a policy and never change the verdict much
        return value;
      case 'boolean':
        this.total += value ? 4 : 5;
        return value;
      case 'number':
        if (!Number.isFinite(value)) this.report('notJson', `${String(value)} is not a JSON number`);
        this.total += String(value).length;
        return value;
      case 'object':
        if (value === null) {
          this.total += 4;
          return null;
        }
        return this.object(value, depth);
      default:
        this.report('notJson', `a ${typeof value} is not JSON`);
        return null;
    }
  }

  private object(value: object, depth: number): unknown {
    const known = this.done.get(value);
    if (known !== undefined) {
      this.total += known.size;
      return known.copy;
    }
    if (this.visiting.has(value)) {
      this.report('notJson', 'refers to itself (a cycle)');
      return null;
    }
    if (depth >= POLICY_LIMITS.maxDepth) {
      this.report('tooDeep', `nested deeper than ${POLICY_LIMITS.maxDepth} levels (POLICY_LIMITS.maxDepth)`);
      return null;
    }
    const isArray = Array.isArray(value);
    const proto: unknown = Object.getPrototypeOf(value);
    if (!isArray && proto !== Object.prototype && proto !== null) {
      this.report('notJson', 'must be a plain object, not a class instance');
      return null;
    }
    const keys = isArray ? null : Object.keys(value);
    const entries = keys === null ? (value as readonly unknown[]).length : keys.length;
    if (entries > POLICY_LIMITS.maxEntries) {
      this.report(
        'tooMany',
        `${entries} entries; no list or object in a policy may have more than ${POLICY_LIMITS.maxEntries} (POLICY_LIMITS.maxEntries)`,
      );
      return null;
    }
    this.visiting.add(value);
    const before = this.total;
    this.total += 2; // the brackets
    const copy = keys === null ? this.array(value as readonly unknown[], depth) : this.fields(value, keys, depth);
    this.visiting.delete(value);
    // Frozen as soon as it is complete (its children already are): the workflow keeps this copy as its config.
    Object.freeze(copy);
    this.done.set(value, { copy, size: this.total - before });
    return copy;
  }

  private array(value: readonly unknown[], depth: number): unknown[] {
    const out: unknown[] = [];
    const length = value.length;
    for (let i = 0; i < length && !this.over; i++) {
      const item = value[i];
      if (i > 0) this.total += 1; // the comma
      this.keys.push(i);
      if (item === undefined) this.report('notJson', 'undefined is not JSON');
      else out.push(this.copy(item, depth + 1));
      this.keys.pop();
    }
    return out;
  }

  private fields(value: object, keys: readonly string[], depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let first = true;
    for (const key of keys) {
      if (this.over) break;
      const item: unknown = (value as Record<string, unknown>)[key];
      // An absent optional field written as `undefined` is harmless: JSON simply drops it.
      if (item === undefined) continue;
      this.total += key.length + (first ? 3 : 4); // "key": and the comma before it
      first = false;
      this.keys.push(key);
      const copied = this.copy(item, depth + 1);
      this.keys.pop();
      // Defined, not assigned: a `__proto__` key from JSON.parse must stay a plain field, never a prototype.
      if (key === '__proto__')
        Object.defineProperty(out, key, { value: copied, enumerable: true, writable: true, configurable: true });
      else out[key] = copied;
    }
    return out;
  }
}
