import type { Category } from 'ticket-lifecycle';
import type { Intent } from '../intent.js';
import { categoryOf } from './categories.js';

/** Parameters of {@link customerMessageReachesTeam}. */
export interface CustomerMessageOptions {
  /** The categories the team's queues show. Default `new`, `open`, `onHold`. */
  readonly watched?: readonly Category[];
}

/**
 * A customer's message lands in a status the team watches, or goes somewhere explicit (a follow-up ticket, a
 * rejection the customer is told about). A `replyNeedsAttention` effect alone is not enough: it asks the host to
 * notice what the policy should have routed.
 */
export function customerMessageReachesTeam(options: CustomerMessageOptions = {}): Intent {
  const watched = options.watched ?? ['new', 'open', 'onHold'];
  return {
    name: 'customerMessageReachesTeam',
    description: 'a customer message always reaches a status the team watches (or a follow-up ticket)',
    incident:
      'a customer answered a "waiting for you" question and the ticket stayed in Pending: nobody saw it until it ' +
      'auto-solved a week later and the customer escalated to the CEO',
    parameters: { watched },
    applies: () => true,
    check: ({ workflow, event, after, effects, refusal }) => {
      if (event.type !== 'reply' || event.by !== 'customer' || event.auto === true || refusal !== null) return null;
      // "Send and mark as": a customer who marks their own message solved or closed has said where it goes.
      if (event.status !== undefined) return null;
      if (effects.some((e) => e.type === 'followUpRequested' || e.type === 'replyRejected')) return null;
      const category = categoryOf(workflow, after.status);
      return category !== undefined && watched.includes(category)
        ? null
        : `a customer reply left the ticket in ${after.status} (${category}), where the team does not look`;
    },
  };
}
