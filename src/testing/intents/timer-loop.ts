import type { Intent } from '../intent.js';

/**
 * Timers alone never bring a ticket back to a status they moved it out of: left alone, a ticket settles. A loop
 * shows inside one step as soon as time passes long enough (a sweep after a silence fires every lap at once).
 */
export function noTimerLoop(): Intent {
  return {
    name: 'noTimerLoop',
    description: 'timers alone never bring a ticket back to a status they moved it out of',
    incident:
      'an "escalate after 2 days" timer in Pending and a "back to Pending after 1 day" timer in Escalated ' +
      'bounced a forgotten ticket forever: 400 escalation mails and an SLA report full of phantom breaches',
    applies: (workflow) => (workflow.config.timers ?? []).some((t) => t.action === 'move'),
    check: ({ timers }) => {
      const left = new Set<string>();
      for (const t of timers) {
        if (t.type !== 'timerFired') continue;
        if (left.has(t.to))
          return `timers moved the ticket back into ${t.to} (last by ${t.timer}) with nobody acting: a loop`;
        left.add(t.from);
      }
      return null;
    },
  };
}
