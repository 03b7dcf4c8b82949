import { defineWorkflow } from 'ticket-lifecycle';

/** The bench's policy: replies flip open ↔ pending; pending reminds at 1 day and closes at 2. */
export const desk = defineWorkflow({
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'pending', category: 'pending' },
    { id: 'closed', category: 'closed' },
  ],
  replies: [
    { by: 'agent', from: 'open', to: 'pending' },
    { by: 'customer', from: 'pending', to: 'open' },
  ],
  timers: [{ id: 'auto-close', in: 'pending', after: 'P2D', action: 'move', to: 'closed', reminders: ['P1D'] }],
});

export type DeskStatus = (typeof desk)['initial'];
