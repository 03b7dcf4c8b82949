import type { CompiledCalendar } from '../calendar/compiled-calendar.js';
import type { CompiledSla } from '../sla/compiled-sla.js';
import type { Ticket } from '../model/ticket.js';
import type { TicketEvent } from '../model/events.js';
import type { Actor } from '../model/actor.js';
import type { Category } from './category.js';
import type { ActionName } from './implied-action.js';
import type { CompiledSet, CompiledWhen } from './compile-when.js';
import type { StatusDecisions } from './decisions.js';
import type { ReplyAction, TimerAnchor, WorkflowConfig } from './config.js';

/**
 * A custom guard named in a policy's rules and passed to `defineWorkflow` in code, never in the JSON.
 *
 * @example
 * ```ts
 * import type { GuardPredicate } from 'ticket-lifecycle';
 * const checklistDone: GuardPredicate = (ticket) => ticket.assignee !== null;
 * ```
 */
export type GuardPredicate = (ticket: Ticket, event: TicketEvent) => boolean;

/**
 * Code that goes with a policy: the custom guard predicates its rules name.
 *
 * @example
 * ```ts
 * import { defineWorkflow, type WorkflowImplementations } from 'ticket-lifecycle';
 * const impl: WorkflowImplementations = { guards: { businessHours: (_t, e) => new Date(e.at).getUTCHours() < 18 } };
 * ```
 */
export interface WorkflowImplementations {
  readonly guards?: Readonly<Record<string, GuardPredicate>>;
}

/**
 * A status as the compiled workflow describes it.
 *
 * @example
 * ```ts
 * import { defineWorkflow } from 'ticket-lifecycle';
 * const wf = defineWorkflow({ statuses: [{ id: 'open', category: 'open' }] });
 * wf.statuses[0]; // { id: 'open', category: 'open', isDefault: true, labels: { agent: 'open', customer: 'open' }, slaPaused: false }
 * ```
 */
export interface StatusInfo<S extends string = string> {
  readonly id: S;
  readonly category: Category;
  readonly isDefault: boolean;
  readonly labels: { readonly agent: string; readonly customer: string };
  readonly slaPaused: boolean;
}

/**
 * A checked, compiled policy: what every engine function takes. Build it with `defineWorkflow` or
 * `validateWorkflow`; treat it as immutable.
 *
 * @example
 * ```ts
 * import { defineWorkflow, type Workflow } from 'ticket-lifecycle';
 * const wf: Workflow<'open' | 'closed'> = defineWorkflow({
 *   statuses: [{ id: 'open', category: 'open' }, { id: 'closed', category: 'closed' }],
 * });
 * wf.initial; // 'open'
 * ```
 */
export interface Workflow<S extends string = string, P extends string = string> {
  readonly id: string | null;
  readonly name: string | null;
  /** The policy as given, deep-frozen. */
  readonly config: WorkflowConfig<S, P>;
  readonly statuses: readonly StatusInfo<S>[];
  /** The declared `priorities`, lowest first (empty when the policy declares none). */
  readonly priorities: readonly P[];
  readonly initial: S;
  /** The default status of each category in use. */
  readonly defaults: Readonly<Partial<Record<Category, S>>>;
  /**
   * @internal Compiled lookup tables for the engine, deep-frozen. Not part of the public contract: stripped from the
   * published `.d.ts` (tsup `stripInternal`), so it never shows in users' hover or completion.
   */
  readonly compiled: CompiledWorkflow;
}

/** Bit per actor, so rule checks are one `&`. */
export const ACTOR_BIT: Readonly<Record<Actor, number>> = { customer: 1, agent: 2, system: 4 };

/**
 * Part of the compiled form: engine-internal, not exported by the package (only `Workflow.compiled`, stripped from the
 * published types, leads here).
 */
export interface CompiledReply {
  readonly action: ReplyAction;
  readonly to: string | null;
  readonly within: number | null;
  readonly otherwise: 'followUp' | 'reject' | 'stay';
  /** Index of the rule in `config.replies`, or -1 for the built-in fallback. */
  readonly rule: number;
  /** The rule applies only to tickets matching this (`null`: to every ticket). */
  readonly when: CompiledWhen | null;
  /**
   * The next rule for this status and actor, tried when `when` does not match: the chain ends with a rule (or the
   * built-in fallback) whose `when` is `null`, so it always yields an answer. `null` exactly when `when` is `null`.
   */
  readonly next: CompiledReply | null;
}

/**
 * Part of the compiled form: engine-internal, not exported by the package (only `Workflow.compiled`, stripped from the
 * published types, leads here).
 */
export interface CompiledTimer {
  readonly id: string;
  readonly anchors: readonly TimerAnchor[];
  readonly after: number;
  readonly skipWhileCustomerWaits: boolean;
  readonly action: 'remind' | 'move';
  readonly to: string | null;
  readonly restore: true | ReadonlySet<string> | null;
  readonly reminders: readonly number[];
  readonly repeatEvery: number | null;
  /** A move's close reason (`reason`, else `timer:<id>`); `null` for a reminder. */
  readonly reason: string | null;
  /** Moves even where the rules refuse the system (`bypassGuards`). */
  readonly bypassGuards: boolean;
  /** Declaration order: breaks ties between timers due at the same instant. */
  readonly order: number;
  /** Counts this calendar's open time (and `after`, `reminders`, `repeatEvery` are open time); `null`: plain time. */
  readonly calendar: CompiledCalendar | null;
  /**
   * The moment `ms` after `start` on the timer's clock: `start + ms`, or with a calendar the moment `ms` of its
   * open time have passed (`Number.MAX_SAFE_INTEGER`, after every valid time, when that lies beyond the Date
   * range). Bound at compile time, so the engine never imports the calendar arithmetic.
   */
  readonly later: (start: number, ms: number) => number;
  /**
   * How much the timer's clock counts from `from` to `to`: `to - from`, or the open time between (negative when `to` <
   * `from`).
   */
  readonly elapsed: (from: number, to: number) => number;
  /** The timer runs only for tickets matching this (`null`: every ticket); never before `attributesChangedAt`. */
  readonly when: CompiledWhen | null;
  /** What it sets when it fires or moves (escalation), or `null`. */
  readonly set: CompiledSet | null;
}

/** The conditions a rule puts on a move (`RuleConditions`). Part of the compiled form: engine-internal. */
export interface CompiledConditions {
  /** Where the rule is in the policy (`resolve[1]`, `statusChanges[0]`); `null` for a built-in default rule. */
  readonly path: string | null;
  readonly notWhileCustomerWaits: boolean;
  readonly requireAssignee: boolean;
  readonly guards: readonly (readonly [string, GuardPredicate])[];
}

/**
 * Part of the compiled form: engine-internal, not exported by the package (only `Workflow.compiled`, stripped from the
 * published types, leads here).
 */
export interface CompiledActionRule extends CompiledConditions {
  readonly from: ReadonlySet<string> | null;
  /** The rule applies only to tickets matching this (`null`: to every ticket), like `from` for statuses. */
  readonly when: CompiledWhen | null;
  readonly by: number;
  readonly forceBy: number;
  readonly keepAssignee: boolean;
  /** `resolve` rules only: an agent solving an unassigned ticket becomes its assignee (by the event's `actorId`). */
  readonly assignSolver: boolean;
}

/**
 * Part of the compiled form: engine-internal, not exported by the package (only `Workflow.compiled`, stripped from the
 * published types, leads here).
 */
export interface CompiledStatusChange extends CompiledConditions {
  readonly from: ReadonlySet<string> | null;
  /** The rule applies only to tickets matching this (`null`: to every ticket), like `from` for statuses. */
  readonly when: CompiledWhen | null;
  readonly by: number;
  readonly to: ReadonlySet<string> | null;
}

/**
 * Part of the compiled form: engine-internal, not exported by the package (only `Workflow.compiled`, stripped from the
 * published types, leads here).
 */
export interface CompiledStatus {
  readonly id: string;
  readonly category: Category;
  readonly reopenTo: string | null;
  readonly requireUntil: boolean;
  /** Some timer of this status counts from `until`, so `until` means something here. */
  readonly acceptsUntil: boolean;
  readonly replies: Readonly<Record<Actor, CompiledReply>>;
  /** Per ruled event and actor, the rules that can apply here, in order: what the engine tries (`decisions.ts`). */
  readonly decide: StatusDecisions;
  readonly assignTo: string | null;
  /** A reopen from this (solved or closed) status leaves the ticket unassigned (`reopenAssignee: 'clear'`). */
  readonly reopenClears: boolean;
  readonly timers: readonly CompiledTimer[];
  /** The ids of `timers`: the keys a stored ticket's `timersFired` may keep in this status. */
  readonly timerIds: ReadonlySet<string>;
  /** Timers of this status whose move to their `to` a rule without conditions lets the system make. */
  readonly freeTimers: ReadonlySet<CompiledTimer>;
  /** Per category of a target status, the actions a move from here into it amounts to (a row of `impliesTable`). */
  readonly implies: Readonly<Record<Category, readonly ActionName[]>>;
  /** The frozen answer `evaluateAutoClose` gives for a ticket resting here when nothing can come due. */
  readonly idle: {
    readonly due: readonly never[];
    readonly status: string;
    readonly close: boolean;
    readonly nextCheckAt: null;
  };
}

/**
 * Part of the compiled form: engine-internal, not exported by the package (only `Workflow.compiled`, stripped from the
 * published types, leads here).
 */
export interface CompiledWorkflow {
  readonly byId: ReadonlyMap<string, CompiledStatus>;
  readonly initialByChannel: ReadonlyMap<string, string>;
  readonly calendars: ReadonlyMap<string, CompiledCalendar>;
  readonly resolve: readonly CompiledActionRule[];
  readonly close: readonly CompiledActionRule[];
  readonly snooze: readonly CompiledActionRule[];
  readonly reopen: readonly CompiledActionRule[];
  readonly assign: readonly CompiledActionRule[];
  readonly merge: readonly CompiledActionRule[];
  readonly update: readonly CompiledActionRule[];
  /** Priority id → rank in `priorities`, 0 the lowest. */
  readonly priorityRank: ReadonlyMap<string, number>;
  /** The declared `groups`; `null` when the policy declares none (any short name is then a group). */
  readonly groups: ReadonlySet<string> | null;
  /** No rules given: the one built-in rule (`DEFAULT_STATUS_CHANGE` in compile-rules.ts), compiled here so no reader assumes it. */
  readonly statusChanges: readonly CompiledStatusChange[];
  /** The SLA policies with their arithmetic bound (`src/sla/`), or `null` when the policy has no `sla`. */
  readonly sla: CompiledSla | null;
}
