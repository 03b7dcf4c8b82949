import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { quote, statusPath } from './paths.js';
import { timerTargets } from '../timer-targets.js';
import { systemMayMove } from './system-may-move.js';

/**
 * Timers that opt out of the rules with `bypassGuards`: the one documented path around a guard, so it is always
 * reported, with whether the rules would refuse the system that move.
 */
export function timerBypassesGuard(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const { timer, statuses } of ctx.timers) {
    if (timer.action !== 'move' || !timer.bypassGuards) continue;
    const refused = statuses.filter((s) =>
      timerTargets(timer).some((t) => t !== s.id && !systemMayMove(s, ctx.compiled.byId.get(t)!)),
    );
    findings.push({
      code: 'timerBypassesGuard',
      severity: 'warning',
      statuses: statuses.map((s) => s.id),
      message:
        `timer "${timer.id}" moves tickets with "bypassGuards", past the rules a system move must pass` +
        (refused.length > 0
          ? `; from ${quote(refused.map((s) => s.id))} no rule lets the system make that move at all`
          : ' (their conditions, such as requireAssignee or guards, are not checked)'),
      path: `timers[${timer.order}]`,
    });
  }
  return findings;
}

/**
 * Statuses that only timers lead to, where none of those timers can ever act: the rules refuse the system each
 * move (and the timer does not bypass them), or it counts only from an `until` that no event can set there.
 */
export function deadTimerTarget(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const status of ctx.statuses) {
    if (!ctx.reachable.has(status.id) || ctx.starts.has(status.id)) continue;
    const byEvent = (ctx.graph.byTarget.get(status.id) ?? []).some((g) => {
      const group = ctx.graph.groups[g]!;
      return group.kind !== 'timer' && group.sources.some((s) => ctx.reachable.has(s));
    });
    if (byEvent) continue;
    const moves = ctx.timers.flatMap(({ timer, statuses }) =>
      timer.action === 'move' && timerTargets(timer).includes(status.id)
        ? statuses.filter((s) => s.id !== status.id && ctx.reachable.has(s.id)).map((source) => ({ timer, source }))
        : [],
    );
    if (moves.length === 0) continue;
    const dead = moves.every(
      ({ timer, source }) =>
        (!timer.bypassGuards && !systemMayMove(source, status)) ||
        (timer.anchors.every((a) => a === 'until') && !ctx.untilSettable.has(source.id)),
    );
    if (!dead) continue;
    findings.push({
      code: 'deadTimerTarget',
      severity: 'warning',
      statuses: [status.id],
      message:
        `only timers lead into "${status.id}" (${quote(new Set(moves.map((m) => m.timer.id)))}), and none of them can ever act: ` +
        'the rules refuse the system that move, or no event sets the "until" it counts from',
      path: statusPath(ctx, status.id),
    });
  }
  return findings;
}
