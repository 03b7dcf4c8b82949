import { DONE } from '../category.js';
import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { statusPath } from './paths.js';

/**
 * Solved or closed statuses where a customer reply leaves the ticket solved or closed: by staying (a rule, no rule,
 * or a reopen window that has passed with `otherwise: 'stay'`) or by moving to another solved/closed status. The
 * engine still emits `replyNeedsAttention`, so the host is told; the warning says the policy chose not to reopen.
 * `followUp` and `reject` are not flagged: they tell the host what happened to the message.
 */
export function replyDoesNotReopen(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const status of ctx.statuses) {
    if (!DONE.has(status.category) || !ctx.reachable.has(status.id)) continue;
    const reply = status.replies.customer;
    const target = reply.to === null ? null : ctx.compiled.byId.get(reply.to)!;
    let how: string | null = null;
    if (reply.action === 'stay' || (reply.action === 'move' && reply.to === status.id)) how = 'stays there';
    else if (reply.action === 'move' && target !== null && DONE.has(target.category))
      how = `moves it to "${target.id}", which is ${target.category}`;
    else if (reply.action === 'reopen' && reply.within !== null && reply.otherwise === 'stay')
      how = 'stays there once the reopen window has passed';
    if (how === null) continue;
    const rule = reply.rule >= 0 ? ` (replies[${reply.rule}])` : ' (no reply rule matches)';
    findings.push({
      code: 'replyDoesNotReopen',
      severity: 'warning',
      statuses:
        target !== null && target.id !== status.id && reply.action === 'move' ? [status.id, target.id] : [status.id],
      message: `a customer reply to "${status.id}", which is ${status.category}, ${how}${rule}: the ticket is not reopened`,
      path: reply.rule >= 0 ? `replies[${reply.rule}]` : statusPath(ctx, status.id),
    });
  }
  return findings;
}
