import { defineWorkflow, parseDuration, WorkflowError, type Duration, type Workflow } from 'ticket-lifecycle';

/**
 * Options of the {@link zendesk} preset.
 *
 * @example
 * ```ts
 * import type { ZendeskOptions } from 'ticket-lifecycle/presets';
 * const options: ZendeskOptions = { closeAfter: 'P7D' };
 * ```
 */
export interface ZendeskOptions {
  /** "Close ticket N days after status is set to solved": from one hour to 28 days. Default `P4D`. */
  readonly closeAfter?: Duration;
  /**
   * End users may mark their request solved once it has an assignee (the Requests API's `can_be_solved_by_me`,
   * the help center's "mark as solved"): a customer `resolve`, or a reply "sent as" Solved. Default `false`.
   */
  readonly requesterCanSolve?: boolean;
}

/**
 * Zendesk's own API status values.
 *
 * @example
 * ```ts
 * import type { ZendeskStatus } from 'ticket-lifecycle/presets';
 * const status: ZendeskStatus = 'hold';
 * ```
 */
export type ZendeskStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';

const HOUR = 3_600_000;
const MAX_CLOSE_AFTER = 28 * 24 * HOUR;

/**
 * Zendesk Support's lifecycle and its native, unchangeable rules (reference §3 and §11.11-16).
 *
 * - Created New; an end-user comment on New leaves it New; assigning a New ticket opens it.
 * - An end-user comment on Pending, On-hold or Solved sets it Open; once a ticket leaves New it never returns.
 * - Agents submit as a status ("Submit as …"): an agent reply moves nothing by itself.
 * - Solving requires an assignee, and a Solved ticket keeps one: unassigning it is refused ("Solved tickets must
 *   have an assigned agent"). Closed is set only by business rules (the system), never by agents.
 * - End users never assign. With `requesterCanSolve`, an end user may mark an assigned request solved.
 * - Merging (agents and the system, any status but Closed) closes the source ticket with reason `merged:<id>`
 *   and a `merged` effect naming the target ticket.
 * - Solved tickets close `closeAfter` after being solved (default 4 days; 1 hour to 28 days, mandatory).
 * - Closed tickets can't be updated: a requester's reply yields `followUpRequested` (the host creates the linked
 *   follow-up ticket), an agent's is rejected.
 * - On-hold (`hold`) shows as Open to the requester.
 *
 * Zendesk runs automations hourly; the preset closes at the exact due time (the `tick` model), which is what an
 * hourly sweep approximates from above.
 *
 * @throws {WorkflowError} when `closeAfter` is outside one hour to 28 days.
 *
 * @example
 * ```ts
 * import { createTicket, transition } from 'ticket-lifecycle';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * const wf = zendesk({ closeAfter: 'P7D' });
 * const t = createTicket(wf, { at: 0 });
 * transition(wf, t, { type: 'resolve', by: 'agent', at: 1 }).ok; // false: no assignee
 * ```
 */
export function zendesk(options: ZendeskOptions = {}): Workflow<ZendeskStatus> {
  const { closeAfter = 'P4D', requesterCanSolve = false } = options;
  const working = ['new', 'open', 'pending', 'onHold'] as const;
  const ms = parseDuration(closeAfter);
  if (ms === null || ms < HOUR || ms > MAX_CLOSE_AFTER) {
    throw new WorkflowError([
      { path: 'closeAfter', code: 'invalidOption', message: `closeAfter must be from one hour to 28 days, not ${JSON.stringify(closeAfter)}` },
    ]);
  }
  return defineWorkflow({
    id: 'zendesk',
    name: 'Zendesk',
    statuses: [
      { id: 'new', category: 'new', labels: { agent: 'New' } },
      { id: 'open', category: 'open', labels: { agent: 'Open' } },
      { id: 'pending', category: 'pending', labels: { agent: 'Pending' } },
      { id: 'hold', category: 'onHold', labels: { agent: 'On-hold', customer: 'Open' } },
      { id: 'solved', category: 'solved', labels: { agent: 'Solved' } },
      { id: 'closed', category: 'closed', labels: { agent: 'Closed' } },
    ],
    replies: [
      { by: 'customer', from: ['pending', 'hold', 'solved'], action: 'reopen', to: 'open' },
      { by: 'customer', from: 'closed', action: 'followUp' },
      { by: ['agent', 'system'], from: 'closed', action: 'reject' },
    ],
    assignments: [{ from: 'new', to: 'open' }],
    statusChanges: [
      { by: ['agent', 'system'], fromCategory: ['new', 'open', 'pending', 'onHold', 'solved'], toCategory: ['open', 'pending', 'onHold', 'solved', 'closed'] },
      ...(requesterCanSolve ? [{ by: 'customer' as const, fromCategory: working, to: 'solved' as const, requireAssignee: true }] : []),
    ],
    resolve: [
      { by: ['agent', 'system'], requireAssignee: true },
      ...(requesterCanSolve ? [{ by: 'customer' as const, fromCategory: working, requireAssignee: true }] : []),
    ],
    // Agents merge tickets of any status but Closed, whoever may close them (closing is for business rules).
    merge: { by: ['agent', 'system'] },
    // Who may change the assignee: never end users; on Solved only to another agent, never to nobody.
    assign: [
      { by: ['agent', 'system'], fromCategory: 'solved', keepAssignee: true },
      { by: ['agent', 'system'], fromCategory: working },
    ],
    close: { by: 'system', fromCategory: 'solved' },
    reopen: { by: ['agent', 'system'], fromCategory: 'solved' },
    timers: [{ id: 'auto-close', in: 'solved', after: ms, action: 'move', to: 'closed', reason: 'solved-timeout' }],
  });
}
