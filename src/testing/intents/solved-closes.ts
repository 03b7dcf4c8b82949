import {
  evaluateAutoClose,
  formatDuration,
  parseDuration,
  type Duration,
  type TimerConfig,
  type Workflow,
} from 'ticket-lifecycle';
import type { Intent } from '../intent.js';
import { categoryOf, list, timerStatuses } from './categories.js';

/** Parameters of {@link solvedClosesWithin}. */
export interface SolvedClosesOptions {
  /** How long a ticket may stay solved. Default: the policy's own auto-close of solved tickets. */
  readonly within?: Duration;
}

/** The policy's own promise: its auto-close of solved tickets counting from the solve, as plain time. */
function autoClose(workflow: Workflow): TimerConfig | undefined {
  return (workflow.config.timers ?? []).find(
    (t) =>
      t.action === 'move' &&
      t.after !== undefined &&
      t.calendar === undefined &&
      categoryOf(workflow, t.to) === 'closed' &&
      list(t.since).every((a) => a === 'statusEntered') &&
      [...timerStatuses(workflow, t)].some((id) => categoryOf(workflow, id) === 'solved'),
  );
}

/**
 * A solved ticket is closed within N of being solved (the policy's own auto-close by default): no solved status
 * where the clock never runs, no solved ticket left open to follow-ups for ever.
 */
export function solvedClosesWithin(options: SolvedClosesOptions = {}): Intent {
  return {
    name: 'solvedClosesWithin',
    description: "a solved ticket is closed within N of being solved (default: the policy's auto-close delay)",
    incident:
      'a second "Solved – awaiting confirmation" status had no auto-close: thousands of solved tickets stayed ' +
      'open to replies for months, and the reports counted them as open work',
    parameters: options.within === undefined ? {} : { within: options.within },
    applies: (workflow) => options.within !== undefined || autoClose(workflow) !== undefined,
    check: ({ workflow, after }) => {
      if (categoryOf(workflow, after.status) !== 'solved') return null;
      const within = options.within ?? autoClose(workflow)?.after;
      const ms = within === undefined ? null : parseDuration(within);
      if (ms === null) return null;
      // Left alone from here, where will the ticket be when the promise runs out? (Exact: no waiting needed.)
      const then = evaluateAutoClose(workflow, after, Math.max(after.updatedAt, after.statusChangedAt + ms));
      return then.close
        ? null
        : `the ticket is ${after.status}, and left alone it would still be ${then.status} ${formatDuration(ms)} after it was solved (promised: closed within that)`;
    },
  };
}
