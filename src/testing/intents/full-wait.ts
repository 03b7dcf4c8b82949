import { addBusinessTime, parseDuration } from 'ticket-lifecycle';
import type { Intent } from '../intent.js';
import { categoryOf, FINISHED, list, timerById } from './categories.js';

/**
 * An automatic solve or close of a ticket waiting for the customer gives them the timer's whole delay after the
 * team's last message (or after the ticket was set waiting, if later): an agent's "any news?" restarts the wait.
 * Timers counting to a chosen time (`since: 'until'`, Zammad's pending close) are the agent's choice and left out.
 */
export function customerGetsFullWait(): Intent {
  return {
    name: 'customerGetsFullWait',
    description: "an auto-solve of a ticket waiting for the customer counts from the team's last message",
    incident:
      'the auto-solve counted from when the ticket was first set Pending; an agent asked a follow-up question on ' +
      'day 4 and the ticket was solved the next morning, before the customer could possibly answer',
    applies: (workflow) =>
      (workflow.config.timers ?? []).some(
        (t) => t.action === 'move' && FINISHED.includes(categoryOf(workflow, t.to) ?? 'open'),
      ),
    check: ({ workflow, before, timers }) => {
      const move = timers.find((t) => t.type === 'timerFired');
      // Only the first move of the step starts from the stay `before` describes.
      if (move?.type !== 'timerFired' || move.from !== before.status) return null;
      if (categoryOf(workflow, move.from) !== 'pending' || !FINISHED.includes(categoryOf(workflow, move.to) ?? 'open'))
        return null;
      const timer = timerById(workflow, move.timer);
      if (timer === undefined || timer.after === undefined || list(timer.since).includes('until')) return null;
      const since = Math.max(before.lastAgentMessageAt ?? before.statusChangedAt, before.statusChangedAt);
      const earliest =
        timer.calendar === undefined
          ? since + (parseDuration(timer.after) ?? 0)
          : addBusinessTime(workflow, timer.calendar, since, timer.after);
      return earliest === null || move.dueAt >= earliest
        ? null
        : `timer ${move.timer} moved ${move.from} → ${move.to} ${Math.round((earliest - move.dueAt) / 60_000)} min before its ${String(timer.after)} after the team's last message were up`;
    },
  };
}
