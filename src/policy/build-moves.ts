import { ACTORS, type Actor } from '../model/actor.js';
import { CATEGORIES, DONE, type Category } from './category.js';
import { FrozenMap } from './frozen.js';
import { impliedActions, type ActionName, type RuledAction } from './implied-action.js';
import { type CompiledWhen, whenCanMatch } from './compile-when.js';
import type { Move, MoveEvent, MoveRule, MovesTable, MoveWhen, StatusMoves, TimerMove } from './moves.js';
import { actorsAllowedAll, actorsOf, maskOf } from './rule-actors.js';
import { timerMoves } from './timer-moves.js';
import { replyCandidates } from './reply-candidates.js';
import {
  ACTOR_BIT,
  type CompiledActionRule,
  type CompiledConditions,
  type CompiledReply,
  type CompiledStatus,
  type CompiledStatusChange,
  type Workflow,
} from './workflow.js';

const ALL_ACTORS = /* @__PURE__ */ maskOf(ACTORS); // a pure call: bundlers drop it when unused

/** A builder's view of the workflow: its compiled statuses in order, and the rules described so far. */
interface Build {
  readonly workflow: Workflow;
  readonly statuses: readonly CompiledStatus[];
  readonly rules: MoveRule[];
  readonly moves: Move[];
  /** One description per compiled rule object and event (merge may share the close rules' objects). */
  readonly described: Map<string, Map<unknown, MoveRule>>;
}

/**
 * Builds the moves table (see `moves.ts`) from the compiled form, in one pass per kind of rule: each rule visits
 * the statuses it selects, so the work is linear in the policy's size (rules' selections × actors).
 */
export function buildMoves(workflow: Workflow): MovesTable {
  const { compiled, defaults } = workflow;
  const statuses = workflow.statuses.map((s) => compiled.byId.get(s.id)!);
  const build: Build = { workflow, statuses, rules: [], moves: [], described: new Map() };

  replyMoves(build);
  ruleMoves(build, 'assign', compiled.assign, (s) => s.assignTo);
  const toDefault = (id: string | undefined, skip: Category) => (s: CompiledStatus) =>
    id === undefined || s.category === skip ? null : id;
  ruleMoves(build, 'resolve', compiled.resolve, toDefault(defaults.solved, 'solved'));
  ruleMoves(build, 'close', compiled.close, toDefault(defaults.closed, 'closed'));
  ruleMoves(build, 'snooze', compiled.snooze, toDefault(defaults.snoozed, 'snoozed'));
  ruleMoves(build, 'merge', compiled.merge, () => (defaults.closed === undefined ? null : defaults.closed));
  ruleMoves(build, 'reopen', compiled.reopen, (s) =>
    DONE.has(s.category) && s.reopenTo !== null && !DONE.has(compiled.byId.get(s.reopenTo)!.category)
      ? s.reopenTo
      : null,
  );
  chosenMoves(build);

  const timers = timerMoves(statuses, build.moves);
  const byStatus = new Map<string, { moves: Move[]; timers: TimerMove[] }>(
    statuses.map((s) => [s.id, { moves: [], timers: [] }]),
  );
  for (const move of build.moves) for (const from of move.from) byStatus.get(from)!.moves.push(move);
  for (const timer of timers) byStatus.get(timer.from)!.timers.push(timer);
  return {
    rules: build.rules,
    moves: build.moves,
    timers,
    byStatus: new FrozenMap<string, StatusMoves>(byStatus),
  };
}

/** The public description of a compiled rule, made once per rule and event. */
function describe(build: Build, event: MoveEvent, key: unknown, make: () => Omit<MoveRule, 'event'>): MoveRule {
  let byRule = build.described.get(event);
  if (byRule === undefined) {
    byRule = new Map();
    build.described.set(event, byRule);
  }
  let rule = byRule.get(key);
  if (rule === undefined) {
    rule = { event, ...make() };
    byRule.set(key, rule);
    build.rules.push(rule);
  }
  return rule;
}

const NO_CONDITIONS = {
  requireAssignee: false,
  notWhileCustomerWaits: false,
  guards: [],
  keepAssignee: false,
  assignSolver: false,
};

/** The public form of a compiled `when` (lists in place of sets), as the table and the diagram show it. */
export function describeWhen(when: CompiledWhen | null): MoveWhen | null {
  if (when === null) return null;
  const list = <T>(set: ReadonlySet<T> | null): T[] | null => (set === null ? null : [...set]);
  return {
    priority: list(when.priority),
    group: list(when.group),
    channel: list(when.channel),
    tagsAny: [...when.tagsAny],
    tagsAll: [...when.tagsAll],
    tagsNone: [...when.tagsNone],
  };
}

function describeRule(
  build: Build,
  event: MoveEvent,
  rule: CompiledConditions & {
    readonly by: number;
    readonly from: ReadonlySet<string> | null;
    readonly when: CompiledWhen | null;
  },
): MoveRule {
  const action = rule as Partial<CompiledActionRule> & CompiledStatusChange;
  return describe(build, event, rule, () => ({
    path: rule.path,
    by: actorsOf(rule.by),
    forceBy: actorsOf(action.forceBy ?? 0),
    from: rule.from === null ? null : [...rule.from],
    conditions: {
      requireAssignee: rule.requireAssignee,
      notWhileCustomerWaits: rule.notWhileCustomerWaits,
      guards: rule.guards.map(([name]) => name),
      keepAssignee: action.keepAssignee ?? false,
      assignSolver: action.assignSolver ?? false,
      withinMs: null,
      when: describeWhen(rule.when),
    },
  }));
}

/**
 * Per rule of one kind (in the order the rules are given), per actor, the statuses where the rule is a candidate:
 * the decision structure (`decisions.ts`) read back, so the table lists exactly what the engine tries.
 */
function candidateSources<R>(
  build: Build,
  kind: RuledAction | 'setStatus',
  rules: readonly R[],
): Map<R, Map<Actor, CompiledStatus[]>> {
  const out = new Map<R, Map<Actor, CompiledStatus[]>>(rules.map((rule) => [rule, new Map()]));
  for (const status of build.statuses)
    for (const actor of ACTORS)
      for (const rule of status.decide[kind][actor] as readonly R[]) {
        const bySource = out.get(rule)!;
        const list = bySource.get(actor) ?? [];
        bySource.set(actor, list);
        list.push(status);
      }
  return out;
}

/**
 * Moves whose target the rule decides (`target(source)`), gated by the event's own rules: per rule, per target,
 * the actors and the sources where the rule is a candidate and every other action the move amounts to lets them
 * act (the engine checks those too: resolving a closed ticket is also a reopen). Actors with the same sources share
 * one move.
 */
function ruleMoves(
  build: Build,
  event: ActionName | 'assign' | 'merge',
  rules: readonly CompiledActionRule[],
  target: (source: CompiledStatus) => string | null,
): void {
  const { compiled } = build.workflow;
  for (const [rule, byActor] of candidateSources(build, event, rules)) {
    if (!whenCanMatch(rule.when)) continue;
    const byTarget = new Map<string, Map<Actor, string[]>>();
    for (const [actor, sources] of byActor) {
      for (const source of sources) {
        const to = target(source);
        if (to === null || to === source.id) continue;
        const others = impliedActions(source, compiled.byId.get(to)!).filter((action) => action !== event);
        if (
          event !== 'assign' &&
          event !== 'merge' &&
          actorsAllowedAll(source, others, rule.when, ACTOR_BIT[actor]) === 0
        )
          continue;
        const bySource = byTarget.get(to) ?? new Map<Actor, string[]>();
        byTarget.set(to, bySource);
        const list = bySource.get(actor) ?? [];
        bySource.set(actor, list);
        list.push(source.id);
      }
    }
    for (const [to, bySource] of byTarget)
      for (const [by, from] of shareSources(bySource))
        build.moves.push({ event, by, from, to: [to], chosen: false, rule: describeRule(build, event, rule) });
  }
}

/** Actors with the same list of sources, merged into one entry (in actor order). */
function shareSources(bySource: ReadonlyMap<Actor, readonly string[]>): [Actor[], readonly string[]][] {
  const merged = new Map<string, [Actor[], readonly string[]]>();
  for (const actor of ACTORS) {
    const from = bySource.get(actor);
    if (from === undefined || from.length === 0) continue;
    const key = from.join('\u0000');
    const entry = merged.get(key);
    if (entry === undefined) merged.set(key, [[actor], from]);
    else entry[0].push(actor);
  }
  return [...merged.values()];
}

/**
 * Reply moves, as the compiled reply table answers them per status and actor (the built-in rule included: a
 * customer's reply wakes a snoozed ticket). A reopen with `within` carries its window as a condition.
 */
function replyMoves(build: Build): void {
  const reached = replyCandidates(build.workflow);
  for (const status of build.statuses) {
    // Keyed by rule and target: the compiled candidates are per actor, the rule (and so its `when`) is shared.
    const byRule = new Map<string, [CompiledReply, Actor[]]>();
    for (const actor of ACTORS) {
      // The candidates of the status and actor that some ticket reaches: one matching the rule's `when` and no
      // earlier candidate's (first match wins).
      for (let reply: CompiledReply | null = status.replies[actor]; reply !== null; reply = reply.next) {
        if ((reply.action !== 'move' && reply.action !== 'reopen') || reply.to === null || reply.to === status.id)
          continue;
        if (!reached.has(reply)) continue;
        const key = `${reply.rule}\u0000${reply.to}`;
        byRule.set(key, [reply, [...(byRule.get(key)?.[1] ?? []), actor]]);
      }
    }
    for (const [reply, by] of byRule.values()) {
      // One description per rule of the policy (the built-in one per actor set): replies compile per status.
      const key = reply.rule >= 0 ? build.workflow.config.replies![reply.rule]! : by.join();
      const rule = describe(build, 'reply', key, () => ({
        path: reply.rule >= 0 ? `replies[${reply.rule}]` : null,
        by: reply.rule >= 0 ? replyActors(build, reply.rule) : by,
        forceBy: [],
        from: null,
        conditions: { ...NO_CONDITIONS, withinMs: reply.within, when: describeWhen(reply.when) },
      }));
      build.moves.push({ event: 'reply', by, from: [status.id], to: [reply.to!], chosen: false, rule });
    }
  }
}

/** The actors a reply rule of the policy names. */
function replyActors(build: Build, index: number): Actor[] {
  const by = build.workflow.config.replies![index]!.by;
  const list: readonly Actor[] = by === undefined ? [] : Array.isArray(by) ? by : [by as Actor];
  return ACTORS.filter((a) => list.includes(a));
}

/**
 * Moves to a status the event names: `setStatus` (and a reply's "send and mark as", which passes the same rules)
 * within each `statusChanges` rule, and `reopen` with `to` (the allow-list and the reopen rules). Whether an actor
 * may move from a source into a category depends only on the source and the category (the action the move amounts
 * to), so it is computed once per source and category; each rule then costs its selections.
 */
function chosenMoves(build: Build): void {
  const { statuses } = build;
  const movers = moversByCategory(build);
  // A status that needs an `until` no timer counts to can never be set by hand; a reopen does not ask for one.
  const settable = (s: CompiledStatus): boolean => !s.requireUntil || s.acceptsUntil;
  const seen = new Set<string>();
  const rules = build.workflow.compiled.statusChanges;
  for (const [rule, byActor] of candidateSources(build, 'setStatus', rules)) {
    if (!whenCanMatch(rule.when)) continue;
    // A repeated rule allows nothing more: listing it again would only multiply every reader's work.
    const key = `${rule.by}|${[...(rule.from ?? ['*'])]}|${[...(rule.to ?? ['*'])]}|${rule.requireAssignee}|${rule.notWhileCustomerWaits}|${rule.guards.map(([n]) => n)}|${JSON.stringify(describeWhen(rule.when))}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const described = describeRule(build, 'setStatus', rule);
    // A rule with a `when` moves only tickets that match it: the implied actions' rules must meet it too.
    const ruleMovers = rule.when === null ? movers : moversByCategory(build, rule.when);
    for (const category of CATEGORIES) {
      const inCategory = statuses.filter((s) => s.category === category && (rule.to === null || rule.to.has(s.id)));
      const allowedBy = ruleMovers.get(category)!;
      const add = (event: 'setStatus' | 'reopen', done: boolean, to: readonly CompiledStatus[]) => {
        if (to.length === 0) return;
        const bySource = new Map<Actor, string[]>();
        for (const [actor, sources] of byActor) {
          const bit = ACTOR_BIT[actor];
          bySource.set(
            actor,
            sources
              .filter((s) => (!done || DONE.has(s.category)) && (allowedBy.get(s.id)! & bit) !== 0)
              .map((s) => s.id),
          );
        }
        const ids = to.map((s) => s.id);
        for (const [by, list] of shareSources(bySource))
          build.moves.push({ event, by, from: list, to: ids, chosen: true, rule: described });
      };
      add('setStatus', false, inCategory.filter(settable));
      if (!DONE.has(category)) add('reopen', true, inCategory);
    }
  }
}

/**
 * Per target category and source status, the actors the action rules let move from there into that category
 * (every action the move amounts to: resolving, closing, snoozing, reopening): statuses × 7 lookups.
 */
function moversByCategory(build: Build, when: CompiledWhen | null = null): Map<Category, Map<string, number>> {
  const movers = new Map<Category, Map<string, number>>();
  for (const category of CATEGORIES) {
    const probe = build.statuses.find((s) => s.category === category);
    const bySource = new Map<string, number>();
    movers.set(category, bySource);
    if (probe === undefined) continue;
    for (const source of build.statuses) {
      bySource.set(source.id, actorsAllowedAll(source, impliedActions(source, probe), when, ALL_ACTORS));
    }
  }
  return movers;
}
