import { defineWorkflow, type ReplyRule, type Workflow } from 'ticket-lifecycle';
import { readSlaOption, type PresetSla, type VendorSla } from './sla-option.js';
import { DAY, PresetOptions } from './options.js';

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
  /**
   * The group's "assign follow ups" (`follow_up_assignment`,
   * https://github.com/zammad/zammad/blob/4ca1e987/app/models/channel/filter/follow_up_assignment.rb): `true`
   * keeps the owner when a closed ticket reopens; `false` resets it to nobody (an `assigned` effect with
   * `cause: 'reopen'`). Default `true`, Zammad's.
   *
   * @example
   * ```ts
   * import { zammad } from 'ticket-lifecycle/presets';
   * const wf = zammad({ followUpAssignment: false }); // a follow-up to a closed ticket lands unassigned
   * ```
   */
  readonly followUpAssignment?: boolean;
  /**
   * SLA targets (https://admin-docs.zammad.org/en/latest/manage/slas.html): first response, update time
   * (`nextReply`) and solution time, in the calendar's business hours or around the clock, with an escalation
   * warning `warnBefore`. Pending and closed states freeze the clocks.
   */
  readonly sla?: PresetSla<'firstReply' | 'nextReply' | 'resolution'>;
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

/** Durations stop at 100 years; a window beyond that means "always reopen" anyway. */
const MAX_DAYS = 36_500;
const FOLLOW_UPS = ['reopen', 'newTicket', 'newTicketAfter'] as const;

/** What zammad's SLAs measure and where they pause (docs/sla.md). */
const SLA: VendorSla<'firstReply' | 'nextReply' | 'resolution'> = {
  metrics: ['firstReply', 'nextReply', 'resolution'],
  // Frozen in the states that ignore escalation (pending reminder, pending close, closed: slaPaused), nowhere else.
  pause: { all: {} },
};

/**
 * Zammad's lifecycle, read in its source (https://github.com/zammad/zammad; the files and commits, and where the
 * preset differs: docs/presets.md#zammad).
 *
 * - Tickets are created `new` (default_create). A customer reply to `new` leaves it `new`; a customer reply to
 *   any other open or pending state sets `open` (default_follow_up), which cancels a pending close.
 * - An agent reply moves only `new` → `open`; every other move is explicit.
 * - `pending_close` and `pending_reminder` need a pending time: `setStatus` with `until` ("pending till").
 *   At that time `pending_close` closes (its `next_state`); `pending_reminder` does not change state, it emits
 *   `reminderDue` and repeats daily while the ticket stays there (zammad/zammad#447, #4348).
 * - Replies to `closed` follow the `followUp` policy (`floor(days since close) < reopenWithinDays`);
 *   agents can always reopen explicitly (zammad/zammad#4386).
 * - `pending_reminder`, `pending_close` and `closed` are `slaPaused` (`ignore_escalation` in the seeded
 *   states).
 * - Customers may close their own ticket (the web UI offers them open and closed, `viewable_customer_edit`);
 *   they reopen only by replying, under the follow-up policy.
 *
 * Choices where the sources are silent or the model differs:
 * - `merged` is final: a customer reply to it yields `followUpRequested` (Zammad's `follow_up_merged` routes it
 *   to the ticket it was merged into; the host does that), an agent reply is refused, and no status change
 *   leaves it. Setting `merged` stands for the host's merge action. It is `slaPaused` too, being final.
 * - Both pending states are in the `pending` category (`pending_reminder` is its default); an agent reply to a
 *   closed ticket leaves it closed; a system reply (a trigger) moves nothing.
 * - `followUpAssignment: false` resets the owner on every reopen of a closed ticket, an agent's explicit reopen
 *   too; Zammad's filter does it on a customer's follow-up only.
 * - Not modelled: the checklist close guard (add your own `close` guard) and custom states.
 *
 * Timing differs on purpose: Zammad processes pending tickets every 15 minutes (`db/seeds/schedulers.rb`), so a
 * pending close closes, and a reminder is sent, up to 15 minutes after the pending time. The preset acts at the
 * exact pending time, whenever the host's sweeper runs.
 *
 * `lintWorkflow` warns that new and open tickets close with no guard: that is Zammad without a checklist.
 *
 * @throws {WorkflowError} (`invalidOption`) for an unknown `followUp`, a `reopenWithinDays` that is not a positive
 * integer, missing with `newTicketAfter`, or given with another policy, a `followUpAssignment` that is not a
 * boolean, or for an option this preset does not know.
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
  const read = new PresetOptions(options, ['followUp', 'reopenWithinDays', 'followUpAssignment', 'sla']);
  const followUp = read.oneOf('followUp', FOLLOW_UPS, 'reopen');
  const reopenWithinDays = read.integer('reopenWithinDays', 1, MAX_DAYS);
  if (followUp === 'newTicketAfter' && !read.has('reopenWithinDays')) {
    read.report('reopenWithinDays', 'needed with followUp newTicketAfter');
  } else if (followUp !== 'newTicketAfter' && read.has('reopenWithinDays')) {
    read.report('reopenWithinDays', 'only with followUp newTicketAfter');
  }
  const keepOwner = read.boolean('followUpAssignment', true);
  const sla = readSlaOption(read, 'zammad', SLA);
  read.done();

  const closedFollowUp: ReplyRule<ZammadStatus> =
    followUp === 'reopen'
      ? { by: 'customer', from: 'closed', action: 'reopen' }
      : followUp === 'newTicket'
        ? { by: 'customer', from: 'closed', action: 'followUp' }
        : { by: 'customer', from: 'closed', action: 'reopen', within: reopenWithinDays! * DAY, otherwise: 'followUp' };
  const working = ['new', 'open', 'pending_reminder', 'pending_close'] as const;

  return defineWorkflow({
    ...sla,
    id: 'zammad',
    name: 'Zammad',
    ...(!keepOwner && { reopenAssignee: 'clear' as const }),
    statuses: [
      { id: 'new', category: 'new', labels: { agent: 'new' } },
      { id: 'open', category: 'open', labels: { agent: 'open' } },
      {
        id: 'pending_reminder',
        category: 'pending',
        default: true,
        labels: { agent: 'pending reminder' },
        slaPaused: true,
        requireUntil: true,
      },
      {
        id: 'pending_close',
        category: 'pending',
        labels: { agent: 'pending close' },
        slaPaused: true,
        requireUntil: true,
      },
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
      {
        id: 'pending-close',
        in: 'pending_close',
        since: 'until',
        action: 'move',
        to: 'closed',
        reason: 'pending-close',
      },
      { id: 'pending-reminder', in: 'pending_reminder', since: 'until', action: 'remind', repeatEvery: 'P1D' },
    ],
  });
}
