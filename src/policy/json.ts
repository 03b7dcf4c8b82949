import { join, type Reader } from './reader.js';

/**
 * Reports every value that JSON cannot carry (functions, Dates, class instances, `undefined` in arrays,
 * non-finite numbers, symbols, bigints, cycles): a policy must survive a trip through a database column.
 */
export function checkJson(reader: Reader, value: unknown, path: string, seen = new Set<object>()): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) reader.report(path, 'notJson', `${String(value)} is not a JSON number`);
      return;
    case 'object': {
      if (value === null) return;
      if (seen.has(value)) {
        reader.report(path, 'notJson', 'refers to itself (a cycle)');
        return;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      const isArray = Array.isArray(value);
      if (!isArray && proto !== Object.prototype && proto !== null) {
        reader.report(path, 'notJson', 'must be a plain object, not a class instance');
        return;
      }
      seen.add(value);
      if (isArray) {
        for (let i = 0; i < value.length; i++) {
          if (value[i] === undefined) reader.report(join(path, i), 'notJson', 'undefined is not JSON');
          else checkJson(reader, value[i], join(path, i), seen);
        }
      } else {
        for (const [key, item] of Object.entries(value)) {
          // An absent optional field written as `undefined` is harmless: JSON simply drops it.
          if (item !== undefined) checkJson(reader, item, join(path, key), seen);
        }
      }
      seen.delete(value);
      return;
    }
    default:
      reader.report(path, 'notJson', `a ${typeof value} is not JSON`);
  }
}
