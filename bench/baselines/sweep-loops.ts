import type { Ticket } from 'ticket-lifecycle';

const DAY = 86_400_000;

/**
 * What a team writes by hand to sweep its ticket table for one helpdesk's timers: compare timestamps, nothing
 * else. Each baseline answers the two questions the library answers with `evaluateAutoClose(…).close` and
 * `nextDeadline`, for the same preset options, so the bench can check both agree on every ticket before it times
 * them.
 *
 * @example
 * ```ts
 * const loop = SWEEP_BASELINES.zendesk;
 * loop.closes(ticket, now); // true when the ticket is closed, or solved for 4 days
 * ```
 */
export interface SweepBaseline {
  /** Is the ticket closed at `now`, by an auto-close or already? (`evaluateAutoClose(…).close`) */
  closes(ticket: Ticket, now: number): boolean;
  /** When must the sweeper look at this ticket next? (`nextDeadline`) */
  deadline(ticket: Ticket): number | null;
}

/** Zendesk with default options: solved tickets close 4 days after they were solved. */
const zendesk: SweepBaseline = {
  closes: (t, now) => t.status === 'closed' || (t.status === 'solved' && t.statusChangedAt + 4 * DAY <= now),
  deadline: (t) => (t.status === 'solved' ? t.statusChangedAt + 4 * DAY : null),
};

/**
 * LiveAgent with default options: Resolved closes 7 days after it was resolved or after the customer's last
 * message, whichever is later; Postponed wakes at its chosen time (to Open or New: never a close).
 */
const liveAgent: SweepBaseline = {
  closes: (t, now) => {
    if (t.status === 'closed') return true;
    if (t.status !== 'resolved') return false;
    const customer = t.lastCustomerMessageAt;
    const from = customer !== null && customer > t.statusChangedAt ? customer : t.statusChangedAt;
    return from + 7 * DAY <= now;
  },
  deadline: (t) => {
    if (t.status === 'resolved') {
      const customer = t.lastCustomerMessageAt;
      return (customer !== null && customer > t.statusChangedAt ? customer : t.statusChangedAt) + 7 * DAY;
    }
    if (t.status === 'postponed' && t.until !== null) return Math.max(t.until, t.statusChangedAt);
    return null;
  },
};

/** The hand-written sweeps, by preset name. Presets without timers need none: their answer is a constant. */
export const SWEEP_BASELINES: Readonly<Record<string, SweepBaseline>> = { zendesk, liveAgent };
