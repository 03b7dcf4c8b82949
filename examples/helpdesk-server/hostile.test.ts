// What a hostile or careless client sends the example API (round 12's audit): each answer is JSON with a code and the
// status docs/postgres.md maps it to, never a stack trace or a generic 500. Before round 12 a text/plain body was
// parsed anyway, a request target that is no URL and a read of a corrupt row were a bare 500 'internalError', and a
// ticket of a workflow the server does not run crashed the handler (a TypeError).
import { connect, type AddressInfo } from 'node:net';
import { createPostgresStore, type SqlDriver } from 'ticket-lifecycle/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpdesk } from './policy.js';
import { helpdeskServer } from './server.js';
import { startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
let base = '';
let port = 0;
const store = () => server.store();

beforeAll(async () => {
  server = await startTestServer();
  ({ base, port } = server);
}, 120_000);
afterAll(() => server.close());

async function call(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, error: (JSON.parse(text) as { error?: { code: string; path?: string } }).error };
}

/** A request written on a socket as is: what `fetch` refuses to send. Resolves with the whole answer. */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('examples/helpdesk-server given hostile requests', { timeout: 60_000 }, () => {
  it('passes Idempotency-Key to create: one ticket per key, 201 then 200 with the same ticket', async () => {
    const headers = { 'idempotency-key': 'webhook-7' };
    const first = await call('POST', '/tickets', '{"channel":"email"}', headers);
    const again = await call('POST', '/tickets', '{"channel":"chat"}', headers);
    expect([first.status, again.status]).toEqual([201, 200]);
    const [a, b] = [JSON.parse(first.text), JSON.parse(again.text)];
    expect(b).toEqual({ ...a, duplicate: true });
    for (const key of ['', 'k'.repeat(201)]) {
      const bad = await call('POST', '/tickets', '{}', { 'idempotency-key': key });
      expect([bad.status, bad.error?.code, bad.error?.path]).toEqual([400, 'invalidRequest', 'options.idempotencyKey']);
    }
  });

  it('answers bodies that are too large, not JSON, or not sent as JSON with 413, 400 and 415', async () => {
    const huge = await call('POST', '/tickets', `{"channel":"${'x'.repeat(70_000)}"}`);
    expect([huge.status, huge.error?.code]).toEqual([413, 'bodyTooLarge']);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx', '']) {
      const r = await call('POST', '/tickets', '{"channel":"email"}', { 'content-type': type });
      expect([r.status, r.error?.code], type).toEqual([415, 'unsupportedMediaType']);
    }
    const typed = await call('POST', '/tickets', '{}', {
      'content-type': 'application/merge-patch+json; charset=utf-8',
    });
    expect(typed.status).toBe(201);
    for (const body of ['{', '{"a":1}{', '\u00ff\u00fe'])
      expect((await call('POST', '/tickets', body)).status).toBe(400);
    // Nested far deeper than any event: the store refuses it with the field's path, and the server stays up.
    const deep = `{"type":"note","by":"agent","x":${'['.repeat(30_000)}${']'.repeat(30_000)}}`;
    const id = JSON.parse((await call('POST', '/tickets', '{}')).text).id as string;
    const refused = await call('POST', `/tickets/${id}/events`, deep);
    expect([refused.status, refused.error?.code, refused.error?.path]).toEqual([400, 'invalidEvent', 'event.x']);
  });

  it('answers a request target that is no URL with 400, and unknown ids and routes with 404', async () => {
    const answer = await rawRequest('GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('"code":"invalidUrl"');
    for (const path of [
      '/tickets/0',
      '/tickets/-1',
      '/tickets/1.0',
      '/tickets/99999999999999999999',
      '/tickets/%E0%A4%A',
    ])
      expect((await call('GET', path)).status, path).toBe(404);
    expect((await call('POST', '/tickets/abc/events', '{"type":"note","by":"agent"}')).error?.code).toBe(
      'unknownTicket',
    );
    expect((await call('DELETE', '/tickets')).status).toBe(404);
  });

  it('answers a stored row edited by hand with the store error and 500, on read and on write', async () => {
    const s = store();
    const corrupt = (await s.create({})).id!;
    await server.db.query(`UPDATE ticket_lifecycle.tickets SET data = '{"status": 5}' WHERE id = $1`, [corrupt]);
    const read = await call('GET', `/tickets/${corrupt}`);
    expect([read.status, read.error?.code]).toEqual([500, 'invalidStoredTicket']);
    const write = await call('POST', `/tickets/${corrupt}/events`, '{"type":"note","by":"agent"}');
    expect([write.status, write.error?.code]).toEqual([500, 'invalidStoredTicket']);
    const foreign = (await s.create({})).id!;
    await server.db.query(`UPDATE ticket_lifecycle.tickets SET workflow = 'retired' WHERE id = $1`, [foreign]);
    const other = await call('GET', `/tickets/${foreign}`);
    expect([other.status, other.error?.code]).toEqual([500, 'unknownWorkflow']);
    for (const r of [read, write, other]) expect(r.text).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('answers a database that went away with 503 databaseUnavailable and Retry-After, not 500', async () => {
    // Round 14, three server processes on one PostgreSQL: a terminated backend (57P01), a statement timeout (57014) or
    // a dropped socket failed the request after its transaction rolled back, and the server answered 500
    // internalError (a client may give up) and logged a stack; the request can simply be sent again.
    const failures: Record<string, unknown>[] = [
      { code: '57P01', message: 'terminating connection due to administrator command' },
      { code: '57014', message: 'canceling statement due to statement timeout' },
      { code: 'ECONNRESET', message: 'read ECONNRESET' },
      { message: 'Connection terminated unexpectedly' },
    ];
    for (const failure of failures) {
      const fail = async (): Promise<never> => {
        throw Object.assign(new Error(failure.message as string), failure);
      };
      const gone: SqlDriver = { query: fail, transaction: fail };
      const http = helpdeskServer(createPostgresStore(gone, { workflow: helpdesk })).listen(0, '127.0.0.1');
      await new Promise((resolve) => http.once('listening', resolve));
      const at = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
      try {
        for (const [method, path, body] of [
          ['POST', '/tickets/1/events', '{"type":"note","by":"agent"}'],
          ['POST', '/tickets', '{}'],
          ['GET', '/tickets/1', undefined],
        ] as const) {
          const res = await fetch(`${at}${path}`, { method, headers: { 'content-type': 'application/json' }, body });
          const answer = (await res.json()) as { error?: { code: string } };
          expect(
            [res.status, answer.error?.code, res.headers.get('retry-after')],
            `${failure.message} ${path}`,
          ).toEqual([503, 'databaseUnavailable', '1']);
        }
      } finally {
        http.close();
      }
    }
  });
});
