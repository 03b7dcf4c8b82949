import type { SlaClock } from '../model/sla-state.js';

/*
 * The arithmetic of one clock, pure: no policy, no ticket. A clock counts in stretches: `used` holds what the
 * finished stretches counted, `since` when the current one began. Pausing folds the current stretch into `used`,
 * so a paused interval never counts; resuming opens a new stretch at the resume time.
 */

type Elapsed = (from: number, to: number) => number;

/**
 * A clock with these fields, frozen (a sealed state holds it, see `sealed.ts`). Every clock is built here, field by
 * field: spreading a frozen object (`{ ...clock, since }`) takes V8's slow path, several times a literal's cost.
 */
export const makeClock = (
  start: number,
  used: number,
  since: number | null,
  metAt: number | null,
  stage: 0 | 1 | 2,
): SlaClock => Object.freeze({ start, used, since, metAt, stage });

/** A new cycle starting at `at`, not yet counting (the caller resumes it where the status counts). */
export const openClock = (at: number): SlaClock => makeClock(at, 0, null, null, 0);

/** What a clock that `used` before `since` (`null`: paused) has counted by `now` (not before `since`). */
export const countedBy = (used: number, since: number | null, now: number, elapsed: Elapsed): number =>
  since === null ? used : used + elapsed(since, now);

/** What the clock has counted by `now` (`now` not before `since`). */
export const counted = (clock: SlaClock, now: number, elapsed: Elapsed): number =>
  countedBy(clock.used, clock.since, now, elapsed);

export const pauseClock = (clock: SlaClock, at: number, elapsed: Elapsed): SlaClock =>
  clock.since === null ? clock : makeClock(clock.start, counted(clock, at, elapsed), null, clock.metAt, clock.stage);

export const resumeClock = (clock: SlaClock, at: number): SlaClock =>
  clock.since !== null || clock.metAt !== null ? clock : makeClock(clock.start, clock.used, at, null, clock.stage);

export const meetClock = (clock: SlaClock, at: number, elapsed: Elapsed): SlaClock =>
  makeClock(clock.start, counted(clock, at, elapsed), null, at, clock.stage);

/** The same clock at another announcement stage. */
export const atStage = (clock: SlaClock, stage: 0 | 1 | 2): SlaClock =>
  makeClock(clock.start, clock.used, clock.since, clock.metAt, stage);

/**
 * The next mark to announce, as clock time counted: the warning (`warnBefore` before the target; only when shorter
 * than the target) and then the breach. `null` when the cycle is met or its breach was announced.
 */
export function nextMark(
  clock: SlaClock,
  target: number,
  warnBefore: number | null,
): { readonly at: number; readonly stage: 1 | 2 } | null {
  if (clock.metAt !== null || clock.stage === 2) return null;
  if (clock.stage === 0 && warnBefore !== null && warnBefore < target) return { at: target - warnBefore, stage: 1 };
  return { at: target, stage: 2 };
}

/** The stage a clock has reached by `now`: what a fresh announcement would say (0, 1 warned, 2 breached). */
export function reachedStage(used: number, target: number, warnBefore: number | null): 0 | 1 | 2 {
  if (used >= target) return 2;
  return warnBefore !== null && warnBefore < target && used >= target - warnBefore ? 1 : 0;
}
