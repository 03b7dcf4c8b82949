import type { CompiledStatus, CompiledWorkflow } from '../workflow.js';
import { systemMayMove as systemMove } from '../system-move.js';

/** Whether some rule lets the `system` make a timer's move (conditions taken as satisfiable). */
export function systemMayMove(compiled: CompiledWorkflow, from: CompiledStatus, to: CompiledStatus): boolean {
  return systemMove(compiled, from, to, false);
}

/** The statuses a move timer can send a ticket to: its `to` and the listed statuses it may restore. */
export function timerTargets(timer: {
  readonly to: string | null;
  readonly restore: true | ReadonlySet<string> | null;
}): string[] {
  return [
    ...new Set([...(timer.to === null ? [] : [timer.to]), ...(timer.restore instanceof Set ? timer.restore : [])]),
  ];
}
