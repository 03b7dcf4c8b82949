// Broken policies: each is the base policy (or a close cousin) with ONE defect a support lead would recognise.
// `caughtBy` names what should report it: a catalogue intent, a law, or a lint code.
import { defineWorkflow, type Workflow, type WorkflowConfig } from 'ticket-lifecycle';
import { AUTO_CLOSE, AUTO_SOLVE, BASE, REPLIES, STATUSES } from './base-policy.js';

export interface CorpusEntry {
  readonly id: string;
  /** The defect class of issue 16 (or `sound`). */
  readonly defectClass: string;
  readonly defect: string;
  /** What should report it: intent names, law names or lint codes (any one counts). */
  readonly caughtBy: readonly string[];
  readonly workflow: () => Workflow;
}

const wf =
  (config: WorkflowConfig<string>): (() => Workflow) =>
  () =>
    defineWorkflow(config);
const ESCALATED = [
  ...STATUSES.map((s) => (s.id === 'open' ? { ...s, default: true } : s)),
  { id: 'escalated', category: 'open', labels: { agent: 'Escalated' } },
] as const;

export const BROKEN: readonly CorpusEntry[] = [
  {
    id: 'auto-solve-from-status-entered',
    defectClass: 'auto-solve counted from the wrong moment',
    defect: 'the auto-solve counts from entering Pending, so an agent follow-up in Pending does not restart it',
    caughtBy: ['customerGetsFullWait'],
    workflow: wf({ ...BASE, timers: [{ ...AUTO_SOLVE, since: 'statusEntered' }, AUTO_CLOSE] }),
  },
  {
    id: 'auto-solve-from-created',
    defectClass: 'auto-solve counted from the wrong moment',
    defect: '"solve pending tickets older than 7 days" counts from the ticket creation',
    caughtBy: ['customerGetsFullWait'],
    workflow: wf({
      ...BASE,
      timers: [{ ...AUTO_SOLVE, since: 'created', after: 'P7D', reminders: ['P5D'] }, AUTO_CLOSE],
    }),
  },
  {
    id: 'unreachable-auto-resolved',
    defectClass: 'a status nobody can reach',
    defect: 'an "Auto-resolved" status was added for the bot\'s solves, but the auto-solve still targets Solved',
    caughtBy: ['unreachableStatus'],
    workflow: wf({
      ...BASE,
      statuses: [
        ...STATUSES.map((s) => (s.id === 'solved' ? { ...s, default: true } : s)),
        { id: 'auto_resolved', category: 'solved', labels: { agent: 'Auto-resolved' } },
      ],
      replies: [...REPLIES, { by: 'customer', from: 'auto_resolved', action: 'reopen' }],
      statusChanges: [{ by: ['agent', 'system'], to: ['open', 'pending', 'hold', 'solved', 'closed'] }],
      timers: [AUTO_SOLVE, { ...AUTO_CLOSE, in: ['solved', 'auto_resolved'] }],
    }),
  },
  {
    id: 'reply-swallowed-in-pending',
    defectClass: 'a reply swallowed in one status',
    defect: 'the customer-reply rule lists On-hold but forgot Pending: answers stay in Pending',
    caughtBy: ['customerMessageReachesTeam'],
    workflow: wf({
      ...BASE,
      replies: [REPLIES[0], { by: 'customer', from: 'hold', to: 'open' }, ...REPLIES.slice(2)],
    }),
  },
  {
    id: 'reply-swallowed-in-second-pending',
    defectClass: 'a reply swallowed in one status',
    defect: 'a new "Awaiting information" pending status was added, but not to the customer-reply rule',
    caughtBy: ['customerMessageReachesTeam'],
    workflow: wf({
      ...BASE,
      statuses: [
        ...STATUSES.map((s) => (s.id === 'pending' ? { ...s, default: true } : s)),
        { id: 'awaiting_info', category: 'pending', labels: { agent: 'Awaiting information' } },
      ],
    }),
  },
  {
    id: 'reply-stays-solved',
    defectClass: 'a reply swallowed in one status',
    defect: 'customer replies to Solved tickets "stay" (meant for thank-you mails), so real follow-ups sit in Solved',
    caughtBy: ['customerMessageReachesTeam', 'replyDoesNotReopen'],
    workflow: wf({
      ...BASE,
      replies: [...REPLIES.slice(0, 2), { by: 'customer', from: 'solved', action: 'stay' }, ...REPLIES.slice(3)],
    }),
  },
  {
    id: 'park-and-wake-loop',
    defectClass: 'a timer loop',
    defect: 'idle Pending tickets are parked (snoozed) after 2 days, and the wake-up restores Pending a day later',
    caughtBy: ['noTimerLoop'],
    workflow: wf({
      ...BASE,
      statuses: [...STATUSES, { id: 'parked', category: 'snoozed' }],
      timers: [
        { ...AUTO_SOLVE, after: 'P7D', reminders: ['P5D'] },
        AUTO_CLOSE,
        { id: 'park', in: 'pending', after: 'P2D', action: 'move', to: 'parked' },
        { id: 'wake', in: 'parked', after: 'P1D', action: 'move', to: 'open', restorePrevious: true },
      ],
    }),
  },
  {
    id: 'vendor-recheck-loop',
    defectClass: 'a timer loop',
    defect: 'On-hold tickets are parked for a recheck after 3 days; the wake-up puts them back On-hold',
    caughtBy: ['noTimerLoop'],
    workflow: wf({
      ...BASE,
      statuses: [...STATUSES, { id: 'parked', category: 'snoozed' }],
      timers: [
        AUTO_SOLVE,
        AUTO_CLOSE,
        { id: 'recheck-vendor', in: 'hold', after: 'P3D', action: 'move', to: 'parked' },
        { id: 'wake', in: 'parked', after: 'PT12H', action: 'move', to: 'open', restorePrevious: true },
      ],
    }),
  },
  {
    id: 'auto-solve-unassigned',
    defectClass: 'a guard bypassed through a timer',
    defect: 'agents need an assignee to solve, but the system may solve anything: the auto-solve solves orphans',
    caughtBy: ['timersKeepTheRules'],
    workflow: wf({ ...BASE, resolve: [{ by: 'agent', requireAssignee: true }, { by: 'system' }] }),
  },
  {
    id: 'auto-close-bypasses-guards',
    defectClass: 'a guard bypassed through a timer',
    defect: 'closing needs an assignee, and the auto-close was told to bypass guards',
    caughtBy: ['timersKeepTheRules', 'timerBypassesGuard'],
    workflow: wf({
      ...BASE,
      close: { by: ['agent', 'system'], fromCategory: 'solved', requireAssignee: true },
      timers: [AUTO_SOLVE, { ...AUTO_CLOSE, bypassGuards: true }],
    }),
  },
  {
    id: 'reopen-window-from-old-close',
    defectClass: 'a reopen window counted from an old close',
    defect: 'a 14-day reopen window on Solved and Closed counts from the last close, even after a reopen and re-solve',
    caughtBy: ['reopenWindowHonoured'],
    workflow: wf({
      ...BASE,
      replies: [
        ...REPLIES.slice(0, 2),
        { by: 'customer', fromCategory: ['solved', 'closed'], action: 'reopen', within: 'P14D', otherwise: 'followUp' },
        REPLIES[4],
      ],
    }),
  },
  {
    id: 'vendor-status-is-pending',
    defectClass: 'a third-party status filed under waiting for the customer',
    defect: '"Waiting on vendor" was created in the pending category',
    caughtBy: ['thirdPartyWaitIsNotCustomerWait'],
    workflow: wf({
      ...BASE,
      statuses: [
        ...STATUSES.filter((s) => s.id !== 'hold').map((s) => (s.id === 'pending' ? { ...s, default: true } : s)),
        { id: 'hold', category: 'pending', labels: { agent: 'Waiting on vendor', customer: 'Open' } },
      ],
    }),
  },
  {
    id: 'on-hold-auto-solves',
    defectClass: 'a third-party status filed under waiting for the customer',
    defect: 'the pending auto-solve was widened to "pending and on-hold": vendor tickets auto-solve',
    caughtBy: ['thirdPartyWaitIsNotCustomerWait'],
    workflow: wf({ ...BASE, timers: [{ ...AUTO_SOLVE, in: ['pending', 'hold'] }, AUTO_CLOSE] }),
  },
  {
    id: 'reminder-after-auto-solve',
    defectClass: 'a reminder scheduled after the move',
    defect: 'the "we will close this soon" reminder is a separate timer on day 6; the auto-solve runs on day 5',
    caughtBy: ['warnedBeforeAutoFinish', 'reminderAfterMove'],
    workflow: wf({
      ...BASE,
      timers: [
        { ...AUTO_SOLVE, reminders: [] },
        { id: 'closing-soon', in: 'pending', since: 'lastAgentMessage', after: 'P6D', action: 'remind' },
        AUTO_CLOSE,
      ],
    }),
  },
  {
    id: 'inline-reminder-at-move',
    defectClass: 'a reminder scheduled after the move',
    defect: "the auto-solve's own reminder is set at day 5, the same day as the move",
    caughtBy: ['warnedBeforeAutoFinish', 'reminderAfterMove'],
    workflow: wf({ ...BASE, timers: [{ ...AUTO_SOLVE, reminders: ['P5D'] }, AUTO_CLOSE] }),
  },
  {
    id: 'auto-solve-while-waiting',
    defectClass: 'auto-finish while the customer waits',
    defect: 'the auto-solve lost skipWhileCustomerWaits: a ticket set Pending after the customer wrote auto-solves',
    caughtBy: ['neverAutoFinishWhileCustomerWaits', 'prematureClose'],
    workflow: wf({ ...BASE, timers: [{ ...AUTO_SOLVE, skipWhileCustomerWaits: false }, AUTO_CLOSE] }),
  },
  {
    id: 'stale-open-auto-close',
    defectClass: 'auto-finish while the customer waits',
    defect: 'a "close stale tickets after 30 days" timer runs in Open, where the team owes the answer',
    caughtBy: ['neverAutoFinishWhileCustomerWaits', 'closedOnlyFromSolved', 'prematureClose'],
    workflow: wf({
      ...BASE,
      close: [{ by: 'agent', fromCategory: 'solved' }, { by: 'system' }],
      timers: [
        AUTO_SOLVE,
        AUTO_CLOSE,
        { id: 'close-stale', in: 'open', since: 'lastActivity', after: 'P30D', action: 'move', to: 'closed' },
      ],
    }),
  },
  {
    id: 'escalated-dead-end',
    defectClass: 'a dead end',
    defect: 'agents may move tickets to Escalated, but no rule lets anyone out of it and nothing times out',
    caughtBy: ['everyTicketCanClose', 'cannotClose'],
    workflow: wf({
      ...BASE,
      statuses: ESCALATED,
      statusChanges: [
        { by: ['agent', 'system'], fromCategory: ['new', 'pending', 'onHold', 'solved', 'closed'] },
        { by: ['agent', 'system'], from: 'open' },
      ],
      resolve: { by: ['agent', 'system'], from: ['new', 'open', 'pending', 'hold'] },
      replies: [{ by: ['agent', 'customer'], from: 'escalated', action: 'stay' }, ...REPLIES],
    }),
  },
  {
    id: 'second-solved-never-closes',
    defectClass: 'solved tickets that never close',
    defect: 'a "Solved – awaiting confirmation" status has no auto-close',
    caughtBy: ['solvedClosesWithin'],
    workflow: wf({
      ...BASE,
      statuses: [
        ...STATUSES.map((s) => (s.id === 'solved' ? { ...s, default: true } : s)),
        { id: 'confirming', category: 'solved', labels: { agent: 'Solved – awaiting confirmation' } },
      ],
      replies: [...REPLIES, { by: 'customer', from: 'confirming', action: 'reopen' }],
    }),
  },
  {
    id: 'revisit-reopens-closed',
    defectClass: 'locked statuses that leak',
    defect: 'a "revisit stale tickets after 30 days" timer also runs in the closed category and moves them to Open',
    caughtBy: ['lockedStaysLocked'],
    workflow: wf({
      ...BASE,
      statusChanges: [{ by: ['agent', 'system'] }],
      timers: [
        AUTO_SOLVE,
        AUTO_CLOSE,
        { id: 'revisit', inCategory: ['onHold', 'closed'], after: 'P30D', action: 'move', to: 'open' },
      ],
    }),
  },
  {
    id: 'pending-closes-directly',
    defectClass: 'closed without being solved',
    defect: 'agents close only solved tickets, but a pending timer closes straight from Pending after 10 days',
    caughtBy: ['closedOnlyFromSolved'],
    workflow: wf({
      ...BASE,
      close: [{ by: 'agent', fromCategory: 'solved' }, { by: 'system' }],
      timers: [{ ...AUTO_SOLVE, id: 'abandon', after: 'P10D', to: 'closed', reminders: ['P7D'] }, AUTO_CLOSE],
    }),
  },
  {
    id: 'pending-close-while-waiting',
    defectClass: 'setStatus with until while the customer waits',
    defect:
      'agents may not close while the customer waits, but may set "pending close" with a date, which the system closes',
    caughtBy: ['timersKeepTheRules'],
    workflow: wf({
      ...BASE,
      statuses: [
        ...STATUSES.map((s) => (s.id === 'pending' ? { ...s, default: true } : s)),
        { id: 'pending_close', category: 'pending', requireUntil: true, labels: { agent: 'Pending close' } },
      ],
      replies: [...REPLIES, { by: 'customer', from: 'pending_close', to: 'open' }],
      close: [{ by: 'agent', notWhileCustomerWaits: true }, { by: 'system' }],
      timers: [
        AUTO_SOLVE,
        AUTO_CLOSE,
        { id: 'pending-close', in: 'pending_close', since: 'until', action: 'move', to: 'closed' },
      ],
    }),
  },
  {
    id: 'flaky-escalation-guard',
    defectClass: 'an impure guard',
    defect: 'a close guard remembers tickets it has seen in a module-level Set: the same event gets two answers',
    caughtBy: ['pureAndDeterministic', 'sweeperIndependence', 'evaluateMatchesTick', 'jsonRoundTrip'],
    workflow: () => {
      const seen = new Set<number>();
      return defineWorkflow(
        { ...BASE, close: { by: ['agent', 'system'], fromCategory: 'solved', guards: 'firstCloseOnly' } },
        {
          guards: {
            firstCloseOnly: (ticket) => {
              if (seen.has(ticket.createdAt + ticket.version)) return false;
              seen.add(ticket.createdAt + ticket.version);
              return true;
            },
          },
        },
      );
    },
  },
];
