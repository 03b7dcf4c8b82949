/**
 * How bad a lint finding is: an `error` is a policy that does something no team means (tickets stuck forever, a
 * reminder that can never be sent); a `warning` is a risky choice a team may make on purpose, and should document.
 *
 * @example
 * ```ts
 * import type { LintSeverity } from 'ticket-lifecycle';
 * const severity: LintSeverity = 'warning';
 * ```
 */
export type LintSeverity = 'error' | 'warning';

/**
 * Every kind of finding `lintWorkflow` reports.
 *
 * - `unreachableStatus` (warning): no sequence of events leads from a start status to this one.
 * - `timerNeverRuns` (warning): a timer whose statuses nothing can enter, or that counts only from `until` where no
 *   event can set one.
 * - `cannotClose` (error): no sequence of events leads from this status to a `closed` status: tickets stuck forever.
 * - `prematureClose` (error, warning when a customer message restarts its countdown): a timer that solves or closes
 *   a ticket while the customer's last message can be unanswered.
 * - `replyDoesNotReopen` (warning): a customer reply leaves a solved or closed ticket solved or closed.
 * - `reminderAfterMove` (error): a reminder of a move timer due at or after the move, so it can never be sent.
 * - `shadowedTimer` (warning): a timer always due at or after another timer moves the ticket out of the status.
 * - `snoozeWithoutExit` (error): a snoozed status with neither a wake-up timer nor a customer reply that leaves it.
 * - `closeWithoutGuard` (warning): closing is allowed from a new or open status with no condition at all.
 * - `shadowedReply` (warning): a reply rule that never applies, because earlier rules match all its cases.
 * - `shadowedAssignment` (warning): an assignment rule that never applies, for the same reason.
 * - `overriddenGuard` (warning): an action rule whose conditions never refuse anything, because another rule allows
 *   the same actors from the same statuses with fewer conditions.
 * - `replyBypassesGuard` (warning): a reply rule resolves, closes or snoozes for an actor that the `resolve`,
 *   `close` or `snooze` rules do not allow to do so from that status.
 * - `emptyAnchor` (warning): a timer counts only from a message that a ticket in its status may not have yet (a
 *   `lastAgentMessage` timer in a status reachable without a team reply): it would never fire there.
 * - `solvedWhileCustomerWaits` (warning): the team may solve while the customer waits, and a timer then closes the
 *   solved ticket without waiting for an answer.
 * - `timerBypassesGuard` (warning): a move timer opts out of the rules with `bypassGuards`.
 * - `deadTimerTarget` (warning): only timers lead into a status, and none of them can ever act (the rules refuse
 *   the system the move, or their `until` can never be set).
 * - `whenNeverMatches` (warning): a `when` whose tag conditions contradict each other: the rule or timer never applies.
 * - `unusedCalendar` (warning): a calendar no timer counts in.
 * - `priorityNeverSet` (warning): a `when` awaits a priority that no `update` and no timer `set` can give a ticket.
 * - `assignSolverNeverActs` (warning): a resolve rule's `assignSolver` by which no agent can ever resolve.
 * - `suspiciousDuration` (warning): a timer closes a solved ticket, or solves or closes a pending one, in less than
 *   a day.
 * - `thirdPartyInPending` (warning): a pending status (waiting for the customer) whose name says a third party
 *   owes the answer ("Waiting on vendor"): it belongs in `onHold`.
 * - `wakeUpPaused` (warning): a snooze wake-up skips while the customer waits, and tickets may be snoozed while
 *   the customer waits: they never wake until the team replies.
 * - `restoreLoop` (error): a timer snoozes a ticket into a status whose wake-up restores the previous status, so
 *   timers alone bounce it back and forth forever.
 *
 * @example
 * ```ts
 * import type { LintCode } from 'ticket-lifecycle';
 * const code: LintCode = 'prematureClose';
 * ```
 */
export type LintCode =
  | 'unreachableStatus'
  | 'timerNeverRuns'
  | 'cannotClose'
  | 'prematureClose'
  | 'replyDoesNotReopen'
  | 'reminderAfterMove'
  | 'shadowedTimer'
  | 'snoozeWithoutExit'
  | 'closeWithoutGuard'
  | 'shadowedReply'
  | 'shadowedAssignment'
  | 'overriddenGuard'
  | 'replyBypassesGuard'
  | 'emptyAnchor'
  | 'solvedWhileCustomerWaits'
  | 'timerBypassesGuard'
  | 'deadTimerTarget'
  | 'whenNeverMatches'
  | 'unusedCalendar'
  | 'priorityNeverSet'
  | 'assignSolverNeverActs'
  | 'suspiciousDuration'
  | 'thirdPartyInPending'
  | 'wakeUpPaused'
  | 'restoreLoop';

/**
 * One risk found in a valid policy: what (`code`), how bad (`severity`), the statuses involved, a sentence for
 * people, and where in the policy it comes from (`path`, like `timers[1]` or `statuses[3]`; `''` for the policy as
 * a whole).
 *
 * @example
 * ```ts
 * import type { LintFinding } from 'ticket-lifecycle';
 * const finding: LintFinding<'open' | 'closed'> = {
 *   code: 'closeWithoutGuard',
 *   severity: 'warning',
 *   statuses: ['open'],
 *   message: 'close (default rule) lets agent, system close from "open" with no condition',
 *   path: 'close',
 * };
 * ```
 */
export interface LintFinding<S extends string = string> {
  readonly code: LintCode;
  readonly severity: LintSeverity;
  readonly statuses: readonly S[];
  readonly message: string;
  readonly path: string;
}
