import { ACTORS, type Actor } from '../model/actor.js';
import { CATEGORIES, type Category } from './category.js';
import { parseDuration } from './duration.js';
import { FrozenSet } from './frozen.js';
import type { WorkflowIssue, WorkflowIssueCode } from './issues.js';
import { POLICY_LIMITS } from './limits.js';
import { ACTOR_BIT } from './workflow.js';

/** Plain JSON object as read from an untrusted config. */
export type Obj = Readonly<Record<string, unknown>>;

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const CATEGORY_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(CATEGORIES);

/**
 * Reads an untrusted policy field by field: every helper returns a checked value (or a harmless fallback) and
 * records what was wrong, so one pass both validates and compiles, and every problem is reported at once.
 * Only own properties are read, so inherited or prototype keys in hostile JSON are never seen.
 */
export class Reader {
  readonly issues: WorkflowIssue[] = [];
  /** Status id → category, filled once the statuses are read. */
  readonly categoryOf = new Map<string, Category>();
  /** Priority id → its rank in `priorities` (0 lowest), filled before any rule is read. */
  readonly priorityRank = new Map<string, number>();
  /** The policy's declared `groups`, or `null` when it declares none (then any short name is a group). */
  groups: ReadonlySet<string> | null = null;
  /** Category → its statuses in declaration order, built on first use (after the statuses are read). */
  #byCategory: ReadonlyMap<Category, readonly string[]> | null = null;

  report(path: string, code: WorkflowIssueCode, message: string): void {
    this.issues.push({ path, code, message });
  }

  /** An object whose keys are all in `allowed` (a short list of field names), or any keys when `allowed` is `null`. */
  object(value: unknown, path: string, allowed: readonly string[] | null): Obj | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.report(path, 'invalidType', 'must be an object');
      return null;
    }
    if (allowed !== null) {
      for (const key of Object.keys(value)) {
        if (!allowed.includes(key)) this.report(join(path, key), 'unexpectedField', `unknown field "${key}"`);
      }
    }
    return value as Obj;
  }

  /** A list of at most `max` entries (see {@link POLICY_LIMITS}); a longer one is refused whole, unread. */
  array(value: unknown, path: string, max: number, limit: keyof typeof POLICY_LIMITS): readonly unknown[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.report(path, 'invalidType', 'must be an array');
      return [];
    }
    return this.bounded(value, path, max, limit);
  }

  /** A value or a list of values, as `OneOrMany` allows; a list longer than `maxListLength` is refused. */
  oneOrMany(
    value: unknown,
    path: string,
    max: number = POLICY_LIMITS.maxListLength,
    limit: keyof typeof POLICY_LIMITS = 'maxListLength',
  ): readonly unknown[] {
    if (value === undefined) return [];
    return Array.isArray(value) ? this.bounded(value, path, max, limit) : [value];
  }

  private bounded(
    list: readonly unknown[],
    path: string,
    max: number,
    limit: keyof typeof POLICY_LIMITS,
  ): readonly unknown[] {
    if (list.length <= max) return list;
    this.report(path, 'tooMany', `${list.length} entries; at most ${max} are allowed (POLICY_LIMITS.${limit})`);
    return [];
  }

  /** The statuses of `category`, in declaration order. */
  statusesIn(category: Category): readonly string[] {
    if (this.#byCategory === null) {
      const map = new Map<Category, string[]>();
      for (const [id, cat] of this.categoryOf) {
        const list = map.get(cat);
        if (list === undefined) map.set(cat, [id]);
        else list.push(id);
      }
      this.#byCategory = map;
    }
    return this.#byCategory.get(category) ?? [];
  }

  string(obj: Obj, key: string, path: string): string | null {
    const value = own(obj, key);
    if (value === undefined) return null;
    if (typeof value !== 'string') {
      this.report(join(path, key), 'invalidType', 'must be a string');
      return null;
    }
    return value;
  }

  boolean(obj: Obj, key: string, path: string): boolean {
    const value = own(obj, key);
    if (value === undefined) return false;
    if (typeof value !== 'boolean') {
      this.report(join(path, key), 'invalidType', 'must be true or false');
      return false;
    }
    return value;
  }

  id(value: unknown, path: string, what: string): string | null {
    if (typeof value !== 'string' || !ID.test(value)) {
      this.report(path, 'invalidId', `${what} id must be 1-64 letters, digits, "_", "-", "." or ":"`);
      return null;
    }
    if (RESERVED.has(value)) {
      this.report(path, 'reservedId', `"${value}" is reserved and cannot be a ${what} id`);
      return null;
    }
    return value;
  }

  category(value: unknown, path: string): Category | null {
    if (typeof value === 'string' && CATEGORY_SET.has(value)) return value as Category;
    this.report(path, 'unknownCategory', `must be one of ${CATEGORIES.join(', ')}`);
    return null;
  }

  status(value: unknown, path: string): string | null {
    if (typeof value === 'string' && this.categoryOf.has(value)) return value;
    this.report(path, 'unknownStatus', `unknown status ${JSON.stringify(value)}`);
    return null;
  }

  /** Bit mask of the actors in `obj[key]`; `fallback` when absent. */
  actors(obj: Obj, key: string, path: string, fallback: number): number {
    const value = own(obj, key);
    if (value === undefined) return fallback;
    let mask = 0;
    const list = this.oneOrMany(value, join(path, key));
    list.forEach((actor, i) => {
      if (typeof actor === 'string' && (ACTORS as readonly string[]).includes(actor)) mask |= ACTOR_BIT[actor as Actor];
      else
        this.report(
          join(path, Array.isArray(value) ? `${key}[${i}]` : key),
          'unknownActor',
          `unknown actor ${JSON.stringify(actor)}`,
        );
    });
    if (list.length === 0) this.report(join(path, key), 'emptySelector', 'names no actor');
    return mask;
  }

  /**
   * The statuses selected by `obj[idKey]` and `obj[categoryKey]`, or `null` when neither is given (every status).
   * A selector that is given but selects nothing is reported: it is always a mistake.
   */
  selection(obj: Obj, idKey: string, categoryKey: string, path: string): ReadonlySet<string> | null {
    const ids = own(obj, idKey);
    const categories = own(obj, categoryKey);
    if (ids === undefined && categories === undefined) return null;
    const reported = this.issues.length;
    const selected = new Set<string>();
    this.oneOrMany(ids, join(path, idKey)).forEach((id, i) => {
      const status = this.status(id, join(path, Array.isArray(ids) ? `${idKey}[${i}]` : idKey));
      if (status !== null) selected.add(status);
    });
    // A category named twice adds its statuses once: the work stays linear in the statuses, whatever the list.
    const named = new Set<Category>();
    this.oneOrMany(categories, join(path, categoryKey)).forEach((c, i) => {
      const category = this.category(c, join(path, Array.isArray(categories) ? `${categoryKey}[${i}]` : categoryKey));
      if (category === null || named.has(category)) return;
      named.add(category);
      for (const id of this.statusesIn(category)) selected.add(id);
    });
    // A list refused for its length selects nothing, and saying so again would only repeat the problem.
    const overflowed = this.issues.slice(reported).some((issue) => issue.code === 'tooMany');
    if (selected.size === 0 && !overflowed)
      this.report(path, 'emptySelector', `selects no status (${idKey}/${categoryKey})`);
    return new FrozenSet(selected);
  }

  /** `parse` turns the value into milliseconds: a calendar timer's durations count the calendar's open time. */
  duration(
    obj: Obj,
    key: string,
    path: string,
    parse: (value: unknown) => number | null = parseDuration,
  ): number | null {
    const value = own(obj, key);
    if (value === undefined) return null;
    const ms = parse(value);
    if (ms === null) {
      this.report(
        join(path, key),
        'invalidDuration',
        `${JSON.stringify(value)} is not a positive duration (ISO 8601 like "P7D" or whole milliseconds)`,
      );
    }
    return ms;
  }
}

/** An own property, never an inherited one (hostile JSON may carry `__proto__` or `constructor` keys). */
export function own(obj: Obj, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}
