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
  for (const status of ctx.statuses) {
    for (const later of status.timers) {
      const first = status.timers.find((t) => t !== later && shadows(t, later));
      if (first === undefined) continue;
      const entry = shadowed.get(later) ?? { by: first, statuses: [] };
      entry.statuses.push(status.id);
      shadowed.set(later, entry);
    }
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

function shadows(first: CompiledTimer, later: CompiledTimer): boolean {
  // Durations on different clocks (plain time, or one calendar's open time) cannot be compared.
  if (first.action !== 'move' || first.calendar !== later.calendar || !sameAnchors(first, later)) return false;
  if (first.skipWhileCustomerWaits && !later.skipWhileCustomerWaits) return false;
  if (first.after < later.after) return true;
  return first.after === later.after && later.action === 'move' && first.order < later.order;
}

function sameAnchors(a: CompiledTimer, b: CompiledTimer): boolean {
  const set = new Set(a.anchors);
  return set.size === new Set(b.anchors).size && b.anchors.every((x) => set.has(x));
}
