import type { Intent } from '../intent.js';
import { categoryOf, hasCategory } from './categories.js';

/**
 * A closed ticket stays closed: it leaves a closed status only through an explicit reopen (a `reopen` event or a
 * reply the policy lets reopen it, both announced by a `reopened` effect), never by a timer or a status change.
 */
export function lockedStaysLocked(): Intent {
  return {
    name: 'lockedStaysLocked',
    description: 'a closed ticket leaves closed only through an announced reopen, never by a timer or a status change',
    incident:
      'a reminder rule "in any status" moved closed tickets back to Open; archived tickets from last year ' +
      'flooded the queue on Monday morning and reopened conversations customers had long finished',
    applies: (workflow) => hasCategory(workflow, 'closed'),
    check: ({ workflow, before, after, event, effects }) => {
      if (categoryOf(workflow, before.status) !== 'closed' || categoryOf(workflow, after.status) === 'closed')
        return null;
      if (effects.some((e) => e.type === 'reopened')) return null;
      const timer = effects.find((e) => e.type === 'timerFired' && e.from === before.status);
      return `${timer?.type === 'timerFired' ? `timer ${timer.timer}` : `${event.type} by ${'by' in event ? event.by : 'time'}`} took a closed ticket from ${before.status} to ${after.status} without a reopen`;
    },
  };
}
