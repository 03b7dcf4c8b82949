import { createTicket, transition, type Ticket, type Workflow } from 'ticket-lifecycle';
import type { SqlDriver } from './driver.js';
import { StoreFailure, storeError, type StoreError } from './errors.js';
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
  /**
   * What a sweep may claim: each workflow's name and its status ids, as a condition on the `workflow` and `status`
   * columns with its parameters (from `$3`). A ticket of another workflow, or in a status its policy lacks, belongs to
   * processes running another policy (a rolling deploy).
   */
  readonly claimable: { readonly sql: string; readonly params: readonly unknown[] };
}

/** The database's clock in epoch milliseconds, as a float8 so both drivers return a JS number. */
export const NOW_MS = 'floor(extract(epoch from clock_timestamp()) * 1000)::float8';

/** Ticket ids are bigint identities, passed around as decimal strings. */
export const isTicketId = (id: unknown): id is string => typeof id === 'string' && /^[1-9][0-9]{0,17}$/.test(id);

/**
 * A caller's ticket id as text for an answer: a string, a number or a BigInt as itself, anything else as its type
 * only: converting it may throw (an object whose `toString` throws; JSON throws on a BigInt).
 */
export const idText = (id: unknown): string =>
  typeof id === 'string' || typeof id === 'number' || typeof id === 'bigint' ? String(id) : `(${typeof id})`;

export const unknownTicket = (id: unknown): StoreError =>
  storeError('unknownTicket', `no ticket with id ${JSON.stringify(idText(id))}`);

/**
 * `StoreContext.claimable`: `(workflow = $3 AND status = ANY($4) OR …)`, one term per workflow. Plain column
 * comparisons, which the planner estimates from the columns' statistics: an opaque test (a jsonb lookup) was
 * estimated to keep 1 % of the due rows, and the claim became a sort of every due ticket instead of an index scan.
 */
export function claimableStatuses(workflows: ReadonlyMap<string, Workflow>): StoreContext['claimable'] {
  const params: unknown[] = [];
  // `push` answers the new length: the parameter just added is `$length + 2` (the claim's own are `$1`, `$2`).
  const terms = [...workflows].map(
    ([name, workflow]) =>
      `workflow = $${params.push(name) + 2} AND status = ANY($${params.push(workflow.statuses.map((s) => s.id)) + 2}::text[])`,
  );
  return { sql: `(${terms.join(' OR ')})`, params };
}

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

/** `JSON.stringify`'s replacer: NaN and ±Infinity would be written as null (an assignee of NaN as "unassign"). */
const finite = (_key: string, value: unknown): unknown => {
  if (typeof value === 'number' && !Number.isFinite(value)) throw value;
  return value;
};

/**
 * What `read` answers, through its JSON and back; `undefined` (which JSON never gives) if reading it throws (a getter,
 * `toJSON` or Proxy trap, a cycle, a BigInt, NaN or ±Infinity, nesting deeper than the stack) or PostgreSQL cannot
 * store the text.
 */
function jsonCopy(read: () => unknown): unknown {
  try {
    const text = JSON.stringify(read(), finite) ?? 'null';
    return UNSTORABLE.test(text) ? undefined : JSON.parse(text);
  } catch {}
}

/**
 * Reads what the caller sent to be logged (an event, `create`'s input) once, into plain JSON data: what
 * `JSON.stringify` writes of it (own enumerable fields, `toJSON` applied, `undefined` left out), parsed back. The store
 * checks, applies and logs only that copy, so the log holds what was applied whatever getters, Proxies or later
 * mutations of the caller's object do. Throws the refusal (`invalidEvent` or `invalidRequest`) as a `StoreFailure`,
 * its `path` the first field at fault: a value that cannot be read (a throwing getter, `toJSON` or Proxy) or stored
 * (a cycle, a BigInt, NaN or ±Infinity, nesting too deep, a NUL or an unpaired surrogate in a string), or no object.
 */
export function readJson(value: unknown, root: 'event' | 'input'): Record<string, unknown> {
  const data = typeof value === 'object' && value !== null ? jsonCopy(() => value) : null;
  if (data === undefined) {
    let path: string = root;
    try {
      for (const key of Object.keys(value as object)) {
        if (jsonCopy(() => (value as Record<string, unknown>)[key]) === undefined) {
          path = `${root}.${key}`;
          break;
        }
      }
    } catch {} // keys a Proxy will not list: the whole value is at fault
    throw refusal(
      root === 'event' ? 'invalidEvent' : 'invalidRequest',
      path,
      'cannot be stored as JSON (a throwing getter, a cycle, a BigInt, NaN, a NUL or an unpaired surrogate)',
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw refusal(root === 'event' ? 'invalidEvent' : 'invalidRequest', root, 'must be an object');
  return data as Record<string, unknown>;
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
 * The options an operation uses, read once each (own or inherited) into a plain object it then uses alone, whatever
 * getters or Proxies do. An idempotency key, when given, must be one PostgreSQL's text type holds exactly (a NUL is
 * refused by it, an unpaired surrogate silently replaced). Throws the refusal (`invalidRequest`, with the option's
 * `path`, or `options` for options that are no object) as a `StoreFailure`.
 */
export function readOptions<T extends object>(options: unknown, keys: readonly (keyof T & string)[]): T {
  if (typeof options !== 'object' || options === null) throw refusal('invalidRequest', 'options', 'must be an object');
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    try {
      copy[key] = (options as Record<string, unknown>)[key];
    } catch {
      throw refusal('invalidRequest', `options.${key}`, 'cannot be read');
    }
  }
  const key = copy.idempotencyKey;
  if (
    key === undefined ||
    (typeof key === 'string' &&
      key.length > 0 &&
      key.length <= 200 &&
      !key.includes('\0') &&
      (key as string & { isWellFormed(): boolean }).isWellFormed())
  )
    return copy as T;
  throw refusal(
    'invalidRequest',
    'options.idempotencyKey',
    'must be a string of 1 to 200 characters, without NUL characters or unpaired surrogates',
  );
}

/** The refusal of a caller's value, to throw: its code, and the path at fault, which also starts the message. */
const refusal = (code: 'invalidEvent' | 'invalidRequest', path: string, what: string): StoreFailure =>
  new StoreFailure(storeError(code, `${path} ${what}`, path));
