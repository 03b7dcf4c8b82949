import { defineWorkflow, type Workflow } from 'ticket-lifecycle';

/**
 * Options of the {@link tawkTo} preset: tawk.to has no lifecycle settings, so there are none yet.
 *
 * @example
 * ```ts
 * import type { TawkToOptions } from 'ticket-lifecycle/presets';
 * const options: TawkToOptions = {};
 * ```
 */
export type TawkToOptions = Record<string, never>;

/**
 * tawk.to's status ids.
 *
 * @example
 * ```ts
 * import type { TawkToStatus } from 'ticket-lifecycle/presets';
 * const status: TawkToStatus = 'pending';
 * ```
 */
export type TawkToStatus = 'open' | 'pending' | 'closed';

/**
 * tawk.to's ticket lifecycle (reference §2 and §11.9-10; seed 002 "La differenza tra ticket aperti, in attesa o
 * chiusi").
 *
 * - Tickets from a chat, an offline message or made by hand start Open.
 * - An agent reply to Open marks it Pending; a visitor reply to Pending brings it back to Open.
 * - "If a customer or agent replies to a ticket that is Closed or Pending, it automatically changes to Open." We
 *   read this literally: an agent reply to Pending or Closed also makes it Open (the reference flags the tension
 *   with the rule above; the literal reading is the one tawk.to's help article states).
 * - "Send and mark as Open / Pending / Closed" (`reply` with `status`) wins over both rules, and agents can change
 *   the status without replying, Closed included: a closed ticket is reopened by setting it Open.
 * - Tickets are never closed automatically: the preset has no timer, so `nextDeadline` is always `null`.
 *
 * `lintWorkflow` warns that agents may close from Open with no guard: that is how tawk.to works.
 *
 * @example
 * ```ts
 * import { createTicket, nextDeadline } from 'ticket-lifecycle';
 * import { tawkTo } from 'ticket-lifecycle/presets';
 * const wf = tawkTo();
 * nextDeadline(wf, createTicket(wf, { at: 0 })); // null
 * ```
 */
export function tawkTo(_options: TawkToOptions = {}): Workflow<TawkToStatus> {
  return defineWorkflow({
    id: 'tawk.to',
    name: 'tawk.to',
    statuses: [
      { id: 'open', category: 'open', labels: { agent: 'Open' } },
      { id: 'pending', category: 'pending', labels: { agent: 'Pending' } },
      { id: 'closed', category: 'closed', labels: { agent: 'Closed' } },
    ],
    replies: [
      { by: 'agent', from: 'open', to: 'pending' },
      { by: ['agent', 'customer'], from: ['pending', 'closed'], to: 'open' },
    ],
    close: { by: ['agent', 'system'] },
  });
}
