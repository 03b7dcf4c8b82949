import type { CompiledCalendar } from '../calendar/compiled-calendar.js';
import type { Category } from '../policy/category.js';
import { clockOf, readCalendar } from '../policy/compile-timers.js';
import { parseDuration } from '../policy/duration.js';
import { FrozenMap, FrozenSet } from '../policy/frozen.js';
import { POLICY_LIMITS } from '../policy/limits.js';
import { join, own, type Reader } from '../policy/reader.js';
import type { StatusInfo } from '../policy/workflow.js';
import type { Ticket } from '../model/ticket.js';
import { matchesWhen } from '../engine/when.js';
import { compileWhen } from '../policy/compile-when.js';
import type { CompiledSla, CompiledSlaPolicy } from './compiled-sla.js';
import { fireSla, slaDue } from './due.js';
import { readSlaState } from './read-state.js';
import { SLA_METRICS, type SlaMetric } from './sla-config.js';
import { syncSla } from './sync.js';

const POLICY_FIELDS = ['id', 'when', 'calendar', 'targets', 'warnBefore', 'pause'] as const;
const PAUSE_KEYS: readonly string[] = /* @__PURE__ */ ['all'].concat(SLA_METRICS);

/**
 * Where each metric pauses when a policy says nothing: the majority rule among the vendors (docs/sla.md). Every
 * clock pauses while the ball is with the customer (`pending`) or the ticket is put aside (`snoozed`) and runs on
 * hold (the customer still waits); agent work time also pauses on hold (Zendesk).
 */
const DEFAULT_PAUSE: Readonly<Record<SlaMetric, readonly Category[]>> = {
  firstReply: ['pending', 'snoozed'],
  nextReply: ['pending', 'snoozed'],
  periodicUpdate: ['pending', 'snoozed'],
  resolution: ['pending', 'snoozed'],
  requesterWait: ['pending', 'snoozed'],
  agentWork: ['pending', 'snoozed', 'onHold'],
};

const always = (): boolean => true;

/**
 * Reads `sla` (a list of SLA policies, first match wins) into the engine's SLA runtime, or `null` when the policy
 * has none: then no ticket carries clocks and no engine path pays for them. Linear in the policies times the
 * statuses.
 */
export function compileSla(
  reader: Reader,
  value: unknown,
  statuses: readonly StatusInfo[],
  calendars: ReadonlyMap<string, CompiledCalendar | null>,
): CompiledSla | null {
  if (value === undefined) return null;
  const list = reader.array(value, 'sla', POLICY_LIMITS.maxSlaPolicies, 'maxSlaPolicies');
  const byCategory = (categories: readonly Category[]): Set<string> =>
    new Set(statuses.filter((s) => categories.includes(s.category)).map((s) => s.id));
  // Solved and closed stop every clock, and a status marked `slaPaused` pauses every one (Freshdesk's toggle).
  const done = byCategory(['solved', 'closed']);
  const everywhere = [...done, ...statuses.filter((s) => s.slaPaused).map((s) => s.id)];
  const pausedSet = (extra: Iterable<string>): ReadonlySet<string> => new FrozenSet([...everywhere, ...extra]);
  const defaults = Object.fromEntries(
    SLA_METRICS.map((m) => [m, pausedSet(byCategory(DEFAULT_PAUSE[m]))]),
  ) as CompiledSlaPolicy['paused'];
  const ids = new Set<string>();
  const measured = new Set<SlaMetric>();
  const policies: CompiledSlaPolicy[] = [];
  list.forEach((raw, i) => {
    const path = join('sla', i);
    const obj = reader.object(raw, path, POLICY_FIELDS);
    if (obj === null) return;
    const id = reader.id(own(obj, 'id'), join(path, 'id'), 'SLA policy');
    const when = compileWhen(reader, obj, path);
    if (id !== null && ids.has(id))
      reader.report(join(path, 'id'), 'duplicateId', `SLA policy "${id}" is defined twice`);
    if (id !== null) ids.add(id);
    const calendar = readCalendar(reader, obj, path, calendars);
    const parse = calendar === null ? parseDuration : calendar.duration;
    const targets = readTargets(reader, own(obj, 'targets'), join(path, 'targets'), parse);
    for (const metric of Object.keys(targets) as SlaMetric[]) measured.add(metric);
    const warnBefore = reader.duration(obj, 'warnBefore', path, parse);
    const paused = readPause(reader, own(obj, 'pause'), join(path, 'pause'), defaults, pausedSet);
    if (id === null) return;
    const matches = when === null ? always : (ticket: Ticket) => matchesWhen(when, ticket);
    policies.push({ id, matches, targets, warnBefore, paused, ...clockOf(calendar) });
  });
  const fallback: CompiledSlaPolicy = {
    id: null,
    matches: always,
    targets: {},
    warnBefore: null,
    paused: defaults,
    ...clockOf(null),
  };
  const byId = new FrozenMap<string | null, CompiledSlaPolicy>(policies.map((p) => [p.id, p]));
  const categories = new FrozenMap<string, Category>(statuses.map((s) => [s.id, s.category]));
  const sla: CompiledSla = {
    metrics: SLA_METRICS.filter((m) => measured.has(m)),
    policies,
    fallback,
    done: new FrozenSet(done),
    select: (ticket: Ticket) => {
      // A loop, not `find`: called on every changed ticket, and a closure per call shows in a sweep's profile.
      for (let i = 0; i < policies.length; i++) if (policies[i]!.matches(ticket)) return policies[i]!;
      return fallback;
    },
    byId: (id) => byId.get(id) ?? fallback,
    categoryOf: (status) => categories.get(status)!,
    read: (state, ticket, keepActivity = true) =>
      readSlaState(sla, state, ticket, sla.metrics, sla.categoryOf, keepActivity),
    sync: (ticket, at, effects) => syncSla(sla, ticket, at, effects),
    due: (ticket) => slaDue(sla, ticket),
    fire: (ticket, dueAt, effects, steps) => fireSla(sla, ticket, dueAt, effects, steps),
  };
  return sla;
}

function readTargets(
  reader: Reader,
  raw: unknown,
  path: string,
  parse: (value: unknown) => number | null,
): { [M in SlaMetric]?: number } {
  const targets: { [M in SlaMetric]?: number } = {};
  if (raw === undefined) {
    reader.report(path, 'missingField', 'an SLA policy needs "targets"');
    return targets;
  }
  const obj = reader.object(raw, path, SLA_METRICS);
  if (obj === null) return targets;
  for (const metric of SLA_METRICS) {
    const ms = reader.duration(obj, metric, path, parse);
    if (ms !== null) targets[metric] = ms;
  }
  if (Object.keys(obj).length === 0) reader.report(path, 'emptySelector', 'names no target');
  return targets;
}

/** Per metric, where its clock pauses: the rule for it, else the rule for `all`, else the default. */
function readPause(
  reader: Reader,
  raw: unknown,
  path: string,
  defaults: CompiledSlaPolicy['paused'],
  pausedSet: (extra: Iterable<string>) => ReadonlySet<string>,
): CompiledSlaPolicy['paused'] {
  if (raw === undefined) return defaults;
  const obj = reader.object(raw, path, PAUSE_KEYS);
  if (obj === null) return defaults;
  const rules = new Map<string, ReadonlySet<string>>();
  for (const key of PAUSE_KEYS) {
    const rule = own(obj, key);
    if (rule === undefined) continue;
    const rulePath = join(path, key);
    const ruleObj = reader.object(rule, rulePath, ['in', 'inCategory']);
    if (ruleObj === null) continue;
    const selected = reader.selection(ruleObj, 'in', 'inCategory', rulePath);
    rules.set(key, pausedSet(selected ?? []));
  }
  const all = rules.get('all');
  return Object.fromEntries(
    SLA_METRICS.map((m) => [m, rules.get(m) ?? all ?? defaults[m]]),
  ) as CompiledSlaPolicy['paused'];
}
