import type { CompiledTimer } from './workflow.js';

/**
 * Every status a move timer can send a ticket to: its `to`, and the statuses its `restorePrevious` names (a wake-up
 * back to where the ticket was snoozed from). `restorePrevious: true` names none: it depends on the ticket.
 */
export function timerTargets(timer: CompiledTimer): string[] {
  const targets = timer.to === null ? [] : [timer.to];
  if (timer.restore !== null && timer.restore !== true) for (const id of timer.restore) targets.push(id);
  return targets;
}
