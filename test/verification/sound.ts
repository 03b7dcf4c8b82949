// Sound policies: realistic ways of working with no defect. The kit must report nothing on any of them.
import { defineWorkflow } from 'ticket-lifecycle';
import { AUTO_CLOSE, AUTO_SOLVE, BASE, REPLIES, STATUSES } from './base-policy.js';
import type { CorpusEntry } from './broken.js';

const sound = (id: string, defect: string, workflow: CorpusEntry['workflow']): CorpusEntry => ({
  id,
  defectClass: 'sound',
  defect,
  caughtBy: [],
  workflow,
});

export const SOUND: readonly CorpusEntry[] = [
  sound('b2b-base', 'the base policy: pending auto-solve with a reminder, auto-close, vendor hold', () =>
    defineWorkflow(BASE),
  ),
  sound('pending-close-with-consent', 'Zammad-style "pending close", never while the customer waits', () =>
    defineWorkflow({
      ...BASE,
      statuses: [
        ...STATUSES.map((s) => (s.id === 'pending' ? { ...s, default: true } : s)),
        { id: 'pending_close', category: 'pending', requireUntil: true, labels: { agent: 'Pending close' } },
      ],
      replies: [...REPLIES, { by: 'customer', from: 'pending_close', to: 'open' }],
      statusChanges: [
        { by: ['agent', 'system'], to: 'pending_close', notWhileCustomerWaits: true },
        { by: ['agent', 'system'], to: ['open', 'pending', 'hold', 'solved', 'closed'] },
      ],
      resolve: { by: ['agent', 'system'], notWhileCustomerWaits: true },
      close: { by: ['agent', 'system'], notWhileCustomerWaits: true },
      timers: [
        AUTO_SOLVE,
        AUTO_CLOSE,
        { id: 'pending-close', in: 'pending_close', since: 'until', action: 'move', to: 'closed' },
      ],
    }),
  ),
  sound('reopen-window-on-closed', 'closed tickets reopen within 14 days of the close, solved ones always', () =>
    defineWorkflow({
      ...BASE,
      replies: [
        ...REPLIES.slice(0, 3),
        { by: 'customer', from: 'closed', action: 'reopen', within: 'P14D', otherwise: 'followUp' },
        REPLIES[4],
      ],
    }),
  ),
  sound('snooze-and-wake', "agents snooze tickets; they wake to where they were, or on the customer's reply", () =>
    defineWorkflow({
      ...BASE,
      statuses: [...STATUSES, { id: 'snoozed', category: 'snoozed' }],
      timers: [
        AUTO_SOLVE,
        AUTO_CLOSE,
        { id: 'wake', in: 'snoozed', since: 'until', action: 'move', to: 'open', restorePrevious: true },
      ],
    }),
  ),
  sound('assigned-solve', 'solving needs an assignee, for agents and for the auto-solve alike', () =>
    defineWorkflow({ ...BASE, resolve: { by: ['agent', 'system'], requireAssignee: true } }),
  ),
  sound('business-hours-auto-solve', 'the auto-solve counts three business days of the support calendar', () =>
    defineWorkflow({
      ...BASE,
      calendars: {
        support: {
          timeZone: 'Europe/Berlin',
          week: {
            mon: [['09:00', '17:00']],
            tue: [['09:00', '17:00']],
            wed: [['09:00', '17:00']],
            thu: [['09:00', '17:00']],
            fri: [['09:00', '17:00']],
          },
        },
      },
      timers: [{ ...AUTO_SOLVE, after: 'P3D', reminders: ['P2D'], calendar: 'support' }, AUTO_CLOSE],
    }),
  ),
  sound('open-and-closed', 'a two-status internal queue: agents close, customers reopen by writing', () =>
    defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'done', category: 'closed' },
      ],
      replies: [{ by: 'customer', from: 'done', action: 'reopen' }],
    }),
  ),
  sound('chat-desk', 'chats solve on agent resolve, close after two quiet hours, reminders to the team in Open', () =>
    defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'solved', category: 'solved' },
        { id: 'closed', category: 'closed' },
      ],
      replies: [
        { by: 'customer', from: 'solved', action: 'reopen' },
        { by: 'customer', from: 'closed', action: 'followUp' },
      ],
      close: { by: ['agent', 'system'], from: 'solved' },
      timers: [
        { id: 'nudge-team', in: 'open', since: 'lastCustomerMessage', after: 'PT15M', action: 'remind' },
        { id: 'close-chat', in: 'solved', after: 'PT2H', action: 'move', to: 'closed' },
      ],
    }),
  ),
];
