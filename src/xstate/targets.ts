import {
  CATEGORIES,
  EVENT_TYPES,
  type Category,
  type OneOrMany,
  type TicketEvent,
  type Workflow,
  type WorkflowConfig,
} from 'ticket-lifecycle';

/** The event types a status node listens to: exactly the pure engine's. */
export type TicketEventType = TicketEvent['type'];

/**
 * For one status and one event type, the statuses other than itself that the pure `transition` could leave the
 * ticket in through rules particular to that status: `byRule` the event's own rule can reach, `byTimer` only
 * timers that came due before the event can (they move the ticket first).
 */
export interface Targets {
  readonly byRule: readonly string[];
  readonly byTimer: readonly string[];
}

const DONE: ReadonlySet<Category> = new Set<Category>(['solved', 'closed']);

const list = <T>(value: OneOrMany<T> | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/**
 * Where the transitions of a ticket machine must be able to go, read from the policy as given
 * (`workflow.config`), never from the engine's internals.
 *
 * - `ofStatus(status, type)`: moves particular to a status — its reply rules, assignment rule, resolve, close,
 *   snooze, the reopen target of a solved/closed status, and wherever its timers (due before the event) take it.
 * - `ofAnyStatus(type)`: moves any status may make to a status of the event's choosing — `setStatus`, a reply's
 *   "send and mark as", `reopen` with `to` — and, when a timer wakes a snoozed ticket back to whatever status it
 *   came from (`restorePrevious: true`), to every status. They are drawn once, on the machine's root (a
 *   statechart transition inherited by every status), not once per pair of statuses: a 300-status policy would
 *   otherwise need hundreds of thousands of transitions.
 *
 * WHY an over-approximation is enough: every candidate transition is guarded by "the pure transition lands
 * there", so a target that cannot happen never fires; only a missing target would be a bug. The reading therefore
 * errs on the generous side wherever the engine's choice depends on the ticket or the event.
 */
export interface TargetAnalysis {
  readonly ofStatus: (status: string, type: TicketEventType) => Targets;
  readonly ofAnyStatus: (type: TicketEventType) => Targets;
}

export function analyseTargets(workflow: Workflow): TargetAnalysis {
  const config = workflow.config as WorkflowConfig;
  const ids = workflow.statuses.map((s) => s.id);
  const categoryOf = new Map<string, Category>(workflow.statuses.map((s) => [s.id, s.category]));
  const byCategory = new Map<Category, string[]>(CATEGORIES.map((c) => [c, ids.filter((id) => categoryOf.get(id) === c)]));

  /** A `from`/`fromCategory` (or `in`/`inCategory`, `to`/`toCategory`) selection; `null` selects every status. */
  const selection = (idsPicked: OneOrMany<string> | undefined, categories: OneOrMany<Category> | undefined): ReadonlySet<string> | null => {
    if (idsPicked === undefined && categories === undefined) return null;
    const picked = new Set<string>(list(idsPicked));
    for (const category of list(categories)) for (const id of byCategory.get(category) ?? []) picked.add(id);
    return picked;
  };
  const matches = (picked: ReadonlySet<string> | null, status: string): boolean => picked === null || picked.has(status);

  const timerMoves = timerMoveTable(config, ids, selection);
  // A wake-up that may restore any status can, with the event after it, end anywhere: handled on the root.
  const restoresAnywhere = (config.timers ?? []).some((t) => t.action === 'move' && t.restorePrevious === true);
  const closure = (status: string): readonly string[] => {
    const seen = new Set<string>([status]);
    const queue = [status];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      for (const to of timerMoves.get(next) ?? []) {
        if (seen.has(to)) continue;
        seen.add(to);
        queue.push(to);
      }
    }
    return [...seen];
  };

  const changeRules = config.statusChanges?.map((r) => ({ from: selection(r.from, r.fromCategory), to: selection(r.to, r.toCategory) }));
  /** `setStatus` and "send and mark as": what the `statusChanges` allow-list lets anyone reach. */
  const settable = (status: string): Iterable<string> => {
    if (changeRules === undefined) return ids;
    const reached = new Set<string>();
    for (const rule of changeRules) if (matches(rule.from, status)) for (const id of rule.to ?? ids) reached.add(id);
    return reached;
  };
  const reopenTo = new Map(config.statuses.map((s) => [s.id, s.reopenTo]));
  const reopenTarget = (status: string): string | undefined => reopenTo.get(status) ?? workflow.defaults.open;
  const replyRules = (config.replies ?? []).map((r) => ({ ...r, from: selection(r.from, r.fromCategory) }));
  const assignRules = (config.assignments ?? []).map((r) => ({ to: r.to, from: selection(r.from, r.fromCategory) }));

  const ruleTargets = (status: string, type: TicketEventType): Iterable<string> => {
    const category = categoryOf.get(status)!;
    switch (type) {
      case 'tick':
      case 'note':
        return [];
      case 'resolve':
        return defined(workflow.defaults.solved);
      case 'close':
      case 'merge':
        return defined(workflow.defaults.closed);
      case 'snooze':
        return defined(workflow.defaults.snoozed);
      case 'reopen':
        return DONE.has(category) ? defined(reopenTarget(status)) : [];
      case 'setStatus':
        return [];
      case 'assign':
        return defined(assignRules.find((r) => matches(r.from, status))?.to);
      case 'reply': {
        const reached = new Set<string>();
        for (const rule of replyRules) {
          if (!matches(rule.from, status)) continue;
          const action = rule.action ?? (rule.to === undefined ? 'stay' : 'move');
          if (action === 'move' && rule.to !== undefined) reached.add(rule.to);
          if (action === 'reopen') for (const id of defined(rule.to ?? reopenTarget(status))) reached.add(id);
        }
        // No rule for the customer: a snoozed ticket wakes (a snooze never swallows the customer).
        if (category === 'snoozed') for (const id of defined(workflow.defaults.open ?? workflow.defaults.new)) reached.add(id);
        return reached;
      }
    }
  };

  const anyStatus = new Map<TicketEventType, Targets>();
  const ofAnyStatus = (type: TicketEventType): Targets => {
    const known = anyStatus.get(type);
    if (known !== undefined) return known;
    const reached = new Set<string>();
    if (type === 'setStatus' || type === 'reply') for (const from of ids) for (const to of settable(from)) reached.add(to);
    if (type === 'reopen' && ids.some((id) => DONE.has(categoryOf.get(id)!))) {
      for (const id of ids) if (!DONE.has(categoryOf.get(id)!)) reached.add(id);
    }
    if (restoresAnywhere) for (const from of ids) for (const to of ruleTargets(from, type)) reached.add(to);
    const targets: Targets = {
      byRule: ids.filter((id) => reached.has(id)),
      byTimer: restoresAnywhere ? ids.filter((id) => !reached.has(id)) : [],
    };
    anyStatus.set(type, targets);
    return targets;
  };

  const ofStatus = (status: string, type: TicketEventType): Targets => {
    const viaTimers = closure(status);
    const byRule = new Set<string>();
    for (const from of viaTimers) for (const to of ruleTargets(from, type)) if (to !== status) byRule.add(to);
    return {
      byRule: ids.filter((id) => byRule.has(id)),
      byTimer: viaTimers.filter((id) => id !== status && !byRule.has(id)),
    };
  };
  return { ofStatus, ofAnyStatus };
}

/** Which statuses have timers at all: only those need a live timer actor. */
export function timedStatuses(workflow: Workflow): ReadonlySet<string> {
  const config = workflow.config as WorkflowConfig;
  const timed = new Set<string>();
  for (const timer of config.timers ?? []) {
    for (const id of list(timer.in)) timed.add(id);
    for (const category of list(timer.inCategory)) for (const s of workflow.statuses) if (s.category === category) timed.add(s.id);
  }
  return timed;
}

/**
 * Status → statuses a move timer running there can send the ticket to, with the snooze origins it may restore
 * when they are listed (`restorePrevious: true`, any status, is left to the root).
 */
function timerMoveTable(
  config: WorkflowConfig,
  ids: readonly string[],
  selection: (ids: OneOrMany<string> | undefined, categories: OneOrMany<Category> | undefined) => ReadonlySet<string> | null,
): ReadonlyMap<string, readonly string[]> {
  const table = new Map<string, string[]>();
  for (const timer of config.timers ?? []) {
    if (timer.action !== 'move') continue;
    const restore = timer.restorePrevious;
    const targets = [timer.to, ...(restore === undefined || restore === true ? [] : list(restore))];
    for (const status of selection(timer.in, timer.inCategory) ?? ids) {
      table.set(status, [...(table.get(status) ?? []), ...targets.filter((t) => t !== status)]);
    }
  }
  return table;
}

const defined = (id: string | undefined): readonly string[] => (id === undefined ? [] : [id]);

/** Every event type, in the engine's order: status nodes list their transitions in it. */
export const TICKET_EVENT_TYPES: readonly TicketEventType[] = EVENT_TYPES;
