// Schema upgrades on a populated database: nothing stored is lost, and the store goes on from where it was.
// Run on PGlite (npm test) and on a real PostgreSQL (DATABASE_URL), beside the store suite.
import { transition } from 'ticket-lifecycle';
import { createPostgresStore, replayLog, type PostgresStore } from 'ticket-lifecycle/postgres';
import { describe, expect, it } from 'vitest';
import { LOGGED_EVENT, migrations } from '../../src/postgres/schema.js';
import { DAY, desk, freshStore, HOUR, sql, suiteDatabase, T0, type DeskStatus, type TestDatabase } from './fixtures.js';

/** Creates `schema` at `version` with the migrations of this build, as a database left at that version would be. */
async function schemaAt(database: TestDatabase, schema: string, version: number): Promise<void> {
  await sql(database, `CREATE SCHEMA "${schema}"`);
  for (const migration of migrations(schema).slice(0, version)) {
    for (const statement of migration.split(';').filter((part) => part.trim() !== '')) await sql(database, statement);
  }
  await sql(
    database,
    `CREATE TABLE "${schema}".migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  await sql(database, `INSERT INTO "${schema}".migrations (version) SELECT generate_series(1, $1::int)`, [version]);
}

/**
 * Copies the rows a store of this build wrote into `old`, a schema left at an older version: tickets and outbox as
 * they are, the log's `event` and `result` through `documents` (how that version stored them).
 */
async function copyRows(database: TestDatabase, from: string, old: string, documents: string): Promise<void> {
  await sql(database, `INSERT INTO "${old}".tickets SELECT * FROM "${from}".tickets`);
  await sql(
    database,
    `INSERT INTO "${old}".events (ticket_id, seq, at, type, idempotency_key, event, result, recorded_at)
     SELECT ticket_id, seq, at, type, idempotency_key, ${documents}, recorded_at FROM "${from}".events`,
  );
  await sql(database, `INSERT INTO "${old}".outbox OVERRIDING SYSTEM VALUE SELECT * FROM "${from}".outbox`);
}

/** `old`, a schema left at version 1, holding the tickets and the log (jsonb, every event stored) of `from`. */
async function v1Of(database: TestDatabase, from: string, old: string): Promise<void> {
  await schemaAt(database, old, 1);
  await sql(database, `INSERT INTO "${old}".tickets SELECT * FROM "${from}".tickets`);
  await sql(
    database,
    `INSERT INTO "${old}".events (ticket_id, seq, at, type, idempotency_key, event, result, recorded_at)
     SELECT ticket_id, seq, at, type, idempotency_key, ${LOGGED_EVENT}::jsonb, result::jsonb, recorded_at FROM "${from}".events`,
  );
}

/** A store's observable state for every ticket: tickets, logs, replays, and what the outbox hands out next. */
async function snapshot(store: PostgresStore<DeskStatus>, ids: readonly string[]) {
  const tickets = [];
  for (const id of ids) {
    tickets.push({
      ticket: JSON.stringify(await store.get(id)), // field order included
      log: await store.log(id),
      verify: await store.verify(id),
    });
  }
  return tickets;
}

export function migrateSuite(open: () => Promise<TestDatabase>): void {
  const database = suiteDatabase(open);

  describe('migrate a populated database()', () => {
    it('moves a version-2 log (jsonb) to version 3 (json) with every entry, key, lease and effect id kept', async () => {
      // The history is written by this build, then copied into a schema left at version 2, as version 2 stored it.
      const { store: source, schema: from } = await freshStore(database());
      const a = (await source.create({ at: T0, channel: 'email' })).id!;
      const b = (await source.create({ at: T0 + HOUR })).id!;
      await source.apply(a, { type: 'reply', by: 'agent', at: T0 });
      const keyed = await source.apply(a, { type: 'reply', by: 'customer', at: T0 + HOUR }, { idempotencyKey: 'm-1' });
      await source.apply(a, { type: 'reply', by: 'agent', at: T0 + 2 * HOUR });
      await source.apply(b, { type: 'reply', by: 'agent', at: T0 + HOUR });
      expect(await source.sweep({ now: T0 + 3 * DAY })).toMatchObject({ claimed: 2, changed: 2 });
      // A consumer completed part of the outbox and holds a lease on the next event's effects.
      const delivered = await source.claimEffects({ limit: 1, leaseMs: 60_000 });
      expect(await source.completeEffects([delivered[0]!.id])).toBe(1);
      await source.claimEffects({ limit: 1, leaseMs: 600_000 });

      const old = `${from}_v2`;
      await schemaAt(database(), old, 2);
      // Version 2 stored every tick's event document (the object this build reads back for a NULL one), as jsonb.
      await copyRows(database(), from, old, `${LOGGED_EVENT}::jsonb, result::jsonb`);
      const upgraded = createPostgresStore(database().db, { workflow: desk, schema: old });
      const before = await snapshot(upgraded, [a, b]); // version 2, read by this build
      const effectsView = `SELECT id, type, effect, attempts, done_at IS NOT NULL AS done FROM "${old}".effects ORDER BY id`;
      const viewBefore = await sql(database(), effectsView);

      expect(await upgraded.migrate()).toEqual({ from: 2, to: 5, applied: [3, 4, 5] });
      expect(await upgraded.migrate()).toEqual({ from: 5, to: 5, applied: [] });
      const types = await sql(
        database(),
        `SELECT column_name AS name, data_type AS type FROM information_schema.columns
         WHERE table_schema = $1 AND table_name = 'events' AND column_name IN ('event', 'result') ORDER BY 1`,
        [old],
      );
      expect(types).toEqual([
        { name: 'event', type: 'json' },
        { name: 'result', type: 'json' },
      ]);
      // Every ticket, log entry and replay as before the upgrade, and as the store that wrote them sees them.
      const after = await snapshot(upgraded, [a, b]);
      expect(after).toEqual(before);
      expect(after).toEqual(await snapshot(source, [a, b]));
      expect(after.every((t) => t.verify.ok)).toBe(true);
      // The outbox view keeps its rows and columns (effect still jsonb).
      expect(await sql(database(), effectsView)).toEqual(viewBefore);
      // The idempotency key still answers with the first result.
      const again = await upgraded.apply(a, { type: 'reply', by: 'customer' }, { idempotencyKey: 'm-1' });
      expect(again).toEqual({ ...keyed, duplicate: true });
      // The outbox goes on where it was: the same pending effects, ids and attempts, the leased event still leased.
      const next = await upgraded.claimEffects({ limit: 100, leaseMs: 60_000 });
      expect(next).toEqual(await source.claimEffects({ limit: 100, leaseMs: 60_000 }));
      expect(next.length).toBeGreaterThan(0);
      expect(next.map((e) => e.id)).not.toContain(delivered[0]!.id);
      // And the upgraded store writes on: a new event, a sweep, both replaying.
      expect((await upgraded.apply(b, { type: 'reply', by: 'customer', at: T0 + 4 * DAY })).ok).toBe(true);
      expect((await upgraded.verify(b)).ok).toBe(true);
      await sql(database(), `DROP SCHEMA "${old}" CASCADE`);
      await sql(database(), `DROP SCHEMA "${from}" CASCADE`);
    });

    it('moves a version-3 log to version 4 (ticks without an event document) with every entry kept', async () => {
      const { store: source, schema: from } = await freshStore(database());
      const a = (await source.create({ at: T0, channel: 'email' })).id!;
      await source.apply(a, { type: 'reply', by: 'agent', at: T0 });
      const keyed = await source.apply(a, { type: 'reply', by: 'customer', at: T0 + HOUR }, { idempotencyKey: 'm-1' });
      await source.apply(a, { type: 'reply', by: 'agent', at: T0 + 2 * HOUR });
      // b waits on the customer until after the first sweep: its reminder is swept by the upgraded store.
      const b = (await source.create({ at: T0 + 2 * DAY })).id!;
      await source.apply(b, { type: 'reply', by: 'agent', at: T0 + 2 * DAY + HOUR });
      expect(await source.sweep({ now: T0 + 3 * DAY })).toMatchObject({ claimed: 1, changed: 1 });
      const pending = await source.claimEffects({ limit: 1, leaseMs: 600_000 });

      // Version 3 stored every tick's event document (json, NOT NULL): the object this build reads back for a NULL one.
      const old = `${from}_v3`;
      await schemaAt(database(), old, 3);
      await copyRows(database(), from, old, `${LOGGED_EVENT}, result`);
      const upgraded = createPostgresStore(database().db, { workflow: desk, schema: old });
      const before = await snapshot(upgraded, [a, b]);
      const stored = `SELECT ticket_id::text AS id, seq, event FROM "${old}".events ORDER BY ticket_id, seq`;
      const eventsBefore = await sql(database(), stored);
      expect(eventsBefore.every((e) => e.event !== null)).toBe(true);

      expect(await upgraded.migrate()).toEqual({ from: 3, to: 5, applied: [4, 5] });
      expect(await upgraded.migrate()).toEqual({ from: 5, to: 5, applied: [] });
      // Nothing rewritten: the stored documents, the log, the replay and the ticket are what they were.
      expect(await sql(database(), stored)).toEqual(eventsBefore);
      const after = await snapshot(upgraded, [a, b]);
      expect(after).toEqual(before);
      expect(after).toEqual(await snapshot(source, [a, b]));
      expect(after.every((t) => t.verify.ok)).toBe(true);
      expect(await upgraded.apply(a, { type: 'reply', by: 'customer' }, { idempotencyKey: 'm-1' })).toEqual({
        ...keyed,
        duplicate: true,
      });
      expect(pending.length).toBeGreaterThan(0);
      expect(await upgraded.claimEffects({ limit: 100, leaseMs: 60_000 })).toEqual(
        await source.claimEffects({ limit: 100, leaseMs: 60_000 }),
      );
      // And the upgraded store logs its next tick without the document, still replaying.
      expect(await upgraded.sweep({ now: T0 + 3 * DAY + 2 * HOUR })).toMatchObject({ claimed: 1, changed: 1 });
      const last = (await upgraded.log(b)).at(-1)!;
      expect(last.event).toEqual({ type: 'tick', at: T0 + 3 * DAY + 2 * HOUR });
      expect(
        await sql(database(), `SELECT event FROM "${old}".events WHERE ticket_id = $1 AND seq = $2`, [b, last.seq]),
      ).toEqual([{ event: null }]);
      expect((await upgraded.verify(b)).ok).toBe(true);
      await sql(database(), `DROP SCHEMA "${old}" CASCADE`);
      await sql(database(), `DROP SCHEMA "${from}" CASCADE`);
    });
    it('rolling deploys (docs/postgres.md, Upgrading): what an older build meets in a newer schema', async () => {
      const { store, schema } = await freshStore(database());
      const a = (await store.create({ at: T0, channel: 'email' })).id!;
      await store.apply(a, { type: 'reply', by: 'agent', at: T0 });
      expect(await store.sweep({ now: T0 + 3 * DAY })).toMatchObject({ claimed: 1, changed: 1 });
      // A build older than schema 4 read the log with this statement (src/postgres/store.ts before 16a36e2, verbatim):
      // a tick written since comes back with a null event, which its `log` returns as is and its replay hands to
      // `transition`, which refuses it: `verify` reports the tick's entry as corrupt although nothing is wrong.
      const preV4 = await sql(
        database(),
        `SELECT seq, event, result -> 'ticket' AS ticket FROM "${schema}".events WHERE ticket_id = $1 ORDER BY seq`,
        [a],
      );
      expect(preV4.map((e) => e.event === null)).toEqual([false, false, true]);
      const replayed = replayLog(desk, [preV4[0], preV4[1]] as never);
      expect(replayed.ok).toBe(true);
      const refused = transition(desk, replayed.ok ? replayed.ticket : (null as never), null as never);
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalidEvent' } });
      expect(await store.verify(a)).toMatchObject({ ok: true }); // this build reads the NULL as the tick it was
      // Every build's migrate() refuses a schema newer than it knows: an old instance restarted after the upgrade
      // fails at start-up, with this message.
      await sql(database(), `INSERT INTO "${schema}".migrations (version) VALUES (99)`);
      await expect(store.migrate()).rejects.toThrow(/schema is at version 99, newer than this build \(5\)/);
      await sql(database(), `DROP SCHEMA "${schema}" CASCADE`);
    });
    it('moves a version-1 outbox pruned row by row (done rows deleted, as the v1 docs advised): nothing redelivered', async () => {
      // Before round 12, migration 2 counted an event's v1 rows as its effect count: a tick whose first two effects
      // were delivered and pruned came back as three pending effects, the two delivered ones handed out again.
      const { store: source, schema: from } = await freshStore(database());
      const a = (await source.create({ at: T0, channel: 'email' })).id!;
      await source.apply(a, { type: 'reply', by: 'agent', at: T0 });
      expect(await source.sweep({ now: T0 + 3 * DAY })).toMatchObject({ claimed: 1, changed: 1 });
      const all = await source.claimEffects({ limit: 100, leaseMs: 60_000 });
      const tick = all.filter((e) => e.seq === 2);
      expect(tick.length).toBe(3);

      const old = `${from}_v1p`;
      await v1Of(database(), from, old);
      // What is left after pruning: the reply's effects all delivered and deleted; of the tick's three, the first
      // delivered and deleted, the second delivered and kept, the third pending (attempted once).
      const v1Row = `INSERT INTO "${old}".effects (ticket_id, seq, idx, type, effect, attempts, done_at)
                     SELECT ticket_id, seq, idx, type, effect, 1, $3::timestamptz FROM "${from}".effects WHERE ticket_id = $1 AND seq = 2 AND idx = $2`;
      await sql(database(), v1Row, [a, 1, new Date(T0 + 3 * DAY).toISOString()]);
      await sql(database(), v1Row, [a, 2, null]);

      const upgraded = createPostgresStore(database().db, { workflow: desk, schema: old });
      expect((await upgraded.migrate()).applied).toEqual([2, 3, 4, 5]);
      const next = await upgraded.claimEffects({ limit: 100, leaseMs: 60_000 });
      expect(next.map((e) => e.id)).toEqual([tick[2]!.id]); // only the pending one
      expect(next[0]).toMatchObject({ effect: tick[2]!.effect, attempts: 2 });
      expect(await upgraded.completeEffects([next[0]!.id])).toBe(1);
      expect(await upgraded.claimEffects({ limit: 100, leaseMs: 1 })).toEqual([]);
      const view = await sql(database(), `SELECT id, done_at IS NOT NULL AS done FROM "${old}".effects ORDER BY id`);
      expect(view).toEqual(tick.map((e) => ({ id: e.id, done: true })));
      expect((await upgraded.verify(a)).ok).toBe(true);
      await sql(database(), `DROP SCHEMA "${old}" CASCADE`);
      await sql(database(), `DROP SCHEMA "${from}" CASCADE`);
    });
    it('moves a populated version-4 database() to version 5 (creation keys): nothing rewritten, keys work at once', async () => {
      const { store: source, schema: from } = await freshStore(database());
      const a = (await source.create({ at: T0, channel: 'email' })).id!;
      await source.apply(a, { type: 'reply', by: 'agent', at: T0 }, { idempotencyKey: 'm-1' });
      expect(await source.sweep({ now: T0 + 3 * DAY })).toMatchObject({ claimed: 1, changed: 1 });
      const old = `${from}_v4`;
      await schemaAt(database(), old, 4);
      await copyRows(database(), from, old, 'event, result');
      // The rows were copied with their ids: move the identity on as the inserts that made them would have.
      await sql(database(), `SELECT setval(pg_get_serial_sequence('"${old}".tickets', 'id'), $1)`, [Number(a)]);
      const upgraded = createPostgresStore(database().db, { workflow: desk, schema: old });
      const before = await snapshot(upgraded, [a]);
      const stored = `SELECT ticket_id::text AS id, seq, event::text, result::text FROM "${old}".events ORDER BY 1, 2`;
      const eventsBefore = await sql(database(), stored);

      expect(await upgraded.migrate()).toEqual({ from: 4, to: 5, applied: [5] });
      expect(await sql(database(), stored)).toEqual(eventsBefore);
      expect(await snapshot(upgraded, [a])).toEqual(before);
      const created = await upgraded.create({ at: T0 + DAY }, { idempotencyKey: 'hook-1' });
      expect(created).toMatchObject({ ok: true, duplicate: false });
      expect(BigInt(created.id!)).toBeGreaterThan(BigInt(a));
      expect(await upgraded.create({ at: T0 + DAY }, { idempotencyKey: 'hook-1' })).toEqual({
        ...created,
        duplicate: true,
      });
      expect((await upgraded.verify(created.id!)).ok).toBe(true);
      await sql(database(), `DROP SCHEMA "${old}" CASCADE`);
      await sql(database(), `DROP SCHEMA "${from}" CASCADE`);
    });
    it('moves a populated version-1 database() to the latest version while a second instance migrates too: nothing lost', async () => {
      // A history with every kind of row: a follow-up, an idempotency key, ticks, and an outbox with a completed
      // event, a partly completed one, a leased one and pending ones.
      const { store: source, schema: from } = await freshStore(database(), 'create');
      const a = (await source.create({ at: T0, channel: 'email' })).id!;
      const b = (await source.create({ at: T0 + HOUR })).id!;
      await source.apply(a, { type: 'reply', by: 'agent', at: T0 });
      await source.apply(b, { type: 'reply', by: 'agent', at: T0 + HOUR });
      expect(await source.sweep({ now: T0 + 3 * DAY })).toMatchObject({ claimed: 2, changed: 2 });
      const keyed = await source.apply(
        a,
        { type: 'reply', by: 'customer', at: T0 + 4 * DAY },
        { idempotencyKey: 'm-1' },
      );
      const followUp = keyed.ok ? keyed.followUp!.id : '';
      const done = await source.claimEffects({ limit: 2, leaseMs: 60_000 }); // the agents' replies
      expect(await source.completeEffects(done.map((e) => e.id))).toBe(done.length);
      const held = await source.claimEffects({ limit: 1, leaseMs: 600_000 }); // a's tick: a consumer holds it
      const partly = await source.claimEffects({ limit: 1, leaseMs: 1 }); // b's tick: one of three delivered, then lost
      expect(partly.length).toBeGreaterThan(1);
      expect(await source.completeEffects([partly[0]!.id])).toBe(1);

      // Version 1: the log as jsonb (every event stored), one outbox row per effect in claim order.
      const old = `${from}_v1`;
      await v1Of(database(), from, old);
      await sql(
        database(),
        `INSERT INTO "${old}".effects (ticket_id, seq, idx, type, effect, related_ticket_id, attempts, leased_until, done_at)
         SELECT e.ticket_id, e.seq, e.idx, e.type, e.effect, e.related_ticket_id, e.attempts, e.leased_until, e.done_at
         FROM "${from}".effects AS e JOIN "${from}".outbox AS o ON o.ticket_id = e.ticket_id AND o.seq = e.seq
         ORDER BY o.pos, e.idx`,
      );
      const first = createPostgresStore(database().db, { workflow: desk, schema: old, followUps: 'create' });
      const second = createPostgresStore(database().db, { workflow: desk, schema: old, followUps: 'create' });
      const ids = [a, b, followUp];
      const before = await snapshot(first, ids); // version 1, read by this build

      const reports = await Promise.all([first.migrate(), second.migrate()]);
      expect(reports.map((r) => r.applied).sort((x, y) => x.length - y.length)).toEqual([[], [2, 3, 4, 5]]);
      expect(reports.map((r) => r.to)).toEqual([5, 5]);
      // Tickets, logs and replays as before and as the store that wrote them sees them; the outbox as it was, ids kept.
      const after = await snapshot(second, ids);
      expect(after).toEqual(before);
      expect(after).toEqual(await snapshot(source, ids));
      expect(after.every((t) => t.verify.ok)).toBe(true);
      const effectsView = (schema: string) =>
        sql(
          database(),
          `SELECT id, type, effect, related_ticket_id::text AS related, attempts, done_at IS NOT NULL AS done FROM "${schema}".effects ORDER BY id`,
        );
      expect(await effectsView(old)).toEqual(await effectsView(from));
      expect(await second.apply(a, { type: 'reply', by: 'customer' }, { idempotencyKey: 'm-1' })).toEqual({
        ...keyed,
        duplicate: true,
      });
      const next = await first.claimEffects({ limit: 100, leaseMs: 60_000 });
      expect(next).toEqual(await source.claimEffects({ limit: 100, leaseMs: 60_000 }));
      expect(next.map((e) => e.id)).toContain(partly[1]!.id);
      expect(next.map((e) => e.id)).not.toContain(partly[0]!.id);
      expect(next.map((e) => e.id)).not.toContain(held[0]!.id);
      expect(await first.completeEffects(next.map((e) => e.id))).toBe(next.length);
      await sql(database(), `DROP SCHEMA "${old}" CASCADE`);
      await sql(database(), `DROP SCHEMA "${from}" CASCADE`);
    });
  });
}
