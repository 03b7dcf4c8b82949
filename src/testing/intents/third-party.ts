import type { StatusInfo, Workflow } from 'ticket-lifecycle';
import type { Intent } from '../intent.js';
import { categoryOf, FINISHED } from './categories.js';

/** Words that say the ticket waits on someone outside the conversation (`\b` keeps "department" out). */
const THIRD_PARTY =
  /\b(vendor|supplier|third[\s_-]?party|3rd[\s_-]?party|partner|carrier|courier|manufacturer|external|engineering|dev(elopment)?[\s_-]?team|warehouse|bank|insurer)s?\b/i;

/** Whether a status's id or labels say it waits on a third party. */
export const looksThirdParty = (status: StatusInfo): boolean =>
  [status.id, status.labels.agent, status.labels.customer].some((text) => THIRD_PARTY.test(text));

const thirdPartyStatuses = (workflow: Workflow): Set<string> =>
  new Set(workflow.statuses.filter((s) => s.category === 'onHold' || looksThirdParty(s)).map((s) => s.id));

/**
 * A ticket waiting on a third party (an on-hold status, or one whose name says vendor, supplier, engineering …)
 * is not waiting on the customer: it is never filed under `pending` and never auto-solved or auto-closed, since
 * the customer cannot move it on.
 */
export function thirdPartyWaitIsNotCustomerWait(): Intent {
  return {
    name: 'thirdPartyWaitIsNotCustomerWait',
    description: 'a ticket waiting on a third party is never treated as waiting on the customer',
    incident:
      '"Waiting on vendor" was created as a Pending status; the pending auto-solve closed 300 tickets while the ' +
      'vendor was still working on the fix, and customers were told their problem was solved',
    applies: (workflow) => thirdPartyStatuses(workflow).size > 0,
    check: ({ workflow, after, timers }) => {
      const thirdParty = thirdPartyStatuses(workflow);
      const finished = timers.find(
        (t) =>
          t.type === 'timerFired' && thirdParty.has(t.from) && FINISHED.includes(categoryOf(workflow, t.to) ?? 'open'),
      );
      if (finished?.type === 'timerFired')
        return `timer ${finished.timer} finished a ticket waiting on a third party (${finished.from} → ${finished.to})`;
      const status = workflow.statuses.find((s) => s.id === after.status);
      return status !== undefined && status.category === 'pending' && looksThirdParty(status)
        ? `${status.id} ("${status.labels.agent}") waits on a third party but is filed under pending, waiting for the customer`
        : null;
    },
  };
}
