import {
  createTicket,
  defineWorkflow,
  type Effect,
  type Ticket,
  type TicketEvent,
  transition,
  type WorkflowConfig,
} from '../../src/index.js';

export const MIN = 60_000;
export const H = 3_600_000;
/** Monday 5 January 2026, 09:00 UTC. */
export const MON_9 = Date.UTC(2026, 0, 5, 9);

export const STATUSES = [
  { id: 'new', category: 'new' },
  { id: 'open', category: 'open' },
  { id: 'pending', category: 'pending' },
  { id: 'hold', category: 'onHold' },
  { id: 'snoozed', category: 'snoozed' },
  { id: 'solved', category: 'solved' },
  { id: 'closed', category: 'closed' },
] as const;

/** A small desk: agent replies go to pending, customer replies come back to open. */
export function desk(sla: WorkflowConfig['sla'], extra: Partial<WorkflowConfig> = {}) {
  return defineWorkflow({
    statuses: STATUSES,
    replies: [
      { by: 'agent', fromCategory: ['new', 'open'], to: 'pending' },
      { by: 'customer', from: ['pending', 'hold', 'solved'], to: 'open' },
    ],
    sla,
    ...extra,
  } as WorkflowConfig<(typeof STATUSES)[number]['id']>);
}

type Wf = ReturnType<typeof desk>;

/** Runs events from a fresh ticket created at `at`; every event must be accepted. Effects are collected in order. */
export function run(
  wf: Wf,
  at: number,
  events: readonly TicketEvent<string>[],
): { ticket: Ticket<never>; effects: Effect[] } {
  let ticket: Ticket = createTicket(wf, { at });
  const effects: Effect[] = [];
  for (const event of events) {
    const r = transition(wf, ticket as never, event as never);
    if (!r.ok) throw new Error(`${event.type} at ${event.at}: ${r.error.code} ${r.error.message}`);
    ticket = r.ticket;
    effects.push(...r.effects);
  }
  return { ticket: ticket as Ticket<never>, effects };
}

/** Only the SLA effects, without the noise of status changes. */
export const slaEffects = (effects: readonly Effect[]): Effect[] => effects.filter((e) => e.type.startsWith('sla'));
