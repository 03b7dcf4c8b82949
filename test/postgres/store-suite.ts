// The store's guarantees, one test each, run on PGlite (npm test) and on a real PostgreSQL (DATABASE_URL).
import { defineWorkflow, nextDeadline, transition, type Ticket } from 'ticket-lifecycle';
import { createPostgresStore, StoreFailure, type PostgresStore } from 'ticket-lifecycle/postgres';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/postgres/schema.js';
import { DAY, desk, freshStore, HOUR, sql, suiteDatabase, T0, type DeskStatus, type TestDatabase } from './fixtures.js';

export function storeSuite(open: () => Promise<TestDatabase>): void {
  const database = suiteDatabase(open);
  let store: PostgresStore<DeskStatus>;
  let schema: string;
  const fresh = async (followUps: 'effect' | 'create' = 'effect'): Promise<void> => {
    ({ store, schema } = await freshStore(database(), followUps));
  };
  const rows = (text: string, params: unknown[] = []) => sql(database(), text.replaceAll('S.', `"${schema}".`), params);
  const count = async (table: string, where = 'true', params: unknown[] = []): Promise<number> =>
    (await rows(`SELECT count(*)::int AS n FROM S.${table} WHERE ${where}`, params))[0]!.n as number;
  /** A ticket waiting on the customer since `at`: reminder due at +1 day, auto-close at +2 days. */
  const pendingTicket = async (at = T0): Promise<string> => {
    const { id } = await store.create({ at, channel: 'email' });
    const replied = await store.apply(id!, { type: 'reply', by: 'agent', at });
    expect(replied.ok && replied.ticket.status).toBe('pending');
    return id!;
  };
  /** next_deadline must be exactly what the engine says for the stored ticket, after every write. */
  const expectExactDeadlines = async (): Promise<void> => {
    for (const row of await rows('SELECT data, next_deadline::float8 AS d FROM S.tickets')) {
      expect(row.d).toBe(nextDeadline(desk, row.data as Ticket<DeskStatus>));
    }
  };

  describe('migrate', () => {
    it('creates the schema once and is idempotent', async () => {
      await fresh();
      expect(await store.migrate()).toEqual({ from: 5, to: 5, applied: [] });
      const other = createPostgresStore(database().db, { workflow: desk, schema: `${schema}_b` });
      const reports = await Promise.all([other.migrate(), other.migrate()]);
      expect(reports.map((r) => r.applied.length).sort()).toEqual([0, 5]);
    });

    it('moves a version-1 outbox to the latest version without losing a pending effect or its attempts', async () => {
      await fresh();
      // A database() left at version 1 (one outbox row per effect): the v1 statements, then v1 rows written by hand.
      const old = `${schema}_v1`;
      await rows(`CREATE SCHEMA "${old}"`);
      for (const statement of migrations(old)[0]!
        .split(';')
        .filter((part) => part.trim() !== ''))
        await rows(statement);
      await rows(
        `CREATE TABLE "${old}".migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      await rows(`INSERT INTO "${old}".migrations (version) VALUES (1)`);
      const effects = [
        { type: 'reminderDue', timer: 'auto-close', dueAt: T0, status: 'pending', index: 0 },
        { type: 'timerFired', timer: 'auto-close', dueAt: T0, from: 'pending', to: 'closed' },
      ];
      await rows(
        `INSERT INTO "${old}".events (ticket_id, seq, at, type, event, result) VALUES (7, 3, $1, 'tick', $2::text::jsonb, $3::text::jsonb)`,
        [T0, JSON.stringify({ type: 'tick', at: T0 }), JSON.stringify({ effects, changed: true })],
      );
      await rows(
        `INSERT INTO "${old}".effects (ticket_id, seq, idx, type, effect, attempts, done_at)
         VALUES (7, 3, 0, 'reminderDue', $1::text::jsonb, 1, now()), (7, 3, 1, 'timerFired', $2::text::jsonb, 1, NULL)`,
        [JSON.stringify(effects[0]), JSON.stringify(effects[1])],
      );
      const upgraded = createPostgresStore(database().db, { workflow: desk, schema: old });
      expect(await upgraded.migrate()).toEqual({ from: 1, to: 5, applied: [2, 3, 4, 5] });
      const view = await rows(`SELECT id, idx, type, done_at IS NOT NULL AS done FROM "${old}".effects ORDER BY idx`);
      expect(view).toEqual([
        { id: '7.3.0', idx: 0, type: 'reminderDue', done: true },
        { id: '7.3.1', idx: 1, type: 'timerFired', done: false },
      ]);
      const claimed = await upgraded.claimEffects();
      expect(claimed.map((e) => [e.id, e.effect, e.attempts])).toEqual([['7.3.1', effects[1], 2]]);
      expect(await upgraded.completeEffects(['7.3.1'])).toBe(1);
      await rows(`DROP SCHEMA "${old}" CASCADE`);
    });

    it('refuses a schema name that is not a plain identifier', () => {
      expect(() => createPostgresStore(database().db, { workflow: desk, schema: 'x"; DROP TABLE y; --' })).toThrow(
        TypeError,
      );
    });
  });

  describe('create and get', () => {
    it('stores the ticket createTicket makes, field order included', async () => {
      await fresh();
      const { id, ticket } = await store.create({ at: T0, channel: 'email' });
      expect(JSON.stringify(await store.get(id!))).toBe(JSON.stringify(ticket));
      expect((await store.load(id!))?.nextDeadline).toBe(nextDeadline(desk, ticket!));
    });

    it("stamps a ticket created without `at` with the database()'s clock", async () => {
      await fresh();
      const before = Date.now();
      const { ticket } = await store.create();
      expect(ticket!.createdAt).toBeGreaterThanOrEqual(before - 5_000);
      expect(ticket!.createdAt).toBeLessThanOrEqual(Date.now() + 5_000);
    });

    it('answers bad input with a value and writes nothing', async () => {
      await fresh();
      for (const input of [
        { at: -0.5 },
        { at: T0, by: 'robot' },
        { at: T0, channel: 7 },
        { workflow: 'sales' },
      ] as never[]) {
        const created = await store.create(input);
        expect(created.ok).toBe(false);
        expect(created.ok ? null : created.error.status).toBe(400);
      }
      expect(await count('tickets')).toBe(0);
    });

    it('answers null for ids that name no ticket', async () => {
      await fresh();
      for (const id of ['1', '999999', 'abc', '', '-1', '1; DROP TABLE x']) expect(await store.get(id)).toBeNull();
    });

    it('keeps several workflows apart by name', async () => {
      const named = createPostgresStore(database().db, { workflows: { a: desk, b: desk }, schema: `${schema}_multi` });
      await named.migrate();
      expect((await named.create({ at: T0 })).ok).toBe(false); // which desk? the store does not guess
      const { id } = await named.create({ at: T0, workflow: 'b' });
      expect((await named.load(id!))?.workflow).toBe('b');
    });
  });

  describe('apply: one order per ticket', () => {
    it('serialises concurrent events on one ticket: versions and log entries without gaps', async () => {
      await fresh();
      const { id } = await store.create({ at: T0 });
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.apply(id!, i % 2 === 0 ? { type: 'note', by: 'agent' } : { type: 'reply', by: 'customer' }),
        ),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      expect(results.map((r) => (r.ok ? r.seq : 0)).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
      // Each event is stamped with the database()'s clock, never before the ticket's `updatedAt`, so two of them can
      // share a millisecond; the second of two customer replies (or agent notes) in the same millisecond then
      // changes nothing and keeps the version. Every event that changed the ticket took the next version: none
      // lost, none taken twice.
      const changed = results.filter((r) => r.ok && r.changed).map((r) => (r.ok ? r.ticket.version : 0));
      expect(changed.sort((a, b) => a - b)).toEqual(Array.from({ length: changed.length }, (_, i) => i + 2));
      expect((await store.get(id!))!.version).toBe(1 + changed.length);
      expect((await store.verify(id!)).ok).toBe(true);
    });

    it("stamps a live event with the database()'s clock, never before updatedAt: a live reply is never stale", async () => {
      await fresh();
      const future = Date.now() + 10 * DAY; // a ticket last touched "later" than the database()'s clock (an import, a skewed host)
      const { id } = await store.create({ at: future });
      const reply = await store.apply(id!, { type: 'reply', by: 'customer' });
      expect(reply.ok).toBe(true);
      expect(reply.ok && reply.ticket.updatedAt).toBe(future);
      const now = await store.apply((await store.create()).id!, { type: 'note', by: 'agent' });
      expect(now.ok && Math.abs(now.ticket.updatedAt - Date.now())).toBeLessThan(60_000);
    });

    it('keeps the stale-event rule for an explicit past `at` (409)', async () => {
      await fresh();
      const { id } = await store.create({ at: T0 });
      const stale = await store.apply(id!, { type: 'reply', by: 'customer', at: T0 - 1 });
      expect(stale.ok ? null : [stale.error.code, stale.error.kind, stale.error.status]).toEqual([
        'staleEvent',
        'conflict',
        409,
      ]);
    });

    it('refuses with versionMismatch (409) when expectedVersion no longer holds', async () => {
      await fresh();
      const { id } = await store.create({ at: T0 });
      const r = await store.apply(id!, { type: 'note', by: 'agent', at: T0 }, { expectedVersion: 7 });
      expect(r.ok ? null : [r.error.code, r.error.status]).toEqual(['versionMismatch', 409]);
      expect((await store.apply(id!, { type: 'note', by: 'agent', at: T0 }, { expectedVersion: 1 })).ok).toBe(true);
    });
  });

  describe('apply: idempotency keys', () => {
    it('applies a key once and returns the first result', async () => {
      await fresh();
      const id = await pendingTicket();
      const first = await store.apply(id, { type: 'reply', by: 'customer' }, { idempotencyKey: 'mail-1' });
      const again = await store.apply(id, { type: 'reply', by: 'customer' }, { idempotencyKey: 'mail-1' });
      expect(first.ok && !first.duplicate).toBe(true);
      expect(again).toEqual({ ...first, duplicate: true });
      expect(await count('events', 'ticket_id = $1', [id])).toBe(3);
      expect(await count('effects', 'ticket_id = $1 AND seq = $2', [id, first.ok ? first.seq : -1])).toBe(
        first.ok ? first.effects.length : -1,
      );
    });

    it('applies a key once when both deliveries race', async () => {
      await fresh();
      const id = await pendingTicket();
      const both = await Promise.all(
        [1, 2, 3].map(() => store.apply(id, { type: 'reply', by: 'customer' }, { idempotencyKey: 'hook-9' })),
      );
      expect(both.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
      expect(both.filter((r) => r.ok && r.duplicate)).toHaveLength(2);
    });

    it('scopes keys to a ticket, and refuses a malformed key', async () => {
      await fresh();
      const [a, b] = [await pendingTicket(), await pendingTicket()];
      expect(await store.apply(a, { type: 'note', by: 'agent' }, { idempotencyKey: 'k' })).toMatchObject({
        ok: true,
        duplicate: false,
      });
      expect(await store.apply(b, { type: 'note', by: 'agent' }, { idempotencyKey: 'k' })).toMatchObject({
        ok: true,
        duplicate: false,
      });
      const bad = await store.apply(a, { type: 'note', by: 'agent' }, { idempotencyKey: '' });
      expect(bad.ok ? null : bad.error.code).toBe('invalidRequest');
    });
  });

  describe('outbox', () => {
    it('writes every effect with the event, leases it, redelivers after the lease, with a stable id', async () => {
      await fresh();
      const id = await pendingTicket();
      const reply = await store.apply(id, { type: 'reply', by: 'customer', at: T0 + HOUR });
      const effects = reply.ok ? reply.effects : [];
      expect(effects.length).toBeGreaterThan(0);
      const first = await store.claimEffects({ limit: 100, leaseMs: 200 });
      expect(
        first.filter((e) => e.ticketId === id && e.seq === (reply.ok ? reply.seq : -1)).map((e) => e.effect),
      ).toEqual(effects);
      expect(await store.claimEffects({ limit: 100, leaseMs: 200 })).toEqual([]); // leased: nobody else gets them
      await new Promise((resolve) => setTimeout(resolve, 250)); // the consumer "crashed": its lease runs out
      const again = await store.claimEffects({ limit: 100, leaseMs: 60_000 });
      expect(again.map((e) => e.id)).toEqual(first.map((e) => e.id));
      expect(again.every((e) => e.attempts === 2)).toBe(true);
      expect(await store.completeEffects(again.map((e) => e.id))).toBe(again.length);
      expect(await store.completeEffects(again.map((e) => e.id))).toBe(0); // twice is harmless
      expect(await store.claimEffects({ limit: 100, leaseMs: 1 })).toEqual([]);
    });

    it("leases an event's effects together, within limit, and completes them one by one", async () => {
      await fresh();
      const a = await pendingTicket();
      const b = await pendingTicket(T0 + HOUR);
      await rows('UPDATE S.outbox SET done_at = now()'); // the agents' replies that made the tickets pending: delivered
      // One tick each: reminder, auto-close and the timer's firing, three effects per event.
      expect(await store.sweep({ now: T0 + 3 * DAY })).toMatchObject({ claimed: 2, effects: 6 });
      // The outbox hands events out in the order they were written; which of the two ticks came first depends on the
      // end of the due range this sweep claimed from (each process starts at a random end).
      const tick = await rows(
        `SELECT e.ticket_id::text AS id, e.result -> 'effects' AS effects FROM S.events AS e
         JOIN S.outbox AS o ON o.ticket_id = e.ticket_id AND o.seq = e.seq WHERE e.type = 'tick' ORDER BY o.pos`,
      );
      expect(tick.map((r) => r.id).sort()).toEqual([a, b].sort());
      const [ea, eb] = tick.map((r) => r.effects as unknown[]);
      const [ia, ib] = tick.map((r) => r.id as string);
      const perEvent = ea!.length;
      expect(perEvent).toBe(3);
      // limit 1: the first event comes whole (its effects are never split across consumers' leases).
      const first = await store.claimEffects({ limit: 1, leaseMs: 200 });
      expect(first.map((e) => [e.ticketId, e.index, e.effect])).toEqual(ea!.map((effect, i) => [ia, i, effect]));
      expect(new Set(first.map((e) => e.id)).size).toBe(perEvent);
      const second = await store.claimEffects({ limit: 100, leaseMs: 200 });
      expect(second.map((e) => [e.ticketId, e.effect])).toEqual(eb!.map((effect) => [ib, effect]));
      // The consumer of the first event completes one effect and crashes: only the others come back.
      expect(await store.completeEffects([first[0]!.id, first[0]!.id, 'junk', '1.2'])).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 250));
      const again = await store.claimEffects({ limit: 100, leaseMs: 60_000 });
      expect(again.filter((e) => e.ticketId === ia).map((e) => e.id)).toEqual(first.slice(1).map((e) => e.id));
      expect(await store.completeEffects(again.map((e) => e.id))).toBe(again.length);
      expect(await count('effects', 'done_at IS NULL')).toBe(0);
      expect(await store.claimEffects({ limit: 100, leaseMs: 1 })).toEqual([]);
    });

    it('writes nothing for a refused event: no log entry, no effect', async () => {
      await fresh();
      const id = await pendingTicket();
      const [events, effects] = [await count('events'), await count('effects')];
      // Before the auto-close (a resolve at the database()'s now would find the ticket closed, where no resolve rule applies).
      const refused = await store.apply(id, { type: 'resolve', by: 'agent', at: T0 + 1 }); // nobody assigned
      expect(refused.ok ? null : [refused.error.code, refused.error.kind, refused.error.status]).toEqual([
        'assigneeRequired',
        'notAllowed',
        422,
      ]);
      expect([await count('events'), await count('effects')]).toEqual([events, effects]);
    });

    it('opens the follow-up ticket in the same transaction when asked', async () => {
      await fresh('create');
      const id = await pendingTicket();
      await store.apply(id, { type: 'setStatus', by: 'agent', at: T0 + HOUR, to: 'closed' });
      const late = await store.apply(id, { type: 'reply', by: 'customer', at: T0 + 2 * HOUR });
      expect(late.ok && late.effects.map((e) => e.type)).toContain('followUpRequested');
      const followUp = late.ok ? late.followUp : null;
      expect(followUp).not.toBeNull();
      expect(await store.load(followUp!.id)).toMatchObject({
        followUpOf: id,
        ticket: { awaiting: 'team', createdAt: T0 + 2 * HOUR },
      });
      const outbox = await store.claimEffects({ limit: 100 });
      expect(outbox.find((e) => e.effect.type === 'followUpRequested')?.relatedTicketId).toBe(followUp!.id);
      expect((await store.verify(followUp!.id)).ok).toBe(true);
    });

    it('only records followUpRequested by default', async () => {
      await fresh();
      const id = await pendingTicket();
      await store.apply(id, { type: 'setStatus', by: 'agent', at: T0 + HOUR, to: 'closed' });
      const late = await store.apply(id, { type: 'reply', by: 'customer', at: T0 + 2 * HOUR });
      expect(late.ok && late.followUp).toBeNull();
      expect(await count('tickets')).toBe(1);
    });
  });

  describe('sweep', () => {
    it('claims what is due, applies reminders and auto-closes on time, and keeps next_deadline exact', async () => {
      await fresh();
      const ids = [await pendingTicket(T0), await pendingTicket(T0 + HOUR), await pendingTicket(T0 + 5 * DAY)];
      await expectExactDeadlines();
      const before = (await store.get(ids[1]!))!;
      const first = await store.sweep({ now: T0 + DAY + HOUR });
      expect(first).toMatchObject({ claimed: 2, changed: 2 });
      // The sweep writes only the fields a tick changed: what is stored is still exactly what transition makes.
      const ticked = transition(desk, before, { type: 'tick', at: T0 + DAY + HOUR });
      expect(JSON.stringify(await store.get(ids[1]!))).toBe(JSON.stringify(ticked.ok && ticked.ticket));
      const second = await store.sweep({ now: T0 + 3 * DAY });
      expect(second).toMatchObject({ claimed: 2, changed: 2 });
      const closed = await store.get(ids[0]!);
      expect([closed!.status, closed!.closedAt]).toEqual(['closed', T0 + 2 * DAY]); // stamped with its due time
      expect((await store.get(ids[2]!))!.status).toBe('pending');
      await expectExactDeadlines();
      const types = (await store.claimEffects({ limit: 100 })).map((e) => e.effect.type);
      expect(types.filter((t) => t === 'reminderDue')).toHaveLength(2);
      expect(types.filter((t) => t === 'timerFired')).toHaveLength(2);
      expect((await store.sweep({ now: T0 + 3 * DAY })).claimed).toBe(0);
    });

    it('shares the work between concurrent sweepers without doubling it', async () => {
      await fresh();
      for (let i = 0; i < 30; i++) await pendingTicket(T0 + i * 60_000);
      const reports = await Promise.all([1, 2, 3].map(() => store.sweep({ now: T0 + 10 * DAY, batchSize: 4 })));
      expect(reports.reduce((sum, r) => sum + r.claimed, 0)).toBe(30);
      expect(await count('events', "type = 'tick'")).toBe(30);
      expect(await count('tickets', "status = 'closed'")).toBe(30);
      await expectExactDeadlines();
    });

    it('logs a tick without its event document, and reads it back as the tick it was', async () => {
      await fresh();
      const id = await pendingTicket(T0);
      expect(await store.sweep({ now: T0 + 3 * DAY })).toMatchObject({ claimed: 1, changed: 1 });
      // Schema version 4: the tick is { type, at }, both columns of the entry, so the document is not stored.
      expect(
        await rows(`SELECT type, at::float8 AS at, event FROM S.events WHERE ticket_id = $1 AND seq = 2`, [id]),
      ).toEqual([{ type: 'tick', at: T0 + 3 * DAY, event: null }]);
      const log = await store.log(id);
      expect(log.map((e) => e.event.type)).toEqual(['create', 'reply', 'tick']);
      expect(log[2]!.event).toEqual({ type: 'tick', at: T0 + 3 * DAY });
      expect(await store.verify(id)).toEqual({ ok: true, ticket: await store.get(id) });
    });

    it('writes a batch whose documents span several parameter slices, every ticket and effect intact', async () => {
      await fresh();
      // The batch write sends each document column in slices of 128 documents (sweep-write.ts): 2 full slices and a
      // last one of 1, with quotes, backslashes and non-ASCII text in the stored tickets. The rows are written
      // directly (one statement, not 514 store calls): a pending ticket per row, each with its own channel.
      const template = await store.get(await pendingTicket(T0));
      await rows('DELETE FROM S.tickets');
      await rows(
        `INSERT INTO S.tickets (workflow, status, version, updated_at, next_deadline, last_seq, data)
         SELECT 'default', $1, $2, $3, $4, 1,
                jsonb_set($5::jsonb, '{channel}', to_jsonb('mail "' || g || '" \\ é ' || chr(128512)))
         FROM generate_series(1, 257) AS g`,
        [template!.status, template!.version, template!.updatedAt, nextDeadline(desk, template!), template],
      );
      const before = new Map<string, Ticket<DeskStatus>>();
      for (const row of await rows('SELECT id::text AS id, data FROM S.tickets'))
        before.set(row.id as string, row.data as Ticket<DeskStatus>);
      expect(new Set([...before.values()].map((t) => t.channel)).size).toBe(257);
      expect(await store.sweep({ now: T0 + 10 * DAY, batchSize: 1_000 })).toMatchObject({
        claimed: 257,
        changed: 257,
        batches: 1,
      });
      const delivered = await store.claimEffects({ limit: 10_000 });
      for (const [id, ticket] of before) {
        const ticked = transition(desk, ticket, { type: 'tick', at: T0 + 10 * DAY });
        if (!ticked.ok) throw new Error('the engine refused the tick');
        expect(JSON.stringify(await store.get(id))).toBe(JSON.stringify(ticked.ticket));
        expect(delivered.filter((e) => e.ticketId === id).map((e) => e.effect)).toEqual(ticked.effects);
      }
      await expectExactDeadlines();
    });

    it('respects limit and batchSize', async () => {
      await fresh();
      for (let i = 0; i < 7; i++) await pendingTicket(T0);
      expect(await store.sweep({ now: T0 + 10 * DAY, limit: 5, batchSize: 2 })).toMatchObject({
        claimed: 5,
        batches: 3,
      });
      expect(await store.sweep({ now: T0 + 10 * DAY })).toMatchObject({ claimed: 2 });
    });
  });

  describe('event log', () => {
    it('replays every ticket to exactly the stored ticket', async () => {
      await fresh('create');
      const id = await pendingTicket();
      await store.apply(id, { type: 'assign', by: 'agent', assignee: 'ana' });
      await store.apply(id, { type: 'reply', by: 'customer' });
      await store.apply(id, { type: 'reply', by: 'agent' });
      await store.sweep({ now: Date.now() + 3 * DAY });
      await store.apply(id, { type: 'reply', by: 'customer' });
      for (const row of await rows('SELECT id::text AS id FROM S.tickets')) {
        const verified = await store.verify(row.id as string);
        expect(verified).toEqual({ ok: true, ticket: await store.get(row.id as string) });
      }
      const log = await store.log(id);
      let replayed = await store.replay(id);
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i));
      expect(replayed.ok && replayed.ticket).toEqual(await store.get(id));
      // The replay really runs the log: the same events through transition give the same ticket.
      let ticket: Ticket<DeskStatus> | null = null;
      for (const entry of log.slice(1)) {
        ticket ??= (await store.log(id))[0]!.ticket as Ticket<DeskStatus>;
        const r: ReturnType<typeof transition<DeskStatus, string>> = transition(desk, ticket, entry.event as never);
        if (r.ok) ticket = r.ticket;
      }
      expect(ticket).toEqual(await store.get(id));
      replayed = await store.verify('424242');
      expect(replayed.ok).toBe(false);
    });

    it('catches a stored ticket that differs from its log', async () => {
      await fresh();
      const id = await pendingTicket();
      await rows(`UPDATE S.tickets SET data = jsonb_set(data, '{reopenCount}', '5') WHERE id = $1`, [id]);
      const verified = await store.verify(id);
      expect(verified.ok ? null : verified.message).toMatch(/differs from the stored ticket/);
    });
  });

  describe('bad input and bad rows', () => {
    it('answers unknown ids and junk events with classified codes and writes nothing', async () => {
      await fresh();
      const id = await pendingTicket();
      const before = [await count('events'), await count('effects')];
      const cases: [string, unknown, string, number][] = [
        ['999999', { type: 'note', by: 'agent' }, 'unknownTicket', 404],
        ['abc', { type: 'note', by: 'agent' }, 'unknownTicket', 404],
        [id, null, 'invalidEvent', 400],
        [id, 42, 'invalidEvent', 400],
        [id, ['reply'], 'invalidEvent', 400],
        [id, { type: 'explode', by: 'agent' }, 'unknownEventType', 400],
        [id, { type: 'reply', by: 'robot' }, 'unknownActor', 400],
        [id, { type: 'reply', by: 'agent', at: 'yesterday' }, 'invalidTime', 400],
        [id, { type: 'setStatus', by: 'agent', to: 'nowhere' }, 'unknownStatus', 400],
        [id, { type: 'resolve', by: 'agent', at: T0 + 1 }, 'assigneeRequired', 422],
      ];
      for (const [target, event, code, status] of cases) {
        const r = await store.apply(target, event as never);
        expect(r.ok ? null : [r.error.code, r.error.status]).toEqual([code, status]);
      }
      expect([await count('events'), await count('effects')]).toEqual(before);
    });

    it('validates stored tickets through the engine: get throws StoreFailure, apply answers 500, sweep parks the row', async () => {
      await fresh();
      const id = await pendingTicket();
      await rows(`UPDATE S.tickets SET data = jsonb_set(data, '{status}', '"gone"') WHERE id = $1`, [id]);
      await expect(store.get(id)).rejects.toBeInstanceOf(StoreFailure);
      const r = await store.apply(id, { type: 'note', by: 'agent' });
      expect(r.ok ? null : [r.error.code, r.error.status]).toEqual(['invalidStoredTicket', 500]);
      const swept = await store.sweep({ now: T0 + 10 * DAY });
      expect(swept.failed.map((f) => [f.id, f.error.code])).toEqual([[id, 'invalidStoredTicket']]);
      expect((await store.sweep({ now: T0 + 10 * DAY })).claimed).toBe(0); // parked, not claimed forever
    });

    it('leaves a due ticket whose status or workflow its policy lacks to the sweepers that know it (a rolling deploy)', async () => {
      // Round 14, separate processes: during a policy change (status `pending` renamed `awaiting`, a desk `billing`
      // added), a sweeper still on the old policy claimed the new processes' due tickets, failed to tick them and
      // parked them (next_deadline NULL). The new sweepers then never saw them: valid tickets, their timers dead.
      await fresh();
      const renamed = defineWorkflow({
        statuses: [
          { id: 'new', category: 'new' },
          { id: 'open', category: 'open' },
          { id: 'awaiting', category: 'pending' },
          { id: 'closed', category: 'closed' },
        ],
        replies: [{ by: 'agent', fromCategory: ['new', 'open'], to: 'awaiting' }],
        close: { by: ['agent', 'system'] },
        timers: [{ id: 'auto-close', in: 'awaiting', after: 'P2D', action: 'move', to: 'closed' }],
      });
      const newer = createPostgresStore(database().db, { workflows: { default: renamed, billing: renamed }, schema });
      const ids: string[] = [];
      for (const workflow of ['default', 'billing']) {
        const { id } = await newer.create({ at: T0, workflow });
        expect((await newer.apply(id!, { type: 'reply', by: 'agent', at: T0 })).ok).toBe(true);
        ids.push(id!);
      }
      const own = await pendingTicket();
      const old = await store.sweep({ now: T0 + 10 * DAY });
      expect([old.claimed, old.failed]).toEqual([1, []]); // its own ticket only
      expect((await store.get(own))!.status).toBe('closed');
      const swept = await newer.sweep({ now: T0 + 10 * DAY });
      expect([swept.claimed, swept.failed]).toEqual([2, []]);
      for (const id of ids) expect((await newer.get(id))!.status).toBe('closed');
    });
  });
}
