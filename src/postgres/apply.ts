import {
  nextDeadline,
  transition,
  type Effect,
  type Ticket,
  type TicketEvent,
  type TransitionResult,
} from 'ticket-lifecycle';
import {
  checkStored,
  fromStored,
  idText,
  isTicketId,
  NOW_MS,
  readJson,
  readOptions,
  storedShapeError,
  unknownTicket,
  type StoreContext,
} from './context.js';
import { insertTicket } from './create.js';
import type { SqlQueryable } from './driver.js';
import {
  fromTransitionError,
  isUniqueViolation,
  lastSeqBehind,
  storeError,
  type StoreError,
  type StoreFailure,
} from './errors.js';
import type { ApplyOptions, ApplyResult, CreatedTicket, StoreEvent } from './types.js';

/** What the log keeps of an accepted event: `transition`'s answer, and the follow-up opened for it. */
export interface LoggedResult {
  readonly ticket: Ticket;
  readonly effects: readonly Effect[];
  readonly changed: boolean;
  readonly followUp?: CreatedTicket | null;
}

interface LockedRow {
  readonly workflow: string;
  readonly data: unknown;
  readonly last_seq: number;
  readonly now: number;
}

const refuse = (id: string, ticket: Ticket | null, error: StoreError): ApplyResult => ({
  ok: false,
  id,
  ticket,
  error,
});

/**
 * `store.apply`: one transaction that locks the ticket's row, stamps a live event with the database's clock
 * (never before `updatedAt`), runs `transition`, and writes the ticket, the log entry and the outbox rows in one
 * statement. Round trips: BEGIN, the locking SELECT, the write, COMMIT; a lookup more with an idempotency key.
 */
export async function apply(
  ctx: StoreContext,
  id: string,
  event: StoreEvent,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  if (!isTicketId(id)) return refuse(idText(id), null, unknownTicket(id));
  // The caller's event and options are read here, once, before anything else runs: from then on only these copies.
  let data: Record<string, unknown>;
  let opts: ApplyOptions;
  try {
    data = readJson(event, 'event');
    opts = readOptions<ApplyOptions>(options, ['idempotencyKey', 'expectedVersion', 'followUps']);
  } catch (failure) {
    return refuse(id, null, (failure as StoreFailure).error);
  }
  const key = opts.idempotencyKey;
  const expected = opts.expectedVersion;
  if (expected !== undefined && !(Number.isSafeInteger(expected) && expected > 0)) {
    // Not a version at all (an `If-Match: abc` read as NaN): a malformed request, not a conflict to retry.
    return refuse(
      id,
      null,
      storeError('invalidRequest', 'expectedVersion must be a whole number from 1', 'options.expectedVersion'),
    );
  }
  const applying = ctx.driver.transaction(async (tx): Promise<ApplyResult> => {
    const { rows } = await tx.query(
      `SELECT workflow, data, last_seq, ${NOW_MS} AS now FROM ${ctx.s}.tickets WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const row = rows[0] as LockedRow | undefined;
    if (row === undefined) return refuse(id, null, unknownTicket(id));
    const workflow = ctx.workflows.get(row.workflow);
    if (workflow === undefined) {
      return refuse(
        id,
        null,
        storeError(
          'unknownWorkflow',
          `ticket ${id} belongs to workflow "${row.workflow}", which this store was not given`,
        ),
      );
    }
    const broken = storedShapeError(row.data);
    if (broken !== null) return refuse(id, null, broken);
    const ticket = fromStored(ctx, row.workflow, row.data);
    if (key !== undefined) {
      // After the lock, in a statement of its own: under READ COMMITTED it sees an entry committed while we waited.
      const prior = await tx.query(
        `SELECT seq, result FROM ${ctx.s}.events WHERE ticket_id = $1 AND idempotency_key = $2`,
        [id, key],
      );
      const first = prior.rows[0] as { seq: number; result: LoggedResult } | undefined;
      if (first !== undefined) {
        // The first result is answered as logged: a log entry edited by hand into something else is the store's fault.
        const logged = first.result;
        return storedShapeError(logged?.ticket) === null && Array.isArray(logged.effects)
          ? replayed(ctx, id, row.workflow, first.seq, logged)
          : refuse(
              id,
              ticket,
              storeError('invalidStoredTicket', `log entry ${first.seq} of ticket ${id} is no result`),
            );
      }
    }
    if (expected !== undefined && expected !== ticket.version) {
      return refuse(
        id,
        ticket,
        storeError('versionMismatch', `ticket ${id} is at version ${ticket.version}, not ${expected}`),
      );
    }
    // `data` is plain JSON, so the event logged (`stamped`'s JSON) is the event `transition` applies.
    const stamped = (data.at === undefined
      ? { ...data, at: Math.max(row.now, ticket.updatedAt) }
      : data) as unknown as TicketEvent;
    const result = transition(workflow, ticket, stamped);
    if (!result.ok) {
      const storedError =
        result.error.code === 'invalidTicket' || result.error.code === 'unknownStatus'
          ? checkStored(workflow, ticket)
          : null;
      return refuse(id, ticket, storedError ?? fromTransitionError(result.error));
    }
    const seq = row.last_seq + 1;
    const followUp = wantsFollowUp(result, opts.followUps ?? ctx.followUps)
      ? ((await insertTicket(
          ctx,
          tx,
          row.workflow,
          workflow,
          { type: 'create', at: stamped.at, by: byOf(stamped), ...channelOf(ticket) },
          id,
        )) as CreatedTicket)
      : null;
    const logged: LoggedResult = { ticket: result.ticket, effects: result.effects, changed: result.changed, followUp };
    await writeEvent(ctx, tx, id, seq, nextDeadline(workflow, result.ticket), stamped, key ?? null, logged);
    return {
      ok: true,
      id,
      ticket: result.ticket,
      effects: result.effects,
      changed: result.changed,
      seq,
      duplicate: false,
      followUp,
    };
  });
  return applying.catch((error: unknown) => {
    // The row lock makes `last_seq + 1` a free place in the log: a unique violation there means rows edited by hand (a
    // lowered `last_seq`, an entry inserted). The transaction is rolled back; say so instead of a raw database error.
    if (!isUniqueViolation(error)) throw error;
    return refuse(id, null, lastSeqBehind(id));
  });
}

/**
 * The ticket row, the log entry and its outbox row (when the event has effects: the log entry holds them, the
 * outbox row tracks their delivery), in one statement: one round trip whatever the effect count.
 */
async function writeEvent(
  ctx: StoreContext,
  tx: SqlQueryable,
  id: string,
  seq: number,
  deadline: number | null,
  event: TicketEvent,
  key: string | null,
  logged: LoggedResult,
): Promise<void> {
  const { ticket } = logged;
  await tx.query(
    `WITH t AS (
       UPDATE ${ctx.s}.tickets SET status = $2, version = $3, updated_at = $4, next_deadline = $5, last_seq = $6, data = $7::text::jsonb
       WHERE id = $1
     ), e AS (
       INSERT INTO ${ctx.s}.events (ticket_id, seq, at, type, idempotency_key, event, result)
       VALUES ($1, $6, $8, $9, $10, $11::text::json, $12::text::json)
     )
     INSERT INTO ${ctx.s}.outbox (ticket_id, seq, n, related_ticket_id)
     SELECT $1, $6, $14::integer, $13::bigint WHERE $14::integer > 0`,
    [
      id,
      ticket.status,
      ticket.version,
      ticket.updatedAt,
      deadline,
      seq,
      JSON.stringify(ticket),
      event.at,
      event.type,
      key,
      JSON.stringify(event),
      JSON.stringify(logged),
      logged.followUp?.id ?? null,
      logged.effects.length,
    ],
  );
}

function replayed(ctx: StoreContext, id: string, workflowName: string, seq: number, first: LoggedResult): ApplyResult {
  const followUp =
    first.followUp == null
      ? null
      : { id: first.followUp.id, ticket: fromStored(ctx, workflowName, first.followUp.ticket) };
  return {
    ok: true,
    id,
    ticket: fromStored(ctx, workflowName, first.ticket),
    effects: first.effects,
    changed: first.changed,
    seq,
    duplicate: true,
    followUp,
  };
}

function wantsFollowUp(result: TransitionResult & { ok: true }, mode: ApplyOptions['followUps']): boolean {
  return mode === 'create' && result.effects.some((effect) => effect.type === 'followUpRequested');
}

const byOf = (event: TicketEvent): 'customer' | 'agent' | 'system' => ('by' in event ? event.by : 'system');
const channelOf = (ticket: Ticket): { channel?: string } =>
  ticket.channel === null ? {} : { channel: ticket.channel };
