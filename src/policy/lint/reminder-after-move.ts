import { formatDuration, parseDuration } from '../duration.js';
import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';

/**
 * Reminders of a move timer due at or after the move: counted from the same moment, the move always comes first
 * and ends the stay, so they are never sent (the engine skips them). A timer counting only from `until` moves at
 * `until` itself, so any reminder of it is late.
 */
export function reminderAfterMove(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const { timer, statuses } of ctx.timers) {
    if (timer.action !== 'move') continue;
    const raw = ctx.workflow.config.timers?.[timer.order];
    const written = raw !== undefined && raw.action === 'move' ? (raw.reminders ?? []) : [];
    // On the timer's own clock, as `after` is: with a calendar, open time where a day is a business day. Comparing
    // plain durations would flag sound calendar timers (three business days with a reminder after two).
    const parse = timer.calendar === null ? parseDuration : timer.calendar.duration;
    written.forEach((value, i) => {
      const ms = parse(value);
      if (ms === null || ms < timer.after) return;
      findings.push({
        code: 'reminderAfterMove',
        severity: 'error',
        statuses: statuses.map((s) => s.id),
        message: `reminder ${formatDuration(parseDuration(value) ?? ms)} of timer "${timer.id}" is due at or after its move (${timer.after === 0 ? 'at "until"' : formatDuration(timer.after)}), so it can never be sent`,
        path: `timers[${timer.order}].reminders[${i}]`,
      });
    });
  }
  return findings;
}
