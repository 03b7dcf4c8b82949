import { defineWorkflow, type Workflow } from 'ticket-lifecycle';
import { PresetOptions } from './options.js';

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
 * tawk.to's ticket lifecycle (https://help.tawk.to/article/the-difference-between-open-pending-or-closed-tickets;
 * what the preset reproduces and the one reading it chose: docs/presets.md#tawkto).
 *
 * - Tickets from a chat, an offline message or made by hand start Open.
 * - An agent reply to Open marks it Pending; a visitor reply to Pending brings it back to Open.
 * - "If a customer or agent replies to a ticket that is Closed or Pending, it automatically changes to Open." We
 *   read this literally: an agent reply to Pending or Closed also makes it Open (this is in tension with the rule
 *   above; the literal reading is the one tawk.to's help article states).
 * - "Send and mark as Open / Pending / Closed" (`reply` with `status`) wins over both rules, and agents can change
 *   the status without replying, Closed included: a closed ticket is reopened by setting it Open.
 * - Tickets are never closed automatically: the preset has no timer, so `nextDeadline` is always `null`.
 *
 * `lintWorkflow` warns that agents may close from Open with no guard: that is how tawk.to works.
 *
 * @throws {WorkflowError} (`invalidOption`) for any option: tawk.to has none to set.
 *
 * @example
 * ```ts
 * import { createTicket, nextDeadline } from 'ticket-lifecycle';
 * import { tawkTo } from 'ticket-lifecycle/presets';
 * const wf = tawkTo();
 * nextDeadline(wf, createTicket(wf, { at: 0 })); // null
 * ```
 */
export function tawkTo(options: TawkToOptions = {}): Workflow<TawkToStatus> {
  new PresetOptions(options, []).done();
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
