// The store is the engine, persisted: for random event sequences under real presets, what the store answers and
// keeps is exactly what folding `transition` over the same events gives, and the log replays to it.
import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { createTicket, transition, type Ticket, type Workflow } from 'ticket-lifecycle';
import { createPostgresStore } from 'ticket-lifecycle/postgres';
import { liveAgent, zendesk } from 'ticket-lifecycle/presets';
import { arbitraryEvents } from 'ticket-lifecycle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const START = Date.UTC(2026, 0, 5, 9);
let db: PGlite;
beforeAll(async () => {
  db = new PGlite();
  await db.waitReady;
}, 120_000);
afterAll(() => db.close());

describe.each<[string, Workflow]>([
  ['zendesk', zendesk()],
  ['liveAgent', liveAgent()],
])('store vs transition (%s)', (name, workflow) => {
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
