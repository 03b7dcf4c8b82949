import { copyTicket } from '../engine/copy-ticket.js';
import type { DueTimer } from '../engine/due-timer.js';
import type { Effect } from '../engine/effects.js';
import type { Ticket } from '../model/ticket.js';
import { MAX_TIME } from '../policy/time.js';
import { openActivity } from './activity.js';
import { atStage, nextMark } from './clock.js';
import type { CompiledSla, CompiledSlaPolicy } from './compiled-sla.js';
import type { SlaMetric } from './sla-config.js';
import type { SlaClock } from '../model/sla-state.js';
import { copyClocks, freezeCopy, SealedSlaState } from './sealed.js';

/**
 * When a running clock reaches its next mark (warning, then breach): the moment its counted time gets there, and
 * never before the ticket's `updatedAt` (a stored clock edited by hand cannot pull a deadline into the past).
 * `null` when the clock is paused, met, fully announced, or the metric has no target in `policy`, and when the mark
 * or the target it warns of falls past the end of the Date range.
 */
export function markDue(
  clock: SlaClock | undefined,
  target: number | undefined,
  policy: CompiledSlaPolicy,
  updatedAt: number,
): number | null {
  if (clock === undefined || target === undefined || clock.since === null) return null;
  const mark = nextMark(clock, target, policy.warnBefore);
  if (mark === null) return null;
  const at = Math.max(policy.later(clock.since, Math.max(0, mark.at - clock.used)), updatedAt);
  if (at > MAX_TIME) return null;
  // A warning announces its target's due time: one past the end of the Date range never comes (no event can come
  // that late), and neither does its warning, which would name a time no `Date` holds.
  return mark.stage === 1 && policy.later(clock.since, target - clock.used) > MAX_TIME ? null : at;
}

/** The next moment an SLA mark of `ticket` is due, or `null`. */
export function slaDue(sla: CompiledSla, ticket: Ticket): number | null {
  const state = ticket.sla;
  if (state === null) return null;
  const policy = sla.byId(state.policy);
  if (policy.id === null) return null;
  let best: number | null = null;
  const metrics = sla.metrics;
  for (let i = 0; i < metrics.length; i++) {
    const metric = metrics[i]!;
    const at = markDue(state.clocks[metric], policy.targets[metric], policy, ticket.updatedAt);
    if (at !== null && (best === null || at < best)) best = at;
  }
  return best;
}

/**
 * Announces every mark due at `dueAt` (the value `slaDue` gave): `slaWarning` or `slaBreached` per metric, in
 * metric order, each with the target's due time. The ticket is a new copy stamped `updatedAt = dueAt`, like a
 * reminder's.
 */
export function fireSla(
  sla: CompiledSla,
  ticket: Ticket,
  dueAt: number,
  effects: Effect[] | null,
  steps: DueTimer[] | null,
): Ticket {
  const state = ticket.sla!;
  freezeCopy(state);
  const policy = sla.byId(state.policy);
  const clocks: { [M in SlaMetric]?: SlaClock } = copyClocks(state.clocks);
  const metrics = sla.metrics;
  for (let i = 0; i < metrics.length; i++) {
    const metric = metrics[i]!;
    const clock = clocks[metric];
    const target = policy.targets[metric];
    if (markDue(clock, target, policy, ticket.updatedAt) !== dueAt) continue;
    const stage = nextMark(clock!, target!, policy.warnBefore)!.stage;
    clocks[metric] = atStage(clock!, stage);
    const type = stage === 2 ? 'slaBreached' : 'slaWarning';
    const breachAt = stage === 2 ? dueAt : policy.later(clock!.since!, target! - clock!.used);
    effects?.push({ type, policy: policy.id!, metric, dueAt: breachAt, at: dueAt });
    steps?.push({ timer: `sla:${metric}`, kind: type, dueAt, from: ticket.status, to: ticket.status });
  }
  const next = copyTicket(ticket);
  next.sla = new SealedSlaState(
    sla,
    ticket.createdAt,
    dueAt,
    state.policy,
    clocks,
    state.activity ?? openActivity(ticket, sla.categoryOf(ticket.status), ticket.statusChangedAt, false),
  );
  next.updatedAt = dueAt;
  return next;
}
