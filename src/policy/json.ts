import { join, type Reader } from './reader.js';

/**
 * Reads an untrusted policy exactly once, into a plain-data copy that the rest of the compiler reads instead, and
 * reports every value that JSON cannot carry (functions, Dates, class instances, `undefined` in arrays, non-finite
 * numbers, symbols, bigints, cycles): a policy must survive a trip through a database column. Reading once means
 * a getter that answers differently on each read cannot pass validation with one value and compile with another;
 * the copy is also what `workflow.config` keeps. `undefined` object fields are dropped, as JSON drops them.
 */
export function snapshotJson(reader: Reader, value: unknown, path: string, seen = new Set<object>()): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) reader.report(path, 'notJson', `${String(value)} is not a JSON number`);
      return value;
    case 'object': {
      if (value === null) return null;
      if (seen.has(value)) {
        reader.report(path, 'notJson', 'refers to itself (a cycle)');
        return null;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      const isArray = Array.isArray(value);
      if (!isArray && proto !== Object.prototype && proto !== null) {
        reader.report(path, 'notJson', 'must be a plain object, not a class instance');
        return null;
      }
      seen.add(value);
      const copy = isArray ? copyArray(reader, value, path, seen) : copyObject(reader, value, path, seen);
      seen.delete(value);
      return copy;
    }
    default:
      reader.report(path, 'notJson', `a ${typeof value} is not JSON`);
      return null;
  }
}

function copyArray(reader: Reader, value: readonly unknown[], path: string, seen: Set<object>): unknown[] {
  const length = value.length;
  const copy: unknown[] = [];
  for (let i = 0; i < length; i++) {
    const item = value[i];
    if (item === undefined) reader.report(join(path, i), 'notJson', 'undefined is not JSON');
    copy.push(snapshotJson(reader, item, join(path, i), seen));
  }
  return copy;
}

function copyObject(reader: Reader, value: object, path: string, seen: Set<object>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // An absent optional field written as `undefined` is harmless: JSON simply drops it.
    if (item === undefined) continue;
    // Defined, not assigned: an own `__proto__` key (JSON.parse makes those) must stay a plain key.
    Object.defineProperty(copy, key, { value: snapshotJson(reader, item, join(path, key), seen), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
