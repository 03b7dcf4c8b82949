import type { ActionRule, Effect, Workflow } from 'ticket-lifecycle';
import type { Intent } from '../intent.js';
import { categoryOf, hasCategory, list } from './categories.js';

/** A close rule that only reaches solved statuses: it names them, or the solved category, and nothing else. */
function solvedOnly(workflow: Workflow, rule: ActionRule): boolean {
  const from = list(rule.from);
  const categories = list(rule.fromCategory);
  if (from.length === 0 && categories.length === 0) return false;
  return categories.every((c) => c === 'solved') && from.every((id) => categoryOf(workflow, id) === 'solved');
}

const includesAgent = (rule: ActionRule): boolean => rule.by === undefined || list(rule.by).includes('agent');

/**
 * When a team closes tickets only from solved (its agents' close rules name solved statuses only), nothing else
 * closes a working ticket behind their back: no timer, no "send and mark as". A merge is the one exception: it
 * closes the ticket into another one, and says so.
 */
export function closedOnlyFromSolved(): Intent {
  return {
    name: 'closedOnlyFromSolved',
    description: 'a ticket is closed only from solved (merges aside) when agents may close only solved tickets',
    incident:
      'a cleanup timer meant for solved tickets also ran in Pending and closed open questions without anyone ' +
      'solving them; customers got "your ticket is closed" with no answer',
    applies: (workflow) => {
      const rules = list(workflow.config.close).filter(includesAgent);
      return (
        hasCategory(workflow, 'solved', 'closed') && rules.length > 0 && rules.every((r) => solvedOnly(workflow, r))
      );
    },
    check: ({ workflow, before, after, event, effects, timers }) => {
      if (categoryOf(workflow, after.status) !== 'closed' || categoryOf(workflow, before.status) === 'closed')
        return null;
      if (effects.some((e) => e.type === 'merged')) return null;
      // The status the ticket closed from: the `from` of the move into closed (a timer, or the event itself).
      const closing = [...timers, ...effects].find(
        (e): e is Extract<Effect, { type: 'timerFired' | 'statusChanged' }> =>
          (e.type === 'timerFired' || e.type === 'statusChanged') && categoryOf(workflow, e.to) === 'closed',
      );
      const from = closing?.from ?? before.status;
      if (categoryOf(workflow, from) === 'solved') return null;
      const by = closing?.type === 'timerFired' ? `timer ${closing.timer}` : `${event.type}`;
      return `${by} closed the ticket straight from ${from} (${categoryOf(workflow, from)}), never solved`;
    },
  };
}
