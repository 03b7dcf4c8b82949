import {
  ACTOR_BIT,
  type CompiledStatus,
  type CompiledTimer,
  type CompiledWorkflow,
  type Workflow,
} from '../workflow.js';
import { buildGroups } from './build-graph.js';
import { indexGraph, search, type StatusGraph } from './graph.js';
import { actorsAllowed } from '../rule-actors.js';

/** What every check reads: the policy, its move graph and what the graph tells, computed once. */
export interface LintContext {
  readonly workflow: Workflow;
  readonly compiled: CompiledWorkflow;
  /** Compiled statuses in declaration order. */
  readonly statuses: readonly CompiledStatus[];
  /** Status id → its index in `config.statuses`, for paths. */
  readonly position: ReadonlyMap<string, number>;
  readonly graph: StatusGraph;
  /** Where tickets start: the initial status and the per-channel ones. */
  readonly starts: ReadonlySet<string>;
  /** Statuses some sequence of events leads to from a start. */
  readonly reachable: ReadonlySet<string>;
  /** Statuses from which some sequence of events leads to an end status (see `endStatuses`). */
  readonly canClose: ReadonlySet<string>;
  /** Statuses an event can enter (or re-arm) with an `until`: a timer counting from `until` can run there. */
  readonly untilSettable: ReadonlySet<string>;
  /**
   * Reachable statuses a ticket can be in while the customer's last message is unanswered, the team not having decided
   * so.
   */
  readonly customerMayWait: ReadonlySet<string>;
  /** Every timer with the statuses it runs in (declaration order). */
  readonly timers: readonly TimerPlacement[];
}

/** A timer and where it runs. */
export interface TimerPlacement {
  readonly timer: CompiledTimer;
  readonly statuses: readonly CompiledStatus[];
}

export function createContext(workflow: Workflow): LintContext {
  const { compiled } = workflow;
  const statuses = workflow.statuses.map((s) => compiled.byId.get(s.id)!);
  const position = new Map(statuses.map((s, i) => [s.id, i]));
  const graph = indexGraph(buildGroups(workflow));
  const starts = new Set([workflow.initial, ...compiled.initialByChannel.values()]);
  const forward = search(graph, starts, 'forward');
  const reachable = forward.visited;
  const canClose = search(graph, endStatuses(statuses), 'backward').visited;

  const untilSettable = new Set<string>();
  for (const g of forward.used)
    if (graph.groups[g]!.kind === 'setStatus') for (const t of graph.groups[g]!.targets) untilSettable.add(t);
  const snoozed = workflow.defaults.snoozed;
  if (
    snoozed !== undefined &&
    reachable.has(snoozed) &&
    [...reachable].some((s) => actorsAllowed(compiled.byId.get(s)!, 'snooze') !== 0)
  ) {
    untilSettable.add(snoozed);
  }

  return {
    workflow,
    compiled,
    statuses,
    position,
    graph,
    starts,
    reachable,
    canClose,
    untilSettable,
    customerMayWait: customerMayWait(statuses, graph, starts, reachable),
    timers: placeTimers(statuses),
  };
}

/**
 * Where the customer can be left waiting without anyone on the team choosing it: every `new` and `open` status
 * (the team owes the next move there by definition), the start statuses (a customer opens the ticket), every
 * status a customer reply leaves the ticket in (staying, moving, reopening, or "send and mark as" where customers
 * may set statuses), and then every status a timer moves such a ticket to (timers keep the customer waiting;
 * one that skips while the customer waits cannot fire then).
 * A team member who resolves or moves a ticket without replying has decided: that is not flagged.
 */
function customerMayWait(
  statuses: readonly CompiledStatus[],
  graph: StatusGraph,
  starts: ReadonlySet<string>,
  reachable: ReadonlySet<string>,
): ReadonlySet<string> {
  const seeds = new Set<string>(starts);
  for (const status of statuses) {
    if (!reachable.has(status.id)) continue;
    if (status.category === 'new' || status.category === 'open') seeds.add(status.id);
    const reply = status.replies.customer;
    const staysAfterWindow = reply.action === 'reopen' && reply.within !== null && reply.otherwise === 'stay';
    if (reply.action === 'stay' || staysAfterWindow || reply.to === status.id) seeds.add(status.id);
    if ((reply.action === 'move' || reply.action === 'reopen') && reply.to !== null) seeds.add(reply.to);
  }
  const customerSets = search(
    graph,
    reachable,
    'forward',
    (g) => g.kind === 'setStatus' && (g.actors & ACTOR_BIT.customer) !== 0,
  );
  for (const g of customerSets.used) for (const t of graph.groups[g]!.targets) seeds.add(t);
  return search(graph, seeds, 'forward', (g) => g.kind === 'timer' && g.pausedWhileCustomerWaits !== true).visited;
}

/**
 * Where a ticket's life ends: the `closed` statuses, or the `solved` ones in a policy with no closed category
 * (Chatwoot: a resolved conversation is done, and only a new message reopens it).
 */
export function endStatuses(statuses: readonly CompiledStatus[]): string[] {
  const closed = statuses.filter((s) => s.category === 'closed');
  return (closed.length > 0 ? closed : statuses.filter((s) => s.category === 'solved')).map((s) => s.id);
}

function placeTimers(statuses: readonly CompiledStatus[]): TimerPlacement[] {
  const byOrder = new Map<number, { timer: CompiledTimer; statuses: CompiledStatus[] }>();
  for (const status of statuses) {
    for (const timer of status.timers) {
      const entry = byOrder.get(timer.order) ?? { timer, statuses: [] };
      entry.statuses.push(status);
      byOrder.set(timer.order, entry);
    }
  }
  return [...byOrder.values()].sort((a, b) => a.timer.order - b.timer.order);
}
