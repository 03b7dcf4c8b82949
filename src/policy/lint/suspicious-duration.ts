import { formatDuration } from '../duration.js';
import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { quote } from './paths.js';

/** Below this, a timer that finishes a waiting or solved ticket gives people no time to answer. */
const SHORTEST_SENSIBLE = 86_400_000;

/**
 * Move timers whose delay is suspicious for the category they run in: one that closes a `solved` ticket, or
 * solves or closes a `pending` one, in less than a day (a four-hour auto-close of solved tickets is a typo for
 * four days, or a policy that closes tickets before the customer has read the answer). Timers counting to a
 * chosen `until` are the team's choice each time, and are left alone.
 */
export function suspiciousDuration(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const { timer, statuses } of ctx.timers) {
    if (timer.action !== 'move' || timer.to === null || timer.anchors.includes('until')) continue;
    if (timer.after >= SHORTEST_SENSIBLE) continue;
    const target = ctx.compiled.byId.get(timer.to)!.category;
    const finishing = statuses.filter(
      (s) =>
        (s.category === 'solved' && target === 'closed') ||
        (s.category === 'pending' && (target === 'solved' || target === 'closed')),
    );
    if (finishing.length === 0) continue;
    findings.push({
      code: 'suspiciousDuration',
      severity: 'warning',
      statuses: finishing.map((s) => s.id),
      message: `timer "${timer.id}" ${target === 'closed' ? 'closes' : 'solves'} ${quote(finishing.map((s) => s.id))} after only ${formatDuration(timer.after)}: customers rarely answer that fast (did you mean days?)`,
      path: `timers[${timer.order}].after`,
    });
  }
  return findings;
}
