import { defineWorkflow, type Duration, type Workflow } from 'ticket-lifecycle';

/**
 * Options of the {@link liveAgent} preset.
 *
 * @example
 * ```ts
 * import type { LiveAgentOptions } from 'ticket-lifecycle/presets';
 * const options: LiveAgentOptions = { reopenResolved: false, autoCloseAfter: 'P5D', reminders: ['P4D'] };
 * ```
 */
export interface LiveAgentOptions {
  /** "Reopen Resolved Ticket" (Configuration › System › General): a customer reply reopens Resolved. Default `true`. */
  readonly reopenResolved?: boolean;
  /** A Resolved ticket closes this long after it was resolved or after the customer's last reply, whichever is later. Default `P7D`. */
  readonly autoCloseAfter?: Duration;
  /** Reminders before that close, counted from the same moment (a Time Rule with "Send answer"). Default none. */
  readonly reminders?: readonly Duration[];
}

/**
 * LiveAgent's status ids (its CSV codes N, C, A, W, R, L).
 *
 * @example
 * ```ts
 * import type { LiveAgentStatus } from 'ticket-lifecycle/presets';
 * const status: LiveAgentStatus = 'answered';
 * ```
 */
export type LiveAgentStatus = 'new' | 'open' | 'answered' | 'postponed' | 'resolved' | 'closed';

/**
 * LiveAgent's lifecycle (reference §0-§1, seeds 000-004): New → Open → Answered → Resolved → Closed, with
 * Postponed as its snooze.
 *
 * - An agent reply marks the ticket Answered, from New and Open too (§11.5).
 * - A customer reply to Answered or Postponed reopens it to Open; to Resolved likewise unless `reopenResolved:
 *   false` (then it stays Resolved and `replyNeedsAttention` tells the host, §11.7); to New it stays New.
 * - Postpone expiry goes to Open, or back to New if it was New (§11.6); a customer reply ends a postponement.
 * - Closing follows Resolved and is done by the customer (confirmation) or the system, never an agent (seed
 *   best practice); a Resolved ticket closes by itself `autoCloseAfter` after it was resolved or after the
 *   customer's last reply, whichever is later.
 *
 * Choices where the sources are silent (the reference's LiveAgent Closed page was unavailable): a customer reply to
 * Closed reopens it to Open ("the end user can re-establish contact on the same ticket", seeds); an agent reply to
 * Closed is rejected, because Closed is "locked from further actions" until an agent reopens it explicitly.
 *
 * With `reopenResolved: false`, `lintWorkflow` warns `replyDoesNotReopen` (the host gets `replyNeedsAttention`
 * instead) and `prematureClose` (the auto-close counts from the customer's last reply, so the team gets the full
 * delay, but an unanswered Resolved ticket still closes): that is LiveAgent with the setting off.
 *
 * @example
 * ```ts
 * import { createTicket, transition } from 'ticket-lifecycle';
 * import { liveAgent } from 'ticket-lifecycle/presets';
 * const wf = liveAgent({ reopenResolved: false });
 * const t = createTicket(wf, { at: 0 });
 * const r = transition(wf, t, { type: 'reply', by: 'agent', at: 60_000 });
 * if (r.ok) r.ticket.status; // 'answered'
 * ```
 */
export function liveAgent(options: LiveAgentOptions = {}): Workflow<LiveAgentStatus> {
  const { reopenResolved = true, autoCloseAfter = 'P7D', reminders = [] } = options;
  return defineWorkflow({
    id: 'liveagent',
    name: 'LiveAgent',
    statuses: [
      { id: 'new', category: 'new', labels: { agent: 'New' } },
      { id: 'open', category: 'open', labels: { agent: 'Open' } },
      // LiveAgent's SLA levels measure answer times only, so the clock runs in New and Open alone (§1 SLA).
      { id: 'answered', category: 'pending', labels: { agent: 'Answered' }, slaPaused: true },
      { id: 'postponed', category: 'snoozed', labels: { agent: 'Postponed' }, slaPaused: true },
      { id: 'resolved', category: 'solved', labels: { agent: 'Resolved' }, slaPaused: true },
      { id: 'closed', category: 'closed', labels: { agent: 'Closed' } },
    ],
    replies: [
      { by: 'agent', from: 'closed', action: 'reject' },
      { by: 'agent', to: 'answered' },
      { by: 'customer', from: ['answered', 'postponed', 'closed'], to: 'open' },
      { by: 'customer', from: 'resolved', action: reopenResolved ? 'reopen' : 'stay' },
    ],
    statusChanges: [
      { by: ['agent', 'system'], toCategory: ['open', 'pending', 'snoozed', 'solved', 'closed'] },
      // The wake-up of a ticket postponed from New is the system moving it back to New (timers pass the rules).
      { by: 'system', from: 'postponed', to: 'new' },
    ],
    close: { by: ['customer', 'system'], fromCategory: 'solved' },
    timers: [
      { id: 'postpone-expiry', in: 'postponed', since: 'until', action: 'move', to: 'open', restorePrevious: ['new'] },
      {
        id: 'auto-close',
        in: 'resolved',
        since: ['statusEntered', 'lastCustomerMessage'],
        after: autoCloseAfter,
        action: 'move',
        to: 'closed',
        reminders,
        reason: 'inactivity',
      },
    ],
  });
}
