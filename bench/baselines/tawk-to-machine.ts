import type { Ticket, TicketEvent } from 'ticket-lifecycle';
import { assign, setup } from 'xstate';
import { tawkToReducer } from './tawk-to-reducer.js';

/**
 * The tawk.to lifecycle as a team would write it in XState by hand: three states, the reply and status rules as
 * explicit guarded transitions, and the ticket kept in context by the hand-written reducer (so both machines
 * carry the same ticket and do the same bookkeeping). The generated machine is measured against this one.
 *
 * @example
 * ```ts
 * const actor = createActor(tawkToMachine, { input: { ticket } }).start();
 * actor.send({ type: 'reply', by: 'agent', at: ticket.updatedAt + 1 }); // open → pending
 * ```
 */
export const tawkToMachine = setup({
  types: { context: {} as { ticket: Ticket }, events: {} as TicketEvent, input: {} as { ticket: Ticket } },
  guards: {
    marksAs: ({ event }, params: { status: string }) => event.type === 'reply' && event.status === params.status,
    agentAnswers: ({ event }) =>
      event.type === 'reply' && event.by === 'agent' && event.status === undefined && event.auto !== true,
    replyReopens: ({ event }) =>
      event.type === 'reply' && event.by !== 'system' && event.status === undefined && event.auto !== true,
    setsStatus: ({ event }, params: { status: string }) =>
      (event.type === 'setStatus' || event.type === 'reopen') &&
      (event.type === 'reopen' ? (event.to ?? 'open') : event.to) === params.status,
  },
  actions: { apply: assign({ ticket: ({ context, event }) => tawkToReducer(context.ticket, event) }) },
}).createMachine({
  id: 'tawk.to (hand-written)',
  context: ({ input }) => ({ ticket: input.ticket }),
  initial: 'route',
  states: {
    // Resume in the stored ticket's status.
    route: {
      always: [
        { guard: ({ context }) => context.ticket.status === 'pending', target: 'pending' },
        { guard: ({ context }) => context.ticket.status === 'closed', target: 'closed' },
        { target: 'open' },
      ],
    },
    open: {
      on: {
        reply: [
          { guard: { type: 'marksAs', params: { status: 'pending' } }, target: 'pending', actions: 'apply' },
          { guard: { type: 'marksAs', params: { status: 'closed' } }, target: 'closed', actions: 'apply' },
          { guard: 'agentAnswers', target: 'pending', actions: 'apply' },
          { actions: 'apply' },
        ],
        setStatus: [
          { guard: { type: 'setsStatus', params: { status: 'pending' } }, target: 'pending', actions: 'apply' },
          { guard: { type: 'setsStatus', params: { status: 'closed' } }, target: 'closed', actions: 'apply' },
        ],
        close: { target: 'closed', actions: 'apply' },
        note: { actions: 'apply' },
        assign: { actions: 'apply' },
      },
    },
    pending: {
      on: {
        reply: [
          { guard: { type: 'marksAs', params: { status: 'pending' } }, actions: 'apply' },
          { guard: { type: 'marksAs', params: { status: 'closed' } }, target: 'closed', actions: 'apply' },
          { guard: 'replyReopens', target: 'open', actions: 'apply' },
          { guard: { type: 'marksAs', params: { status: 'open' } }, target: 'open', actions: 'apply' },
          { actions: 'apply' },
        ],
        setStatus: [
          { guard: { type: 'setsStatus', params: { status: 'open' } }, target: 'open', actions: 'apply' },
          { guard: { type: 'setsStatus', params: { status: 'closed' } }, target: 'closed', actions: 'apply' },
        ],
        close: { target: 'closed', actions: 'apply' },
        note: { actions: 'apply' },
        assign: { actions: 'apply' },
      },
    },
    closed: {
      on: {
        reply: [
          { guard: { type: 'marksAs', params: { status: 'closed' } }, actions: 'apply' },
          { guard: { type: 'marksAs', params: { status: 'pending' } }, target: 'pending', actions: 'apply' },
          { guard: 'replyReopens', target: 'open', actions: 'apply' },
          { guard: { type: 'marksAs', params: { status: 'open' } }, target: 'open', actions: 'apply' },
          { actions: 'apply' },
        ],
        setStatus: [
          { guard: { type: 'setsStatus', params: { status: 'open' } }, target: 'open', actions: 'apply' },
          { guard: { type: 'setsStatus', params: { status: 'pending' } }, target: 'pending', actions: 'apply' },
        ],
        reopen: [
          { guard: { type: 'setsStatus', params: { status: 'pending' } }, target: 'pending', actions: 'apply' },
          { target: 'open', actions: 'apply' },
        ],
        note: { actions: 'apply' },
        assign: { actions: 'apply' },
      },
    },
  },
});
