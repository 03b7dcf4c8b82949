import {
  defineWorkflow,
  type CalendarConfig,
  type Duration,
  type GuardPredicate,
  type Workflow,
} from 'ticket-lifecycle';
import { readBusinessHours } from './business-hours.js';
import { readSlaOption, type PresetSla, type VendorSla } from './sla-option.js';
import { DAY, HOUR, PresetOptions } from './options.js';

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
   * The standard automations "Pending notification 24 hours" and "Pending notification 5 days"
   * (https://support.zendesk.com/hc/en-us/articles/4408835051546), inactive in Zendesk until an admin turns them on:
   * a `reminderDue` (the email to the requester) this long after the ticket was set Pending, once per stay, counted
   * in `businessHours` when given. Default none.
   *
   * @example
   * ```ts
   * import { zendesk } from 'ticket-lifecycle/presets';
   * const wf = zendesk({ pendingNotifications: ['PT24H', 'P5D'] }); // both standard automations active
   * ```
   */
  readonly pendingNotifications?: readonly Duration[];
  /**
   * End users may mark their request solved once it has an assignee (the Requests API's `can_be_solved_by_me`,
   * the help center's "mark as solved"): a customer `resolve`, or a reply "sent as" Solved. Default `false`.
   */
  readonly requesterCanSolve?: boolean;
  /**
   * "Auto assign tickets upon solve" (on by default in Zendesk,
   * https://support.zendesk.com/hc/en-us/articles/4408894213018): an agent who solves an unassigned ticket becomes
   * its assignee, named by the event's `actorId` (`assignSolver` on the resolve rule). Default `true`.
   */
  readonly autoAssignOnSolve?: boolean;
  /**
   * Count the automations in these business hours ("Hours since solved" in business hours,
   * https://support.zendesk.com/hc/en-us/articles/4408836495130): `closeAfter` is then open time, a day being one
   * business day's worth (docs/calendars.md). Zendesk's native rule still closes a solved ticket 28 calendar days
   * after it was solved, whatever the automations count. Default: calendar time.
   */
  readonly businessHours?: CalendarConfig;
  /**
   * SLA targets (https://support.zendesk.com/hc/en-us/articles/4408829459866): first and next reply, periodic
   * update, total resolution, requester wait and agent work time, in calendar or business hours. Requester wait
   * time pauses in Pending, agent work time in Pending and On-hold; the others run until solved (docs/sla.md).
   */
  readonly sla?: PresetSla<
    'firstReply' | 'nextReply' | 'periodicUpdate' | 'resolution' | 'requesterWait' | 'agentWork'
  >;
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

/** On a Closed ticket agents edit only tags and priority: this guard refuses a change of group. */
const CLOSED_EDITS = 'tagsAndPriorityOnly';

/**
 * The named guards `zendesk()`'s rules use, by name: what a policy derived from its `config` passes to
 * `defineWorkflow` (the JSON names a guard; its code travels beside it). `tagsAndPriorityOnly` refuses an `update`
 * that changes the group of a Closed ticket ("Closed tickets can't be updated (only tags, subject and priority can be
 * edited)").
 *
 * @example
 * ```ts
 * import { defineWorkflow } from 'ticket-lifecycle';
 * import { zendesk, zendeskGuards } from 'ticket-lifecycle/presets';
 * const base = zendesk();
 * const slower = defineWorkflow(
 *   { ...base.config, timers: base.config.timers?.map((t) => ({ ...t, after: 'P7D' as const })) },
 *   { guards: zendeskGuards },
 * );
 * ```
 */
export const zendeskGuards: { readonly tagsAndPriorityOnly: GuardPredicate } = Object.freeze({
  [CLOSED_EDITS]: (_ticket, event) => !('group' in event) || event.group === undefined,
} satisfies Record<typeof CLOSED_EDITS, GuardPredicate>);

/** What zendesk's SLAs measure and where they pause (docs/sla.md). */
const SLA: VendorSla<'firstReply' | 'nextReply' | 'periodicUpdate' | 'resolution' | 'requesterWait' | 'agentWork'> = {
  metrics: ['firstReply', 'nextReply', 'periodicUpdate', 'resolution', 'requesterWait', 'agentWork'],
  // Periodic update never pauses, and total resolution time counts New, Open, Pending and On-hold alike; requester
  // wait time pauses in Pending and agent work time in Pending and On-hold (the defaults).
  pause: { periodicUpdate: {}, resolution: {} },
  // The ticket priorities of Zendesk's API, lowest first: SLA policies usually differ by priority.
  priorities: ['low', 'normal', 'high', 'urgent'],
};

/**
 * Zendesk Support's lifecycle and its native, unchangeable rules
 * (https://support.zendesk.com/hc/en-us/articles/4408894213018-About-native-system-ticket-rules; what the preset
 * reproduces and where it differs: docs/presets.md#zendesk).
 *
 * - Created New; an end-user comment on New leaves it New; assigning a New ticket opens it.
 * - An end-user comment on Pending, On-hold or Solved sets it Open; once a ticket leaves New it never returns.
 * - Agents submit as a status ("Submit as …"): an agent reply moves nothing by itself.
 * - Solving requires an assignee, and a Solved ticket keeps one: unassigning it is refused ("Solved tickets must
 *   have an assigned agent"). Closed is set only by business rules (the system), never by agents.
 * - "Auto assign tickets upon solve" (`autoAssignOnSolve`, on by default): an agent who solves an unassigned ticket
 *   with an event naming them (`actorId`) becomes its assignee; an `assigned` effect with `cause: 'solver'`.
 * - `businessHours`: the auto-close counts business hours; the native 28-day close still counts calendar time.
 * - End users never assign. With `requesterCanSolve`, an end user may mark an assigned request solved.
 * - Merging (agents and the system, any status but Closed) closes the source ticket with reason `merged:<id>`
 *   and a `merged` effect naming the target ticket.
 * - Solved tickets close `closeAfter` after being solved (default 4 days; 1 hour to 28 days, mandatory).
 * - Closed tickets can't be updated: a requester's reply yields `followUpRequested` (the host creates the linked
 *   follow-up ticket), an agent's is rejected; only tags and priority can still be edited (`update`), not the group.
 * - `pendingNotifications`: the standard "Pending notification" automations (off by default), a `reminderDue`
 *   that long after the ticket was set Pending. Nothing solves a Pending ticket by itself.
 * - On-hold (`hold`) shows as Open to the requester.
 *
 * Timing differs on purpose: Zendesk runs automations once an hour and counts whole hours, the first run after
 * solving counting as hour 0 (https://support.zendesk.com/hc/en-us/articles/4408836495130), so a ticket solved at
 * 09:15 closes at the first run at least 96 hours later, up to about two hours late. The preset closes at the
 * exact due time, the time Zendesk's rule names, whenever the host's sweeper runs.
 *
 * @throws {WorkflowError} (`invalidOption`) when `closeAfter` is outside one hour to 28 days, `autoAssignOnSolve`
 * is not a boolean or `businessHours` not an object, or for an option this preset does not know; an invalid
 * calendar is reported by `defineWorkflow` under `calendars.automations`.
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
  const read = new PresetOptions(options, [
    'closeAfter',
    'pendingNotifications',
    'requesterCanSolve',
    'autoAssignOnSolve',
    'businessHours',
    'sla',
  ]);
  const ms = read.duration('closeAfter', 4 * DAY, {
    min: HOUR,
    max: 28 * DAY,
    describe: 'a duration from one hour to 28 days',
  });
  const notify = read.durations('pendingNotifications', { describe: 'a positive duration' });
  const requesterCanSolve = read.boolean('requesterCanSolve', false);
  const assignSolver = read.boolean('autoAssignOnSolve', true);
  const hours = readBusinessHours(read);
  const sla = readSlaOption(read, 'zendesk', SLA);
  read.done();
  const autoClose = {
    id: 'auto-close',
    in: 'solved',
    ...hours.after(ms, options.closeAfter, 'P4D'),
    action: 'move',
    to: 'closed',
    reason: 'solved-timeout',
  } as const;
  const working = ['new', 'open', 'pending', 'onHold'] as const;
  const written = options.pendingNotifications ?? [];
  const notifications = notify.map((ms, i) => ({
    id: `pending-notification-${i + 1}`,
    in: 'pending' as const,
    ...hours.after(ms, written[i], 'PT24H'),
    action: 'remind' as const,
  }));
  return defineWorkflow(
    {
      ...sla,
      ...hours.calendars(sla.calendars),
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
        {
          by: ['agent', 'system'],
          fromCategory: ['new', 'open', 'pending', 'onHold', 'solved'],
          toCategory: ['open', 'pending', 'onHold', 'solved', 'closed'],
        },
        ...(requesterCanSolve
          ? [{ by: 'customer' as const, fromCategory: working, to: 'solved' as const, requireAssignee: true }]
          : []),
      ],
      resolve: [
        { by: ['agent', 'system'], requireAssignee: true, ...(assignSolver && { assignSolver: true }) },
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
      // "Closed tickets can't be updated (only tags, subject and priority can be edited)": not the group there.
      update: [
        { by: ['agent', 'system'], fromCategory: [...working, 'solved'] },
        { by: ['agent', 'system'], fromCategory: 'closed', guards: CLOSED_EDITS },
      ],
      timers: [
        autoClose,
        ...notifications,
        // "Tickets are automatically closed 28 days after they're set to Solved, regardless of any triggers or
        // automations" (native rules): business hours can stretch the automation past it.
        ...(hours.calendar === undefined
          ? []
          : [
              {
                id: 'native-close',
                in: 'solved',
                after: 'P28D',
                action: 'move',
                to: 'closed',
                reason: 'solved-timeout',
              } as const,
            ]),
      ],
    },
    { guards: zendeskGuards },
  );
}
