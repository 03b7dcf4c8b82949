import { createTicket, transition, type Ticket, type TicketEvent, type Workflow } from 'ticket-lifecycle';
import { EPOCH } from '../fixtures/lifecycles.js';
import { allPresets } from '../fixtures/presets.js';
import { formatBytes } from '../support/format.js';
import type { BenchCase, Row } from '../support/report.js';

const HOUR = 3_600_000;

/**
 * A typical ticket: written in by email, assigned, answered, a follow-up question, answered again, then resolved
 * (or as far along that path as the preset allows).
 */
function typicalTicket(workflow: Workflow): Ticket {
  const events: TicketEvent[] = [
    { type: 'assign', by: 'agent', at: EPOCH + 1 * HOUR, assignee: 'agent-4711' },
    { type: 'reply', by: 'agent', at: EPOCH + 2 * HOUR },
    { type: 'reply', by: 'customer', at: EPOCH + 20 * HOUR },
    { type: 'reply', by: 'agent', at: EPOCH + 22 * HOUR },
    { type: 'resolve', by: 'agent', at: EPOCH + 23 * HOUR },
  ];
  let ticket = createTicket(workflow, { at: EPOCH, channel: 'email' });
  for (const event of events) {
    const result = transition(workflow, ticket, event);
    if (result.ok) ticket = result.ticket;
  }
  return ticket;
}

/** The JSON size of a typical stored ticket per preset: what a JSON column or a cache holds per ticket. */
export const ticketJsonSize: BenchCase = {
  name: 'ticket JSON size',
  subjects: () => ['all presets'],
  async run() {
    return allPresets().map(({ name, workflow }): Row => {
      const ticket = typicalTicket(workflow);
      return {
        case: 'JSON size of a typical ticket',
        subject: name,
        ours: `${formatBytes(Buffer.byteLength(JSON.stringify(ticket)))} (status ${ticket.status})`,
        reference: '',
        ratio: '',
        target: '',
        verdict: 'INFO',
      };
    });
  },
};
