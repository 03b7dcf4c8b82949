// `npm run demo`: a simulated helpdesk day on PGlite (embedded PostgreSQL, nothing to install) through
// ticket-lifecycle/postgres. A backlog from the last days, a day of new tickets and replies, two sweepers running
// concurrently, reminders and auto-closes delivered through the outbox; then a summary that proves nothing was lost.
// The clock is simulated (events carry `at`), so a day runs in seconds. The engine-only tour: examples/demo.ts.
import { PGlite } from '@electric-sql/pglite';
import { createPostgresStore, type OutboxEffect } from 'ticket-lifecycle/postgres';
import { helpdesk } from './helpdesk-server/policy.js';
import { mailFor } from './helpdesk-server/workers.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DAY_START = Date.UTC(2026, 2, 2, 8); // Monday 08:00
const STEP = 15 * MINUTE;

let seed = 7;
const random = (): number => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
  return seed / 2 ** 32;
};
const clock = (at: number): string => new Date(at).toISOString().slice(5, 16).replace('T', ' ');

const db = new PGlite();
const store = createPostgresStore(db, { workflow: helpdesk, followUps: 'create' });
await store.migrate();

const ids: string[] = [];
let events = 0;
let refused = 0;
const mails = new Map<string, string>(); // effect id → mail: one mail per effect, however often it is delivered
const deliveries = new Map<string, number>();
let swept = 0;
const sweptBy = [0, 0];

async function event(id: string, e: Parameters<typeof store.apply>[1]): Promise<void> {
  const r = await store.apply(id, e);
  events++;
  if (!r.ok) refused++;
  if (r.ok && r.followUp !== null) ids.push(r.followUp.id);
}

async function newTicket(at: number): Promise<void> {
  const created = await store.create({ at, channel: random() < 0.7 ? 'email' : 'chat' });
  ids.push(created.id!);
  await event(created.id!, { type: 'assign', by: 'agent', at, assignee: random() < 0.5 ? 'ana' : 'ben' });
}

/** An hour of work at the desk: agents answer open tickets, customers answer some, agents solve some. */
async function work(at: number): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const id = ids[Math.floor(random() * ids.length)]!;
    const t = at + Math.floor(random() * STEP);
    const ticket = await store.get(id);
    if (ticket === null || t < ticket.updatedAt) continue;
    if (ticket.status === 'open' && random() < 0.3) await event(id, { type: 'resolve', by: 'agent', at: t });
    else if (ticket.status === 'open' || ticket.status === 'new')
      await event(id, { type: 'reply', by: 'agent', at: t });
    else if (ticket.status === 'waiting' && random() < 0.4) await event(id, { type: 'reply', by: 'customer', at: t });
    else if (ticket.status === 'closed' && random() < 0.1) await event(id, { type: 'reply', by: 'customer', at: t }); // → follow-up ticket
  }
}

/** Two sweepers at once: SKIP LOCKED shares the due tickets between them, neither waits, none is done twice. */
async function sweepers(now: number): Promise<void> {
  const reports = await Promise.all([store.sweep({ now, batchSize: 25 }), store.sweep({ now, batchSize: 25 })]);
  reports.forEach((r, i) => {
    sweptBy[i]! += r.claimed;
    swept += r.claimed;
  });
}

/** The outbox consumer: claims, "sends", completes. One crash in ten: its lease runs out and the effects come back. */
async function consumer(): Promise<void> {
  for (;;) {
    const batch: OutboxEffect[] = await store.claimEffects({ limit: 50, leaseMs: 1 });
    if (batch.length === 0) return;
    for (const item of batch) {
      deliveries.set(item.id, (deliveries.get(item.id) ?? 0) + 1);
      const mail = mailFor(item);
      if (mail !== null) mails.set(item.id, mail);
    }
    if (random() < 0.1) {
      await new Promise((resolve) => setTimeout(resolve, 2)); // crashed before completing: lease expires
      continue;
    }
    await store.completeEffects(batch.map((e) => e.id));
  }
}

const progress = (now: number): void => {
  process.stdout.write(
    `\r${clock(now)}  tickets ${ids.length}  events ${events}  swept ${swept}  mails ${mails.size}   `,
  );
};

console.log('— A helpdesk day on PGlite, through ticket-lifecycle/postgres —\n');
// The backlog: tickets from the last six days, answered and left waiting, some solved.
const backlog = Array.from({ length: 240 }, () => DAY_START - 6 * DAY + Math.floor(random() * 6 * DAY)).sort(
  (a, b) => a - b,
);
for (const [i, at] of backlog.entries()) {
  await newTicket(at);
  const id = ids[ids.length - 1]!;
  await event(id, { type: 'reply', by: 'agent', at: at + HOUR });
  if (random() < 0.3) await event(id, { type: 'resolve', by: 'agent', at: at + 2 * HOUR });
  if (i % 20 === 0) progress(at);
}
// The day: every 15 minutes, new tickets, an hour's share of work, both sweepers, the outbox.
for (let now = DAY_START; now <= DAY_START + 12 * HOUR; now += STEP) {
  for (let n = Math.floor(random() * 6); n > 0; n--) await newTicket(now + Math.floor(random() * STEP));
  await work(now);
  await sweepers(now + STEP);
  await consumer();
  progress(now + STEP);
}
// Evening: the sweepers catch up to the end of the week, the consumer drains the outbox.
await sweepers(DAY_START + 5 * DAY);
await consumer();
process.stdout.write('\n\n');

// The proof: every ticket replays from its log to exactly what is stored, every effect was delivered and
// completed exactly once in the outbox, nothing is left due.
let verified = 0;
for (const id of ids) if ((await store.verify(id)).ok) verified++;
const q = async (sql: string): Promise<number> => (await db.query<{ n: number }>(sql)).rows[0]!.n;
const logged = await q("SELECT count(*)::int AS n FROM ticket_lifecycle.events WHERE seq > 0 AND type <> 'tick'");
const ticks = await q("SELECT count(*)::int AS n FROM ticket_lifecycle.events WHERE type = 'tick'");
const outbox = await q('SELECT count(*)::int AS n FROM ticket_lifecycle.effects');
const done = await q('SELECT count(*)::int AS n FROM ticket_lifecycle.effects WHERE done_at IS NOT NULL');
const dueLeft = await q(
  `SELECT count(*)::int AS n FROM ticket_lifecycle.tickets WHERE next_deadline <= ${DAY_START + 5 * DAY}`,
);
const byType = await db.query<{ type: string; n: number }>(
  'SELECT type, count(*)::int AS n FROM ticket_lifecycle.effects GROUP BY type ORDER BY n DESC',
);
const statuses = await db.query<{ status: string; n: number }>(
  'SELECT status, count(*)::int AS n FROM ticket_lifecycle.tickets GROUP BY status ORDER BY n DESC',
);

const redelivered = [...deliveries.values()].filter((n) => n > 1).length;
console.log(`Tickets:   ${ids.length} (${statuses.rows.map((r) => `${r.n} ${r.status}`).join(', ')})`);
console.log(
  `Events:    ${events} submitted: ${events - refused} accepted and in the log, ${refused} refused by the policy; plus ${ticks} sweeper ticks`,
);
console.log(
  `Sweepers:  ${swept} due tickets claimed, ${sweptBy[0]} by sweeper A and ${sweptBy[1]} by sweeper B, none twice`,
);
console.log(`Outbox:    ${outbox} effects (${byType.rows.map((r) => `${r.n} ${r.type}`).join(', ')})`);
console.log(
  `           ${deliveries.size} delivered, ${done} completed, ${redelivered} redelivered after a consumer crash (same id)`,
);
console.log(`Mails:     ${mails.size} sent, e.g. "${[...mails.values()].find((m) => m.includes('waiting')) ?? ''}"`);
const ok =
  verified === ids.length &&
  deliveries.size === outbox &&
  done === outbox &&
  dueLeft === 0 &&
  logged === events - refused;
console.log(
  `\n${ok ? '✔ Nothing lost' : '✘ Something was lost'}: ${verified}/${ids.length} tickets equal the replay of their log, ` +
    `${done}/${outbox} effects completed, ${dueLeft} tickets left due.`,
);
await db.close();
if (!ok) process.exitCode = 1;
