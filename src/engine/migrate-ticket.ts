import type { Workflow } from '../policy/workflow.js';
import { nextDeadline } from './auto-close.js';
import { show } from '../policy/show.js';
import { isError } from './handlers.js';
import { readStoredTicket } from './read-stored-ticket.js';
import type { Ticket } from '../model/ticket.js';

/**
 * How the statuses and timers of the old policy are called in the new one. A name the mapping leaves out keeps
 * its id. A timer mapped to `null` is forgotten on purpose: its history is dropped, so it may act again.
 *
 * @example
 * ```ts
 * import type { TicketMigration } from 'ticket-lifecycle';
 * const rename: TicketMigration = { statuses: { hold: 'vendor' }, timers: { 'auto-close': 'close-solved' } };
 * ```
 */
export interface TicketMigration {
  readonly statuses?: Readonly<Record<string, string>>;
  readonly timers?: Readonly<Record<string, string | null>>;
}

/**
 * Why `migrateTicket` refused: the ticket is not one of the old policy (`invalidTicket`, `unknownStatus`), or not one
 * of the new one once migrated (`invalidTicket`: a priority or group the new policy does not declare), a status
 * it is in or was snoozed from has no place in the new policy (`unmappedStatus`), a timer that already fired has
 * no id in the new policy (`unmappedTimer`: say where it went, or `null` to let it act again), or the mapping
 * names something neither policy has (`invalidMapping`).
 *
 * @example
 * ```ts
 * import type { MigrationErrorCode } from 'ticket-lifecycle';
 * const code: MigrationErrorCode = 'unmappedStatus';
 * ```
 */
export type MigrationErrorCode =
  | 'invalidTicket'
  | 'unknownStatus'
  | 'unmappedStatus'
  | 'unmappedTimer'
  | 'invalidMapping';

/**
 * The outcome of `migrateTicket`: the ticket as the new policy stores it, whether it differs from the input (then
 * its `version` grew by one, for the host's optimistic-concurrency `UPDATE`), and its deadline under the new
 * policy; or a refusal with a code, a message and the path of what is wrong.
 *
 * @example
 * ```ts
 * import type { MigrationResult } from 'ticket-lifecycle';
 * const save = (r: MigrationResult): string => (r.ok ? `next deadline ${r.nextDeadline}` : `${r.error.code} at ${r.error.path}`);
 * ```
 */
export type MigrationResult<S extends string = string> =
  | { readonly ok: true; readonly ticket: Ticket<S>; readonly changed: boolean; readonly nextDeadline: number | null }
  | {
      readonly ok: false;
      readonly error: { readonly code: MigrationErrorCode; readonly message: string; readonly path: string };
    };

type Refusal = Extract<MigrationResult, { ok: false }>;
const refuse = (code: MigrationErrorCode, path: string, message: string): Refusal => ({
  ok: false,
  error: { code, message, path },
});

/** Every timer id a policy declares. */
const timerIds = (workflow: Workflow): ReadonlySet<string> => new Set((workflow.config.timers ?? []).map((t) => t.id));

/** The mapping itself must make sense: old names from `from`, new names from `to`. */
function checkMapping(from: Workflow, to: Workflow, mapping: TicketMigration): Refusal | null {
  for (const [old, next] of Object.entries(mapping.statuses ?? {})) {
    if (!from.compiled.byId.has(old))
      return refuse('invalidMapping', `statuses.${old}`, `"${old}" is not a status of the old policy`);
    if (!to.compiled.byId.has(next))
      return refuse('invalidMapping', `statuses.${old}`, `"${next}" is not a status of the new policy`);
  }
  const oldTimers = timerIds(from);
  const newTimers = timerIds(to);
  for (const [old, next] of Object.entries(mapping.timers ?? {})) {
    if (!oldTimers.has(old))
      return refuse('invalidMapping', `timers.${old}`, `"${old}" is not a timer of the old policy`);
    if (next !== null && !newTimers.has(next))
      return refuse('invalidMapping', `timers.${old}`, `"${next}" is not a timer of the new policy`);
  }
  return null;
}

/**
 * Moves a stored ticket from one version of a policy to the next: statuses renamed by the mapping, the record of
 * timers that already fired carried over under their new ids (so reminder #1 is not sent again), and the deadline
 * recomputed under the new policy. Pure: the input is not mutated, and nothing is applied — a timer the new policy
 * makes due at once acts on the next `tick`, stamped with its due time or the ticket's last update, whichever is
 * later (a ticket's times never go back).
 *
 * Refuses, rather than guesses, when the ticket's status (or the status it was snoozed from) is not in the new
 * policy and the mapping does not say where it goes, or when a timer that already fired this stay has no id in the
 * new policy (map it to `null` to let it fire again).
 *
 * @example
 * ```ts
 * import { createTicket, defineWorkflow, migrateTicket } from 'ticket-lifecycle';
 *
 * const v1 = defineWorkflow({ statuses: [{ id: 'open', category: 'open' }, { id: 'hold', category: 'onHold' }] });
 * const v2 = defineWorkflow({ statuses: [{ id: 'open', category: 'open' }, { id: 'vendor', category: 'onHold' }] });
 * const stored = { ...createTicket(v1, { at: 0 }), status: 'hold' as const };
 * const r = migrateTicket(v1, v2, stored, { statuses: { hold: 'vendor' } });
 * if (r.ok) console.log(r.ticket.status, r.ticket.version); // 'vendor' 2
 * else console.log(r.error.code, r.error.path);             // e.g. 'unmappedStatus' 'status'
 * ```
 */
export function migrateTicket<S extends string>(
  from: Workflow,
  to: Workflow<S>,
  ticket: Ticket,
  mapping: TicketMigration = {},
): MigrationResult<S> {
  try {
    return migrate(from, to, ticket, mapping);
  } catch (error) {
    // Only a hostile mapping (a throwing getter, a Proxy) gets here: the ticket is read safely.
    return refuse('invalidMapping', '', `the mapping could not be read: ${show(error)}`);
  }
}

function migrate<S extends string>(
  from: Workflow,
  to: Workflow<S>,
  ticket: Ticket,
  mapping: TicketMigration,
): MigrationResult<S> {
  const stored = readStoredTicket(from.compiled, ticket);
  if (isError(stored))
    return refuse(
      stored.code === 'unknownStatus' ? 'unknownStatus' : 'invalidTicket',
      stored.path ?? 'ticket',
      stored.message,
    );
  const badMapping = checkMapping(from, to as Workflow, mapping);
  if (badMapping !== null) return badMapping;

  const status = mapStatus(to as Workflow, mapping, stored.status);
  if (status === null)
    return refuse(
      'unmappedStatus',
      'status',
      `status "${stored.status}" is not in the new policy: map it in \`statuses\``,
    );
  const landed = to.compiled.byId.get(status)!;
  let snoozedFrom: string | null = null;
  if (landed.category === 'snoozed' && stored.snoozedFrom !== null) {
    snoozedFrom = mapStatus(to as Workflow, mapping, stored.snoozedFrom);
    if (snoozedFrom === null) {
      return refuse(
        'unmappedStatus',
        'snoozedFrom',
        `status "${stored.snoozedFrom}" (snoozed from) is not in the new policy: map it in \`statuses\``,
      );
    }
  }
  const fired = mapFired(to as Workflow, mapping, stored.timersFired);
  if (typeof fired === 'string') {
    return refuse(
      'unmappedTimer',
      `timersFired.${fired}`,
      `timer "${fired}" already fired on this ticket and is not in the new policy: map it in \`timers\` (or to null to let it act again)`,
    );
  }

  const changed = status !== stored.status || snoozedFrom !== stored.snoozedFrom || fired.changed;
  // `stored` is a fresh copy made for this call, so it is ours to finish.
  const migrated = changed
    ? (Object.assign(stored, {
        status,
        snoozedFrom,
        timersFired: fired.counts,
        version: stored.version + 1,
      }) as Ticket<S>)
    : (stored as Ticket<S>);
  // What the mapping does not cover must fit the new policy too (a priority or group it does not declare): a ticket
  // it would refuse on every event is refused here, where the host can still mend it under the old policy.
  const fits = readStoredTicket(to.compiled, migrated);
  if (isError(fits)) return refuse('invalidTicket', fits.path ?? 'ticket', `under the new policy, ${fits.message}`);
  return {
    ok: true,
    ticket: changed ? migrated : (ticket as Ticket<S>),
    changed,
    nextDeadline: nextDeadline(to, migrated),
  };
}

/** Where a status goes: the mapping's word, else the same id when the new policy has it, else nowhere. */
function mapStatus(to: Workflow, mapping: TicketMigration, id: string): string | null {
  const next = mapping.statuses?.[id] ?? id;
  return Object.hasOwn(mapping.statuses ?? {}, id) || to.compiled.byId.has(next) ? next : null;
}

/** The fired-timer record under the new ids, or the first old id that has no place in the new policy. */
function mapFired(
  to: Workflow,
  mapping: TicketMigration,
  counts: Readonly<Record<string, number>>,
): string | { counts: Readonly<Record<string, number>>; changed: boolean } {
  const known = timerIds(to);
  const renames = mapping.timers ?? {};
  const next: Record<string, number> = {};
  let changed = false;
  for (const [id, count] of Object.entries(counts)) {
    const target: string | null = Object.hasOwn(renames, id) ? (renames[id] as string | null) : id;
    if (target === null) {
      changed = true;
      continue;
    }
    if (!known.has(target)) return id;
    if (target !== id) changed = true;
    next[target] = Math.max(next[target] ?? 0, count);
  }
  return { counts: changed ? next : counts, changed };
}
