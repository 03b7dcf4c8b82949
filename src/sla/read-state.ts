import type { Category } from '../policy/category.js';
import { openActivity, readActivity } from './activity.js';
import { isTime } from '../policy/time.js';
import type { Ticket } from '../model/ticket.js';
import type { SlaMetric } from './sla-config.js';
import type { SlaActivity, SlaClock, SlaState } from '../model/sla-state.js';
import { isSealedFor } from './sealed.js';

/**
 * A stored `sla` field read once and checked: `null` when absent (a ticket stored before SLAs, or under a policy
 * without them: its clocks start at its next change), `undefined` when malformed. A state the engine sealed for
 * `owner` is taken as it is (see `sealed.ts`); any other is checked field by field into a plain copy, each field
 * read once (`categoryOf` gives the ticket's category, where counting starts for a state stored without
 * `activity`). The copy is not sealed: a read-only query only reads it, and its parts are frozen when a state the
 * engine makes takes them (`freezeCopy`). Without `keepActivity` (a query that reads only the clocks) the activity
 * is checked but not copied, and the copy has none. Clocks of metrics the workflow does not measure are dropped,
 * like stale `timersFired` keys. Every time lies between the ticket's `createdAt` and `updatedAt`, so nothing read
 * can make a deadline earlier than `updatedAt`.
 */
export function readSlaState(
  owner: object,
  value: unknown,
  ticket: Ticket,
  metrics: readonly SlaMetric[],
  categoryOf: (status: string) => Category,
  keepActivity: boolean,
): SlaState | null | undefined {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) return undefined;
  if (isSealedFor(value, owner, ticket.createdAt, ticket.updatedAt)) return value;
  const { policy, clocks, activity } = value;
  if (!isPolicyId(policy) || !isRecord(clocks)) return undefined;
  const copy: { [M in SlaMetric]?: SlaClock } = {};
  for (let i = 0; i < metrics.length; i++) {
    const metric = metrics[i]!;
    if (!Object.hasOwn(clocks, metric)) continue;
    const clock = readClock(clocks[metric], ticket.createdAt, ticket.updatedAt);
    if (clock === undefined) return undefined;
    copy[metric] = clock;
  }
  let read: SlaActivity | null | undefined = null;
  if (activity !== undefined) read = readActivity(activity, ticket, keepActivity);
  // Stored before activity was kept: counting starts with the stay in the ticket's status.
  else if (keepActivity) read = openActivity(ticket, categoryOf(ticket.status), ticket.statusChangedAt, false);
  if (read === undefined) return undefined;
  return { policy, clocks: copy, activity: read ?? undefined };
}

/** A plain object, not an array: what a stored state, its clocks record and its `time` record must be. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored `policy`: the id of an SLA policy, or `null` (none matched). */
export const isPolicyId = (value: unknown): value is string | null =>
  value === null || (typeof value === 'string' && value !== '');

/**
 * Whether a stored clock's fields, each read once by the caller, make a clock of a ticket created at `createdAt`
 * and last changed at `updatedAt`: every time in between (`since` and `metAt` not before `start`), `used` whole,
 * not negative and not more than `updatedAt - start`, `stage` 0, 1 or 2.
 */
export function isClockOf(
  start: unknown,
  used: unknown,
  since: unknown,
  metAt: unknown,
  stage: unknown,
  createdAt: number,
  updatedAt: number,
): boolean {
  if (!isTime(start) || start < createdAt || start > updatedAt) return false;
  // Open time is never more than the real time since the clock started: a larger `used` (a row edited by hand)
  // would put the answer's `dueAt` before the ticket existed.
  if (!Number.isSafeInteger(used) || (used as number) < 0 || (used as number) > updatedAt - start) return false;
  if (since !== null && !(isTime(since) && since >= start && since <= updatedAt)) return false;
  if (metAt !== null && !(isTime(metAt) && metAt >= start && metAt <= updatedAt)) return false;
  return stage === 0 || stage === 1 || stage === 2;
}

function readClock(value: unknown, createdAt: number, updatedAt: number): SlaClock | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { start, used, since, metAt, stage } = value as Record<string, unknown>;
  if (!isClockOf(start, used, since, metAt, stage, createdAt, updatedAt)) return undefined;
  // A plain literal in `makeClock`'s field order: sealing freezes it into the same shape as the engine's clocks.
  return {
    start: start as number,
    used: used as number,
    since: since as number | null,
    metAt: metAt as number | null,
    stage: stage as 0 | 1 | 2,
  };
}
