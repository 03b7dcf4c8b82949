import {
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
 * ticket in: `byRule` the event's own rule can reach, `byTimer` (on `tick` only) the status's own timers can.
 */
export interface Targets {
  readonly byRule: readonly string[];
  readonly byTimer: readonly string[];
}

const DONE: ReadonlySet<Category> = new Set<Category>(['solved', 'closed']);

const list = <T>(value: OneOrMany<T> | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/**
 * Where the transitions of a ticket machine go, read from the policy as given (`workflow.config`), never from
 * the engine's internals.
 *
 * - `ofStatus(status, type)`: the status's own moves — its reply rules, assignment rule, resolve, close, snooze,
 *   the reopen target of a solved/closed status (`byRule`), and on `tick` where its own timers take it
 *   (`byTimer`).
 * - `ofAnyStatus(type)`: moves drawn once, on the machine's root (a statechart transition inherited by every
 *   status), to a status of the event's choosing: `setStatus`, a reply's "send and mark as", `reopen` with `to`.
 *
 * Moves that happen only because timers came due before the event (a catch-up through a chain of timers, then
 * maybe the event's rule in the status they led to) are not listed: the machine routes them through its
 * `(start)` node. WHY: listed on each status, a chain of 1000 statuses linked by timers needed a transition from
 * every status to every later one, per event type (28 s and 2.2 GB to build); the router is one transition.
 *
 * WHY an over-approximation is enough: every candidate transition is guarded by "the pure transition lands
 * there", so a target that cannot happen never fires. The reading errs on the generous side wherever the
 * engine's choice depends on the ticket or the event.
 */
export interface TargetAnalysis {
  readonly ofStatus: (status: string, type: TicketEventType) => Targets;
  readonly ofAnyStatus: (type: TicketEventType) => Targets;
}

/** "Reopen to the status's own reopen target": a reply rule's target that depends on the status it applies in. */
const REOPEN_TARGET = Symbol('reopenTarget');
type Target = string | typeof REOPEN_TARGET;

/**
 * Targets filed by the `from`/`fromCategory` selection of the rule that leads there, so the targets of one status
 * are read in time proportional to what it gets (rules naming it, rules of its category, rules for every status),
 * never by testing every rule against every status.
 */
class TargetsBySelection {
  private readonly byId = new Map<string, Set<Target>>();
  private readonly byCategory = new Map<Category, Set<Target>>();
  private readonly everywhere = new Set<Target>();

  add(ids: OneOrMany<string> | undefined, categories: OneOrMany<Category> | undefined, target: Target): void {
    if (ids === undefined && categories === undefined) this.everywhere.add(target);
    for (const id of list(ids)) bucket(this.byId, id).add(target);
    for (const category of list(categories)) bucket(this.byCategory, category).add(target);
  }

  *of(status: string, category: Category): Iterable<Target> {
    yield* this.byId.get(status) ?? [];
    yield* this.byCategory.get(category) ?? [];
    yield* this.everywhere;
  }
}

const bucket = <K, V>(map: Map<K, Set<V>>, key: K): Set<V> => {
  let set = map.get(key);
  if (set === undefined) {
    set = new Set();
    map.set(key, set);
  }
  return set;
};

export function analyseTargets(workflow: Workflow): TargetAnalysis {
  const config = workflow.config as WorkflowConfig;
  const ids = workflow.statuses.map((s) => s.id);
  const categoryOf = new Map<string, Category>(workflow.statuses.map((s) => [s.id, s.category]));
  const reopenTo = new Map(config.statuses.map((s) => [s.id, s.reopenTo]));
  const reopenTarget = (status: string): string | undefined => reopenTo.get(status) ?? workflow.defaults.open;

  // A wake-up that restores any status (`restorePrevious: true`) is left to the router.
  const timerMoves = new TargetsBySelection();
  for (const timer of config.timers ?? []) {
    if (timer.action !== 'move') continue;
    const restore = timer.restorePrevious;
    for (const to of [timer.to, ...(restore === undefined || restore === true ? [] : list(restore))])
      timerMoves.add(timer.in, timer.inCategory, to);
  }

  const replies = new TargetsBySelection();
  for (const rule of config.replies ?? []) {
    const action = rule.action ?? (rule.to === undefined ? 'stay' : 'move');
    if (action === 'move' && rule.to !== undefined) replies.add(rule.from, rule.fromCategory, rule.to);
    if (action === 'reopen') replies.add(rule.from, rule.fromCategory, rule.to ?? REOPEN_TARGET);
  }
  // Over-approximated: every assignment rule that applies, not only the first one the engine picks.
  const assignments = new TargetsBySelection();
  for (const rule of config.assignments ?? [])
    if (rule.to !== undefined) assignments.add(rule.from, rule.fromCategory, rule.to);

  const ruleTargets = (status: string, type: TicketEventType): Set<string> => {
    const category = categoryOf.get(status)!;
    const reached = new Set<string>();
    const add = (target: Target | undefined): void => {
      const id = target === REOPEN_TARGET ? reopenTarget(status) : target;
      if (id !== undefined) reached.add(id);
    };
    switch (type) {
      case 'resolve':
        add(workflow.defaults.solved);
        break;
      case 'close':
      case 'merge':
        add(workflow.defaults.closed);
        break;
      case 'snooze':
        add(workflow.defaults.snoozed);
        break;
      case 'reopen':
        if (DONE.has(category)) add(reopenTarget(status));
        break;
      case 'assign':
        for (const to of assignments.of(status, category)) add(to);
        break;
      case 'reply':
        for (const to of replies.of(status, category)) add(to);
        // No rule for the customer: a snoozed ticket wakes (a snooze never swallows the customer).
        if (category === 'snoozed') add(workflow.defaults.open ?? workflow.defaults.new);
        break;
      default: // tick and note move a ticket only through timers; setStatus goes where the event says (the root).
    }
    return reached;
  };

  /** `setStatus` and "send and mark as": what the `statusChanges` allow-list lets anyone reach, from anywhere. */
  const settable = (): Iterable<string> => {
    const rules = config.statusChanges;
    if (rules === undefined || rules.some((r) => r.to === undefined && r.toCategory === undefined)) return ids;
    const reached = new Set<string>();
    for (const rule of rules) {
      for (const id of list(rule.to)) reached.add(id);
      for (const category of list(rule.toCategory))
        for (const id of ids) if (categoryOf.get(id) === category) reached.add(id);
    }
    return reached;
  };

  const anyStatus = new Map<TicketEventType, Targets>();
  const ofAnyStatus = (type: TicketEventType): Targets => {
    const known = anyStatus.get(type);
    if (known !== undefined) return known;
    const reached = new Set<string>();
    if (type === 'setStatus' || type === 'reply') for (const to of settable()) reached.add(to);
    if (type === 'reopen' && ids.some((id) => DONE.has(categoryOf.get(id)!))) {
      for (const id of ids) if (!DONE.has(categoryOf.get(id)!)) reached.add(id);
    }
    const targets: Targets = { byRule: ids.filter((id) => reached.has(id)), byTimer: [] };
    anyStatus.set(type, targets);
    return targets;
  };

  const ofStatus = (status: string, type: TicketEventType): Targets => {
    const byRule = ruleTargets(status, type);
    byRule.delete(status);
    const byTimer = new Set<string>();
    if (type === 'tick')
      for (const to of timerMoves.of(status, categoryOf.get(status)!)) if (to !== status) byTimer.add(to as string);
    return { byRule: [...byRule], byTimer: [...byTimer] };
  };
  return { ofStatus, ofAnyStatus };
}

/** Which statuses have timers at all: only those need a live timer actor. */
export function timedStatuses(workflow: Workflow): ReadonlySet<string> {
  const config = workflow.config as WorkflowConfig;
  // SLA marks come due wherever a clock runs: with SLA policies every status keeps a timer actor.
  if ((config.sla ?? []).length > 0) return new Set(workflow.statuses.map((s) => s.id));
  const timers = config.timers ?? [];
  const timedCategories = new Set<Category>(timers.flatMap((t) => list(t.inCategory)));
  const timed = new Set<string>(timers.flatMap((t) => list(t.in)));
  for (const s of workflow.statuses) if (timedCategories.has(s.category)) timed.add(s.id);
  return timed;
}

/** Every event type, in the engine's order: status nodes list their transitions in it. */
export const TICKET_EVENT_TYPES: readonly TicketEventType[] = EVENT_TYPES;
