import { defineWorkflow, WorkflowError, type Workflow } from 'ticket-lifecycle';

/**
 * Options of the {@link osTicket} preset.
 *
 * @example
 * ```ts
 * import type { OsTicketOptions } from 'ticket-lifecycle/presets';
 * const options: OsTicketOptions = { reopen: false };
 * ```
 */
export interface OsTicketOptions {
  /**
   * "Allow tickets on this status to be reopened by end users" (`allowreopen`) on Resolved and Closed. Default
   * `true`. With `false` a customer's message to them is rejected.
   */
  readonly reopen?: boolean;
}

/**
 * osTicket's default statuses (Deleted is left out: it removes the ticket).
 *
 * @example
 * ```ts
 * import type { OsTicketStatus } from 'ticket-lifecycle/presets';
 * const status: OsTicketStatus = 'archived';
 * ```
 */
export type OsTicketStatus = 'open' | 'resolved' | 'closed' | 'archived';

/**
 * osTicket's lifecycle, read in its source at osTicket/osTicket@4689926b (reference §8 and §11.31-33).
 *
 * - Tickets are created Open.
 * - Resolved and Closed both have osTicket's state "closed": here both are `closed`-category statuses (Closed
 *   the default), so resolving closes the ticket (close time set, SLA over). Move there with `setStatus`
 *   (`close` lands in Closed); there is no `solved` category, so `resolve` is refused with `noTargetStatus`.
 * - A customer message to Resolved or Closed reopens it to Open when the status allows reopening (`reopen`,
 *   default `true`); with `reopen: false` it is rejected (a `replyRejected` effect, the ticket stays closed), as
 *   osTicket rejects the email and hides the portal's reply box (§11.31).
 * - An agent reply changes the status only when the agent picks one (`reply` with `status`); the default pick is
 *   the current status, so a plain agent reply moves nothing, on a closed ticket too.
 * - Auto-replies and bounces never reopen (`reply` with `auto: true`). There is no auto-close in core, so the
 *   preset has no timer and `nextDeadline` is always `null`.
 *
 * Choices where the reference is silent or the model differs:
 * - Archived is a `closed`-category status that end users never reopen: a customer message to it is always
 *   rejected (osTicket's `allowreopen` is a property of closed-state statuses only). An agent reply leaves it
 *   Archived, as on Resolved and Closed. Agents and the system may reopen or set any status, Archived included:
 *   `allowreopen` binds end users only.
 * - Customers change the status only by writing. Close guards (permission, required fields, open tasks, help
 *   topic, §11.33) and the reassignment on reopen (§11.32) are the host's: add `close` guards to a custom policy
 *   if needed.
 *
 * `lintWorkflow` warns that agents may close from Open with no guard: osTicket's guards (permission, required
 * fields, open tasks) live in the host.
 *
 * @throws {WorkflowError} (`invalidOption`) when `reopen` is not a boolean.
 *
 * @example
 * ```ts
 * import { createTicket, transition } from 'ticket-lifecycle';
 * import { osTicket } from 'ticket-lifecycle/presets';
 * const wf = osTicket({ reopen: false });
 * let t = createTicket(wf, { at: 0 });
 * const closed = transition(wf, t, { type: 'setStatus', by: 'agent', at: 1, to: 'resolved' });
 * if (closed.ok) t = closed.ticket;
 * const r = transition(wf, t, { type: 'reply', by: 'customer', at: 2 });
 * if (r.ok) r.effects; // [{ type: 'replyRejected', status: 'resolved', … }]
 * ```
 */
export function osTicket(options: OsTicketOptions = {}): Workflow<OsTicketStatus> {
  const { reopen = true } = options;
  if (typeof reopen !== 'boolean') {
    throw new WorkflowError([{ path: 'reopen', code: 'invalidOption', message: `reopen must be true or false, not ${JSON.stringify(reopen)}` }]);
  }
  return defineWorkflow({
    id: 'osticket',
    name: 'osTicket',
    statuses: [
      { id: 'open', category: 'open', labels: { agent: 'Open' } },
      { id: 'resolved', category: 'closed', labels: { agent: 'Resolved' } },
      { id: 'closed', category: 'closed', default: true, labels: { agent: 'Closed' } },
      { id: 'archived', category: 'closed', labels: { agent: 'Archived' } },
    ],
    replies: [
      { by: 'customer', from: 'archived', action: 'reject' },
      reopen
        ? { by: 'customer', from: ['resolved', 'closed'], action: 'reopen' }
        : { by: 'customer', from: ['resolved', 'closed'], action: 'reject' },
    ],
  });
}
