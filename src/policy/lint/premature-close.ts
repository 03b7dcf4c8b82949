import { timerTargets } from '../timer-targets.js';
import { DONE } from '../category.js';
import type { CompiledTimer } from '../workflow.js';
import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { quote } from './paths.js';

/**
 * Move timers that solve or close a ticket in a status where the customer's last message can be unanswered (see
 * `customerMayWait`), without `skipWhileCustomerWaits`. An error when the countdown ignores the customer's
 * message (it can close a ticket minutes after the customer wrote); a warning when it counts from the last
 * customer message or the last activity, so the team always gets the full delay to answer, yet the ticket still
 * closes unanswered.
 */
export function prematureClose(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const { timer, statuses } of ctx.timers) {
    if (timer.action !== 'move' || timer.skipWhileCustomerWaits) continue;
    const targets = doneTargets(ctx, timer);
    if (targets.length === 0) continue;
    const waiting = statuses.filter((s) => ctx.customerMayWait.has(s.id)).map((s) => s.id);
    if (waiting.length === 0) continue;
    const restarts = timer.anchors.includes('lastCustomerMessage') || timer.anchors.includes('lastActivity');
    const verb = targets.some((id) => ctx.compiled.byId.get(id)!.category === 'closed') ? 'closes' : 'solves';
    findings.push({
      code: 'prematureClose',
      severity: restarts ? 'warning' : 'error',
      statuses: waiting,
      message:
        `timer "${timer.id}" moves tickets to ${quote(targets)} from ${quote(waiting)}, where the customer's last message ` +
        `can be unanswered; ${restarts ? `a customer message restarts it, but it still ${verb} unanswered tickets` : `it ${verb} them even right after the customer wrote`} ` +
        `(set "skipWhileCustomerWaits", or make a customer reply leave the status)`,
      path: `timers[${timer.order}]`,
    });
  }
  return findings;
}

function doneTargets(ctx: LintContext, timer: CompiledTimer): string[] {
  return [...new Set(timerTargets(timer))].filter((id) => DONE.has(ctx.compiled.byId.get(id)!.category));
}
