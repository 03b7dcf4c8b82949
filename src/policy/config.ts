import type { CalendarConfig } from '../calendar/calendar-config.js';
import type { Actor } from '../model/actor.js';
import type { Category } from './category.js';
import type { Duration } from './duration.js';
import type { SlaPolicyConfig } from '../sla/sla-config.js';
import type { WhenConfig } from './when-config.js';

/**
 * One value or a list of them: rules accept both so short policies stay short.
 *
 * @example
 * ```ts
 * import type { OneOrMany } from 'ticket-lifecycle';
 * const actors: OneOrMany<'agent' | 'system'> = ['agent', 'system'];
 * ```
 */
export type OneOrMany<T> = T | readonly T[];

/**
 * Which statuses a rule applies to. `from` names statuses, `fromCategory` names categories; a status matches
 * when it is in either. With neither, the rule applies to every status — except that a `resolve`, `close`,
 * `snooze`, `reopen`, `assign` or `merge` rule with neither never applies to a `closed` status (closed is locked:
 * a rule reaches it only by naming it).
 *
 * @example
 * ```ts
 * import type { StatusSelector } from 'ticket-lifecycle';
 * const doneStatuses: StatusSelector<'resolved'> = { from: 'resolved', fromCategory: 'closed' };
 * ```
 */
export interface StatusSelector<S extends string = string> {
  /** Checked against the policy's statuses: a typo does not compile (test/types/status-references.types.test.ts). */
  readonly from?: OneOrMany<NoInfer<S>>;
  readonly fromCategory?: OneOrMany<Category>;
}

/**
 * One status of a policy.
 *
 * @example
 * ```ts
 * import type { StatusConfig } from 'ticket-lifecycle';
 * const waitingOnVendor: StatusConfig<'vendor'> = {
 *   id: 'vendor',
 *   category: 'onHold',
 *   labels: { agent: 'Waiting on vendor', customer: 'Open' },
 *   slaPaused: true,
 * };
 * ```
 */
export interface StatusConfig<S extends string = string> {
  /** Stable id stored in tickets: letters, digits, `_`, `-`, `.`, `:`; at most 64 characters. */
  readonly id: S;
  readonly category: Category;
  /**
   * The default status of its category: where "reopen", "resolve", "close" and "snooze" land. Required on exactly
   * one status of a category that has several; a category's only status is its default.
   */
  readonly default?: boolean;
  /** What agents and customers see (Zendesk's `agent_label` / `end_user_label`). */
  readonly labels?: { readonly agent?: string; readonly customer?: string };
  /** The SLA clock stops in this status (Freshdesk's per-status SLA toggle, Zammad's `ignore_escalation`). */
  readonly slaPaused?: boolean;
  /**
   * For `solved`/`closed` statuses: where a reopen lands (osTicket's `reopenstatus`). Default: the open category's
   * default.
   */
  readonly reopenTo?: NoInfer<S>;
  /** Moving here with `setStatus` requires an `until` (Zammad's pending states need "pending till"). */
  readonly requireUntil?: boolean;
}

/**
 * What a reply does: `move` to `to`, `stay` where it is, `reopen` (to `to`, the status's `reopenTo` or the open
 * category's default), `followUp` (the ticket stays locked; the host opens a linked ticket), or `reject` (the
 * message is refused and the host is told).
 *
 * @example
 * ```ts
 * import type { ReplyAction } from 'ticket-lifecycle';
 * const zendeskClosed: ReplyAction = 'followUp';
 * ```
 */
export type ReplyAction = 'move' | 'stay' | 'reopen' | 'followUp' | 'reject';

/**
 * What a reply by `by` does to a ticket in the selected statuses. Rules are read in order and the first match
 * wins (like firewall rules or Zendesk triggers); `lintWorkflow` reports rules that can never match.
 *
 * Without a matching rule a reply leaves the status as it is, except a customer reply to a `snoozed` status,
 * which wakes it to the open category's default: a snooze must never swallow the customer.
 *
 * @example
 * ```ts
 * import type { ReplyRule } from 'ticket-lifecycle';
 * // LiveAgent: an agent reply marks the ticket Answered.
 * const rule: ReplyRule<'answered'> = { by: 'agent', fromCategory: ['new', 'open'], to: 'answered' };
 * ```
 */
export interface ReplyRule<S extends string = string, P extends string = string> extends StatusSelector<S> {
  readonly by: OneOrMany<Actor>;
  /** Only for tickets with these attributes (reply rules per channel, per priority); otherwise the next rule. */
  readonly when?: WhenConfig<P>;
  /** Default: `move` when `to` is given, otherwise `stay`. */
  readonly action?: ReplyAction;
  readonly to?: NoInfer<S>;
  /** With `reopen`: only within this time of the ticket's last close; after it, `otherwise` applies (Zammad). */
  readonly within?: Duration;
  /** With `within`: what happens once the window has passed. Default `followUp`. */
  readonly otherwise?: 'followUp' | 'reject' | 'stay';
}

/**
 * The conditions a rule may put on an actor's move: each must hold for the rule to allow it.
 *
 * @example
 * ```ts
 * import type { RuleConditions } from 'ticket-lifecycle';
 * const conditions: RuleConditions = { requireAssignee: true, guards: 'checklistDone' };
 * ```
 */
export interface RuleConditions {
  /** Refuse while the customer's last message is unanswered (prevents premature closing). */
  readonly notWhileCustomerWaits?: boolean;
  /** Refuse while nobody is assigned (Zendesk: "Solved requires an assignee"). */
  readonly requireAssignee?: boolean;
  /** Names of predicates passed to `defineWorkflow` in code; all must return `true`. */
  readonly guards?: OneOrMany<string>;
}

/**
 * Who may `resolve`, `close`, `snooze`, `reopen`, `assign` or `merge`, from where, and on what conditions. A
 * policy lists one or more; an action is allowed when any of them allows it.
 *
 * @example
 * ```ts
 * import type { ActionRule } from 'ticket-lifecycle';
 * // Zendesk: solving needs an assignee.
 * const solve: ActionRule = { by: 'agent', requireAssignee: true };
 * ```
 */
export interface ActionRule<S extends string = string, P extends string = string>
  extends StatusSelector<S>,
    RuleConditions {
  /** Default: every actor. */
  readonly by?: OneOrMany<Actor>;
  /** Only for tickets with these attributes: otherwise the rule does not apply (another rule may). */
  readonly when?: WhenConfig<P>;
  /** Actors whose `force: true` skips the conditions (Zammad's "close anyway"). */
  readonly forceBy?: OneOrMany<Actor>;
  /**
   * `assign` rules only: refuse an `assign` that leaves the ticket with nobody (Zendesk: "Solved tickets must have an
   * assigned agent").
   */
  readonly keepAssignee?: boolean;
}

/**
 * A `resolve` rule: an {@link ActionRule} that may also give an unassigned ticket to the agent who solves it.
 *
 * @example
 * ```ts
 * import type { ResolveRule } from 'ticket-lifecycle';
 * // Zendesk: solving needs an assignee, and with "auto assign tickets upon solve" the solving agent becomes it.
 * const solve: ResolveRule = { by: ['agent', 'system'], requireAssignee: true, assignSolver: true };
 * ```
 */
export interface ResolveRule<S extends string = string, P extends string = string> extends ActionRule<S, P> {
  /**
   * An agent's move into a solved status (`resolve`, `setStatus`, a reply "sent as" solved) on an unassigned ticket
   * first assigns that agent, named by the event's `actorId`, when this rule applies to the ticket (its statuses,
   * actors and `when`); the rules then judge the assigned ticket, so `requireAssignee` holds. The host gets an
   * `assigned` effect with `cause: 'solver'`. Without an `actorId`, or by a customer or the system, nothing is
   * assigned (Zendesk: "auto assign tickets upon solve"; docs/attributes.md).
   */
  readonly assignSolver?: boolean;
}

/**
 * Which `setStatus` moves are allowed. When a policy lists none, agents and the system may set any status and
 * customers none. Moves into `solved` or `closed` statuses must also pass the `resolve` or `close` rules. The
 * conditions guard entering a status that is not closing (Zammad: the checklist must be done before
 * `pending_close`); a move is allowed when a rule matching it has all its conditions met.
 *
 * @example
 * ```ts
 * import type { StatusChangeRule } from 'ticket-lifecycle';
 * // Zendesk: never back to New.
 * const rule: StatusChangeRule = { by: ['agent', 'system'], toCategory: ['open', 'pending', 'onHold', 'solved'] };
 * ```
 */
export interface StatusChangeRule<S extends string = string, P extends string = string>
  extends StatusSelector<S>,
    RuleConditions {
  readonly by?: OneOrMany<Actor>;
  /** Only for tickets with these attributes: otherwise the rule does not apply (another rule may). */
  readonly when?: WhenConfig<P>;
  readonly to?: OneOrMany<NoInfer<S>>;
  readonly toCategory?: OneOrMany<Category>;
}

/**
 * Moves a ticket when it gets an assignee (Zendesk: assigning a New ticket opens it).
 *
 * @example
 * ```ts
 * import type { AssignRule } from 'ticket-lifecycle';
 * const opensOnAssign: AssignRule<'new' | 'open'> = { from: 'new', to: 'open' };
 * ```
 */
export interface AssignRule<S extends string = string> extends StatusSelector<S> {
  readonly to: NoInfer<S>;
}

/**
 * The moment a timer counts from: entering the status, the last customer or agent message, the last activity
 * (any message or note), the `until` chosen with `snooze` / `setStatus`, or the ticket's creation ("ticket older
 * than", as in LiveAgent and Zendesk automations).
 *
 * @example
 * ```ts
 * import type { TimerAnchor } from 'ticket-lifecycle';
 * const anchor: TimerAnchor = 'lastCustomerMessage';
 * ```
 */
export type TimerAnchor =
  | 'statusEntered'
  | 'lastCustomerMessage'
  | 'lastAgentMessage'
  | 'lastActivity'
  | 'until'
  | 'created';

interface TimerBase<S extends string, P extends string = string> {
  /** Unique id, reported in effects and `evaluateAutoClose`. */
  readonly id: string;
  /** The statuses the timer runs in. */
  readonly in?: OneOrMany<NoInfer<S>>;
  readonly inCategory?: OneOrMany<Category>;
  /**
   * Counted since the latest of these moments. Default `statusEntered`. (Called `from` before 0.1; that name is
   * refused.)
   */
  readonly since?: OneOrMany<TimerAnchor>;
  /** How long after the anchor. Optional only when counting from `until` (then it fires at `until`). */
  readonly after?: Duration;
  /** Paused while the customer's last message is unanswered; counts again once the team replies. */
  readonly skipWhileCustomerWaits?: boolean;
  /**
   * Count only the open time of this calendar (an id in the policy's `calendars`): `after`, `reminders` and
   * `repeatEvery` are then open time, hours and minutes as they are, a day one business day's worth and a week
   * one week's worth of the calendar's open time (see `docs/calendars.md`).
   */
  readonly calendar?: string;
  /**
   * Runs only for tickets with these attributes. Checked at every moment: a change of priority, group or tags
   * starts or stops the timer then, and it never acts before that change (docs/attributes.md).
   */
  readonly when?: WhenConfig<P>;
  /**
   * Escalation: what the timer sets when it fires (a reminder) or moves (a move timer): "after 4 business hours
   * unanswered: priority urgent, group tier-2, unassigned". An `updated` effect names the timer.
   */
  readonly set?: TimerSet<P>;
}

/**
 * What a timer sets when it fires: each given attribute takes that value (`null` clears it). Priorities and groups
 * are checked like everywhere else; the assignee is set as the policy says, without the `assign` rules.
 *
 * @example
 * ```ts
 * import type { TimerSet } from 'ticket-lifecycle';
 * const escalate: TimerSet<'normal' | 'urgent'> = { priority: 'urgent', group: 'tier-2', assignee: null };
 * ```
 */
export interface TimerSet<P extends string = string> {
  readonly assignee?: string | null;
  readonly group?: string | null;
  readonly priority?: NoInfer<P> | null;
}

/**
 * A timer that notifies: a `reminderDue` effect once per stay in the status, or every `repeatEvery`.
 *
 * @example
 * ```ts
 * import type { ReminderTimer } from 'ticket-lifecycle';
 * // JSM: prompt the customer after 5 days waiting for them.
 * const nudge: ReminderTimer<'waiting_for_customer'> = {
 *   id: 'prompt-customer', in: 'waiting_for_customer', after: 'P5D', action: 'remind',
 * };
 * ```
 */
export interface ReminderTimer<S extends string = string, P extends string = string> extends TimerBase<S, P> {
  readonly action: 'remind';
  readonly repeatEvery?: Duration;
}

/**
 * A timer that moves the ticket: auto-close, auto-solve, snooze wake-up. It acts as the `system` and passes the
 * same rules as a `system` event making the same move: a `close` into a closed status, a `resolve` into a solved
 * one, a `snooze` into a snoozed one, a `setStatus` anywhere else. A refused move does not happen: the host gets
 * a `timerBlocked` effect, and the timer is tried again after the next event that changes the ticket (at that
 * event's time) or when the ticket enters the status anew. `bypassGuards: true` opts out (`lintWorkflow` reports
 * it as `timerBypassesGuard`).
 *
 * @example
 * ```ts
 * import type { MoveTimer } from 'ticket-lifecycle';
 * // Zendesk: close 4 days after solved, with a reminder a day before.
 * const autoClose: MoveTimer<'solved' | 'closed'> = {
 *   id: 'auto-close', in: 'solved', after: 'P4D', action: 'move', to: 'closed', reminders: ['P3D'],
 * };
 * ```
 */
export interface MoveTimer<S extends string = string, P extends string = string> extends TimerBase<S, P> {
  readonly action: 'move';
  readonly to: NoInfer<S>;
  /** Snooze wake-up: go back to the status held before snoozing when it is one of these (or any, with `true`). */
  readonly restorePrevious?: true | OneOrMany<NoInfer<S>>;
  /**
   * Reminders before the move, counted from the same anchor. One at or after `after` never fires (`lintWorkflow`
   * reports it).
   */
  readonly reminders?: readonly Duration[];
  /** Stored as the ticket's `closeReason` when the move closes it. Default `timer:<id>`. */
  readonly reason?: string;
  /** Move even where the rules would refuse the `system` this move. Reported by `lintWorkflow`. */
  readonly bypassGuards?: boolean;
}

/**
 * A status timer: a reminder or a move.
 *
 * @example
 * ```ts
 * import type { TimerConfig } from 'ticket-lifecycle';
 * const wake: TimerConfig<'snoozed' | 'open'> = { id: 'wake', in: 'snoozed', since: 'until', action: 'move', to: 'open' };
 * ```
 */
export type TimerConfig<S extends string = string, P extends string = string> = ReminderTimer<S, P> | MoveTimer<S, P>;

/**
 * A ticket policy as plain JSON-able data. Status ids are inferred from `statuses` as a literal union, so every
 * other field that names a status is checked at compile time.
 *
 * Its size is bounded by `POLICY_LIMITS` (refused beyond, with codes `tooMany`, `tooManyStatuses`, `tooLarge`,
 * `tooDeep` and the path of what overflows): at most 1,000 statuses, 1,000 reply and 1,000 assignment rules, 100
 * rules in each of `statusChanges`, `resolve`, `close`, `snooze` and `reopen`, 1,000 timers with at most 20 running
 * in one status and 50 reminders each, 1,000 channels, 1,000 entries in any list inside a rule, 16 levels of
 * nesting and about 1 MB of JSON. See docs/limits.md.
 *
 * @example
 * ```ts
 * import type { WorkflowConfig } from 'ticket-lifecycle';
 * const config: WorkflowConfig<'open' | 'waiting' | 'done'> = {
 *   statuses: [
 *     { id: 'open', category: 'open' },
 *     { id: 'waiting', category: 'pending' },
 *     { id: 'done', category: 'closed' },
 *   ],
 *   replies: [
 *     { by: 'agent', from: 'open', to: 'waiting' },
 *     { by: 'customer', from: ['waiting', 'done'], action: 'reopen' },
 *   ],
 * };
 * ```
 */
export interface WorkflowConfig<S extends string = string, P extends string = string> {
  /** The JSON Schema this file follows, for editors (`ticket-lifecycle/schema.json`); ignored by the engine. */
  readonly $schema?: string;
  readonly id?: string;
  readonly name?: string;
  /** At most `POLICY_LIMITS.maxStatuses` (1,000). */
  readonly statuses: readonly StatusConfig<S>[];
  /** Where a new ticket starts. Default: the `new` category's default, else the `open` category's. */
  readonly initial?: NoInfer<S>;
  /**
   * Per-channel start status (Chatwoot starts bot inboxes `pending`), keyed by the `channel` of `createTicket`. At
   * most `POLICY_LIMITS.maxChannels` (1,000) channels.
   */
  readonly initialByChannel?: Readonly<Record<string, NoInfer<S>>>;
  /** At most `POLICY_LIMITS.maxRules` (1,000). */
  readonly replies?: readonly ReplyRule<S, P>[];
  /** At most `POLICY_LIMITS.maxRules` (1,000). */
  readonly assignments?: readonly AssignRule<S>[];
  /** At most `POLICY_LIMITS.maxPermissionRules` (100). */
  readonly statusChanges?: readonly StatusChangeRule<S, P>[];
  /** Who may resolve. Default: agents and the system, from any status that is not solved or closed. */
  readonly resolve?: OneOrMany<ResolveRule<S, P>>;
  /** Who may close. Default: agents and the system, from any status that is not closed. */
  readonly close?: OneOrMany<ActionRule<S, P>>;
  /** Who may snooze. Default: agents and the system, from any `new`, `open`, `pending` or `onHold` status. */
  readonly snooze?: OneOrMany<ActionRule<S, P>>;
  /** Who may reopen explicitly. Default: agents and the system, from `solved` and `closed` statuses. */
  readonly reopen?: OneOrMany<ActionRule<S, P>>;
  /** Who may change the assignee. Default: agents and the system, from any status; customers never. */
  readonly assign?: OneOrMany<ActionRule<S, P>>;
  /** Who may merge a ticket into another (it closes). Default: the `close` rules, for a merge closes the ticket. */
  readonly merge?: OneOrMany<ActionRule<S, P>>;
  /** At most `POLICY_LIMITS.maxTimers` (1,000), and `maxTimersPerStatus` (20) running in any one status. */
  readonly timers?: readonly TimerConfig<S, P>[];
  /**
   * Who may change a ticket's priority, group and tags with an `update` event. Default: agents and the system, from
   * any status that is not closed (a closed ticket is read-only, as in Zendesk).
   */
  readonly update?: OneOrMany<ActionRule<S, P>>;
  /**
   * The ticket priorities, lowest first (`['low', 'normal', 'high', 'urgent']`). Ids are inferred as a literal
   * union like status ids, so a typo in a `when`, an event or `createTicket` does not compile. Without them every
   * ticket's priority is `null`. At most `POLICY_LIMITS.maxPriorities` (100).
   */
  readonly priorities?: readonly P[];
  /**
   * The groups (teams, departments) tickets may belong to. Optional: when given, a group in a `when`, an event or
   * `createTicket` that is not listed is refused, so a typo cannot make a rule silently never match; without them
   * any short name is a group. At most `POLICY_LIMITS.maxGroups` (1,000).
   */
  readonly groups?: readonly string[];
  /**
   * What a reopen does to the assignee: `keep` (default; osTicket assigns back to the last agent) or `clear` (Zammad
   * resets the owner on a follow-up when the group's `follow_up_assignment` is off:
   * docs/reference/helpdesk-systems.md). A cleared assignee yields an `assigned` effect.
   */
  readonly reopenAssignee?: 'keep' | 'clear';
  /** Business-hours calendars by id, for timers that count open time only. At most `POLICY_LIMITS.maxCalendars` (100). */
  readonly calendars?: Readonly<Record<string, CalendarConfig>>;
  /**
   * SLA policies, the first whose `when` matches a ticket applies: targets per metric, counted in a calendar's open
   * time or plain time, paused where the vendor pauses. At most `POLICY_LIMITS.maxSlaPolicies` (100). See docs/sla.md.
   */
  readonly sla?: readonly SlaPolicyConfig<S, P>[];
}
