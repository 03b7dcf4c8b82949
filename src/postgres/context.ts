import { createTicket, transition, type Ticket, type Workflow } from 'ticket-lifecycle';
import type { SqlDriver } from './driver.js';
import { storeError, type StoreError } from './errors.js';
import type { FollowUpMode } from './types.js';

/** What every store operation shares: the driver, the quoted schema, the workflows by name. */
export interface StoreContext {
  readonly driver: SqlDriver;
  /** The schema name, quoted for SQL. */
  readonly s: string;
  readonly workflows: ReadonlyMap<string, Workflow>;
  /** The name `create` uses when the input names none: the only workflow, or null with several. */
  readonly defaultWorkflow: string | null;
  readonly followUps: FollowUpMode;
  /** Per workflow, the ticket's field order as the engine makes it (jsonb does not keep key order). */
  readonly fieldOrder: ReadonlyMap<string, readonly string[]>;
}

/** The database's clock in epoch milliseconds, as a float8 so both drivers return a JS number. */
export const NOW_MS = 'floor(extract(epoch from clock_timestamp()) * 1000)::float8';

/** Ticket ids are bigint identities, passed around as decimal strings. */
export const isTicketId = (id: unknown): id is string => typeof id === 'string' && /^[1-9][0-9]{0,17}$/.test(id);

export const unknownTicket = (id: unknown): StoreError =>
  storeError('unknownTicket', `no ticket with id ${JSON.stringify(id) ?? String(id)}`);

export function fieldOrders(workflows: ReadonlyMap<string, Workflow>): Map<string, readonly string[]> {
  const orders = new Map<string, readonly string[]>();
  for (const [name, workflow] of workflows) orders.set(name, Object.keys(createTicket(workflow, { at: 0 })));
  return orders;
}

/**
 * A ticket read from a jsonb column, with its fields back in the engine's order, so what `get` returns is
 * byte-for-byte what `transition` made (JSON.stringify included). Fields the engine does not know are kept at the
 * end; the engine then says whether it accepts them.
 */
export function fromStored(ctx: StoreContext, workflowName: string, data: unknown): Ticket {
  const order = ctx.fieldOrder.get(workflowName);
  if (order === undefined || typeof data !== 'object' || data === null) return data as Ticket;
  const source = data as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of order) if (Object.hasOwn(source, key)) out[key] = source[key];
  for (const key of Object.keys(source)) if (!Object.hasOwn(out, key)) out[key] = source[key];
  return out as unknown as Ticket;
}

/**
 * A NUL or an unpaired surrogate, as `JSON.stringify` writes them (`\u0000`, `\ud800`: an escape, so preceded by an
 * even run of backslashes). The engine accepts them in names; PostgreSQL's json and jsonb refuse them, and a write
 * would fail with the database's error instead of a refusal.
 */
const UNSTORABLE = /(?:^|[^\\])(?:\\\\)*\\u(?:0000|d[89a-f])/i;

/**
 * Serialises a value the caller sent for the log: its JSON, or a refusal naming the first field PostgreSQL cannot
 * store (a cycle, a BigInt, nesting too deep to serialise, a NUL or an unpaired surrogate in a string).
 */
export function storableJson(value: object, root: string): string | StoreError {
  const text = tryJson(value);
  if (text !== null && !UNSTORABLE.test(text)) return text;
  const fields = Object.entries(value);
  const bad = fields.find(([, v]) => {
    const part = tryJson(v);
    return part === null || UNSTORABLE.test(part);
  });
  const path = bad === undefined ? root : `${root}.${bad[0]}`;
  return {
    ...storeError(
      root === 'event' ? 'invalidEvent' : 'invalidRequest',
      `${path} cannot be stored as JSON (a cycle, a BigInt, too deep, a NUL or an unpaired surrogate)`,
    ),
    path,
  };
}

function tryJson(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return null; // a cycle, a BigInt, a throwing toJSON, or nesting deeper than the stack
  }
}

/** A time as the engine takes it: whole epoch milliseconds within the Date range. */
export const isWholeTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 8.64e15;

/**
 * The checks no engine call can make for us: a row edited by hand to `null`, a number or an object without a time
 * `updatedAt` would crash the store's own reads (`ticket.updatedAt` stamps events and ticks) or be blamed on the
 * caller's event (`invalidTime`). Cheap enough for every `apply` and every ticked row.
 */
export function storedShapeError(data: unknown): StoreError | null {
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && isWholeTime((data as Ticket).updatedAt))
    return null;
  return storeError('invalidStoredTicket', 'the stored ticket is not a ticket object with a time "updatedAt"');
}

/**
 * Asks the engine whether a stored ticket is one of this workflow's: a `tick` at its own `updatedAt` changes
 * nothing on a valid ticket and is refused on a malformed one (`invalidTicket`, `unknownStatus`).
 */
export function checkStored(workflow: Workflow, ticket: Ticket): StoreError | null {
  const shape = storedShapeError(ticket);
  if (shape !== null) return shape;
  const probe = transition(workflow, ticket, { type: 'tick', at: ticket.updatedAt });
  return probe.ok
    ? null
    : storeError('invalidStoredTicket', `the stored ticket is not valid for this workflow: ${probe.error.message}`);
}

/**
 * Options as `apply` and `create` take them: an object, whose idempotency key (when given) PostgreSQL's text type
 * holds exactly (a NUL is refused by it, an unpaired surrogate silently replaced); or the refusal, with its path.
 */
export function optionsError(options: unknown): StoreError | null {
  if (typeof options !== 'object' || options === null)
    return { ...storeError('invalidRequest', 'options must be an object'), path: 'options' };
  const key = (options as { idempotencyKey?: unknown }).idempotencyKey;
  return key === undefined ||
    (typeof key === 'string' &&
      key.length > 0 &&
      key.length <= 200 &&
      !key.includes('\0') &&
      (key as string & { isWellFormed(): boolean }).isWellFormed())
    ? null
    : {
        ...storeError(
          'invalidRequest',
          'idempotencyKey must be a string of 1 to 200 characters, without NUL characters or unpaired surrogates',
        ),
        path: 'options.idempotencyKey',
      };
}
