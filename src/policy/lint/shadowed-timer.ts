import type { CompiledTimer } from '../workflow.js';
import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { quote } from './paths.js';

/**
 * Timers that never act before another timer moves the ticket out of the status. Timer `later` is shadowed by move
 * timer `first` in a status when both count from the same moments, `first` is not paused while `later` runs
 * (`later` skips while the customer waits, or `first` does not), and `first` is due earlier, or at the same time
 * and wins the tie (ties go to reminders, then to declaration order). Then `later`'s due time is never before
 * `first`'s, whatever happens in the stay.
 */
export function shadowedTimer(ctx: LintContext): LintFinding[] {
  const shadowed = new Map<CompiledTimer, { by: CompiledTimer; statuses: string[] }>();
  // Statuses that run the same timers (a timer by category runs in all of them) share one answer.
  const memo = new Map<string, readonly (CompiledTimer | undefined)[]>();
  for (const status of ctx.statuses) {
    const key = status.timers.map((t) => t.order).join(',');
    let shadowers = memo.get(key);
    if (shadowers === undefined) {
      shadowers = firstShadowers(status.timers);
      memo.set(key, shadowers);
    }
    status.timers.forEach((later, i) => {
      const first = shadowers[i];
      if (first === undefined) return;
      const entry = shadowed.get(later) ?? { by: first, statuses: [] };
      entry.statuses.push(status.id);
      shadowed.set(later, entry);
    });
  }
  return [...shadowed]
    .sort(([a], [b]) => a.order - b.order)
    .map(([later, { by, statuses }]) => ({
      code: 'shadowedTimer',
      severity: 'warning',
      statuses,
      message: `timer "${later.id}" is never due before timer "${by.id}" moves the ticket out of ${quote(statuses)}, so it never ${later.action === 'move' ? 'moves' : 'reminds'}`,
      path: `timers[${later.order}]`,
    }));
}

/**
 * For each timer of one status, the first declared move timer that shadows it, if any. Timers are grouped by their
 * clock and moments; in a group the move timers are sorted by due delay, so "the first declared among those due
 * earlier"
 * is a prefix minimum and "the first declared among those due at the same time" a lookup: n·log n in the timers
 * of the status instead of comparing every pair.
 */
function firstShadowers(timers: readonly CompiledTimer[]): (CompiledTimer | undefined)[] {
  const groups = new Map<string, CompiledTimer[]>();
  // Durations on different clocks (plain time, or one calendar's open time) cannot be compared: a group per clock.
  const clocks = new Map<unknown, number>();
  for (const timer of timers) {
    if (!clocks.has(timer.calendar)) clocks.set(timer.calendar, clocks.size);
    const key = `${clocks.get(timer.calendar)}|${[...new Set(timer.anchors)].sort().join(',')}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [timer]);
    else group.push(timer);
  }
  const found = new Map<CompiledTimer, CompiledTimer>();
  for (const group of groups.values()) {
    const moves = group.filter((t) => t.action === 'move');
    // A timer that skips while the customer waits can be shadowed by any move; one that does not, only by moves that do
    // not either.
    const anyMove = new Candidates(moves);
    const steadyMove = new Candidates(moves.filter((t) => !t.skipWhileCustomerWaits));
    for (const later of group) {
      const first = (later.skipWhileCustomerWaits ? anyMove : steadyMove).shadowing(later);
      if (first !== undefined) found.set(later, first);
    }
  }
  return timers.map((t) => found.get(t));
}

/** Move timers sorted by due delay, answering "the first declared one that shadows this timer". */
class Candidates {
  private readonly afters: number[];
  /** `firstUpTo[i]`: the first declared among the `i + 1` earliest-due. */
  private readonly firstUpTo: CompiledTimer[] = [];
  /** Per due delay, the first declared timer with it. */
  private readonly firstAt = new Map<number, CompiledTimer>();

  constructor(moves: readonly CompiledTimer[]) {
    const sorted = [...moves].sort((a, b) => a.after - b.after || a.order - b.order);
    this.afters = sorted.map((t) => t.after);
    sorted.forEach((t, i) => {
      const previous = this.firstUpTo[i - 1];
      this.firstUpTo.push(previous !== undefined && previous.order < t.order ? previous : t);
      if (!this.firstAt.has(t.after)) this.firstAt.set(t.after, t);
    });
  }

  shadowing(later: CompiledTimer): CompiledTimer | undefined {
    const earlier = this.firstUpTo[this.countBefore(later.after) - 1];
    // Due at the same time: a move wins the tie over a later-declared move, never over a reminder.
    const tie = later.action === 'move' ? this.firstAt.get(later.after) : undefined;
    const tied = tie !== undefined && tie.order < later.order ? tie : undefined;
    if (earlier === undefined) return tied;
    return tied !== undefined && tied.order < earlier.order ? tied : earlier;
  }

  /** How many candidates are due strictly before `after` (binary search). */
  private countBefore(after: number): number {
    let lo = 0;
    let hi = this.afters.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.afters[mid]! < after) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
