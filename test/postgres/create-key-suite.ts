// `store.create` with an idempotency key (schema version 5): a redelivered "new ticket" webhook opens one ticket.
// The races are forced, not hoped for: a creation paused after its checks and before its INSERT while another
// creation with the same key commits (both databases), and (PostgreSQL) a creation whose INSERT waits on the first's
// uncommitted key, seen waiting in pg_stat_activity, then let through by the first's COMMIT or ROLLBACK.
import { createPostgresStore, type PostgresStore, type SqlDriver } from 'ticket-lifecycle/postgres';
import { describe, expect, it } from 'vitest';
import { desk, HOUR, suiteStore, T0, type DeskStatus, type TestDatabase } from './fixtures.js';
import { driverOf, latch, locksOf, pausedDriver } from './race-tools.js';

/** The creation's INSERT (the statement that claims the key). */
const CLAIM = /INSERT INTO "[a-z0-9_]+"\.create_keys/;

/**
 * A driver that runs the first statement matching `statement` inside a transaction it holds open after the statement
 * (its rows written, locked, not committed) until `commit()` or `rollBack()`.
 */
function heldDriver(base: SqlDriver, statement: RegExp) {
  const [written, decided] = [latch(), latch()];
  let commit = true;
  let held = false;
  const driver: SqlDriver = {
    query(text, params) {
      if (held || !statement.test(text)) return base.query(text, params);
      held = true;
      return base.transaction(async (tx) => {
        const result = await tx.query(text, params);
        written.open();
        await decided.passed;
        if (!commit) throw new Error('rolled back on purpose');
        return result;
      });
    },
    transaction: (fn) => base.transaction(fn),
  };
  return {
    driver,
    written: written.passed,
    commit: () => decided.open(),
    rollBack: () => {
      commit = false;
      decided.open();
    },
  };
}

export function createKeySuite(open: () => Promise<TestDatabase>, { server }: { server: boolean }): void {
  let store: PostgresStore<DeskStatus>;
  const { database, schema, fresh, rows, count } = suiteStore(open, (made) => {
    store = made;
  });
  const tickets = () => count('tickets');
  const storeOn = (driver: SqlDriver) => createPostgresStore(driver, { workflow: desk, schema: schema() });

  describe('create with an idempotency key', () => {
    it('creates once per key: a redelivery answers the ticket as created, duplicate: true, whatever its input', async () => {
      await fresh();
      const first = await store.create({ at: T0, channel: 'email' }, { idempotencyKey: 'hook-1' });
      expect(first).toMatchObject({ ok: true, duplicate: false });
      await store.apply(first.id!, { type: 'reply', by: 'agent', at: T0 + HOUR }); // the ticket moves on
      expect(await store.create({ at: T0, channel: 'email' }, { idempotencyKey: 'hook-1' })).toEqual({
        ...first,
        duplicate: true,
      });
      // A key reused with another input names the same delivery: the first ticket, nothing created (as apply does).
      const reused = await store.create(
        { at: T0 + 2 * HOUR, channel: 'chat', by: 'agent' },
        { idempotencyKey: 'hook-1' },
      );
      expect(reused).toEqual({ ...first, duplicate: true });
      expect(JSON.stringify(reused.ticket)).toBe(JSON.stringify(first.ticket)); // field order included
      const other = await store.create({ at: T0 }, { idempotencyKey: 'hook-2' });
      expect(other).toMatchObject({ ok: true, duplicate: false });
      expect(other.id).not.toBe(first.id);
      expect(await store.create({ at: T0 })).toMatchObject({ ok: true, duplicate: false }); // no key: always new
      expect(await tickets()).toBe(3);
      // The key is the creation's, not the ticket's events': apply's keys on the ticket are a separate space.
      const applied = await store.apply(
        first.id!,
        { type: 'reply', by: 'customer', at: T0 + 3 * HOUR },
        { idempotencyKey: 'hook-1' },
      );
      expect(applied).toMatchObject({ ok: true, duplicate: false });
    });

    it('refuses a malformed key or options with invalidRequest (400) and its path, and creates nothing', async () => {
      await fresh();
      const bad: unknown[] = ['', 'k'.repeat(201), 'a\0b', 'x\ud800', 42, null, { key: 'k' }, ['k']];
      for (const idempotencyKey of bad) {
        const created = await store.create({ at: T0 }, { idempotencyKey } as never);
        expect(created).toMatchObject({
          ok: false,
          id: null,
          ticket: null,
          error: { code: 'invalidRequest', status: 400, path: 'options.idempotencyKey' },
        });
      }
      for (const options of [null, 'hook-1', 7]) {
        const created = await store.create({ at: T0 }, options as never);
        expect(created).toMatchObject({ ok: false, error: { code: 'invalidRequest', status: 400, path: 'options' } });
      }
      expect(await store.create({ at: T0 }, { idempotencyKey: 'k'.repeat(200) })).toMatchObject({ ok: true });
      expect(await tickets()).toBe(1);
    });

    it('keeps a key free when the creation is refused: the fixed redelivery creates', async () => {
      await fresh();
      const refused = await store.create({ at: T0, channel: 7 as never }, { idempotencyKey: 'hook-1' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
      expect(await store.create({ at: T0, channel: 'email' }, { idempotencyKey: 'hook-1' })).toMatchObject({
        ok: true,
        duplicate: false,
      });
    });

    it('answers a key whose ticket was deleted by hand with invalidStoredTicket (500), never a second ticket', async () => {
      await fresh();
      const { id } = await store.create({ at: T0 }, { idempotencyKey: 'hook-1' });
      await rows('DELETE FROM S.events WHERE ticket_id = $1', [id]);
      await rows('DELETE FROM S.tickets WHERE id = $1', [id]);
      expect(await store.create({ at: T0 }, { idempotencyKey: 'hook-1' })).toMatchObject({
        ok: false,
        error: { code: 'invalidStoredTicket', status: 500 },
      });
      // A creation entry edited into something that is no ticket: the same, not a crash.
      const second = await store.create({ at: T0 }, { idempotencyKey: 'hook-2' });
      await rows(`UPDATE S.events SET result = '{"ticket": {"status": 7}}' WHERE ticket_id = $1`, [second.id]);
      expect(await store.create({ at: T0 }, { idempotencyKey: 'hook-2' })).toMatchObject({
        ok: false,
        error: { code: 'invalidStoredTicket', status: 500 },
      });
      expect(await tickets()).toBe(1);
    });
  });

  describe('concurrent creations with one key', () => {
    it('a creation paused between its checks and its INSERT while another commits the key: one ticket', async () => {
      await fresh();
      const paused = pausedDriver(driverOf(database()), CLAIM);
      const late = storeOn(paused.driver).create({ at: T0, channel: 'email' }, { idempotencyKey: 'hook-1' });
      await paused.reached; // checked, stamped, about to insert
      const early = await store.create({ at: T0, channel: 'email' }, { idempotencyKey: 'hook-1' });
      paused.go();
      expect(early).toMatchObject({ ok: true, duplicate: false });
      expect(await late).toEqual({ ...early, duplicate: true });
      expect(await tickets()).toBe(1);
    });

    it('eight concurrent deliveries of one key create one ticket, seven duplicates', async () => {
      await fresh();
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.create({ at: T0 + i, channel: 'email' }, { idempotencyKey: 'hook-1' }),
        ),
      );
      const first = results.find((r) => r.ok && !r.duplicate)!;
      expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
      for (const r of results) if (r !== first) expect(r).toEqual({ ...first, duplicate: true });
      expect(await tickets()).toBe(1);
      expect(await rows('SELECT count(*)::int AS n FROM S.events')).toEqual([{ n: 1 }]);
    });

    it.runIf(server)(
      "a creation whose INSERT waits on the first's uncommitted key answers the first's ticket once it commits",
      async () => {
        await fresh();
        const held = heldDriver(driverOf(database()), CLAIM);
        const first = storeOn(held.driver).create({ at: T0, channel: 'email' }, { idempotencyKey: 'hook-1' });
        await held.written; // the key and the ticket written, not committed
        const second = store.create({ at: T0 + HOUR, channel: 'chat' }, { idempotencyKey: 'hook-1' });
        await locksOf(database(), schema()).until('create_keys'); // the second's INSERT waits on the first's key
        held.commit();
        const created = await first;
        expect(created).toMatchObject({ ok: true, duplicate: false });
        expect(await second).toEqual({ ...created, duplicate: true });
        expect(await tickets()).toBe(1);
      },
    );

    it.runIf(server)('and creates its own ticket when the first rolls back: the key is free again', async () => {
      await fresh();
      const held = heldDriver(driverOf(database()), CLAIM);
      const first = storeOn(held.driver)
        .create({ at: T0 }, { idempotencyKey: 'hook-1' })
        .catch((e: unknown) => e);
      await held.written;
      const second = store.create({ at: T0 + HOUR, channel: 'chat' }, { idempotencyKey: 'hook-1' });
      await locksOf(database(), schema()).until('create_keys');
      held.rollBack();
      expect(await first).toBeInstanceOf(Error);
      const created = await second;
      expect(created).toMatchObject({ ok: true, duplicate: false, ticket: { channel: 'chat' } });
      expect(await store.create({ at: T0 }, { idempotencyKey: 'hook-1' })).toEqual({ ...created, duplicate: true });
      expect(await tickets()).toBe(1);
    });
  });
}
