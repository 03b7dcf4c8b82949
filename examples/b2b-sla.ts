/**
 * A B2B desk with SLAs (issue 14): urgent tickets get a first reply within 1 business hour and a resolution within
 * 8, normal ones 4 and 24, counted on a Monday–Friday office calendar; pending pauses the clocks. Run it with
 * `npx tsx examples/b2b-sla.ts`: it prints what the host would do, and what a ticket list shows.
 */
import {
  createTicket,
  defineWorkflow,
  type Effect,
  nextDeadline,
  slaStatus,
  type TicketEvent,
  ticketMetrics,
  transition,
} from 'ticket-lifecycle';

const office = [['09:00', '17:00']] as const;
const desk = defineWorkflow({
  id: 'b2b',
  statuses: [
    { id: 'new', category: 'new' },
    { id: 'open', category: 'open' },
    { id: 'waiting', category: 'pending', labels: { agent: 'Waiting on customer' } },
    { id: 'solved', category: 'solved' },
  ],
  priorities: ['normal', 'urgent'],
  replies: [
    { by: 'agent', fromCategory: ['new', 'open'], to: 'waiting' },
    { by: 'customer', from: ['waiting', 'solved'], to: 'open' },
  ],
  calendars: {
    office: { timeZone: 'Europe/Berlin', week: { mon: office, tue: office, wed: office, thu: office, fri: office } },
  },
  sla: [
    {
      id: 'urgent',
      when: { priority: 'urgent' },
      calendar: 'office',
      targets: { firstReply: 'PT1H', nextReply: 'PT2H', resolution: 'PT8H' },
      warnBefore: 'PT15M',
    },
    { id: 'normal', calendar: 'office', targets: { firstReply: 'PT4H', nextReply: 'PT8H', resolution: 'PT24H' } },
  ],
});

const at = (day: number, hour: number, minute = 0): number => Date.UTC(2026, 0, day, hour - 1, minute); // Berlin = UTC+1
/** Berlin wall-clock time (UTC+1 in January). */
const show = (t: number): string => new Date(t + 3_600_000).toISOString().slice(5, 16).replace('T', ' ');

function describe(effect: Effect): string | null {
  switch (effect.type) {
    case 'slaWarning':
      return `${show(effect.at)}  warn: ${effect.metric} (${effect.policy}) due ${show(effect.dueAt)}`;
    case 'slaBreached':
      return `${show(effect.at)}  BREACH: ${effect.metric} (${effect.policy})`;
    case 'slaMet':
      return `${show(effect.at)}  met: ${effect.metric} after ${effect.elapsed / 60_000} business min${effect.breached ? ' (late)' : ''}`;
    case 'slaPolicyChanged':
      return `${show(effect.at)}  SLA policy ${effect.from} → ${effect.to}`;
    case 'statusChanged':
      return `${show(effect.at)}  status ${effect.from} → ${effect.to}`;
    default:
      return null;
  }
}

// Friday 16:30: a normal ticket comes in; the customer escalates it on Monday morning.
let ticket = createTicket(desk, { at: at(9, 16, 30), priority: 'normal' });
const events: TicketEvent<(typeof desk)['initial'], 'normal' | 'urgent'>[] = [
  { type: 'update', by: 'agent', at: at(12, 9, 10), priority: 'urgent' }, // 40 business minutes in: urgent now
  { type: 'tick', at: at(12, 9, 30) },
  { type: 'reply', by: 'agent', at: at(12, 9, 40) }, // → waiting: the clocks pause
  { type: 'reply', by: 'customer', at: at(13, 11, 0) }, // back to open: next reply starts
  { type: 'resolve', by: 'agent', at: at(13, 12, 0) },
];
console.log(`${show(ticket.createdAt)}  created (normal); next deadline ${show(nextDeadline(desk, ticket)!)}`);
for (const event of events) {
  const r = transition(desk, ticket, event);
  if (!r.ok) throw new Error(r.error.message);
  ticket = r.ticket;
  for (const line of r.effects.map(describe)) if (line !== null) console.log(line);
}
const status = slaStatus(desk, ticket, at(13, 12, 0));
if (status.ok)
  for (const m of status.metrics)
    console.log(`${m.metric}: ${m.state}, ${m.elapsed / 60_000} of ${m.target / 60_000} min`);
const metrics = ticketMetrics(desk, ticket);
if (metrics.ok && metrics.metrics.fullResolution !== null) {
  const { calendar, business } = metrics.metrics.fullResolution;
  console.log(`resolved in ${(calendar / 3_600_000).toFixed(1)} h, ${(business / 3_600_000).toFixed(1)} business h`);
}
