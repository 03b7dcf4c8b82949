import { ACTORS, parseDuration, type Actor, type Duration } from 'ticket-lifecycle';
import { startTime, wholeNumber, type Check } from '../options.js';
import { EXPLORE_EVENT_TYPES, type ExploreEventType } from './alphabet.js';
import type { KeyMode } from './state-key.js';

/**
 * Options of `exploreWorkflow`. Every one is optional and checked; a wrong one is reported, never guessed.
 *
 * @example
 * ```ts
 * import type { ExploreOptions } from 'ticket-lifecycle/testing';
 * const ci: ExploreOptions = { depth: 5, maxStates: 50_000, timeLimitMs: 5_000 };
 * ```
 */
export interface ExploreOptions {
  /** Longest event sequence tried: a whole number from 0 to 50. Default 4. */
  readonly depth?: number;
  /** Stop (result `incomplete`) once this many distinct states were found: 1 to 10,000,000. Default 200,000. */
  readonly maxStates?: number;
  /** Stop (result `incomplete`) after this many milliseconds: 1 to 86,400,000. Default 10,000. */
  readonly timeLimitMs?: number;
  /** The kinds of event tried. Default all of them. */
  readonly events?: readonly ExploreEventType[];
  /** The actors tried for events that have one. Default customer, agent and system. */
  readonly actors?: readonly Actor[];
  /** How many of the deadlines ahead are tried (just before, at, just after each): 1 to 10. Default 2. */
  readonly deadlines?: number;
  /**
   * How far "much later" lies beyond the last deadline, and how old a time must be to count as "long ago" (see
   * the abstraction in docs/testing.md). Default twice the longest duration the policy names, at least two days.
   * Raise it above any duration your own intents compare.
   */
  readonly horizon?: Duration;
  /** How far after the event an `until` is set (`snooze`, `setStatus`). Default one day. */
  readonly until?: Duration;
  /** When the tickets are created, in epoch milliseconds. Default 2026-01-05T09:00Z (a Monday). */
  readonly start?: number;
  /**
   * `relative` (default): tickets equal up to a shift of time, and in times older than the horizon, are one state.
   * `exact`: only tickets equal in every field but `version` are. Policies with calendars always use `exact`;
   * choose it too when a custom guard or intent reads the clock itself.
   */
  readonly abstraction?: KeyMode;
}

const listOf =
  (known: readonly string[], what: string): Check =>
  (value) =>
    Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && known.includes(v))
      ? null
      : `must be a non-empty list of ${what} (${known.join(', ')})`;

const duration =
  (max: number): Check =>
  (value) => {
    const ms = parseDuration(value);
    return ms !== null && ms > 0 && ms <= max ? null : 'must be a positive duration (ISO 8601 like P1D, or ms)';
  };

const YEAR = 366 * 86_400_000;

export const EXPLORE_OPTION_CHECKS: Readonly<Record<string, Check>> = {
  depth: wholeNumber(0, 50),
  maxStates: wholeNumber(1, 10_000_000),
  timeLimitMs: wholeNumber(1, 86_400_000),
  events: listOf(EXPLORE_EVENT_TYPES, 'event kinds'),
  actors: listOf(ACTORS, 'actors'),
  deadlines: wholeNumber(1, 10),
  horizon: duration(100 * YEAR),
  until: duration(100 * YEAR),
  start: startTime,
  abstraction: (value) => (value === 'relative' || value === 'exact' ? null : 'must be "relative" or "exact"'),
};

export const EXPLORE_DEFAULTS = {
  depth: 4,
  maxStates: 200_000,
  timeLimitMs: 10_000,
  deadlines: 2,
  untilAfter: 86_400_000,
  start: Date.UTC(2026, 0, 5, 9),
  minHorizon: 2 * 86_400_000,
} as const;
