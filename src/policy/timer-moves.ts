import type { Move, TimerMove } from './moves.js';
import type { CompiledStatus } from './workflow.js';

/**
 * The timers' moves out of each status: to the timer's `to`, and back to the statuses its `restorePrevious` names.
 * A wake-up that restores "any previous status" (`restorePrevious: true`) goes back to wherever the ticket came
 * from: only a snoozed status remembers one, and it is a status with a move (by an event or a timer) into it.
 */
export function timerMoves(statuses: readonly CompiledStatus[], moves: readonly Move[]): TimerMove[] {
  const out: TimerMove[] = [];
  const restoring = new Map<string, TimerMove[]>();
  for (const status of statuses) {
    for (const timer of status.timers) {
      if (timer.action !== 'move') continue;
      const base = {
        timer: timer.id,
        path: `timers[${timer.order}]`,
        from: status.id,
        pausedWhileCustomerWaits: timer.skipWhileCustomerWaits,
        bypassGuards: timer.bypassGuards,
      };
      if (timer.to !== null && timer.to !== status.id) out.push({ ...base, to: [timer.to], restore: false });
      if (timer.restore === true && status.category === 'snoozed') {
        const move = { ...base, to: [] as string[], restore: true };
        restoring.set(status.id, [...(restoring.get(status.id) ?? []), move]);
        out.push(move);
      } else if (timer.restore !== null && timer.restore !== true) {
        const to = [...timer.restore].filter((id) => id !== status.id);
        if (to.length > 0) out.push({ ...base, to, restore: true });
      }
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
  for (const move of out) into([move.from], move.to);
  for (const [status, list] of restoring) {
    const to = [...(previous.get(status) ?? [])];
    for (const move of list) (move.to as string[]).push(...to);
  }
  return out.filter((m) => m.to.length > 0);
}
