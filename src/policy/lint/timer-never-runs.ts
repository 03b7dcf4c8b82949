import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { quote } from './paths.js';

/**
 * Timers that can never act: every status they run in is unreachable, or they count only from `until` and no
 * event can give an `until` in any reachable status of theirs (only `snooze` and `setStatus` set one).
 */
export function timerNeverRuns(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const { timer, statuses } of ctx.timers) {
    const ids = statuses.map((s) => s.id);
    const live = ids.filter((id) => ctx.reachable.has(id));
    const path = `timers[${timer.order}]`;
    if (live.length === 0) {
      findings.push({
        code: 'timerNeverRuns',
        severity: 'warning',
        statuses: ids,
        message: `timer "${timer.id}" runs only in ${quote(ids)}, which no ticket can enter`,
        path,
      });
    } else if (timer.anchors.every((a) => a === 'until') && !live.some((id) => ctx.untilSettable.has(id))) {
      findings.push({
        code: 'timerNeverRuns',
        severity: 'warning',
        statuses: live,
        message: `timer "${timer.id}" counts only from "until", but no snooze or setStatus can give an "until" in ${quote(live)}`,
        path,
      });
    }
  }
  return findings;
}
