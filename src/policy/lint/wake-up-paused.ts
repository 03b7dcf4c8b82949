import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';

/**
 * A snooze wake-up that skips while the customer waits: a ticket snoozed while its customer's last message is
 * unanswered (the snooze rules allow it) never wakes at its time; it sleeps until someone on the team replies,
 * which nobody does, since it is snoozed.
 */
export function wakeUpPaused(ctx: LintContext): LintFinding[] {
  if (!ctx.compiled.snooze.some((rule) => !rule.notWhileCustomerWaits)) return [];
  const findings: LintFinding[] = [];
  for (const { timer, statuses } of ctx.timers) {
    if (timer.action !== 'move' || !timer.skipWhileCustomerWaits) continue;
    const snoozed = statuses.filter((s) => s.category === 'snoozed');
    if (snoozed.length === 0) continue;
    findings.push({
      code: 'wakeUpPaused',
      severity: 'warning',
      statuses: snoozed.map((s) => s.id),
      message: `wake-up "${timer.id}" skips while the customer waits, and tickets may be snoozed while the customer waits: those never wake until the team replies`,
      path: `timers[${timer.order}].skipWhileCustomerWaits`,
    });
  }
  return findings;
}
