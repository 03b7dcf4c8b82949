/**
 * One timer that came due: its id, whether it reminds or moves, when it was due, the status it ran in and the
 * status it leaves the ticket in (the same, for a reminder).
 *
 * @example
 * ```ts
 * import type { DueTimer } from 'ticket-lifecycle';
 * const d: DueTimer<'solved' | 'closed'> = { timer: 'auto-close', kind: 'move', dueAt: 345_600_000, from: 'solved', to: 'closed' };
 * ```
 */
export interface DueTimer<S extends string = string> {
  readonly timer: string;
  /**
   * `blocked`: a move the rules refused the system; the ticket stays (see the `timerBlocked` effect).
   * `slaWarning`, `slaBreached`: an SLA mark (`timer` is `sla:<metric>`); the ticket stays.
   */
  readonly kind: 'reminder' | 'move' | 'blocked' | 'slaWarning' | 'slaBreached';
  readonly dueAt: number;
  readonly from: S;
  readonly to: S;
}
