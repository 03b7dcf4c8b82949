// A helpdesk HTTP JSON API on ticket-lifecycle/postgres, with node's `http` and nothing else:
//   POST /tickets                 { channel?, by?, assignee? }; header Idempotency-Key → 201 { id, ticket, duplicate }
//                                 (200 for a key that already created one: that ticket, as created)
//   POST /tickets/:id/events      an event without `at` (the store stamps it); headers Idempotency-Key, If-Match
//   GET  /tickets/:id?by=agent    → { id, ticket, nextDeadline, followUpOf, can: { reply: true, … } }
// Refusals come back with the store's classified status (400 / 404 / 409 / 422) and { error: { code, message } };
// a body over 64 KiB is 413 (bodyTooLarge), a body that is not `application/json` 415 (unsupportedMediaType), a stored
// row the store cannot read 500 with the store's code (invalidStoredTicket, unknownWorkflow); a database that went away
// mid-request (a terminated backend, a failover, a statement timeout) 503 databaseUnavailable with Retry-After: the
// transaction rolled back, send it again (with its Idempotency-Key, it applies at most once). Never a stack trace.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Actor } from 'ticket-lifecycle';
import { StoreFailure, type PostgresStore, type StoreEvent } from 'ticket-lifecycle/postgres';
import { actionsFor } from './actions.js';

const MAX_BODY = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, 'bodyTooLarge', `the body exceeds ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  if (size === 0) return {};
  // Only JSON is read as JSON: a form post or text body is the client's mistake, said as such, not parsed by luck.
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(req.headers['content-type'] ?? ''))
    throw new HttpError(415, 'unsupportedMediaType', 'send the body as application/json');
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalidJson', 'the body is not JSON');
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * The driver's error for a database that is gone or gave up, not for this request: SQLSTATE classes 08 (connection),
 * 53 (resources), 57 (operator intervention, statement timeout), 40001/40P01 (retry the transaction); a socket error;
 * pg's "Connection terminated" (it has no code). The store rolled the transaction back: the request may be sent again.
 */
function databaseUnavailable(error: unknown): boolean {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  if (typeof code === 'string' && /^(08|53|57|40001$|40P01$|E(CONN|PIPE|TIMEDOUT|HOSTUNREACH|NETUNREACH))/.test(code))
    return true;
  return typeof message === 'string' && /^Connection terminated/.test(message);
}

const ACTORS: readonly string[] = ['customer', 'agent', 'system'];

async function route<S extends string>(
  store: PostgresStore<S>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    throw new HttpError(400, 'invalidUrl', 'the request target is not a URL path');
  }
  const parts = url.pathname.split('/').filter(Boolean);
  if (req.method === 'POST' && parts.length === 1 && parts[0] === 'tickets') {
    const body = await readJson(req);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new HttpError(400, 'invalidRequest', 'the body must be a JSON object');
    const fields = body as Record<string, unknown>;
    const key = req.headers['idempotency-key'];
    const created = await store.create(
      {
        channel: fields.channel as string | undefined,
        by: fields.by as Actor | undefined,
        assignee: fields.assignee as string | undefined,
      },
      typeof key === 'string' ? { idempotencyKey: key } : {},
    );
    return created.ok
      ? send(res, created.duplicate ? 200 : 201, {
          id: created.id,
          ticket: created.ticket,
          duplicate: created.duplicate,
        })
      : send(res, created.error.status, { error: created.error });
  }
  if (req.method === 'POST' && parts.length === 3 && parts[0] === 'tickets' && parts[2] === 'events') {
    const event = (await readJson(req)) as StoreEvent<S>;
    const key = req.headers['idempotency-key'];
    const ifMatch = req.headers['if-match'];
    const result = await store.apply(parts[1]!, event, {
      ...(typeof key === 'string' ? { idempotencyKey: key } : {}),
      ...(typeof ifMatch === 'string' ? { expectedVersion: Number(ifMatch) } : {}),
    });
    return result.ok
      ? send(res, 200, result)
      : send(res, result.error.status, { error: result.error, ticket: result.ticket });
  }
  if (req.method === 'GET' && parts.length === 2 && parts[0] === 'tickets') {
    const stored = await store.load(parts[1]!);
    if (stored === null) throw new HttpError(404, 'unknownTicket', `no ticket with id ${JSON.stringify(parts[1])}`);
    const by = url.searchParams.get('by') ?? 'agent';
    if (!ACTORS.includes(by)) throw new HttpError(400, 'unknownActor', '"by" must be customer, agent or system');
    const workflow = store.workflow(stored.workflow);
    if (workflow === undefined)
      throw new HttpError(500, 'unknownWorkflow', `ticket ${stored.id} belongs to a workflow this server does not run`);
    return send(res, 200, {
      ...stored,
      can: actionsFor(workflow, stored.ticket, by as Actor, Math.max(Date.now(), stored.ticket.updatedAt)),
    });
  }
  throw new HttpError(404, 'notFound', `${req.method} ${url.pathname} is not an endpoint`);
}

/** An http.Server answering the API above; errors are JSON with a code, never a stack trace. */
export function helpdeskServer<S extends string>(store: PostgresStore<S>): Server {
  return createServer((req, res) => {
    route(store, req, res).catch((error: unknown) => {
      if (error instanceof HttpError)
        return send(res, error.status, { error: { code: error.code, message: error.message } });
      // A stored row the store refuses to read (`get` on a corrupt ticket): its classified error, not a generic 500.
      if (error instanceof StoreFailure) return send(res, error.error.status, { error: error.error });
      if (databaseUnavailable(error)) {
        // One line, not a stack: in round 14's multi-process run these were 571 lines of stack for 75 requests.
        console.error(`database unavailable: ${(error as { code?: string }).code ?? ''} ${(error as Error).message}`);
        const body = {
          error: { code: 'databaseUnavailable', message: 'the database is unavailable; send the request again' },
        };
        return send(res, 503, body, { 'retry-after': '1' });
      }
      console.error(error);
      send(res, 500, { error: { code: 'internalError', message: 'the server failed; see its log' } });
    });
  });
}
