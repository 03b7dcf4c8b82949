// The store is the engine, persisted: for random event sequences under real presets, what the store answers and
// keeps is exactly what folding `transition` over the same events gives, and the log replays to it.
import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { createTicket, nextDeadline, transition, type Ticket, type TicketEvent, type Workflow } from 'ticket-lifecycle';
import { createPostgresStore } from 'ticket-lifecycle/postgres';
import { jiraServiceManagement, liveAgent, zendesk } from 'ticket-lifecycle/presets';
import { arbitraryEvents } from 'ticket-lifecycle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const START = Date.UTC(2026, 0, 5, 9);
let db: PGlite;
beforeAll(async () => {
  db = new PGlite();
  await db.waitReady;
}, 120_000);
afterAll(() => db.close());

const PRESETS: readonly (readonly [string, Workflow])[] = [
  ['zendesk', zendesk()],
  ['liveAgent', liveAgent()],
];
/** Presets whose random histories often end with a deadline (zendesk's seldom do: a sweep would rarely tick). */
const TIMER_PRESETS: readonly (readonly [string, Workflow])[] = [
  ['liveAgent', liveAgent()],
  ['jiraServiceManagement', jiraServiceManagement()],
];
const MINUTE = 60_000;
const SWEEP_REACH = 40 * 24 * 60; // minutes after the last event: past every preset's timers

/** The ticket a history reaches (refused events skipped), as the store keeps it. */
function fold(workflow: Workflow, events: readonly TicketEvent[]): Ticket {
  let ticket: Ticket = createTicket(workflow, { at: START });
  for (const event of events) {
    const result = transition(workflow, ticket, event);
    if (result.ok) ticket = result.ticket;
  }
  return ticket;
}

describe.each(PRESETS)('store vs transition (%s)', (name, workflow) => {
  it('answers and stores what transition gives, event by event, and the log replays to it', {
    timeout: 120_000,
  }, async () => {
    const store = createPostgresStore(db, { workflow, schema: `tl_prop_${name.toLowerCase()}` });
    await store.migrate();
    await fc.assert(
      fc.asyncProperty(arbitraryEvents(workflow, { start: START, maxLength: 12 }), async (events) => {
        const { id } = await store.create({ at: START });
        let expected: Ticket = createTicket(workflow, { at: START });
        for (const event of events) {
          const want = transition(workflow, expected, event);
          const got = await store.apply(id!, event);
          expect(got.ok).toBe(want.ok);
          if (want.ok && got.ok) {
            expect([got.ticket, got.effects, got.changed]).toEqual([want.ticket, want.effects, want.changed]);
            expected = want.ticket;
          } else if (!want.ok && !got.ok) {
            expect(got.error.code).toBe(want.error.code);
          }
        }
        expect(await store.get(id!)).toEqual(expected);
        expect((await store.verify(id!)).ok).toBe(true);
      }),
      { numRuns: 25, seed: 11 },
    );
  });
});

describe.each(TIMER_PRESETS)('store.sweep vs tick (%s)', (name, workflow) => {
  // The sweep writes only the fields a tick changed, merged into the stored jsonb with `||` (sweep-write.ts), and
  // claims from either end of the due range: whatever it claims, what is stored must be the engine's tick, exactly.
  it('stores exactly what a tick at the sweep time gives, for any ticket, and the log still replays to it', {
    timeout: 180_000,
  }, async () => {
    const store = createPostgresStore(db, { workflow, schema: `tl_prop_sweep_${name.toLowerCase()}` });
    await store.migrate();
    let ticks = 0;
    // A fixed history that ends due within reach, tried first whatever the seed: every run ticks at least once.
    const lastAt = (events: readonly TicketEvent[]): number => Math.max(START, ...events.map((e) => e.at ?? START));
    const dueHistory = fc
      .sample(arbitraryEvents(workflow, { start: START, maxLength: 8 }), { seed: 1, numRuns: 500 })
      .find((events) => {
        const due = nextDeadline(workflow, fold(workflow, events));
        return due !== null && due <= lastAt(events) + SWEEP_REACH * MINUTE;
      });
    expect(dueHistory).toBeDefined();
    await fc.assert(
      fc.asyncProperty(
        arbitraryEvents(workflow, { start: START, maxLength: 8 }),
        fc.array(fc.nat({ max: SWEEP_REACH }), { minLength: 1, maxLength: 3 }),
        async (events, sweepMinutes) => {
          const { id } = await store.create({ at: START });
          for (const event of events) await store.apply(id!, event);
          let expected = fold(workflow, events);
          // Sweeps at increasing times from the last event on, each one ticking the ticket only when it is due.
          let now = lastAt(events);
          for (const minutes of [...sweepMinutes].sort((a, b) => a - b)) {
            now = Math.max(now, expected.updatedAt) + minutes * MINUTE;
            await store.sweep({ now, batchSize: 7 });
            const due = nextDeadline(workflow, expected);
            if (due !== null && due <= now) {
              const ticked = transition(workflow, expected, { type: 'tick', at: Math.max(now, expected.updatedAt) });
              expect(ticked.ok).toBe(true);
              if (ticked.ok) expected = ticked.ticket;
              ticks++;
            }
            expect(await store.get(id!)).toEqual(expected);
            expect((await store.load(id!))?.nextDeadline).toBe(nextDeadline(workflow, expected));
          }
          expect((await store.verify(id!)).ok).toBe(true);
        },
      ),
      { numRuns: process.env.CI ? 40 : 15, examples: [[dueHistory!, [SWEEP_REACH]]] },
    );
    expect(ticks).toBeGreaterThan(0); // the sweeps did tick tickets: the property is not vacuous
  });
});
