import type { WorkflowIssue } from 'ticket-lifecycle';

/** The latest (and, negated, earliest) time a `Date` holds: the engine accepts no time beyond it. */
export const MAX_TIME = 8.64e15;
/** Longer sequences make a run take minutes and tell nothing more. */
export const MAX_SEQUENCE_LENGTH = 10_000;
/** A million runs per law is already hours; beyond is a typo. */
export const MAX_RUNS = 1_000_000;

/**
 * A thrown value or a returned verdict as a sentence, whatever it is: `String()` itself throws on an object with
 * no prototype (or a `toString` that throws), and a report must never.
 */
export function describeValue(value: unknown): string {
  if (value instanceof Error) return value.message;
  try {
    return typeof value === 'object' && value !== null ? (JSON.stringify(value) ?? String(value)) : String(value);
  } catch {
    try {
      return String(value);
    } catch {
      return 'a value that cannot be printed';
    }
  }
}

export type Check = (value: unknown) => string | null;

export const wholeNumber =
  (min: number, max: number): Check =>
  (value) =>
    Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max
      ? null
      : `must be a whole number from ${min} to ${max}`;

/** Events generated past the end of the range are welcome: the engine refuses them with a code, and laws hold. */
export const startTime: Check = (value) =>
  Number.isSafeInteger(value) && Math.abs(value as number) <= MAX_TIME
    ? null
    : 'must be whole epoch milliseconds inside the Date range';

/**
 * The options a caller passed, read once each (a getter answers once) and checked: the copy, or every problem as
 * an `invalidOption` issue with its path. Absent options (`undefined`) are left out of the copy; unknown ones are
 * refused, so a typo never silently falls back to a default.
 */
export function readOptions<T extends object>(
  options: unknown,
  checks: Readonly<Record<string, Check>>,
): { ok: true; options: T } | { ok: false; issues: WorkflowIssue[] } {
  if (options === undefined) return { ok: true, options: {} as T };
  const issues: WorkflowIssue[] = [];
  const issue = (path: string, message: string): void => {
    issues.push({ path, code: 'invalidOption', message: `${path} ${message}` });
  };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    issue('options', 'must be an object');
    return { ok: false, issues };
  }
  const copy: Record<string, unknown> = {};
  try {
    for (const [key, value] of Object.entries(options)) {
      const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
      if (check === undefined) issue(key, `is not an option (known: ${Object.keys(checks).join(', ')})`);
      else if (value !== undefined) {
        const problem = check(value);
        if (problem === null) copy[key] = value;
        else issue(key, `${problem}, not ${describeValue(value)}`);
      }
    }
  } catch (error) {
    issue('options', `could not be read: ${describeValue(error)}`);
  }
  return issues.length === 0 ? { ok: true, options: copy as T } : { ok: false, issues };
}

/** The options of generated event sequences (`maxLength`, `start`), shared by every arbitrary that takes them. */
export const EVENTS_OPTION_CHECKS: Readonly<Record<string, Check>> = {
  maxLength: wholeNumber(0, MAX_SEQUENCE_LENGTH),
  start: startTime,
};

/** For the arbitraries, which return an `Arbitrary` and so can only refuse by throwing: one clear `RangeError`. */
export function eventsOptionsOrThrow<T extends object>(
  name: string,
  options: unknown,
  checks: Readonly<Record<string, Check>> = EVENTS_OPTION_CHECKS,
): T {
  const read = readOptions<T>(options, checks);
  if (read.ok) return read.options;
  throw new RangeError(`${name}: ${read.issues.map((i) => i.message).join('; ')}`);
}
