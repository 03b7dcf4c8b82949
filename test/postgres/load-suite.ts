// The store under load and races, found or pinned by the round-11 audit: concurrent deliveries of one idempotency key,
// a reply while a sweeper holds the ticket, follow-ups from concurrent replies, leases that run out before the
// consumer completes, and (PostgreSQL only: PGlite has no other backend to kill) a connection terminated inside a
// transaction. Each interleaving is forced (a gate inside the sweeper's transaction, a 1 ms lease), not hoped for.
import pg from 'pg';
import { createPostgresStore, type PostgresStore } from 'ticket-lifecycle/postgres';
import { describe, expect, it } from 'vitest';
import {
  DATABASE_URL,
  DAY,
  desk,
  freshStore,
  HOUR,
  sql,
  suiteDatabase,
  T0,
  type DeskStatus,
  type TestDatabase,
} from './fixtures.js';
import { killingPool } from './killing-pool.js';
import { driverOf, locksOf, pausedDriver, sleep } from './race-tools.js';

export function loadSuite(open: () => Promise<TestDatabase>, { server }: { server: boolean }): void {
  const database = suiteDatabase(open);
  let store: PostgresStore<DeskStatus>;
  let schema: string;
  const fresh = async (followUps: 'effect' | 'create' = 'effect'): Promise<void> => {
    ({ store, schema } = await freshStore(database(), followUps));
  };
  const rows = (text: string, params: unknown[] = []) => sql(database(), text.replaceAll('S.', `"${schema}".`), params);
  const locks = () => locksOf(database(), schema);
  const count = async (table: string, where = 'true', params: unknown[] = []): Promise<number> =>
    (await rows(`SELECT count(*)::int AS n FROM S.${table} WHERE ${where}`, params))[0]!.n as number;
  /** Waiting on the customer since `at` (reminder at +1 day, auto-close at +2 days); its agent reply delivered. */
  const pendingTicket = async (at = T0): Promise<string> => {
    const { id } = await store.create({ at, channel: 'email' });
    await store.apply(id!, { type: 'reply', by: 'agent', at });
    await rows('UPDATE S.outbox SET done_at = now() WHERE ticket_id = $1', [id]);
    return id!;
  };

  describe('idempotency keys under concurrent deliveries', () => {
    it('applies eight concurrent deliveries of one key once: one log entry, one outbox row, seven duplicates', async () => {
      await fresh();
      const id = await pendingTicket();
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          store.apply(id, { type: 'reply', by: 'customer', at: T0 + HOUR }, { idempotencyKey: 'hook-1' }),
        ),
      );
      const first = results.find((r) => r.ok && !r.duplicate)!;
      expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
      for (const r of results) if (r !== first) expect(r).toEqual({ ...first, duplicate: true });
      expect(await count('events', 'ticket_id = $1 AND idempotency_key IS NOT NULL', [id])).toBe(1);
      expect(await count('outbox', 'ticket_id = $1 AND done_at IS NULL', [id])).toBe(1);
    });

    it('answers a key reused with a different event with the first result, and writes nothing (by design)', async () => {
      await fresh();
      const id = await pendingTicket();
      const first = await store.apply(id, { type: 'reply', by: 'customer', at: T0 + HOUR }, { idempotencyKey: 'k' });
      const other = await store.apply(id, { type: 'note', by: 'agent', at: T0 + 2 * HOUR }, { idempotencyKey: 'k' });
      expect(other).toEqual({ ...first, duplicate: true });
      expect((await store.log(id)).map((e) => e.event.type)).toEqual(['create', 'reply', 'reply']);
    });
  });

  describe('a reply while a sweeper holds the ticket', () => {
    it('waits for the batch, then applies after the tick: not refused, not lost, ordered as the timers say', async () => {
      await fresh();
      // A sweeper whose batch is held open between its claim and its write, until the reply is on its way.
      const held = pausedDriver(driverOf(database()), /^WITH input AS/);
      const sweeper = createPostgresStore(held.driver, { workflow: desk, schema });
      const now = Date.now();
      const id = await pendingTicket(now - 3 * DAY); // auto-close due a day ago
      const sweeping = sweeper.sweep({ batchSize: 10 });
      await held.reached;
      const reply = store.apply(id, { type: 'reply', by: 'customer' }, { idempotencyKey: 'mail-7' }); // a live reply
      // On PostgreSQL the reply really waits on the sweeper's row lock (PGlite runs one transaction at a time).
      if (server) await locks().until('tickets');
      else await sleep(50);
      const waiting = server ? await locks().waits('tickets') : 1;
      held.go();
      expect(waiting).toBe(1);
      const [swept, replied] = await Promise.all([sweeping, reply]);
      expect(swept).toMatchObject({ claimed: 1, changed: 1, failed: [] });
      // The ticket was closed on time by the tick (stamped with its due time); the reply, after it, asks for a follow-up.
      expect(replied.ok && [replied.seq, replied.ticket.status, replied.effects.map((e) => e.type)]).toEqual([
        3,
        'closed',
        ['followUpRequested'],
      ]);
      const log = await store.log(id);
      expect(log.map((e) => e.event.type)).toEqual(['create', 'reply', 'tick', 'reply']);
      expect(log[3]!.event.at).toBeGreaterThanOrEqual(log[2]!.event.at);
      expect((await store.get(id))!.closedAt).toBe(now - 3 * DAY + 2 * DAY);
      expect((await store.verify(id)).ok).toBe(true);
    });
  });

  describe('verify while the ticket is being written', () => {
    it('reads the ticket and its log as of one moment: an event committed in between is no false mismatch', async () => {
      await fresh();
      const id = await pendingTicket();
      // A verifier whose log read is held until a writer has committed the next event (ticket read before it).
      const paused = pausedDriver(driverOf(database()), /FROM "[a-z0-9_]+"\.events/);
      const verifier = createPostgresStore(paused.driver, { workflow: desk, schema });
      const verifying = verifier.verify(id);
      await paused.reached;
      const reply = await store.apply(id, { type: 'reply', by: 'customer', at: T0 + HOUR }); // the verifier holds no lock
      paused.go();
      const verified = await verifying;
      expect(reply.ok).toBe(true);
      expect(verified.ok).toBe(true);
      expect((await store.verify(id)).ok).toBe(true);
    });
  });

  describe('follow-ups from concurrent replies to a closed ticket', () => {
    it('opens one follow-up per applied reply: redeliveries of one key open one, distinct replies one each', async () => {
      await fresh('create');
      const id = await pendingTicket();
      await store.apply(id, { type: 'setStatus', by: 'agent', to: 'closed', at: T0 + HOUR });
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.apply(id, { type: 'reply', by: 'customer', at: T0 + 2 * HOUR }, { idempotencyKey: `mail-${i % 3}` }),
        ),
      );
      const opened = results.filter((r) => r.ok && !r.duplicate).map((r) => (r.ok ? r.followUp?.id : null));
      expect(opened).toHaveLength(3);
      expect(new Set(results.map((r) => (r.ok ? r.followUp?.id : null)))).toEqual(new Set(opened));
      expect(await count('tickets', 'follow_up_of = $1', [id])).toBe(3);
      for (const followUp of opened) expect((await store.verify(followUp!)).ok).toBe(true);
    });
  });

  describe('outbox leases that run out', () => {
    it('counts a completion that comes after the lease ran out; the consumer who took over completes nothing', async () => {
      await fresh();
      await pendingTicket();
      const id = await pendingTicket();
      await store.apply(id, { type: 'reply', by: 'customer', at: T0 + HOUR });
      const slow = await store.claimEffects({ limit: 100, leaseMs: 1 });
      expect(slow.map((e) => e.attempts)).toEqual([1]);
      await sleep(20); // the slow consumer's lease has run out
      const next = await store.claimEffects({ limit: 100, leaseMs: 60_000 });
      expect(next.map((e) => [e.id, e.attempts])).toEqual(slow.map((e) => [e.id, 2]));
      expect(await store.claimEffects({ limit: 100, leaseMs: 60_000 })).toEqual([]); // a live lease is nobody else's
      // The slow consumer delivered them and says so: that counts (completion is by id, not by lease).
      expect(await store.completeEffects(slow.map((e) => e.id))).toBe(slow.length);
      expect(await store.completeEffects(next.map((e) => e.id))).toBe(0);
      await sleep(20);
      expect(await store.claimEffects({ limit: 100, leaseMs: 1 })).toEqual([]);
    });
  });

  describe.runIf(server)('overlapping completions (PostgreSQL)', () => {
    it('completions of overlapping sets lock in one order: a small and a large completion never deadlock', async () => {
      // A consumer whose lease ran out completes its two effects while the consumer that took them over completes
      // its whole batch. With a large outbox PostgreSQL locks the small set by key (index probes) and the large one
      // in table order (a scan): x before y for one, y before x for the other. A third session holds z, which the
      // large completion reaches between x and y, so each is inside the other's set when z is let go.
      await fresh();
      const id = (n: number) => String(900_000 + n);
      await rows('INSERT INTO S.outbox (ticket_id, seq, n) SELECT g, 1, 1 FROM generate_series(1, 20000) AS g');
      for (const n of [2, 3, 1]) await rows('INSERT INTO S.outbox (ticket_id, seq, n) VALUES ($1, 1, 1)', [id(n)]); // x z y
      await rows('ANALYZE S.outbox');
      const [x, z, y] = [`${id(2)}.1.0`, `${id(3)}.1.0`, `${id(1)}.1.0`];
      const holder = await locks().hold('outbox', 'ticket_id = $1 AND seq = 1', [id(3)]);
      const large = store.completeEffects([...Array.from({ length: 500 }, (_, i) => `${i + 1}.1.0`), x, z, y]);
      const settledLarge = large.then(
        (n) => n,
        (e: unknown) => e,
      );
      await locks().until('outbox', 1);
      const small = store.completeEffects([x, y]).then(
        (n) => n,
        (e: unknown) => e,
      );
      await locks().until('outbox', 2);
      await holder.release();
      const [a, b] = await Promise.all([settledLarge, small]);
      expect([a, b]).toEqual([503, 0]); // no 40P01 deadlock_detected for either consumer
    });
  });

  describe.runIf(server)('a connection terminated inside a transaction', () => {
    it.each([
      ['between two statements (idle in transaction)', 'idle'],
      ['while its statement waits on a row lock', 'waiting'],
    ] as const)(
      '%s: apply rejects with the connection error, writes nothing, the process and the pool go on',
      async (_, when) => {
        await fresh();
        const id = await pendingTicket();
        const pool = killingPool(database().db as never);
        const killed = createPostgresStore(pool, { workflow: desk, schema });
        const before = await store.log(id);
        if (when === 'idle') {
          pool.killBefore(/^WITH t AS \(\s*UPDATE/); // after the locking SELECT, before the write
          const thrown = await killed.apply(id, { type: 'reply', by: 'customer' }).catch((e: unknown) => e);
          expect((thrown as { code?: string }).code).toBe('57P01'); // admin_shutdown: the cause, not "not queryable"
        } else {
          const holder = await locks().hold('tickets', 'id = $1', [id]);
          try {
            const applying = killed.apply(id, { type: 'reply', by: 'customer' }).catch((e: unknown) => e);
            await locks().until('tickets');
            await pool.killNow();
            expect(((await applying) as { code?: string }).code).toBe('57P01');
          } finally {
            await holder.release();
          }
        }
        await pool.settled();
        expect(pool.unhandledErrors).toEqual([]); // an 'error' event with no listener crashes the host process
        expect(await store.log(id)).toEqual(before);
        const again = await killed.apply(id, { type: 'reply', by: 'customer' });
        expect(again.ok && again.seq).toBe(before.length);
        expect((await killed.verify(id)).ok).toBe(true);
      },
    );

    it('a sweeper stalled mid-batch loses it to idle_in_transaction_session_timeout, as docs/postgres.md advises', async () => {
      await fresh();
      await pendingTicket();
      const id = await pendingTicket();
      const timed = new pg.Pool({
        connectionString: DATABASE_URL,
        max: 2,
        options: '-c idle_in_transaction_session_timeout=1500', // long enough for the reply to be seen waiting
      });
      timed.on('error', () => undefined);
      const pool = killingPool(timed);
      const stalled = createPostgresStore(pool, { workflow: desk, schema });
      try {
        pool.stallBefore(/^WITH input AS/, 30_000); // rows claimed; the process freezes
        const sweeping = stalled.sweep({ now: T0 + 3 * DAY }).catch((e: unknown) => e);
        const holding = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'idle in transaction' AND query LIKE $1`;
        for (let i = 0; i < 200 && (await rows(holding, [`%"${schema}".tickets%`]))[0]!.n === 0; i++) await sleep(10);
        // A reply to a ticket of the stalled batch waits only until the server ends the stalled transaction.
        const replying = store.apply(id, { type: 'reply', by: 'customer', at: T0 + 3 * DAY });
        await locks().until('tickets');
        const waited = await locks().waits('tickets');
        const reply = await replying;
        expect(waited).toBe(1);
        expect(reply.ok && reply.effects.map((e) => e.type)).toEqual([
          'reminderDue',
          'statusChanged',
          'timerFired',
          'followUpRequested',
        ]);
        expect(((await sweeping) as { code?: string }).code).toBe('25P03'); // idle_in_transaction_session_timeout
        await pool.settled();
        expect(pool.unhandledErrors).toEqual([]);
        expect(await store.sweep({ now: T0 + 3 * DAY })).toMatchObject({ claimed: 1, changed: 1 });
        expect(await count('events', "type = 'tick'")).toBe(1);
      } finally {
        await timed.end();
      }
    });

    it('a sweep killed mid-batch through a pool rejects, and the next sweep takes the batch', async () => {
      await fresh();
      const ids = [await pendingTicket(), await pendingTicket()];
      const pool = killingPool(database().db as never);
      const killed = createPostgresStore(pool, { workflow: desk, schema });
      pool.killBefore(/^WITH input AS/);
      const thrown = await killed.sweep({ now: T0 + 3 * DAY }).catch((e: unknown) => e);
      expect((thrown as { code?: string }).code).toBe('57P01');
      await pool.settled();
      expect(pool.unhandledErrors).toEqual([]);
      expect(await count('events', "type = 'tick'")).toBe(0);
      expect(await killed.sweep({ now: T0 + 3 * DAY })).toMatchObject({ claimed: 2, changed: 2 });
      for (const id of ids) expect((await store.get(id))!.status).toBe('closed');
    });
  });
}
