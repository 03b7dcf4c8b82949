import { parseDuration, WorkflowError, type WorkflowIssue } from 'ticket-lifecycle';

/** Bounds for a duration option, in milliseconds, and the sentence that states them in an error. */
export interface DurationBounds {
  readonly min?: number;
  readonly max?: number;
  /** The value must be a whole multiple of this (Chatwoot counts whole minutes). */
  readonly step?: number;
  /** What a valid value is, for the message: "from one hour to 28 days". */
  readonly describe: string;
}

/**
 * Reads one preset's options object, the one way all nine presets check what they are given: a name the preset
 * does not know is refused (a misspelt option would otherwise do nothing, silently), every value is checked,
 * and every problem is reported at once as one `WorkflowError` whose issues all have the code `invalidOption`
 * and the option's name as their path, as `defineWorkflow` does for a policy.
 *
 * Options come from code that TypeScript checks, but also from JSON and plain JavaScript, so nothing is trusted:
 * only own properties are read, and a wrong type is an issue, never a crash.
 */
export class PresetOptions {
  private readonly issues: WorkflowIssue[] = [];
  private readonly values: Readonly<Record<string, unknown>>;

  constructor(options: unknown, known: readonly string[]) {
    if (options === undefined) {
      this.values = {};
      return;
    }
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      this.values = {};
      this.report('', 'options must be an object');
      return;
    }
    this.values = options as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(options)) {
      if (!known.includes(key)) {
        this.report(key, `unknown option; known: ${known.join(', ') || 'none'}`);
      }
    }
  }

  /** Records a problem with the option `path` (`''` for the options object itself). */
  report(path: string, message: string): void {
    this.issues.push({ path, code: 'invalidOption', message });
  }

  /** Whether the option was given (an own property that is not `undefined`). */
  has(key: string): boolean {
    return this.raw(key) !== undefined;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.raw(key);
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    this.report(key, 'must be true or false');
    return fallback;
  }

  /** One of `allowed`, or `fallback` when absent. */
  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(key);
    if (value === undefined) return fallback;
    if ((allowed as readonly unknown[]).includes(value)) return value as T;
    this.report(key, `must be one of ${allowed.join(', ')}`);
    return fallback;
  }

  /** A whole number from `min` to `max`, or `undefined` when absent or invalid. */
  integer(key: string, min: number, max: number): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max) return value;
    this.report(key, `must be a whole number from ${min} to ${max}`);
    return undefined;
  }

  /**
   * A duration in milliseconds within `bounds`; `fallback` when absent (or invalid: `done` then throws). With
   * `offWith: false`, the value `false` turns the rule off and gives `null`.
   */
  duration(key: string, fallback: number, bounds: DurationBounds): number;
  duration(key: string, fallback: number | null, bounds: DurationBounds & { readonly offWith?: false }): number | null;
  duration(key: string, fallback: number | null, bounds: DurationBounds & { readonly offWith?: false }): number | null {
    const value = this.raw(key);
    if (value === undefined) return fallback;
    const off = bounds.offWith === false;
    if (value === false && off) return null;
    const ms = this.checkedDuration(value, bounds);
    if (ms !== null) return ms;
    this.report(key, `must be ${bounds.describe}${off ? ' or false' : ''}`);
    return fallback;
  }

  /** A list of durations within `bounds` (reminder offsets); `[]` when absent. */
  durations(key: string, bounds: DurationBounds): number[] {
    const value = this.raw(key);
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.report(key, 'must be a list of durations');
      return [];
    }
    const list: number[] = [];
    value.forEach((item: unknown, i) => {
      const ms = this.checkedDuration(item, bounds);
      if (ms === null) this.report(`${key}[${i}]`, `must be ${bounds.describe}`);
      else list.push(ms);
    });
    return list;
  }

  /** A plain object option (`undefined` when absent); anything else is reported and read as absent. */
  record(key: string): Readonly<Record<string, unknown>> | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Readonly<Record<string, unknown>>;
    this.report(key, 'must be an object');
    return undefined;
  }

  /** Throws every problem found, as one `WorkflowError`; does nothing when there was none. */
  done(): void {
    if (this.issues.length > 0) throw new WorkflowError(this.issues);
  }

  private raw(key: string): unknown {
    return Object.hasOwn(this.values, key) ? this.values[key] : undefined;
  }

  private checkedDuration(
    value: unknown,
    { min = 1, max = Number.MAX_SAFE_INTEGER, step = 1 }: DurationBounds,
  ): number | null {
    const ms = parseDuration(value);
    return ms !== null && ms >= min && ms <= max && ms % step === 0 ? ms : null;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
