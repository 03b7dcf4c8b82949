// Starts the example API on a loopback port (PGlite in memory) and uses it as a client would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';
import { outboxLoop } from './workers.js';

const DAY = 86_400_000;
let server: TestServer;
let base = '';
const store = () => server.store();

beforeAll(async () => {
  server = await startTestServer();
  base = server.base;
}, 120_000);
afterAll(() => server.close());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads arbitrary JSON answers field by field
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('examples/helpdesk-server', { timeout: 60_000 }, () => {
  it('creates a ticket, takes events, and answers what an agent can do now', async () => {
    const created = await call('POST', '/tickets', { channel: 'email' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(
      (await call('POST', `/tickets/${id}/events`, { type: 'assign', by: 'agent', assignee: 'ana' })).body.ticket
        .status,
    ).toBe('open');
    const read = await call('GET', `/tickets/${id}?by=agent`);
    expect(read.status).toBe(200);
    expect(read.body.can).toMatchObject({ reply: true, resolve: true, reopen: false });
    expect((await call('GET', `/tickets/${id}?by=customer`)).body.can.resolve).toBe(false);
  });

  it('maps refusals to 400 / 404 / 409 / 422 with a code, and applies an Idempotency-Key once', async () => {
    const id = (await call('POST', '/tickets', {})).body.id as string;
    expect((await call('POST', `/tickets/${id}/events`, { type: 'resolve', by: 'agent' })).body.error.code).toBe(
      'assigneeRequired',
    );
    expect((await call('POST', `/tickets/${id}/events`, { type: 'resolve', by: 'agent' })).status).toBe(422);
    expect((await call('POST', `/tickets/${id}/events`, { type: 'fly', by: 'agent' })).status).toBe(400);
    expect((await call('POST', `/tickets/${id}/events`, '{not json')).status).toBe(400);
    expect((await call('POST', '/tickets/4242/events', { type: 'note', by: 'agent' })).status).toBe(404);
    expect((await call('GET', '/tickets/nope')).status).toBe(404);
    expect(
      (await call('POST', `/tickets/${id}/events`, { type: 'note', by: 'agent' }, { 'if-match': '99' })).status,
    ).toBe(409);
    // Before round 10: a JSON body that is not an object was a 500 (a TypeError in the log), and an If-Match that is
    // not a version a 409 "not NaN".
    for (const body of [null, [], '"text"']) expect((await call('POST', '/tickets', body)).status).toBe(400);
    const bad = await call('POST', `/tickets/${id}/events`, { type: 'note', by: 'agent' }, { 'if-match': '"2"' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalidRequest']);
    const once = await call(
      'POST',
      `/tickets/${id}/events`,
      { type: 'reply', by: 'customer' },
      { 'idempotency-key': 'mail-7' },
    );
    const twice = await call(
      'POST',
      `/tickets/${id}/events`,
      { type: 'reply', by: 'customer' },
      { 'idempotency-key': 'mail-7' },
    );
    expect([once.body.duplicate, twice.body.duplicate, twice.body.seq]).toEqual([false, true, once.body.seq]);
  });

  it('mails reminders and auto-closes from the outbox after a sweep', async () => {
    const s = store();
    const { id } = await s.create({ at: Date.now() - 10 * DAY });
    await s.apply(id!, { type: 'reply', by: 'agent', at: Date.now() - 10 * DAY });
    await s.sweep();
    const mails: string[] = [];
    const loop = outboxLoop(s, (mail) => mails.push(mail), 10);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await loop.stop();
    expect(mails.filter((m) => m.includes(`#${id}:`))).toEqual([
      `to customer of #${id}: we are still waiting for your answer`,
      `to customer of #${id}: your ticket is now solved`,
      `to customer of #${id}: your ticket is now closed`,
    ]);
    expect(loop.inFlight()).toBe(0); // completed effects are forgotten: a worker's memory does not grow with its age
  });

  it('forgets an effect whose completion failed once another consumer has had time to take it over', async () => {
    // Round 14's multi-process run: when `completeEffects` failed (a terminated connection) and another consumer
    // later completed those effects, they never came back here, and their ids stayed in the consumer's memory.
    const s = store();
    const { id } = await s.create({ at: Date.now() - 10 * DAY });
    await s.apply(id!, { type: 'reply', by: 'agent', at: Date.now() - 10 * DAY });
    await s.sweep();
    let failures = 0;
    const failing = new Proxy(s, {
      get: (target, key) =>
        key === 'completeEffects'
          ? async () => {
              failures++;
              throw new Error('Connection terminated unexpectedly');
            }
          : Reflect.get(target, key),
    });
    const errors = console.error;
    console.error = () => undefined; // the loop logs each failed round
    try {
      const loop = outboxLoop(failing, () => undefined, 10, 50);
      await new Promise((resolve) => setTimeout(resolve, 30));
      const held = loop.inFlight();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await loop.stop();
      expect([held > 0, failures > 1, loop.inFlight()]).toEqual([true, true, 0]);
    } finally {
      console.error = errors;
    }
  });
});
