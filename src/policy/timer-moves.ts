import type { Move, TimerMove } from './moves.js';
import type { CompiledStatus } from './workflow.js';

/**
 * Every timer of each status (reminders too: they move nothing, but a status with timers needs a clock), with
 * where it moves the ticket: its `to`, and back to the statuses its `restorePrevious` names. A wake-up that
 * restores "any previous status" (`restorePrevious: true`) goes back to wherever the ticket came from: only a
 * snoozed status remembers one, and it is a status with a move (by an event or a timer) into it.
 */
export function timerMoves(statuses: readonly CompiledStatus[], moves: readonly Move[]): TimerMove[] {
  const out: TimerMove[] = [];
  const restoring = new Map<string, TimerMove[]>();
  for (const status of statuses) {
    for (const timer of status.timers) {
      const move = timer.action === 'move';
      const restore = !move || timer.restore === null || timer.restore === true ? [] : [...timer.restore];
      const entry: TimerMove = {
        timer: timer.id,
        path: `timers[${timer.order}]`,
        action: timer.action,
        from: status.id,
        to: move && timer.to !== null && timer.to !== status.id ? [timer.to] : [],
        restoreTo: restore.filter((id) => id !== status.id),
        pausedWhileCustomerWaits: timer.skipWhileCustomerWaits,
        bypassGuards: timer.bypassGuards,
      };
      out.push(entry);
      if (move && timer.restore === true && status.category === 'snoozed')
        restoring.set(status.id, [...(restoring.get(status.id) ?? []), entry]);
    }
  }
  if (restoring.size === 0) return out;
  const previous = new Map<string, Set<string>>();
  const into = (sources: readonly string[], targets: readonly string[]): void => {
    for (const target of targets) {
      if (!restoring.has(target)) continue;
      const set = previous.get(target) ?? new Set<string>();
      for (const source of sources) if (source !== target) set.add(source);
      previous.set(target, set);
    }
  };
  for (const move of moves) into(move.from, move.to);
  for (const timer of out) into([timer.from], [...timer.to, ...timer.restoreTo]);
  for (const [status, list] of restoring) {
    const to = [...(previous.get(status) ?? [])];
    for (const timer of list) (timer.restoreTo as string[]).push(...to);
  }
  return out;
}
