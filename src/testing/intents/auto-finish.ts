import type { Intent } from '../intent.js';
import type { Workflow } from 'ticket-lifecycle';
import { categoryOf, FINISHED, hasCategory, list, timerById } from './categories.js';

/**
 * A timer counting to the time an agent chose (`since: 'until'`, Zammad's "pending close till"): the agent decided
 * to close then, knowing the customer waited; whether agents may, the policy's own rules say (`timersKeepTheRules`).
 */
const chosenTime = (workflow: Workflow, id: string): boolean => list(timerById(workflow, id)?.since).includes('until');

/**
 * No timer solves or closes a working ticket while the customer's last message is unanswered: the team owes a
 * reply. (Closing a ticket an agent solved is the agent's decision carried out, not the timer's.)
 */
export function neverAutoFinishWhileCustomerWaits(): Intent {
  return {
    name: 'neverAutoFinishWhileCustomerWaits',
    description: 'no timer solves or closes a ticket while the customer waits for an answer',
    incident:
      "an auto-close counted from the agent's last reply; the customer had answered since, and their ticket " +
      'closed unanswered: "you closed my ticket while I was waiting for you"',
    applies: (workflow) => hasCategory(workflow, ...FINISHED),
    check: ({ workflow, before, timers }) => {
      if (before.awaiting !== 'team') return null;
      const move = timers.find(
        (t) =>
          t.type === 'timerFired' &&
          !chosenTime(workflow, t.timer) &&
          !FINISHED.includes(categoryOf(workflow, t.from) ?? 'open') &&
          FINISHED.includes(categoryOf(workflow, t.to) ?? 'open'),
      );
      return move === undefined || move.type !== 'timerFired'
        ? null
        : `timer ${move.timer} moved the ticket ${move.from} → ${move.to} while the customer waited for an answer`;
    },
  };
}
