import type { CompiledTimer } from '../policy/workflow.js';
import { applyChanges } from './attributes.js';
import type { DraftTicket } from './copy-ticket.js';
import type { Effect } from './effects.js';

/**
 * A timer's `set` (escalation) applied to `next`, a copy this call made, at `at`: each named attribute takes its
 * value, and an `updated` effect by the `system` names the timer and what changed. A change of priority or group
 * stamps `attributesChangedAt`, so the timers that depend on them re-target from this moment.
 */
export function applySet(next: DraftTicket, timer: CompiledTimer, at: number, effects: Effect[] | null): void {
  const changes = applyChanges(next, timer.set!, at);
  if (changes !== null) effects?.push({ type: 'updated', at, by: 'system', changes, timer: timer.id });
}
