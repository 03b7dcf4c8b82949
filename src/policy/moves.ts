import type { Actor } from '../model/actor.js';
import { buildMoves } from './build-moves.js';
import { deepFreeze } from './frozen.js';
import type { Workflow } from './workflow.js';

/**
 * The events that can move a ticket by a rule (timers are listed apart, in {@link MovesTable.timers}).
 *
 * @example
 * ```ts
 * import type { MoveEvent } from 'ticket-lifecycle';
 * const kinds: MoveEvent[] = ['reply', 'setStatus', 'resolve'];
 * ```
 */
export type MoveEvent = 'reply' | 'assign' | 'setStatus' | 'resolve' | 'close' | 'snooze' | 'reopen' | 'merge';

/**
 * A rule's `when`: which tickets it applies to, by their attributes. A list of values matches a ticket holding one
 * of them (`null` in the list: a ticket without one); a field that is `null` says nothing about that attribute.
 *
 * @example
 * ```ts
 * import type { MoveWhen } from 'ticket-lifecycle';
 * const urgentVip: MoveWhen = {
 *   priority: ['urgent'], group: null, channel: null, tagsAny: ['vip'], tagsAll: [], tagsNone: [],
 * };
 * ```
 */
export interface MoveWhen {
  readonly priority: readonly (string | null)[] | null;
  readonly group: readonly (string | null)[] | null;
  readonly channel: readonly (string | null)[] | null;
  /** The ticket carries at least one of these tags (empty: no such condition). */
  readonly tagsAny: readonly string[];
  /** The ticket carries every one of these. */
  readonly tagsAll: readonly string[];
  /** The ticket carries none of these. */
  readonly tagsNone: readonly string[];
}

/**
 * What must hold on the ticket (or the event) for a rule to let a move happen; all of them at once.
 *
 * @example
 * ```ts
 * import type { MoveConditions } from 'ticket-lifecycle';
 * const none: MoveConditions = {
 *   requireAssignee: false, notWhileCustomerWaits: false, guards: [], keepAssignee: false, assignSolver: false,
 *   withinMs: null, when: null,
 * };
 * ```
 */
export interface MoveConditions {
  /** The ticket must have an assignee. */
  readonly requireAssignee: boolean;
  /** Refused while the customer's last message is unanswered (`awaiting: 'team'`). */
  readonly notWhileCustomerWaits: boolean;
  /** Named guards (code passed to `defineWorkflow`): every one must return `true`. */
  readonly guards: readonly string[];
  /** `assign` rules: unassigning (`assignee: null`) is refused. */
  readonly keepAssignee: boolean;
  /**
   * `resolve` rules: an agent's move into solved on an unassigned ticket first assigns that agent (the event's
   * `actorId`), so `requireAssignee` holds for an agent's event that names them (Zendesk's auto-assign upon solve).
   */
  readonly assignSolver: boolean;
  /** A reply's reopen: only while less than this many milliseconds have passed since the ticket closed. */
  readonly withinMs: number | null;
  /**
   * The rule applies only to tickets whose attributes match (`null`: to every ticket). Where it does not match, the
   * engine goes on to the next rule, as it does for a status outside `from`.
   */
  readonly when: MoveWhen | null;
}

/**
 * One rule of the policy as the moves read it, default rules included: where a policy gives no rule for an action,
 * the engine's built-in rule is listed here with `path: null`, so no reader has to assume it.
 *
 * @example
 * ```ts
 * import { defineWorkflow, movesOf } from 'ticket-lifecycle';
 * const wf = defineWorkflow({ statuses: [{ id: 'open', category: 'open' }, { id: 'closed', category: 'closed' }] });
 * const rule = movesOf(wf).rules.find((r) => r.event === 'setStatus')!;
 * rule.path; // null: no statusChanges in the policy, so agents and the system may set any status
 * rule.by;   // ['agent', 'system']
 * ```
 */
export interface MoveRule {
  /** Where the rule is in the policy (`statusChanges[1]`, `resolve[0]`, `replies[2]`, `assignments[0]`), `null` when built in. */
  readonly path: string | null;
  readonly event: MoveEvent;
  /** Who the rule is for. */
  readonly by: readonly Actor[];
  /** Who may pass it with `force` (its conditions then do not apply). */
  readonly forceBy: readonly Actor[];
  /** The statuses it applies in; `null`: every status. */
  readonly from: readonly string[] | null;
  readonly conditions: MoveConditions;
}

/**
 * Moves from each of `from` to each of `to`, made by `event` from `by`, allowed by `rule` (on its conditions).
 * A move that amounts to resolving, closing, snoozing or reopening (a `setStatus` into a solved status is also a
 * resolve) must pass those rules too: `from` lists only the statuses where such rules let `by` act, and their
 * conditions are on this status's moves of that event.
 *
 * @example
 * ```ts
 * import { movesOf } from 'ticket-lifecycle';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * const resolve = movesOf(zendesk()).byStatus.get('open')!.moves.find((m) => m.event === 'resolve')!;
 * resolve.to;                              // ['solved']
 * resolve.rule.conditions.requireAssignee; // true
 * ```
 */
export interface Move<S extends string = string> {
  readonly event: MoveEvent;
  readonly by: readonly Actor[];
  readonly from: readonly S[];
  readonly to: readonly S[];
  /**
   * `true`: the event names its target, one of `to` (`setStatus`, a reply's "send and mark as" status, which
   * passes the same rules, and `reopen` with `to`). `false`: the rule decides, and `to` has one status.
   */
  readonly chosen: boolean;
  readonly rule: MoveRule;
}

/**
 * A timer of a status, and where it moves the ticket: to its `to`, or (`restoreTo`) back to the status the
 * ticket was snoozed from. A reminder (`action: 'remind'`) moves nothing.
 *
 * @example
 * ```ts
 * import { movesOf } from 'ticket-lifecycle';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * const auto = movesOf(zendesk()).byStatus.get('solved')!.timers[0]!;
 * auto.to; // ['closed']
 * ```
 */
export interface TimerMove<S extends string = string> {
  /** The timer's id, and where it is in the policy (`timers[3]`). */
  readonly timer: string;
  readonly path: string;
  readonly action: 'move' | 'remind';
  readonly from: S;
  readonly to: readonly S[];
  /** Wake-ups back to where the ticket was snoozed from (`restorePrevious`): the statuses it can go back to. */
  readonly restoreTo: readonly S[];
  /** Waits while the customer's last message is unanswered (`skipWhileCustomerWaits`). */
  readonly pausedWhileCustomerWaits: boolean;
  /** `false`: the move passes the rules a `system` event making it passes, and is blocked when they refuse. */
  readonly bypassGuards: boolean;
}

/**
 * A status's entry in the {@link MovesTable}.
 *
 * @example
 * ```ts
 * import type { StatusMoves } from 'ticket-lifecycle';
 * const none: StatusMoves<'open'> = { moves: [], timers: [] };
 * ```
 */
export interface StatusMoves<S extends string = string> {
  readonly moves: readonly Move<S>[];
  readonly timers: readonly TimerMove<S>[];
}

/**
 * Where a ticket may go, compiled once per workflow: every move an event or a timer can make, with the rule and
 * conditions that gate it. The engine's answers, lint's graph, the Mermaid diagram, the XState machine and
 * `availableActions` all read this one table. Moves are groups (many sources × many targets share one entry), so
 * the table stays linear in the policy's size. Moves to the status a ticket is already in are not moves.
 *
 * @example
 * ```ts
 * import { movesOf } from 'ticket-lifecycle';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * const table = movesOf(zendesk());
 * const fromNew = table.byStatus.get('new')!;
 * fromNew.moves.filter((m) => m.event === 'assign').map((m) => m.to); // [['open']]
 * ```
 */
export interface MovesTable<S extends string = string> {
  /** Every rule that gates a move, in policy order per event, built-in defaults included. */
  readonly rules: readonly MoveRule[];
  readonly moves: readonly Move<S>[];
  readonly timers: readonly TimerMove<S>[];
  /** Per status (every status has an entry): the moves and timers that leave it. */
  readonly byStatus: ReadonlyMap<S, StatusMoves<S>>;
}

// A workflow is deep-frozen, so a table built once for it stays true for as long as it lives.
const tables = new WeakMap<Workflow, MovesTable>();

/**
 * The moves table of a workflow ({@link MovesTable}), deep-frozen. Built on first use and kept: later calls cost a
 * lookup.
 *
 * @example
 * ```ts
 * import { defineWorkflow, movesOf } from 'ticket-lifecycle';
 * const wf = defineWorkflow({
 *   statuses: [{ id: 'open', category: 'open' }, { id: 'solved', category: 'solved' }],
 *   resolve: { by: 'agent', requireAssignee: true },
 * });
 * const [resolve] = movesOf(wf).byStatus.get('open')!.moves.filter((m) => m.event === 'resolve');
 * resolve!.by;                              // ['agent']
 * resolve!.rule.conditions.requireAssignee; // true
 * ```
 */
export function movesOf<S extends string>(workflow: Workflow<S>): MovesTable<S> {
  const wf = workflow as unknown as Workflow;
  let table = tables.get(wf);
  if (table === undefined) {
    table = deepFreeze(buildMoves(wf));
    tables.set(wf, table);
  }
  return table as unknown as MovesTable<S>;
}
