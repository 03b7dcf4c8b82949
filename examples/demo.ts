// `npm run demo`: one ticket through a realistic conversation under a custom policy, then a sweep of 100,000
// stored tickets with evaluateAutoClose, the way a backend's cron job would run it.
import {
  createTicket,
  defineWorkflow,
  evaluateAutoClose,
  nextDeadline,
  transition,
  type Effect,
  type Ticket,
  type TicketEvent,
} from 'ticket-lifecycle';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Acme's policy: Zendesk-like, plus a custom "Waiting on vendor" status, a reminder sequence before auto-solve,
// and an auto-close that never fires while the customer waits for an answer.
const acme = defineWorkflow({
  id: 'acme-support',
  statuses: [
    { id: 'new', category: 'new', labels: { agent: 'New' } },
    { id: 'open', category: 'open', labels: { agent: 'Open' } },
    {
      id: 'vendor',
      category: 'onHold',
      labels: { agent: 'Waiting on vendor', customer: 'In progress' },
      slaPaused: true,
    },
    { id: 'waiting', category: 'pending', labels: { agent: 'Waiting on customer' }, slaPaused: true },
    { id: 'solved', category: 'solved', labels: { agent: 'Solved' } },
    { id: 'closed', category: 'closed', labels: { agent: 'Closed' } },
  ],
  replies: [
    { by: 'agent', fromCategory: ['new', 'open'], to: 'waiting' },
    { by: 'customer', from: ['waiting', 'vendor'], to: 'open' },
    { by: 'customer', from: 'solved', action: 'reopen' },
    { by: 'customer', from: 'closed', action: 'reopen', within: 'P14D', otherwise: 'followUp' },
  ],
  assignments: [{ from: 'new', to: 'open' }],
  // Timers act as the system and pass its rules: the system may solve, so the auto-solve below can.
  resolve: [{ by: 'agent', requireAssignee: true }, { by: 'system' }],
  close: { by: ['customer', 'system'], from: 'solved' },
  timers: [
    // Counted from entering `waiting` or the agent's last reply, whichever is later: an agent may set `waiting`
    // without replying, and a timer counted from a reply that never came would never fire (lint: emptyAnchor).
    {
      id: 'auto-solve',
      in: 'waiting',
      since: ['statusEntered', 'lastAgentMessage'],
      after: 'P5D',
      action: 'move',
      to: 'solved',
      reminders: ['P2D', 'P4D'],
    },
    {
      id: 'auto-close',
      in: 'solved',
      since: ['statusEntered', 'lastCustomerMessage'],
      after: 'P4D',
      action: 'move',
      to: 'closed',
      skipWhileCustomerWaits: true,
    },
  ],
});

const start = Date.UTC(2026, 0, 5, 9, 0);
const when = (at: number): string => new Date(at).toISOString().replace('T', ' ').slice(0, 16);

function describeEffect(effect: Effect): string {
  switch (effect.type) {
    case 'statusChanged':
      return `status ${effect.from} → ${effect.to} (${effect.cause})`;
    case 'reminderDue':
      return `remind the customer (${effect.timer} #${effect.index + 1}, due ${when(effect.dueAt)})`;
    case 'timerFired':
      return `timer ${effect.timer} fired at ${when(effect.dueAt)}`;
    case 'assigned':
      return `assigned to ${effect.to}`;
    case 'reopened':
      return `reopened by the ${effect.by}`;
    case 'followUpRequested':
      return 'open a follow-up ticket linked to this one';
    case 'replyRejected':
      return `reply rejected (${effect.reason})`;
    case 'replyNeedsAttention':
      return `customer wrote on a ${effect.status} ticket: notify the assignee`;
    case 'timerBlocked':
      return `timer ${effect.timer} held back: ${effect.message}`;
    case 'merged':
      return `merged into ticket ${effect.into}`;
    case 'slaWarning':
    case 'slaBreached':
    case 'slaMet':
      return `SLA ${effect.metric} (${effect.policy}): ${effect.type}`;
    case 'slaPolicyChanged':
      return `SLA policy ${effect.from} → ${effect.to}`;
    case 'updated':
      return `updated ${Object.keys(effect.changes).join(', ')}`;
  }
}

console.log('— One ticket, one conversation —\n');
let ticket = createTicket(acme, { at: start, channel: 'email' });
console.log(`${when(start)}  created by the customer → ${ticket.status}`);
const conversation: TicketEvent<(typeof acme)['initial']>[] = [
  { type: 'reply', by: 'customer', at: start + 20 * 60_000 }, // a second mail before anyone answered: stays New
  { type: 'resolve', by: 'agent', at: start + 30 * 60_000 }, // refused: nobody is assigned
  { type: 'assign', by: 'agent', at: start + HOUR, assignee: 'ana' }, // assigning a New ticket opens it
  { type: 'reply', by: 'agent', at: start + 2 * HOUR }, // now waiting on the customer
  { type: 'reply', by: 'customer', at: start + DAY },
  { type: 'setStatus', by: 'agent', at: start + DAY + HOUR, to: 'vendor' }, // custom status, SLA paused
  { type: 'reply', by: 'agent', at: start + 3 * DAY, status: 'waiting' }, // "send and mark as"
  { type: 'tick', at: start + 9 * DAY }, // the sweeper was down for days: reminders and auto-solve, on time
  { type: 'reply', by: 'customer', at: start + 10 * DAY }, // "it's back!": reopens
  { type: 'reply', by: 'agent', at: start + 10 * DAY + HOUR },
  { type: 'resolve', by: 'agent', at: start + 10 * DAY + 2 * HOUR },
  { type: 'tick', at: start + 20 * DAY }, // auto-close, four days after solving
  { type: 'reply', by: 'customer', at: start + 40 * DAY }, // too late to reopen: a follow-up ticket
];
for (const event of conversation) {
  const result = transition(acme, ticket, event);
  const who = 'by' in event ? `${event.by} ` : '';
  if (!result.ok) {
    console.log(`${when(event.at)}  ${who}${event.type}: refused — ${result.error.code}: ${result.error.message}`);
    continue;
  }
  ticket = result.ticket;
  console.log(`${when(event.at)}  ${who}${event.type} → ${ticket.status} (v${ticket.version})`);
  for (const effect of result.effects) console.log(`                    ↳ ${describeEffect(effect)}`);
}
const deadline = nextDeadline(acme, ticket);
console.log(
  `\nStore with the ticket: next_deadline = ${deadline === null ? 'NULL (nothing will come due)' : when(deadline)}`,
);

// --- The sweep: 100,000 stored tickets, one evaluateAutoClose each --------------------------------------------
console.log('\n— Sweeping 100,000 stored tickets —\n');
let seed = 42;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const now = start + 60 * DAY;
type AcmeStatus = (typeof acme)['initial'];
const tickets: Ticket<AcmeStatus>[] = [];
for (let i = 0; i < 100_000; i++) {
  const at = now - Math.floor(random() * 30 * DAY);
  let t = createTicket(acme, { at });
  const steps: TicketEvent<AcmeStatus>[] = [
    { type: 'assign', by: 'agent', at: at + HOUR, assignee: 'ana' },
    { type: 'reply', by: 'agent', at: at + 2 * HOUR },
  ];
  if (random() < 0.5) steps.push({ type: 'resolve', by: 'agent', at: at + 3 * HOUR });
  if (random() < 0.2) steps.push({ type: 'reply', by: 'customer', at: at + 4 * HOUR });
  for (const event of steps) {
    const result = transition(acme, t, event);
    if (result.ok) t = result.ticket;
  }
  tickets.push(t);
}

const began = performance.now();
let closing = 0;
let reminded = 0;
let solving = 0;
for (const stored of tickets) {
  const due = evaluateAutoClose(acme, stored, now);
  if (due.close) closing++;
  else if (due.status === 'solved' && stored.status !== 'solved') solving++;
  if (due.due.some((d) => d.kind === 'reminder')) reminded++;
}
const took = performance.now() - began;
console.log(
  `At ${when(now)}: ${closing.toLocaleString('en')} tickets close, ${solving.toLocaleString('en')} are auto-solved, ${reminded.toLocaleString('en')} get a reminder.`,
);
console.log(
  `Swept ${tickets.length.toLocaleString('en')} tickets in ${took.toFixed(1)} ms (${((tickets.length / took) * 1000).toLocaleString('en', { maximumFractionDigits: 0 })} tickets/s).`,
);
