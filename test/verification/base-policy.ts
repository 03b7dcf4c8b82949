// The policy most corpus entries start from: a small B2B helpdesk, sound as written. Each broken entry changes one
// thing a support lead would recognise as a defect; each sound entry is a different, correct way of working.
import type { WorkflowConfig } from 'ticket-lifecycle';

export type Status = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';

export const STATUSES = [
  { id: 'new', category: 'new' },
  { id: 'open', category: 'open' },
  { id: 'pending', category: 'pending', labels: { agent: 'Waiting for customer' } },
  { id: 'hold', category: 'onHold', labels: { agent: 'Waiting on vendor', customer: 'Open' } },
  { id: 'solved', category: 'solved' },
  { id: 'closed', category: 'closed' },
] as const;

export const REPLIES = [
  { by: 'agent', fromCategory: ['new', 'open'], to: 'pending' },
  { by: 'customer', from: ['pending', 'hold'], to: 'open' },
  { by: 'customer', from: 'solved', action: 'reopen' },
  { by: 'customer', from: 'closed', action: 'followUp' },
  { by: ['agent', 'system'], from: 'closed', action: 'reject' },
] as const;

/** Pending tickets solve themselves five days after the team's last message, with a reminder on day 3. */
export const AUTO_SOLVE = {
  id: 'auto-solve',
  in: 'pending',
  since: ['statusEntered', 'lastAgentMessage'],
  after: 'P5D',
  action: 'move',
  to: 'solved',
  reminders: ['P3D'],
  skipWhileCustomerWaits: true,
} as const;

/** Solved tickets close four days after being solved. */
export const AUTO_CLOSE = { id: 'auto-close', in: 'solved', after: 'P4D', action: 'move', to: 'closed' } as const;

export const BASE: WorkflowConfig<Status> = {
  statuses: STATUSES,
  replies: REPLIES,
  close: { by: ['agent', 'system'], fromCategory: 'solved' },
  timers: [AUTO_SOLVE, AUTO_CLOSE],
};
