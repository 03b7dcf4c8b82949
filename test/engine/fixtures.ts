import { expect } from 'vitest';
import {
  createTicket,
  defineWorkflow,
  transition,
  type Effect,
  type Ticket,
  type TicketEvent,
  type Workflow,
} from 'ticket-lifecycle';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const T0 = Date.UTC(2026, 0, 5, 9);

/** A custom policy exercising most of the model: custom statuses, guards, reminders, snooze and a reopen window. */
export const support = defineWorkflow(
  {
    statuses: [
      { id: 'new', category: 'new' },
      { id: 'open', category: 'open' },
      { id: 'vendor', category: 'onHold', labels: { agent: 'Waiting on vendor', customer: 'Open' }, slaPaused: true },
      { id: 'waiting', category: 'pending', default: true },
      { id: 'later', category: 'snoozed' },
      { id: 'solved', category: 'solved' },
      { id: 'closed', category: 'closed' },
      { id: 'pending_close', category: 'pending', default: false, requireUntil: true },
    ],
    replies: [
      { by: 'agent', fromCategory: ['new', 'open', 'onHold'], to: 'waiting' },
      { by: 'customer', from: ['waiting', 'pending_close', 'vendor'], to: 'open' },
      { by: 'customer', from: 'solved', action: 'reopen' },
      { by: 'customer', from: 'closed', action: 'reopen', within: 'P7D', otherwise: 'followUp' },
      { by: 'agent', from: 'closed', action: 'reject' },
    ],
    assignments: [{ from: 'new', to: 'open' }],
    // The system solves and closes by timer, and timers pass the rules like any system move.
    resolve: [
      { by: 'agent', requireAssignee: true, notWhileCustomerWaits: true, forceBy: 'agent' },
      { by: 'system', from: 'waiting' },
    ],
    close: [
      { by: ['customer', 'system'], from: 'solved' },
      { by: 'agent', from: 'solved', guards: 'surveySent' },
      { by: 'system', from: 'pending_close' },
    ],
    timers: [
      { id: 'nudge', in: 'waiting', since: 'lastAgentMessage', after: 'P2D', action: 'remind', repeatEvery: 'P1D' },
      {
        id: 'auto-solve',
        in: 'waiting',
        since: 'lastAgentMessage',
        after: 'P5D',
        action: 'move',
        to: 'solved',
        reminders: ['P3D', 'P4D'],
      },
      { id: 'auto-close', in: 'solved', after: 'P4D', action: 'move', to: 'closed', skipWhileCustomerWaits: true },
      { id: 'wake', in: 'later', since: 'until', action: 'move', to: 'open', restorePrevious: ['new'] },
      { id: 'close-at', in: 'pending_close', since: 'until', action: 'move', to: 'closed', reason: 'pending close' },
    ],
  },
  { guards: { surveySent: (ticket) => ticket.reopenCount === 0 } },
);

/** Applies events in order, failing the test on a refusal; returns the last ticket and every effect. */
export function run<S extends string>(
  workflow: Workflow<S>,
  events: readonly TicketEvent<S>[],
  start: Ticket<S> = createTicket(workflow, { at: T0 }),
) {
  let ticket = start;
  const effects: Effect<S>[] = [];
  for (const event of events) {
    const result = transition(workflow, ticket, event);
    if (!result.ok) expect.fail(`${event.type} at ${event.at} refused: ${result.error.code} (${result.error.message})`);
    ticket = result.ticket;
    effects.push(...result.effects);
  }
  return { ticket, effects };
}
