import { defineWorkflow, type ActionRule, type Duration, type Workflow } from 'ticket-lifecycle';
import { readSlaOption, type PresetSla, type VendorSla } from './sla-option.js';
import { DAY, PresetOptions } from './options.js';

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
  /**
   * The auto-close rule: a Resolved ticket closes this long after it was resolved or after the customer's last
   * reply, whichever is later. LiveAgent ships no such rule (an admin builds it as a Time Rule); the preset's
   * default is 7 days, the example LiveAgent's glossary gives. `false`: no auto-close.
   */
  readonly autoCloseAfter?: Duration | false;
  /** Reminders before that close, counted from the same moment (a Time Rule with "Send answer"). Default none. */
  readonly reminders?: readonly Duration[];
  /**
   * Best practice "closing follows resolved": tickets close from Resolved only, not from Postponed. Default `false`.
   */
  readonly closeFollowsResolved?: boolean;
  /**
   * Best practice "the customer confirms": agents may not close; the customer (and rules) close Resolved tickets.
   * Default `false`.
   */
  readonly customerConfirms?: boolean;
  /**
   * SLA level: first answer and next answer times (https://support.liveagent.com/304582-Service-Level-Agreement-SLA),
   * counted in New and Open only, in business hours or around the clock. Without `targets`, the internal 7-day
   * answer time LiveAgent applies when no SLA level does.
   */
  readonly sla?: PresetSla<'firstReply' | 'nextReply'>;
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

/** What live-agent's SLAs measure and where they pause (docs/sla.md). */
const SLA: VendorSla<'firstReply' | 'nextReply'> = {
  metrics: ['firstReply', 'nextReply'],
  // Answer times only, counted in New and Open: every other status pauses them (slaPaused), and resolving
  // satisfies no answer SLA.
  pause: { all: {} },
  // "A ticket with no SLA level gets an internal 7-day answer time."
  fallback: { firstReply: 'P7D', nextReply: 'P7D' },
};

/**
 * LiveAgent's lifecycle (https://support.liveagent.com/465329-Ticket-Statuses-Overview; every fact with its
 * source, and the differences: docs/presets.md#liveagent): New → Open → Answered → Resolved → Closed, with
 * Postponed as its snooze.
 *
 * - An agent reply marks the ticket Answered, from New and Open too.
 * - A customer reply to Answered or Postponed reopens it to Open; to Resolved likewise unless `reopenResolved:
 *   false` (then it stays Resolved and `replyNeedsAttention` tells the host); to New it stays New.
 * - Postpone expiry goes to Open, or back to New if it was New; a customer reply ends a postponement.
 * - Agents and rules (the system) close from Resolved and from Postponed ("Postponed tickets can be also
 *   reopened, resolved, closed …, manually, via mass actions, or rule actions"); the customer may close a
 *   Resolved ticket (confirming the solution). The best practices of LiveAgent's glossary are options, not rules:
 *   `closeFollowsResolved` (close from Resolved only) and `customerConfirms` (agents never close).
 * - Auto-close is a rule the admin chooses: by default a Resolved ticket closes by itself 7 days after it was
 *   resolved or after the customer's last reply, whichever is later; `autoCloseAfter` changes the delay and
 *   `false` turns it off.
 *
 * Choices where the sources are silent (LiveAgent's page on Resolved and Closed was not available): a customer
 * reply to Closed reopens it to Open ("the end user can re-establish contact on the same ticket"); an agent reply
 * to Closed is rejected, because Closed is "locked from further actions" until an agent reopens it explicitly.
 *
 * Timing differs on purpose: LiveAgent's Time Rules run every minute by default, 5 minutes or more recommended
 * (https://support.liveagent.com/290878-Time-Rules), so its auto-close acts up to a few minutes late; the preset
 * closes at the exact due time, whenever the host's sweeper runs.
 *
 * With `reopenResolved: false`, `lintWorkflow` warns `replyDoesNotReopen` (the host gets `replyNeedsAttention`
 * instead) and `prematureClose` (the auto-close counts from the customer's last reply, so the team gets the full
 * delay, but an unanswered Resolved ticket still closes): that is LiveAgent with the setting off.
 *
 * @throws {WorkflowError} (`invalidOption`) for a value of the wrong type, `reminders` without an auto-close, or
 * an option this preset does not know.
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
  const read = new PresetOptions(options, [
    'reopenResolved',
    'autoCloseAfter',
    'reminders',
    'closeFollowsResolved',
    'customerConfirms',
    'sla',
  ]);
  const reopenResolved = read.boolean('reopenResolved', true);
  const autoCloseAfter = read.duration('autoCloseAfter', 7 * DAY, { describe: 'a positive duration', offWith: false });
  const reminders = read.durations('reminders', { describe: 'a positive duration' });
  const closeFollowsResolved = read.boolean('closeFollowsResolved', false);
  const customerConfirms = read.boolean('customerConfirms', false);
  if (autoCloseAfter === null && reminders.length > 0) read.report('reminders', 'needs autoCloseAfter');
  const sla = readSlaOption(read, 'liveagent', SLA);
  read.done();

  const closeFrom: LiveAgentStatus[] = closeFollowsResolved ? ['resolved'] : ['resolved', 'postponed'];
  const close: ActionRule<LiveAgentStatus>[] = [
    { by: customerConfirms ? 'system' : ['agent', 'system'], from: closeFrom },
    { by: 'customer', from: 'resolved' },
  ];
  return defineWorkflow({
    ...sla,
    id: 'liveagent',
    name: 'LiveAgent',
    statuses: [
      { id: 'new', category: 'new', labels: { agent: 'New' } },
      { id: 'open', category: 'open', labels: { agent: 'Open' } },
      // LiveAgent's SLA levels measure answer times only, so the clock runs in New and Open alone.
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
      // "From the Postponed status, a ticket can progress to New": the wake-up of a ticket postponed from New.
      { by: 'system', from: 'postponed', to: 'new' },
    ],
    close,
    timers: [
      { id: 'postpone-expiry', in: 'postponed', since: 'until', action: 'move', to: 'open', restorePrevious: ['new'] },
      ...(autoCloseAfter === null
        ? []
        : [
            {
              id: 'auto-close',
              in: 'resolved' as const,
              since: ['statusEntered', 'lastCustomerMessage'] as const,
              after: autoCloseAfter,
              action: 'move' as const,
              to: 'closed' as const,
              reminders,
              reason: 'inactivity',
            },
          ]),
    ],
  });
}
