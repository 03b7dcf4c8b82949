import type { CompiledStatus } from '../workflow.js';
import { systemMayMove as systemMove } from '../system-move.js';

/** Whether some rule lets the `system` make a timer's move (conditions taken as satisfiable). */
export function systemMayMove(from: CompiledStatus, to: CompiledStatus): boolean {
  return systemMove(from.decide, from, to, false);
}
