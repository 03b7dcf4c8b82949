import { isTime } from '../policy/time.js';
import type { Ticket } from '../model/ticket.js';
import type { SlaMetric } from './sla-config.js';
import type { SlaClock, SlaState } from '../model/sla-state.js';

/**
 * A stored `sla` field read once into a fresh copy and checked: `null` when absent (a ticket stored before SLAs,
 * or under a policy without them: its clocks start at its next change), `undefined` when malformed. Clocks of
 * metrics the workflow does not measure are dropped, like stale `timersFired` keys. Every time lies between the
 * ticket's `createdAt` and `updatedAt`, so nothing read can make a deadline earlier than `updatedAt`.
 */
export function readSlaState(
  value: unknown,
  ticket: Ticket,
  metrics: readonly SlaMetric[],
): SlaState | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { policy, clocks } = value as { policy?: unknown; clocks?: unknown };
  if (policy !== null && (typeof policy !== 'string' || policy === '')) return undefined;
  if (typeof clocks !== 'object' || clocks === null || Array.isArray(clocks)) return undefined;
  const copy: { [M in SlaMetric]?: SlaClock } = {};
  for (const metric of metrics) {
    if (!Object.hasOwn(clocks, metric)) continue;
    const clock = readClock((clocks as Record<string, unknown>)[metric], ticket);
    if (clock === undefined) return undefined;
    copy[metric] = clock;
  }
  return { policy, clocks: copy };
}

function readClock(value: unknown, ticket: Ticket): SlaClock | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { start, used, since, metAt, stage } = value as Record<string, unknown>;
  const within = (t: unknown): t is number => isTime(t) && t >= ticket.createdAt && t <= ticket.updatedAt;
  if (!within(start) || !Number.isSafeInteger(used) || (used as number) < 0) return undefined;
  if (since !== null && !(within(since) && since >= start)) return undefined;
  if (metAt !== null && !(within(metAt) && metAt >= start)) return undefined;
  if (stage !== 0 && stage !== 1 && stage !== 2) return undefined;
  return { start, used: used as number, since, metAt, stage };
}
