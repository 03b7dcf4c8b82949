import { DONE } from './category.js';
import type { CompiledStatus } from './workflow.js';

/** The guarded actions: each has its own rules in a policy (`resolve`, `close`, `snooze`, `reopen`). */
export type ActionName = 'resolve' | 'close' | 'snooze' | 'reopen';

/** Every guarded action, in a fixed order. */
export const ACTION_NAMES: readonly ActionName[] = ['resolve', 'close', 'snooze', 'reopen'];

/**
 * What a move between two statuses means in guard terms: entering solved, closed or snoozed, or leaving solved
 * or closed for work. The engine checks the matching rules on every move an actor makes, and lint and the
 * diagram read moves the same way, so all three agree.
 */
export function impliedAction(from: CompiledStatus, to: CompiledStatus): ActionName | null {
  if (to.category === 'closed') return from.category === 'closed' ? null : 'close';
  if (to.category === 'solved') return DONE.has(from.category) ? (from.category === 'closed' ? 'reopen' : null) : 'resolve';
  if (DONE.has(from.category)) return 'reopen';
  if (to.category === 'snoozed' && from.category !== 'snoozed') return 'snooze';
  return null;
}
