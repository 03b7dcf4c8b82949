// The helpdesk's policy: Zendesk-like, with a reminder before an auto-close, and a locked closed status whose
// customer replies open a linked follow-up ticket (the store does that in the same transaction).
import { defineWorkflow } from 'ticket-lifecycle';

export const helpdesk = defineWorkflow({
  statuses: [
    { id: 'new', category: 'new' },
    { id: 'open', category: 'open' },
    { id: 'waiting', category: 'pending', labels: { agent: 'Waiting on customer' } },
    { id: 'solved', category: 'solved' },
    { id: 'closed', category: 'closed' },
  ],
  replies: [
    { by: 'agent', fromCategory: ['new', 'open'], to: 'waiting' },
    { by: 'customer', from: ['waiting', 'solved'], action: 'reopen' },
    { by: 'customer', from: 'closed', action: 'followUp' },
  ],
  assignments: [{ from: 'new', to: 'open' }],
  // Agents solve assigned tickets; the auto-solve timer acts as the system and needs a rule of its own.
  resolve: [{ by: 'agent', requireAssignee: true }, { by: 'system' }],
  close: { by: ['agent', 'system'] },
  timers: [
    {
      id: 'auto-solve',
      in: 'waiting',
      since: 'lastAgentMessage',
      after: 'P3D',
      action: 'move',
      to: 'solved',
      reminders: ['P2D'],
    },
    { id: 'auto-close', in: 'solved', after: 'P4D', action: 'move', to: 'closed', skipWhileCustomerWaits: true },
  ],
});
export type HelpdeskStatus = (typeof helpdesk)['initial'];
