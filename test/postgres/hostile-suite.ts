// Hostile input to the store, found by the round-10 audit: each case crashed (a raw TypeError or database error),
// blamed the caller for a corrupt row, or silently misused an option, before the fix. Run on PGlite and PostgreSQL.
import { StoreFailure, type PostgresStore } from 'ticket-lifecycle/postgres';
import { expect, it } from 'vitest';
import { DAY, suiteStore, T0, type DeskStatus, type TestDatabase } from './fixtures.js';

export function hostileSuite(open: () => Promise<TestDatabase>): void {
  let store: PostgresStore<DeskStatus>;
  const { fresh, rows, count } = suiteStore(open, (made) => {
    store = made;
  });
  const logged = () => count('events');
  const pendingTicket = async (): Promise<string> => {
    const { id } = await store.create({ at: T0, channel: 'email' });
    await store.apply(id!, { type: 'reply', by: 'agent', at: T0 });
    return id!;
  };
  const codeOf = (r: { ok: boolean; error?: { code: string; status: number; path?: string } }) =>
    r.ok ? null : [r.error!.code, r.error!.status, r.error!.path];

  it('answers a row edited by hand to junk JSON with invalidStoredTicket (500) and parks it in a sweep', async () => {
    await fresh();
    for (const junk of ['null', '42', '"junk"', '[]', '{}', '{"status":"pending"}']) {
      const id = await pendingTicket();
      await rows('UPDATE S.tickets SET data = $1::jsonb WHERE id = $2', [junk, id]);
      await expect(store.get(id), junk).rejects.toBeInstanceOf(StoreFailure);
      for (const options of [{}, { idempotencyKey: 'k' }, { expectedVersion: 2 }]) {
        const r = await store.apply(id, { type: 'note', by: 'agent' }, options);
        expect(codeOf(r), `${junk} ${JSON.stringify(options)}`).toEqual(['invalidStoredTicket', 500, undefined]);
      }
    }
    // One sweep reports every junk row instead of throwing on the first (which blocked every later sweep).
    const swept = await store.sweep({ now: T0 + 10 * DAY });
    expect(swept.failed.map((f) => f.error.code)).toEqual(Array(6).fill('invalidStoredTicket'));
    expect((await store.sweep({ now: T0 + 10 * DAY })).claimed).toBe(0);
  });

  it('refuses an event the log cannot hold (a cycle, a BigInt, deep nesting, NUL, an unpaired surrogate) and writes nothing', async () => {
    await fresh();
    const id = await pendingTicket();
    const before = await logged();
    const cyclic: Record<string, unknown> = { type: 'note', by: 'agent' };
    cyclic.self = cyclic;
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const cases: [unknown, string][] = [
      [cyclic, 'event.self'],
      [{ type: 'note', by: 'agent', extra: 10n }, 'event.extra'],
      [{ type: 'note', by: 'agent', extra: deep }, 'event.extra'],
      [{ type: 'note', by: 'agent', extra: 'a\u0000b' }, 'event.extra'],
      [{ type: 'assign', by: 'agent', assignee: 'ann\u0000' }, 'event.assignee'],
      [{ type: 'assign', by: 'agent', assignee: 'ann\ud800' }, 'event.assignee'],
      [{ type: 'reply', by: 'agent', actorId: 'x\udc00' }, 'event.actorId'],
      [{ type: 'update', by: 'agent', tags: { add: ['vip\u0000'] } }, 'event.tags'],
    ];
    for (const [event, path] of cases) {
      expect(codeOf(await store.apply(id, event as never)), path).toEqual(['invalidEvent', 400, path]);
    }
    expect(await logged()).toBe(before);
    // An escaped backslash before "u0000" is ordinary text, and a surrogate pair is a character: both stored.
    const fine = await store.apply(id, { type: 'assign', by: 'agent', assignee: 'a\\u0000 😀' });
    expect(fine.ok && fine.ticket.assignee).toBe('a\\u0000 😀');
    expect(await store.get(id)).toEqual(fine.ok ? fine.ticket : null);
  });

  it('refuses create input and idempotency keys PostgreSQL cannot store, and versions that are none, with a path', async () => {
    await fresh();
    for (const [input, path] of [
      [{ channel: 'mail\u0000' }, 'input.channel'],
      [{ assignee: 'ann\ud800' }, 'input.assignee'],
    ] as const) {
      const r = await store.create(input);
      expect(r.ok ? null : [r.error.code, r.error.path]).toEqual(['invalidRequest', path]);
    }
    const id = await pendingTicket();
    for (const key of ['k\u0000', 'k\ud800']) {
      const r = await store.apply(id, { type: 'note', by: 'agent' }, { idempotencyKey: key });
      expect(codeOf(r)).toEqual(['invalidRequest', 400, 'options.idempotencyKey']);
    }
    // An expectedVersion that is no version (an `If-Match: abc` read as NaN) was a 409 "not NaN": retrying never helps.
    for (const expectedVersion of [Number.NaN, 1.5, 0, -2, Number.POSITIVE_INFINITY]) {
      const r = await store.apply(id, { type: 'note', by: 'agent' }, { expectedVersion });
      expect(codeOf(r)).toEqual(['invalidRequest', 400, 'options.expectedVersion']);
    }
  });

  it('refuses sweep options it cannot use before claiming anything, and rounds fractional counts', async () => {
    await fresh();
    await pendingTicket();
    for (const [options, path] of [
      [{ now: Number.NaN }, 'options.now'],
      [{ now: T0 + 0.5 }, 'options.now'],
      [{ now: Number.POSITIVE_INFINITY }, 'options.now'],
      [{ now: 9e15 }, 'options.now'], // beyond the Date range: every tick would fail and every due row be parked
      [{ batchSize: Number.NaN }, 'options.batchSize'],
      [{ limit: Number.NaN }, 'options.limit'],
    ] as const) {
      const thrown = await store.sweep(options).catch((e: unknown) => e);
      expect(thrown instanceof StoreFailure ? [thrown.error.code, thrown.error.path] : thrown).toEqual([
        'invalidRequest',
        path,
      ]);
    }
    const swept = await store.sweep({ now: T0 + 10 * DAY, limit: 1.5, batchSize: 2.5 });
    expect([swept.claimed, swept.failed]).toEqual([1, []]);
  });

  it('refuses completeEffects ids that are not a list with a path, and ignores entries that are no effect id', async () => {
    await fresh();
    await pendingTicket();
    for (const ids of [null, undefined, 'e1', { length: 1, 0: 'x' }, 42]) {
      const thrown = await store.completeEffects(ids as never).catch((e: unknown) => e);
      expect(thrown instanceof StoreFailure ? [thrown.error.code, thrown.error.path] : thrown).toEqual([
        'invalidRequest',
        'ids',
      ]);
    }
    expect(await store.completeEffects([null, 7, {}, 'not-an-id'] as never)).toBe(0);
    expect((await store.claimEffects()).length).toBe(1); // nothing was completed by the junk
  });

  it('reads leaseMs and limit of Infinity as the most, not as 1 ms and 1 effect', async () => {
    await fresh();
    await pendingTicket();
    await pendingTicket();
    const claimed = await store.claimEffects({ limit: Number.POSITIVE_INFINITY, leaseMs: Number.POSITIVE_INFINITY });
    expect(claimed.length).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.claimEffects()).toEqual([]); // still leased: a 1 ms lease would hand them out again
  });

  it('skips an outbox entry whose log entry was edited into junk: the rest of the outbox is still handed out', async () => {
    // Before round 12, claimEffects threw a TypeError on it after leasing the batch: every claim after the lease ran
    // out threw again, and no effect behind it was ever delivered.
    await fresh();
    const junk = ['{"effects": 5}', '{"effects": [null, 3]}', '{}', 'null'];
    const ids: string[] = [];
    for (const result of junk) {
      const id = await pendingTicket();
      await rows('UPDATE S.events SET result = $1::json WHERE ticket_id = $2 AND seq = 1', [result, id]);
      ids.push(id);
    }
    const gone = await pendingTicket();
    await rows('DELETE FROM S.events WHERE ticket_id = $1 AND seq = 1', [gone]);
    const good = await pendingTicket();
    const claimed = await store.claimEffects({ limit: 100, leaseMs: 1 });
    expect(new Set(claimed.map((e) => e.ticketId))).toEqual(new Set([good]));
    expect(await store.completeEffects(claimed.map((e) => e.id))).toBe(claimed.length);
    // Each skipped row stays pending (nothing is deleted) and its attempts count climbs, which is how to find it.
    expect(await store.claimEffects({ limit: 100, leaseMs: 1 })).toEqual([]);
    const skipped = await rows(
      'SELECT ticket_id::text AS id, attempts FROM S.outbox WHERE done_at IS NULL ORDER BY ticket_id',
    );
    expect(skipped).toEqual([...ids, gone].map((id) => ({ id, attempts: 2 })));
  });

  it('answers a redelivered key whose log entry was edited into junk with invalidStoredTicket, not the junk', async () => {
    await fresh();
    const id = await pendingTicket();
    const first = await store.apply(id, { type: 'note', by: 'agent', at: T0 + 1 }, { idempotencyKey: 'k' });
    expect(first.ok).toBe(true);
    for (const result of ['{"ticket": 5, "effects": []}', '{"ticket": null}', '{}', 'null', '[]']) {
      await rows('UPDATE S.events SET result = $1::json WHERE ticket_id = $2 AND seq = 2', [result, id]);
      const again = await store.apply(id, { type: 'note', by: 'agent', at: T0 + 1 }, { idempotencyKey: 'k' });
      expect(codeOf(again), result).toEqual(['invalidStoredTicket', 500, undefined]);
    }
    expect(await logged()).toBe(3); // nothing applied a second time
  });

  it('refuses options that are not an object: apply and create answer invalidRequest, claimEffects throws it', async () => {
    await fresh();
    const id = await pendingTicket();
    for (const options of [null, 'k', 5]) {
      expect(codeOf(await store.apply(id, { type: 'note', by: 'agent' }, options as never))).toEqual([
        'invalidRequest',
        400,
        'options',
      ]);
      expect(codeOf(await store.create({ at: T0 }, options as never))).toEqual(['invalidRequest', 400, 'options']);
      const thrown = await store.claimEffects(options as never).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(StoreFailure);
      expect((thrown as StoreFailure).error).toMatchObject({ code: 'invalidRequest', path: 'options' });
    }
    expect(await logged()).toBe(2);
  });

  it("answers a ticket whose last_seq was lowered by hand with invalidStoredTicket (500), not the database's error", async () => {
    await fresh();
    const id = await pendingTicket();
    await rows('UPDATE S.tickets SET last_seq = 0 WHERE id = $1', [id]);
    const refused = await store.apply(id, { type: 'note', by: 'agent' });
    expect(codeOf(refused)).toEqual(['invalidStoredTicket', 500, undefined]);
    expect(await logged()).toBe(2); // rolled back whole: no entry, no ticket change
    await rows('UPDATE S.tickets SET last_seq = 1 WHERE id = $1', [id]);
    expect(await store.apply(id, { type: 'note', by: 'agent' })).toMatchObject({ ok: true, seq: 2 });
  });

  it('parks a due ticket whose last_seq was lowered by hand, and sweeps the others of its batch', async () => {
    await fresh();
    const ids = [await pendingTicket(), await pendingTicket(), await pendingTicket()];
    await rows('UPDATE S.tickets SET last_seq = 0 WHERE id = $1', [ids[1]]);
    const before = await logged();
    // Its tick's log place (seq 1) is taken: the batch write failed on the log's key, and every later sweep with it.
    const swept = await store.sweep({ now: T0 + 10 * DAY });
    expect(swept).toMatchObject({ claimed: 3, changed: 2, effects: 6 });
    expect(swept.failed).toEqual([
      { id: ids[1], error: expect.objectContaining({ code: 'invalidStoredTicket', status: 500 }) },
    ]);
    expect(await logged()).toBe(before + 2);
    expect((await store.get(ids[0]!))!.status).toBe('closed');
    expect((await store.get(ids[2]!))!.status).toBe('closed');
    expect((await store.get(ids[1]!))!.status).toBe('pending'); // untouched, parked
    expect((await store.sweep({ now: T0 + 10 * DAY })).claimed).toBe(0);
  });

  // Round 13: the store read the caller's objects several times, outside the engine's own read-once copy. A throwing
  // getter or a Proxy threw out of the store, and a getter answering differently on each read could pass one value
  // through the checks and the log and have the engine apply another.
  const boom = (): never => {
    throw new Error('boom');
  };
  const revoked = (): object => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const thrownBy = async (call: () => Promise<unknown>) => {
    const thrown = await call().then(
      () => 'no throw',
      (e: unknown) => e,
    );
    return thrown instanceof StoreFailure ? [thrown.error.code, thrown.error.path] : thrown;
  };

  it('answers an event it cannot read (a throwing getter, a Proxy, a revoked Proxy) with invalidEvent and a path, and writes nothing', async () => {
    await fresh();
    const id = await pendingTicket();
    const before = await logged();
    const note = { type: 'note', by: 'agent' };
    const cases: [unknown, string][] = [
      [
        {
          ...note,
          get at() {
            return boom();
          },
        },
        'event.at',
      ],
      [
        {
          type: 'note',
          get by() {
            return boom();
          },
          at: T0 + 1,
        },
        'event.by',
      ],
      [new Proxy({ ...note }, { get: boom }), 'event.type'], // JSON.stringify asks for toJSON first: the trap throws
      [new Proxy({ ...note, at: T0 + 1 }, { ownKeys: boom }), 'event'],
      [new Proxy({ ...note, at: T0 + 1 }, { getOwnPropertyDescriptor: boom }), 'event'],
      [revoked(), 'event'],
      [{ ...note, extra: { toJSON: boom } }, 'event.extra'],
      [{ type: 'update', by: 'agent', tags: new Proxy({ add: ['vip'] }, { get: boom }) }, 'event.tags'],
      [{ type: 'update', by: 'agent', tags: { add: [revoked()] } }, 'event.tags'],
      // A number JSON cannot hold would be logged as null (an assignee of NaN as "unassign"): refused, not rewritten.
      [{ type: 'assign', by: 'agent', assignee: Number.NaN }, 'event.assignee'],
      [{ ...note, at: Number.POSITIVE_INFINITY }, 'event.at'],
    ];
    for (const [event, path] of cases) {
      expect(codeOf(await store.apply(id, event as never)), path).toEqual(['invalidEvent', 400, path]);
      expect(codeOf(await store.apply(id, event as never, { idempotencyKey: 'k' })), path).toEqual([
        'invalidEvent',
        400,
        path,
      ]);
    }
    expect(await logged()).toBe(before);
    // An object whose toJSON answers no object is no event; one whose toJSON answers an event is that event.
    expect(codeOf(await store.apply(id, { toJSON: () => 'note' } as never))).toEqual(['invalidEvent', 400, 'event']);
    const viaToJSON = await store.apply(id, { toJSON: () => ({ ...note, at: T0 + 2 }) } as never);
    expect(viaToJSON).toMatchObject({ ok: true, seq: 2 });
    expect((await store.log(id))[2]!.event).toEqual({ ...note, at: T0 + 2 });
    expect((await store.verify(id)).ok).toBe(true);
  });

  it('logs exactly the event it applied, each field read once, even when a getter answers differently on each read', async () => {
    await fresh();
    const id = await pendingTicket();
    const reads: Record<string, number> = {};
    const shifty = <T>(name: string, values: T[]) => ({
      get(): T {
        const n = reads[name] ?? 0;
        reads[name] = n + 1;
        return values[Math.min(n, values.length - 1)]!;
      },
      enumerable: true,
    });
    // 'note' for the first read, 'close' after: a store that checks or logs one read and applies another closes the
    // ticket and logs a note (the log no longer replays to the stored ticket).
    const event = Object.defineProperties({} as Record<string, unknown>, {
      type: shifty('type', ['note', 'close']),
      by: shifty('by', ['agent']),
      at: shifty('at', [T0 + 1]),
    });
    const applied = await store.apply(id, event as never);
    expect(applied).toMatchObject({ ok: true, seq: 2 });
    expect(applied.ok && applied.ticket.status).toBe('pending');
    expect(reads).toEqual({ type: 1, by: 1, at: 1 });
    expect((await store.log(id))[2]!.event).toEqual({ type: 'note', by: 'agent', at: T0 + 1 });
    expect((await store.verify(id)).ok).toBe(true);
    // A live event (no `at`): the stamp is added to the copy, and the assignee logged is the one applied.
    const assign = Object.defineProperties({ type: 'assign', by: 'agent' } as Record<string, unknown>, {
      assignee: shifty('assignee', ['ann', 'bob']),
    });
    const assigned = await store.apply(id, assign as never);
    expect(assigned.ok && assigned.ticket.assignee).toBe('ann');
    expect((await store.log(id))[3]!.event).toMatchObject({ type: 'assign', assignee: 'ann' });
    expect((await store.verify(id)).ok).toBe(true);
    // Fields inherited from a prototype are not the event's (JSON.stringify leaves them out): a typeless event.
    const inherited = Object.create({ type: 'close', by: 'agent' }) as object;
    expect(codeOf(await store.apply(id, inherited as never))).toEqual(['unknownEventType', 400, 'event.type']);
    expect(await logged()).toBe(4);
  });

  it('answers create input it cannot read with invalidRequest and a path, reads each field once, and creates nothing', async () => {
    await fresh();
    for (const [input, path] of [
      [
        {
          at: T0,
          get channel() {
            return boom();
          },
        },
        'input.channel',
      ],
      [
        {
          get workflow() {
            return boom();
          },
        },
        'input.workflow',
      ],
      [new Proxy({ at: T0 }, { get: boom }), 'input.at'],
      [new Proxy({ at: T0 }, { ownKeys: boom }), 'input'],
      [revoked(), 'input'],
      [{ at: T0, workflow: 10n }, 'input.workflow'], // the refusal's message once threw on it (JSON.stringify of a BigInt)
      [{ at: Number.NaN }, 'input.at'],
      [{ at: T0, assignee: { toJSON: boom } }, 'input.assignee'],
    ] as const) {
      const r = await store.create(input as never);
      expect(r.ok ? null : [r.error.code, r.error.path], path).toEqual(['invalidRequest', path]);
    }
    expect(await count('tickets')).toBe(0);
    let reads = 0;
    const created = await store.create({
      at: T0,
      get channel() {
        reads++;
        return reads === 1 ? 'email' : 'web';
      },
    });
    expect(created.ok && created.ticket.channel).toBe('email');
    expect(reads).toBe(1);
    expect((await store.log(created.id!))[0]!.event).toEqual({ type: 'create', at: T0, channel: 'email' });
    expect((await store.verify(created.id!)).ok).toBe(true);
  });

  it('answers options it cannot read: apply and create with invalidRequest, sweep, claimEffects and completeEffects throw it', async () => {
    await fresh();
    const id = await pendingTicket();
    const throwing = (name: string): object => Object.defineProperty({}, name, { get: boom, enumerable: true });
    for (const [options, path] of [
      [throwing('idempotencyKey'), 'options.idempotencyKey'],
      [throwing('expectedVersion'), 'options.expectedVersion'],
      [throwing('followUps'), 'options.followUps'],
      [new Proxy({}, { get: boom }), 'options.idempotencyKey'],
      [revoked(), 'options.idempotencyKey'],
    ] as const) {
      expect(codeOf(await store.apply(id, { type: 'note', by: 'agent' }, options as never)), path).toEqual([
        'invalidRequest',
        400,
        path,
      ]);
    }
    for (const options of [throwing('idempotencyKey'), new Proxy({}, { get: boom }), revoked()]) {
      expect(codeOf(await store.create({ at: T0 }, options as never))).toEqual([
        'invalidRequest',
        400,
        'options.idempotencyKey',
      ]);
    }
    expect(await logged()).toBe(2);
    for (const [options, path] of [
      [throwing('now'), 'options.now'],
      [throwing('limit'), 'options.limit'],
      [throwing('batchSize'), 'options.batchSize'],
      [revoked(), 'options.now'],
      [null, 'options'],
    ] as const) {
      expect(await thrownBy(() => store.sweep(options as never)), path).toEqual(['invalidRequest', path]);
    }
    for (const [options, path] of [
      [throwing('limit'), 'options.limit'],
      [throwing('leaseMs'), 'options.leaseMs'],
      [revoked(), 'options.limit'],
    ] as const) {
      expect(await thrownBy(() => store.claimEffects(options as never)), path).toEqual(['invalidRequest', path]);
    }
    const ids = ['1.1.0'];
    const throwingItem = Object.defineProperty(['1.1.0', 'x'], 1, { get: boom });
    for (const bad of [new Proxy(ids, { get: boom }), revoked(), throwingItem]) {
      expect(await thrownBy(() => store.completeEffects(bad as never))).toEqual(['invalidRequest', 'ids']);
    }
    expect((await store.claimEffects()).length).toBe(1); // nothing was claimed or completed by the bad calls
    expect(await store.sweep({ now: T0 })).toMatchObject({ claimed: 0, failed: [] });
  });

  it('answers ticket ids that are not even readable as text (a BigInt, a throwing toString, a symbol) with unknownTicket', async () => {
    await fresh();
    const before = await logged();
    const hostile = { toString: boom, valueOf: boom };
    for (const [id, text] of [
      [10n, '10'],
      [hostile, '(object)'],
      [Symbol('id'), '(symbol)'],
      [null, '(object)'],
      [7, '7'],
    ] as const) {
      const r = await store.apply(id as never, { type: 'note', by: 'agent' });
      expect(r.ok ? null : [r.id, r.error.code, r.error.status]).toEqual([text, 'unknownTicket', 404]);
      expect(await store.get(id as never)).toBeNull();
    }
    expect(await logged()).toBe(before);
  });
}
