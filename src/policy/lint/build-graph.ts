import { timerTargets } from '../timer-targets.js';
import { ACTORS } from '../actor.js';
import { CATEGORIES, DONE } from '../category.js';
import { ACTOR_BIT, type CompiledStatus, type Workflow } from '../workflow.js';
import type { EdgeGroup } from './graph.js';
import { actorsAllowed, distinctStatusChanges, moversByCategory } from './permissions.js';

const TEAM = ACTOR_BIT.agent | ACTOR_BIT.system;

/**
 * Every move the engine can make, as groups of edges: reply rules per actor (reopen targets included), assignments,
 * `setStatus` (and "send and mark as") within the `statusChanges` allow-list and the action rules a move amounts
 * to, the explicit `resolve` / `close` / `snooze` / `reopen` events, and timer moves (snooze wake-ups back to the
 * previous status included).
 */
export function buildGroups(workflow: Workflow): EdgeGroup[] {
  const { compiled } = workflow;
  const statuses = workflow.statuses.map((s) => compiled.byId.get(s.id)!);
  const groups: EdgeGroup[] = [];
  const single = (kind: EdgeGroup['kind'], actors: number, from: string, to: string): void => {
    if (from !== to) groups.push({ kind, actors, sources: [from], targets: [to] });
  };

  for (const status of statuses) {
    for (const actor of ACTORS) {
      const reply = status.replies[actor];
      if ((reply.action === 'move' || reply.action === 'reopen') && reply.to !== null)
        single('reply', ACTOR_BIT[actor], status.id, reply.to);
    }
    if (status.assignTo !== null) single('assign', TEAM, status.id, status.assignTo);
    // One group per status and pause behaviour, each target once: searches only ask where timers lead and
    // whether they wait for the customer, so a status with a hundred timers to "closed" is one edge, not a hundred.
    const timerTargetsBy = [new Set<string>(), new Set<string>()];
    for (const timer of status.timers) {
      if (timer.action !== 'move') continue;
      for (const t of timerTargets(timer))
        if (t !== status.id) timerTargetsBy[timer.skipWhileCustomerWaits ? 1 : 0]!.add(t);
    }
    timerTargetsBy.forEach((targets, paused) => {
      if (targets.size > 0)
        groups.push({
          kind: 'timer',
          actors: 0,
          sources: [status.id],
          targets: [...targets],
          pausedWhileCustomerWaits: paused === 1,
        });
    });
  }

  groups.push(...statusChangeGroups(workflow, statuses));
  groups.push(...actionGroups(workflow, statuses));
  groups.push(...restoreGroups(statuses, groups));
  return groups;
}

/**
 * A wake-up that restores "any previous status" (`restorePrevious: true`) can go back to wherever the ticket came
 * from: only a snoozed status remembers one, and it is a status with a move into the snoozed one.
 */
function restoreGroups(statuses: readonly CompiledStatus[], groups: readonly EdgeGroup[]): EdgeGroup[] {
  const restoring = new Map<string, boolean>();
  for (const s of statuses) {
    const timers = s.timers.filter((t) => t.action === 'move' && t.restore === true);
    if (s.category === 'snoozed' && timers.length > 0)
      restoring.set(
        s.id,
        timers.every((t) => t.skipWhileCustomerWaits),
      );
  }
  if (restoring.size === 0) return [];
  const previous = new Map<string, Set<string>>();
  for (const group of groups) {
    for (const target of group.targets) {
      if (!restoring.has(target)) continue;
      const set = previous.get(target) ?? new Set<string>();
      for (const source of group.sources) if (source !== target) set.add(source);
      previous.set(target, set);
    }
  }
  return [...previous]
    .filter(([, set]) => set.size > 0)
    .map(([status, set]) => ({
      kind: 'timer' as const,
      actors: 0,
      sources: [status],
      targets: [...set],
      pausedWhileCustomerWaits: restoring.get(status)!,
    }));
}

/**
 * One group per rule, actor and target category: whether a move is allowed depends on the rule, on the actor,
 * and (through the action it amounts to: resolve, close, snooze, reopen) on the source status and the target's
 * category only. That last part is computed once per source and category, so each rule costs its statuses.
 */
function statusChangeGroups(workflow: Workflow, statuses: readonly CompiledStatus[]): EdgeGroup[] {
  const { compiled } = workflow;
  const groups: EdgeGroup[] = [];
  // A status that needs an `until` no timer counts to can never be entered by hand.
  const enterable = statuses.filter((s) => !s.requireUntil || s.acceptsUntil);
  const movers = moversByCategory(workflow, statuses);
  for (const { rule } of distinctStatusChanges(compiled)) {
    const sources = rule.from === null ? statuses : statuses.filter((s) => rule.from!.has(s.id));
    for (const category of CATEGORIES) {
      const targets = enterable.filter((s) => s.category === category && (rule.to === null || rule.to.has(s.id)));
      if (targets.length === 0) continue;
      const allowedBy = movers.get(category)!;
      for (const actor of ACTORS) {
        const bit = ACTOR_BIT[actor];
        if ((rule.by & bit) === 0) continue;
        const allowed = sources.filter((source) => (allowedBy.get(source.id)! & bit) !== 0);
        if (allowed.length > 0)
          groups.push({
            kind: 'setStatus',
            actors: bit,
            sources: allowed.map((s) => s.id),
            targets: targets.map((s) => s.id),
          });
      }
    }
  }
  return groups;
}

/** The explicit `resolve`, `close`, `snooze` and `reopen` events; a reopen may name any working status. */
function actionGroups(workflow: Workflow, statuses: readonly CompiledStatus[]): EdgeGroup[] {
  const { compiled, defaults } = workflow;
  const groups: EdgeGroup[] = [];
  const toDefault = (
    action: 'resolve' | 'close' | 'snooze',
    target: string | undefined,
    skip: (s: CompiledStatus) => boolean,
  ): void => {
    if (target === undefined) return;
    for (const actor of ACTORS) {
      const bit = ACTOR_BIT[actor];
      const sources = statuses.filter(
        (s) => !skip(s) && s.id !== target && (actorsAllowed(compiled[action], s.id) & bit) !== 0,
      );
      if (sources.length > 0)
        groups.push({ kind: action, actors: bit, sources: sources.map((s) => s.id), targets: [target] });
    }
  };
  toDefault('resolve', defaults.solved, (s) => s.category === 'solved');
  toDefault('close', defaults.closed, (s) => s.category === 'closed');
  toDefault('snooze', defaults.snoozed, (s) => s.category === 'snoozed');
  const working = statuses.filter((s) => !DONE.has(s.category)).map((s) => s.id);
  for (const actor of ACTORS) {
    const bit = ACTOR_BIT[actor];
    const sources = statuses.filter((s) => DONE.has(s.category) && (actorsAllowed(compiled.reopen, s.id) & bit) !== 0);
    if (sources.length > 0 && working.length > 0)
      groups.push({ kind: 'reopen', actors: bit, sources: sources.map((s) => s.id), targets: working });
  }
  return groups;
}
