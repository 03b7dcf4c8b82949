import type { CompiledTimer } from '../policy/workflow.js';
import type { DraftTicket } from './copy-ticket.js';
import type { AttributeChanges, Effect } from './effects.js';

/**
 * A timer's `set` (escalation) applied to `next`, a copy this call made, at `at`: each named attribute takes its
 * value, and an `updated` effect by the `system` names the timer and what changed. A change of priority or group
 * stamps `attributesChangedAt`, so the timers that depend on them re-target from this moment.
 */
export function applySet(next: DraftTicket, timer: CompiledTimer, at: number, effects: Effect[] | null): void {
  const set = timer.set!;
  const changes: { -readonly [K in keyof AttributeChanges]: AttributeChanges[K] } = {};
  if (set.assignee !== undefined && set.assignee !== next.assignee) {
    changes.assignee = { from: next.assignee, to: set.assignee };
    next.assignee = set.assignee;
  }
  if (set.group !== undefined && set.group !== next.group) {
    changes.group = { from: next.group, to: set.group };
    next.group = set.group;
    next.attributesChangedAt = at;
  }
  if (set.priority !== undefined && set.priority !== next.priority) {
    changes.priority = { from: next.priority, to: set.priority };
    next.priority = set.priority;
    next.attributesChangedAt = at;
  }
  if (Object.keys(changes).length > 0) effects?.push({ type: 'updated', at, by: 'system', changes, timer: timer.id });
}
