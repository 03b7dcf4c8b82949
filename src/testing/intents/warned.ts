import type { Intent } from '../intent.js';
import { categoryOf, FINISHED, timerById, timerStatuses } from './categories.js';

/**
 * When a policy warns the customer before an automatic finish (a `reminders` list on the move, or a reminder
 * timer in the same status), the warning goes out before the move: a reminder due after the move is never sent.
 */
export function warnedBeforeAutoFinish(): Intent {
  return {
    name: 'warnedBeforeAutoFinish',
    description: 'every reminder a policy sets before an automatic solve or close goes out before it',
    incident:
      'the "we will close this in 2 days unless you answer" mail was set for day 6 while the auto-close ran on ' +
      'day 5: customers were never warned, and complained that tickets vanished',
    applies: (workflow) =>
      (workflow.config.timers ?? []).some((t) => t.action === 'remind' || (t.reminders ?? []).length > 0),
    check: ({ workflow, before, timers }) => {
      const sent = (id: string): number =>
        (before.timersFired[id] ?? 0) + timers.filter((t) => t.type === 'reminderDue' && t.timer === id).length;
      for (const move of timers) {
        if (move.type !== 'timerFired' || !FINISHED.includes(categoryOf(workflow, move.to) ?? 'open')) continue;
        // Only the first move of the step left a stay whose reminders `before` counts.
        if (move.from !== before.status) return null;
        const config = timerById(workflow, move.timer);
        const own = config?.action === 'move' ? (config.reminders ?? []).length : 0;
        if (sent(move.timer) < own)
          return `timer ${move.timer} moved ${move.from} → ${move.to} before its ${own} reminder(s) went out`;
        const missing = (workflow.config.timers ?? []).find(
          (t) =>
            t.action === 'remind' &&
            t.repeatEvery === undefined &&
            timerStatuses(workflow, t).has(move.from) &&
            sent(t.id) === 0,
        );
        if (missing !== undefined)
          return `timer ${move.timer} moved ${move.from} → ${move.to} before the reminder ${missing.id} went out`;
      }
      return null;
    },
  };
}
