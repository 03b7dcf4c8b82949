import type { Intent } from '../intent.js';
import { categoryOf, FINISHED, hasCategory } from './categories.js';

/**
 * No timer solves or closes a ticket while the customer's last message is unanswered: the team owes a reply.
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
        (t) => t.type === 'timerFired' && FINISHED.includes(categoryOf(workflow, t.to) ?? 'open'),
      );
      return move === undefined || move.type !== 'timerFired'
        ? null
        : `timer ${move.timer} moved the ticket ${move.from} → ${move.to} while the customer waited for an answer`;
    },
  };
}
