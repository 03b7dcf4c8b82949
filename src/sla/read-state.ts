import type { Category } from '../policy/category.js';
import { openActivity, readActivity } from './activity.js';
import { isTime } from '../policy/time.js';
import type { Ticket } from '../model/ticket.js';
import type { SlaMetric } from './sla-config.js';
import type { SlaClock, SlaState } from '../model/sla-state.js';
import { isSealedFor } from './sealed.js';

/**
 * A stored `sla` field read once and checked: `null` when absent (a ticket stored before SLAs, or under a policy
 * without them: its clocks start at its next change), `undefined` when malformed. A state the engine sealed for
 * `owner` is taken as it is (see `sealed.ts`); any other is checked field by field into a plain copy, each field
 * read once (`categoryOf` gives the ticket's category, where counting starts for a state stored without
 * `activity`). The copy is not sealed here: a read-only query (`slaStatus`, a sweep) only reads it, and the engine
 * seals it only when a ticket it returns carries it (`sealState`). Clocks of metrics the workflow does not
 * measure are dropped, like stale `timersFired` keys. Every time lies between the ticket's `createdAt` and
 * `updatedAt`, so nothing read can make a deadline earlier than `updatedAt`.
 */
export function readSlaState(
  owner: object,
  value: unknown,
  ticket: Ticket,
  metrics: readonly SlaMetric[],
  categoryOf: (status: string) => Category,
): SlaState | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (isSealedFor(value, owner, ticket.createdAt, ticket.updatedAt)) return value;
  const { policy, clocks, activity } = value as { policy?: unknown; clocks?: unknown; activity?: unknown };
  if (policy !== null && (typeof policy !== 'string' || policy === '')) return undefined;
  if (typeof clocks !== 'object' || clocks === null || Array.isArray(clocks)) return undefined;
  const copy: { [M in SlaMetric]?: SlaClock } = {};
  for (const metric of metrics) {
    if (!Object.hasOwn(clocks, metric)) continue;
    const clock = readClock((clocks as Record<string, unknown>)[metric], ticket.createdAt, ticket.updatedAt);
    if (clock === undefined) return undefined;
    copy[metric] = clock;
  }
  // Stored before activity was kept: counting starts with the stay in the ticket's status.
  const read =
    activity === undefined
      ? openActivity(ticket, categoryOf(ticket.status), ticket.statusChangedAt, false)
      : readActivity(activity, ticket);
  if (read === undefined) return undefined;
  return { policy, clocks: copy, activity: read };
}

function readClock(value: unknown, createdAt: number, updatedAt: number): SlaClock | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { start, used, since, metAt, stage } = value as Record<string, unknown>;
  if (!isTime(start) || start < createdAt || start > updatedAt) return undefined;
  if (!Number.isSafeInteger(used) || (used as number) < 0) return undefined;
  if (since !== null && !(isTime(since) && since >= start && since <= updatedAt)) return undefined;
  if (metAt !== null && !(isTime(metAt) && metAt >= start && metAt <= updatedAt)) return undefined;
  if (stage !== 0 && stage !== 1 && stage !== 2) return undefined;
  // A plain literal in `makeClock`'s field order: sealing freezes it into the same shape as the engine's clocks.
  return { start, used: used as number, since, metAt, stage };
}
