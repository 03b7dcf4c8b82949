import { defineWorkflow, type Workflow } from 'ticket-lifecycle';
import { PresetOptions } from './options.js';

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
 * osTicket's lifecycle, read in its source at osTicket/osTicket@4689926b
 * (https://github.com/osTicket/osTicket/blob/4689926b/include/class.ticket.php; every fact with its source, and
 * the differences: docs/presets.md#osticket).
 *
 * - Tickets are created Open.
 * - `resolve` moves a ticket to Resolved and `close` to Closed, from Open or from Resolved; agents and the system
 *   may also set any status, Archived included.
 * - A customer message to Resolved or Closed reopens it to Open when the status allows reopening (`reopen`,
 *   default `true`); with `reopen: false` it is rejected (a `replyRejected` effect, the ticket stays), as
 *   osTicket rejects the email and hides the portal's reply box.
 * - An agent reply changes the status only when the agent picks one (`reply` with `status`); the default pick is
 *   the current status, so a plain agent reply moves nothing, on a closed ticket too.
 * - Auto-replies and bounces never reopen (`reply` with `auto: true`). There is no auto-close in core, so the
 *   preset has no timer and `nextDeadline` is always `null`.
 *
 * Where the model differs: osTicket gives Resolved the state "closed", like Closed. Here Resolved is a `solved`
 * status (its SLA clock stopped, `slaPaused`) so that `resolve` lands there and `close` moves a Resolved ticket
 * on to Closed: a Resolved ticket has `resolvedAt`, and `closedAt` is set when it reaches Closed or Archived.
 *
 * Choices where the sources are silent or the model differs:
 * - Archived is a `closed`-category status that end users never reopen: a customer message to it is always
 *   rejected (osTicket's `allowreopen` is a property of closed-state statuses only). An agent reply leaves it
 *   Archived, as on Resolved and Closed. Agents and the system may reopen or set any status, Archived included:
 *   `allowreopen` binds end users only.
 * - Customers change the status only by writing. Close guards (permission, required fields, open tasks, help
 *   topic) and the reassignment on reopen are the host's: add `close` guards to a custom policy if needed.
 *
 * `lintWorkflow` warns that agents may close from Open with no guard: osTicket's guards (permission, required
 * fields, open tasks) live in the host.
 *
 * @throws {WorkflowError} (`invalidOption`) when `reopen` is not a boolean, or for an option this preset does
 * not know.
 *
 * @example
 * ```ts
 * import { createTicket, transition } from 'ticket-lifecycle';
 * import { osTicket } from 'ticket-lifecycle/presets';
 * const wf = osTicket({ reopen: false });
 * let t = createTicket(wf, { at: 0 });
 * const resolved = transition(wf, t, { type: 'resolve', by: 'agent', at: 1 });
 * if (resolved.ok) t = resolved.ticket;
 * const r = transition(wf, t, { type: 'reply', by: 'customer', at: 2 });
 * if (r.ok) r.effects; // [{ type: 'replyRejected', status: 'resolved', … }]
 * ```
 */
export function osTicket(options: OsTicketOptions = {}): Workflow<OsTicketStatus> {
  const read = new PresetOptions(options, ['reopen']);
  const reopen = read.boolean('reopen', true);
  read.done();
  return defineWorkflow({
    id: 'osticket',
    name: 'osTicket',
    statuses: [
      { id: 'open', category: 'open', labels: { agent: 'Open' } },
      { id: 'resolved', category: 'solved', labels: { agent: 'Resolved' }, slaPaused: true },
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
