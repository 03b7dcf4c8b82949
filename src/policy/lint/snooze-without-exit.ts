import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { statusPath } from './paths.js';

/**
 * Snoozed statuses with neither a wake-up (a move timer) nor a customer reply that leaves them: a ticket put
 * aside there stays hidden until someone remembers it, whatever the customer writes.
 */
export function snoozeWithoutExit(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const status of ctx.statuses) {
    if (status.category !== 'snoozed' || !ctx.reachable.has(status.id)) continue;
    const wakes = status.timers.some((t) => t.action === 'move');
    const reply = status.replies.customer;
    const replyLeaves =
      (reply.action === 'move' || reply.action === 'reopen') && reply.to !== null && reply.to !== status.id;
    if (wakes || replyLeaves) continue;
    findings.push({
      code: 'snoozeWithoutExit',
      severity: 'error',
      statuses: [status.id],
      message: `"${status.id}" is snoozed but has no wake-up timer, and a customer reply ${reply.action === 'followUp' || reply.action === 'reject' ? `is answered with ${reply.action}` : 'leaves it there'}: a ticket snoozed there stays hidden`,
      path: reply.rule >= 0 ? `replies[${reply.rule}]` : statusPath(ctx, status.id),
    });
  }
  return findings;
}
