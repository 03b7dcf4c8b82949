import type { DraftTicket } from '../engine/copy-ticket.js';
import type { Effect } from '../engine/effects.js';
import type { Ticket } from '../model/ticket.js';
import { atStage, counted, makeClock, meetClock, openClock, pauseClock, reachedStage, resumeClock } from './clock.js';
import type { CompiledSla, CompiledSlaPolicy } from './compiled-sla.js';
import type { SlaMetric } from './sla-config.js';
import type { SlaClock } from '../model/sla-state.js';
import { copyClocks, freezeCopy, SealedSlaState } from './sealed.js';
import { openActivity, stepActivity } from './activity.js';
import { MAX_TIME } from '../policy/time.js';

type Clocks = { [M in SlaMetric]?: SlaClock };

/**
 * Brings a ticket's clocks up to date with its fields at `at`, in place on `ticket` (a copy the engine made for
 * this call). The clocks read only the ticket, never the event: everything an event changes happens at its one
 * instant `at`, so comparing the ticket with its clocks tells what happened (a team reply after a cycle's start
 * meets it, a solved status meets `resolution`, leaving solved resumes it, a paused status pauses the rest).
 * Unchanged clocks keep their objects, and an unchanged sealed state its object.
 */
export function syncSla(sla: CompiledSla, ticket: DraftTicket, at: number, effects: Effect[] | null): void {
  const before = ticket.sla;
  if (before !== null) freezeCopy(before);
  const policy = sla.select(ticket);
  let clocks: Clocks = before === null ? {} : before.clocks;
  const switched = before !== null && before.policy !== policy.id;
  if (switched) clocks = rebase(clocks, sla.byId(before.policy), at);
  const done = sla.done.has(ticket.status);
  const category = sla.categoryOf(ticket.status);
  // `createTicket` syncs the new ticket: its opening messages count.
  const created = before === null && ticket.version === 1 && at === ticket.createdAt;
  const activity =
    before?.activity === undefined
      ? openActivity(ticket, category, at, created)
      : stepActivity(before.activity, ticket, category, at, switched, sla.byId(before.policy).elapsed);
  let out: Clocks | null = switched ? clocks : null;
  // Clocks a reopen resumes from met: a target they passed meanwhile (a tighter policy that came while they were
  // met, which announces nothing for met clocks) is announced at once, as a change of policy does.
  let resumed: SlaMetric[] | null = null;
  // Indexed loops over the compiled lists in the SLA code: `for…of` left an iterator result per step allocated (a
  // quarter of `slaStatus`'s bytes on a ticket with a timer due).
  const metrics = sla.metrics;
  for (let i = 0; i < metrics.length; i++) {
    const metric = metrics[i]!;
    const clock = clocks[metric];
    const next = step(metric, clock, ticket, at, policy, done);
    if (next === clock) continue;
    out ??= copyClocks(clocks);
    if (next === undefined) delete out[metric];
    else out[metric] = next;
    if (clock !== undefined && clock.metAt !== null && next !== undefined && next.metAt === null) {
      resumed ??= [];
      resumed.push(metric);
    }
    const met = metOf(metric, clock, next, at, policy);
    const target = policy.targets[metric];
    if (met !== null && target !== undefined && policy.id !== null) {
      const used = met.used;
      effects?.push({ type: 'slaMet', policy: policy.id, metric, at, elapsed: used, target, breached: used >= target });
    }
  }
  if (switched) {
    effects?.push({ type: 'slaPolicyChanged', from: before.policy, to: policy.id, at });
    out = settle(out!, policy, metrics, at, effects);
  } else if (resumed !== null) out = settle(out!, policy, resumed, at, effects);
  // Nothing changed: a sealed state stays as it is; a read copy is sealed now, as the ticket is returned.
  if (before !== null && out === null && activity === before.activity && SealedSlaState.sealed(before)) return;
  ticket.sla = new SealedSlaState(sla, ticket.createdAt, at, policy.id, out ?? clocks, activity);
}

/** The cycle this change met, if any: a clock met now, or a `periodicUpdate` cycle the next one replaced. */
function metOf(
  metric: SlaMetric,
  clock: SlaClock | undefined,
  next: SlaClock | undefined,
  at: number,
  policy: CompiledSlaPolicy,
): SlaClock | null {
  if (clock === undefined || clock.metAt !== null || next === undefined) return null;
  if (next.metAt !== null) return next;
  return metric === 'periodicUpdate' && next.start !== clock.start ? meetClock(clock, at, policy.elapsed) : null;
}

/** One metric's clock after the ticket's change at `at` (the same object when nothing changed). */
function step(
  metric: SlaMetric,
  clock: SlaClock | undefined,
  t: Ticket,
  at: number,
  policy: CompiledSlaPolicy,
  done: boolean,
): SlaClock | undefined {
  let c = clock;
  switch (metric) {
    case 'firstReply':
      // Measured when a customer wrote before anyone on the team did (an outbound ticket has no first reply).
      if (c === undefined) {
        if (t.lastCustomerMessageAt === null || t.lastAgentMessageAt !== null) return c;
        c = openClock(at);
      } else if (c.metAt === null && t.lastAgentMessageAt !== null && t.lastAgentMessageAt >= c.start) {
        return meetClock(c, at, policy.elapsed);
      }
      break;
    case 'nextReply':
      // A cycle per unanswered customer message after the team's first reply, met by the next team reply.
      if (c === undefined || c.metAt !== null) {
        const waiting =
          t.awaiting === 'team' &&
          t.lastAgentMessageAt !== null &&
          t.lastCustomerMessageAt !== null &&
          t.lastCustomerMessageAt > t.lastAgentMessageAt;
        if (!waiting) return c;
        c = openClock(at);
      } else if (t.awaiting === 'customer' && t.lastAgentMessageAt !== null && t.lastAgentMessageAt >= c.start) {
        return meetClock(c, at, policy.elapsed);
      }
      break;
    case 'periodicUpdate':
      // A cycle per team reply, met by the next one (which opens the next cycle).
      if (t.lastAgentMessageAt === null) return c;
      if (c === undefined || t.lastAgentMessageAt > c.start) c = openClock(t.lastAgentMessageAt);
      break;
    default:
      // resolution, requesterWait, agentWork: one cycle from creation, met when solved, resumed by a reopen.
      if (c === undefined) c = openClock(at);
      else if (c.metAt === null && done) return meetClock(c, at, policy.elapsed);
      else if (c.metAt !== null && !done) c = makeClock(c.start, c.used, c.since, null, c.stage);
  }
  if (c.metAt !== null) return c;
  return policy.paused[metric].has(t.status) ? pauseClock(c, at, policy.elapsed) : resumeClock(c, at);
}

/** Another policy applies from `at`: running stretches end there on the old policy's clock and go on on the new. */
function rebase(clocks: Clocks, old: CompiledSlaPolicy, at: number): Clocks {
  const out: Clocks = {};
  for (const key in clocks) {
    const metric = key as SlaMetric;
    const c = clocks[metric]!;
    out[metric] = c.since === null ? c : makeClock(c.start, counted(c, at, old.elapsed), at, c.metAt, c.stage);
  }
  return out;
}

/**
 * After another policy starts to apply: what its targets make due already is announced at once (`dueAt` is the
 * change's time), and a looser target takes back a warning or a breach the clock has not reached under it.
 */
function settle(
  clocks: Clocks,
  policy: CompiledSlaPolicy,
  metrics: readonly SlaMetric[],
  at: number,
  effects: Effect[] | null,
): Clocks {
  const out = copyClocks(clocks);
  // In metric order, never the record's key order: the same ticket, in memory or read back from a database, must
  // announce its marks in one order.
  for (let i = 0; i < metrics.length; i++) {
    const metric = metrics[i]!;
    const c = clocks[metric];
    if (c === undefined) continue;
    const target = policy.targets[metric];
    if (c.metAt !== null) continue;
    const used = target === undefined ? 0 : counted(c, at, policy.elapsed);
    let reached = target === undefined ? 0 : reachedStage(used, target, policy.warnBefore);
    // A warning of a target due past the end of the Date range is never announced (see `markDue`).
    if (reached === 1 && policy.later(at, target! - used) > MAX_TIME) reached = 0;
    if (reached <= c.stage) {
      if (reached < c.stage) out[metric] = atStage(c, reached);
      continue;
    }
    if (policy.id !== null) {
      const dueAt = reached === 2 ? at : policy.later(at, target! - used);
      effects?.push({ type: reached === 2 ? 'slaBreached' : 'slaWarning', policy: policy.id, metric, dueAt, at });
    }
    out[metric] = atStage(c, reached);
  }
  return out;
}
