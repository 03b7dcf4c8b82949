import { defineWorkflow, WorkflowError, type ReplyRule, type Workflow, type WorkflowIssue } from 'ticket-lifecycle';

/**
 * Options of the {@link zammad} preset: the group's "follow-up possible" setting.
 *
 * - `reopen` ("yes", Zammad's default): a customer reply reopens a closed ticket.
 * - `newTicket` ("do not reopen ticket but create new ticket"): the ticket stays closed and the reply yields
 *   `followUpRequested`; the host creates a new ticket containing only that reply.
 * - `newTicketAfter` ("do not reopen ticket after certain time but create new ticket"): reopen only while fewer
 *   than `reopenWithinDays` whole days have passed since the ticket was closed, else as `newTicket`.
 *
 * @example
 * ```ts
 * import type { ZammadOptions } from 'ticket-lifecycle/presets';
 * const options: ZammadOptions = { followUp: 'newTicketAfter', reopenWithinDays: 14 };
 * ```
 */
export interface ZammadOptions {
  /** What a customer reply to a closed ticket does. Default `reopen`. */
  readonly followUp?: 'reopen' | 'newTicket' | 'newTicketAfter';
  /** With `newTicketAfter` (and only with it, where it is required): the window in whole days, from 1 to 36,500. */
  readonly reopenWithinDays?: number;
}

/**
 * Zammad's default state names, with `_` for spaces.
 *
 * @example
 * ```ts
 * import type { ZammadStatus } from 'ticket-lifecycle/presets';
 * const status: ZammadStatus = 'pending_close';
 * ```
 */
export type ZammadStatus = 'new' | 'open' | 'pending_reminder' | 'pending_close' | 'closed' | 'merged';

const DAY = 86_400_000;
/** Durations stop at 100 years; a window beyond that means "always reopen" anyway. */
const MAX_DAYS = 36_500;
const FOLLOW_UPS = ['reopen', 'newTicket', 'newTicketAfter'] as const;

/**
 * Zammad's lifecycle, read in its source (reference §5 and §11.19-24).
 *
 * - Tickets are created `new` (default_create). A customer reply to `new` leaves it `new`; a customer reply to
 *   any other open or pending state sets `open` (default_follow_up), which cancels a pending close (§11.19-20).
 * - An agent reply moves only `new` → `open`; every other move is explicit (§11.19).
 * - `pending_close` and `pending_reminder` need a pending time: `setStatus` with `until` (§5 "pending till").
 *   At that time `pending_close` closes (its `next_state`); `pending_reminder` does not change state, it emits
 *   `reminderDue` and repeats daily while the ticket stays there (§11.21, zammad/zammad#4348).
 * - Replies to `closed` follow the `followUp` policy (§11.22, `floor(days since close) < reopenWithinDays`);
 *   agents can always reopen explicitly (zammad/zammad#4386).
 * - `pending_reminder`, `pending_close` and `closed` are `slaPaused` (`ignore_escalation` in the seeded
 *   states, §11.24).
 * - Customers may close their own ticket (the web UI offers them open and closed, `viewable_customer_edit`);
 *   they reopen only by replying, under the follow-up policy.
 *
 * Choices where the reference is silent or the model differs:
 * - `merged` is final: a customer reply to it yields `followUpRequested` (Zammad's `follow_up_merged` routes it
 *   to the ticket it was merged into; the host does that), an agent reply is refused, and no status change
 *   leaves it. Setting `merged` stands for the host's merge action. It is `slaPaused` too, being final.
 * - Both pending states are in the `pending` category (`pending_reminder` is its default); an agent reply to a
 *   closed ticket leaves it closed; a system reply (a trigger) moves nothing.
 * - Not modelled: the checklist close guard (§11.23; add your own `close` guard), the owner reset on follow-up,
 *   custom states, and the 15-minute scheduler (the preset acts at the exact pending time).
 *
 * `lintWorkflow` warns that new and open tickets close with no guard: that is Zammad without a checklist.
 *
 * @throws {WorkflowError} (`invalidOption`) for an unknown `followUp`, a `reopenWithinDays` that is not a positive
 * integer, missing with `newTicketAfter`, or given with another policy.
 *
 * @example
 * ```ts
 * import { createTicket, transition } from 'ticket-lifecycle';
 * import { zammad } from 'ticket-lifecycle/presets';
 * const wf = zammad({ followUp: 'newTicketAfter', reopenWithinDays: 7 });
 * const t = createTicket(wf, { at: 0 });
 * const r = transition(wf, t, { type: 'setStatus', by: 'agent', at: 1, to: 'pending_close', until: 86_400_000 });
 * if (r.ok) r.ticket.status; // 'pending_close', closed by `tick` at 86_400_000
 * ```
 */
export function zammad(options: ZammadOptions = {}): Workflow<ZammadStatus> {
  const { followUp = 'reopen', reopenWithinDays } = options;
  const issues = checkOptions(followUp, reopenWithinDays);
  if (issues.length > 0) throw new WorkflowError(issues);

  const closedFollowUp: ReplyRule<ZammadStatus> =
    followUp === 'reopen' ? { by: 'customer', from: 'closed', action: 'reopen' }
    : followUp === 'newTicket' ? { by: 'customer', from: 'closed', action: 'followUp' }
    : { by: 'customer', from: 'closed', action: 'reopen', within: reopenWithinDays! * DAY, otherwise: 'followUp' };
  const working = ['new', 'open', 'pending_reminder', 'pending_close'] as const;

  return defineWorkflow({
    id: 'zammad',
    name: 'Zammad',
    statuses: [
      { id: 'new', category: 'new', labels: { agent: 'new' } },
      { id: 'open', category: 'open', labels: { agent: 'open' } },
      { id: 'pending_reminder', category: 'pending', default: true, labels: { agent: 'pending reminder' }, slaPaused: true, requireUntil: true },
      { id: 'pending_close', category: 'pending', labels: { agent: 'pending close' }, slaPaused: true, requireUntil: true },
      { id: 'closed', category: 'closed', default: true, labels: { agent: 'closed' }, slaPaused: true },
      { id: 'merged', category: 'closed', labels: { agent: 'merged' }, slaPaused: true },
    ],
    replies: [
      { by: 'customer', from: 'new', action: 'stay' },
      { by: 'customer', from: ['open', 'pending_reminder', 'pending_close'], to: 'open' },
      closedFollowUp,
      { by: 'customer', from: 'merged', action: 'followUp' },
      { by: 'agent', from: 'new', to: 'open' },
      { by: ['agent', 'system'], from: 'merged', action: 'reject' },
    ],
    statusChanges: [
      { by: ['agent', 'system'], from: [...working, 'closed'] },
      { by: 'customer', from: working, to: 'closed' },
    ],
    close: { by: ['agent', 'system', 'customer'], from: working },
    reopen: { by: ['agent', 'system'], from: 'closed' },
    timers: [
      { id: 'pending-close', in: 'pending_close', since: 'until', action: 'move', to: 'closed', reason: 'pending-close' },
      { id: 'pending-reminder', in: 'pending_reminder', since: 'until', action: 'remind', repeatEvery: 'P1D' },
    ],
  });
}

function checkOptions(followUp: unknown, days: unknown): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  if (!(FOLLOW_UPS as readonly unknown[]).includes(followUp)) {
    issues.push({ path: 'followUp', code: 'invalidOption', message: `followUp must be one of ${FOLLOW_UPS.join(', ')}, not ${JSON.stringify(followUp)}` });
  }
  if (days !== undefined && (typeof days !== 'number' || !Number.isSafeInteger(days) || days <= 0 || days > MAX_DAYS)) {
    issues.push({ path: 'reopenWithinDays', code: 'invalidOption', message: `reopenWithinDays must be a whole number of days from 1 to ${MAX_DAYS}, not ${JSON.stringify(days)}` });
  } else if (followUp === 'newTicketAfter' && days === undefined) {
    issues.push({ path: 'reopenWithinDays', code: 'invalidOption', message: 'followUp "newTicketAfter" needs reopenWithinDays' });
  } else if (followUp !== 'newTicketAfter' && days !== undefined) {
    issues.push({ path: 'reopenWithinDays', code: 'invalidOption', message: 'reopenWithinDays only goes with followUp "newTicketAfter"' });
  }
  return issues;
}
