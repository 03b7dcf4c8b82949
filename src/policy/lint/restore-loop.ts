import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';

/**
 * A timer loop through `restorePrevious: true`, which `defineWorkflow` cannot see (the target depends on the
 * ticket): a timer moves a ticket from Y into a snoozed status whose wake-up restores any previous status, so it
 * goes back to Y, whose timer snoozes it again, with no event in between. A wake-up that counts only from `until`
 * never fires after a timer's move (no `until` was chosen), so it is left alone.
 */
export function restoreLoop(ctx: LintContext): LintFinding[] {
  const restoring = new Map<string, string>();
  for (const status of ctx.statuses) {
    if (status.category !== 'snoozed') continue;
    const wake = status.timers.find(
      (t) => t.action === 'move' && t.restore === true && t.anchors.some((a) => a !== 'until'),
    );
    if (wake !== undefined) restoring.set(status.id, wake.id);
  }
  if (restoring.size === 0) return [];
  const findings: LintFinding[] = [];
  for (const status of ctx.statuses) {
    if (status.category === 'snoozed') continue;
    for (const timer of status.timers) {
      const wake = timer.action === 'move' && timer.to !== null ? restoring.get(timer.to) : undefined;
      if (wake === undefined) continue;
      findings.push({
        code: 'restoreLoop',
        severity: 'error',
        statuses: [status.id, timer.to!],
        message: `timer "${timer.id}" snoozes "${status.id}" into "${timer.to}", whose wake-up "${wake}" restores "${status.id}": timers alone bounce the ticket between them forever`,
        path: `timers[${timer.order}]`,
      });
    }
  }
  return findings;
}
