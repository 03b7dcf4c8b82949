import type { SlaClock } from '../model/sla-state.js';

/*
 * The arithmetic of one clock, pure: no policy, no ticket. A clock counts in stretches: `used` holds what the
 * finished stretches counted, `since` when the current one began. Pausing folds the current stretch into `used`,
 * so a paused interval never counts; resuming opens a new stretch at the resume time.
 */

type Elapsed = (from: number, to: number) => number;

/** A new cycle starting at `at`, not yet counting (the caller resumes it where the status counts). */
export const openClock = (at: number): SlaClock => ({ start: at, used: 0, since: null, metAt: null, stage: 0 });

/** What the clock has counted by `now` (`now` not before `since`). */
export const counted = (clock: SlaClock, now: number, elapsed: Elapsed): number =>
  clock.since === null ? clock.used : clock.used + elapsed(clock.since, now);

export const pauseClock = (clock: SlaClock, at: number, elapsed: Elapsed): SlaClock =>
  clock.since === null ? clock : { ...clock, used: counted(clock, at, elapsed), since: null };

export const resumeClock = (clock: SlaClock, at: number): SlaClock =>
  clock.since !== null || clock.metAt !== null ? clock : { ...clock, since: at };

export const meetClock = (clock: SlaClock, at: number, elapsed: Elapsed): SlaClock => ({
  ...pauseClock(clock, at, elapsed),
  metAt: at,
});

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
