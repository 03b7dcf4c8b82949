import type { Workflow } from '../workflow.js';
import { cannotClose } from './cannot-close.js';
import { closeWithoutGuard } from './close-without-guard.js';
import { createContext, type LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { overriddenGuard } from './overridden-guard.js';
import { prematureClose } from './premature-close.js';
import { reminderAfterMove } from './reminder-after-move.js';
import { replyBypassesGuard } from './reply-bypasses-guard.js';
import { replyDoesNotReopen } from './reply-does-not-reopen.js';
import { shadowedAssignment } from './shadowed-assignment.js';
import { shadowedReply } from './shadowed-reply.js';
import { shadowedTimer } from './shadowed-timer.js';
import { snoozeWithoutExit } from './snooze-without-exit.js';
import { timerNeverRuns } from './timer-never-runs.js';
import { unreachableStatus } from './unreachable-status.js';
import { solvedWhileCustomerWaits } from './solved-while-waiting.js';
import { emptyAnchor } from './timer-anchors.js';
import { deadTimerTarget, timerBypassesGuard } from './timer-guards.js';
import { priorityNeverSet, unusedCalendar, whenNeverMatches } from './attributes.js';
import { assignSolverNeverActs } from './assign-solver.js';
import { restoreLoop } from './restore-loop.js';
import { suspiciousDuration } from './suspicious-duration.js';
import { thirdPartyInPending } from './third-party-pending.js';
import { wakeUpPaused } from './wake-up-paused.js';

export type { LintCode, LintFinding, LintSeverity } from './finding.js';

const CHECKS: readonly ((ctx: LintContext) => LintFinding[])[] = [
  unreachableStatus,
  timerNeverRuns,
  cannotClose,
  prematureClose,
  replyDoesNotReopen,
  reminderAfterMove,
  shadowedTimer,
  snoozeWithoutExit,
  closeWithoutGuard,
  shadowedReply,
  shadowedAssignment,
  overriddenGuard,
  replyBypassesGuard,
  emptyAnchor,
  solvedWhileCustomerWaits,
  timerBypassesGuard,
  deadTimerTarget,
  whenNeverMatches,
  unusedCalendar,
  priorityNeverSet,
  assignSolverNeverActs,
  suspiciousDuration,
  thirdPartyInPending,
  wakeUpPaused,
  restoreLoop,
];

/**
 * Finds what is risky in a valid policy: statuses no ticket can reach or leave for closed, timers that close a
 * ticket while the customer waits for an answer or never act, customer replies a solved ticket swallows, snoozes
 * with no way out, unguarded closing, and rules hidden by earlier ones. Errors come first, then warnings, each
 * group in a fixed order; an empty array means nothing was found. See {@link LintCode} for every kind.
 *
 * It reasons on a graph of every move the engine can make (replies, assignments, status changes within
 * `statusChanges` and the action rules, resolve/close/snooze/reopen, timers), built once: linear in statuses ×
 * rules, so a 1,000-status policy lints in milliseconds. Named guards and conditions such as `requireAssignee`
 * are taken as satisfiable by some sequence of events. Pure: the workflow is only read.
 *
 * Not reported, because `defineWorkflow` already refuses them: timer cycles and self-loops, and reopen targets in
 * a solved or closed status (`reopenTo`, reply rules with `action: 'reopen'`); an explicit `reopen` event to such
 * a status is refused by `transition`.
 *
 * @example
 * ```ts
 * import { defineWorkflow, lintWorkflow } from 'ticket-lifecycle';
 * const wf = defineWorkflow({
 *   statuses: [
 *     { id: 'open', category: 'open' },
 *     { id: 'waiting', category: 'pending' },
 *     { id: 'closed', category: 'closed' },
 *   ],
 *   replies: [{ by: 'agent', from: 'open', to: 'waiting' }, { by: 'customer', from: 'closed', action: 'followUp' }],
 *   close: { by: 'agent', fromCategory: 'pending' },
 *   timers: [{ id: 'auto-close', in: 'waiting', after: 'P3D', action: 'move', to: 'closed' }],
 * });
 * lintWorkflow(wf).map((f) => `${f.severity} ${f.code}`);
 * // ['error prematureClose']: a customer reply leaves the ticket in "waiting" and the timer still closes it
 * ```
 */
export function lintWorkflow<S extends string>(workflow: Workflow<S>): LintFinding<S>[] {
  const ctx = createContext(workflow as Workflow);
  const findings = CHECKS.flatMap((check) => check(ctx));
  return [
    ...findings.filter((f) => f.severity === 'error'),
    ...findings.filter((f) => f.severity === 'warning'),
  ] as LintFinding<S>[];
}
