import type { Intent } from '../intent.js';
import { categoryOf, hasCategory } from './categories.js';

/**
 * A closed ticket stays closed until a person reopens it (a `reopen`, a reply the policy lets reopen it, an agent's
 * status change): no timer ever takes a ticket out of a closed status, whatever its `in` or `inCategory` says.
 */
export function lockedStaysLocked(): Intent {
  return {
    name: 'lockedStaysLocked',
    description: 'no timer takes a ticket out of a closed status: only a person reopens it',
    incident:
      'a "revisit stale tickets after 30 days" timer was set on a category list that included closed; archived ' +
      'tickets from last year flooded the queue on Monday morning and customers got mails about long-finished cases',
    applies: (workflow) => hasCategory(workflow, 'closed'),
    check: ({ workflow, timers }) => {
      const leak = timers.find(
        (t) =>
          t.type === 'timerFired' &&
          categoryOf(workflow, t.from) === 'closed' &&
          categoryOf(workflow, t.to) !== 'closed',
      );
      return leak?.type === 'timerFired'
        ? `timer ${leak.timer} took a closed ticket from ${leak.from} back to ${leak.to}`
        : null;
    },
  };
}
