import { parseDuration, type Duration, type Workflow } from 'ticket-lifecycle';
import type { Intent } from '../intent.js';
import { categoryOf, FINISHED, list } from './categories.js';

/** Parameters of {@link reopenWindowHonoured}. */
export interface ReopenWindowOptions {
  /** How long after a ticket is finished a customer's reply still reopens it. Default: the policy's shortest `within`. */
  readonly within?: Duration;
}

const windowRules = (workflow: Workflow) =>
  (workflow.config.replies ?? []).filter(
    (r) => r.action === 'reopen' && r.within !== undefined && list(r.by).includes('customer'),
  );

function policyWindow(workflow: Workflow): number | null {
  const windows = windowRules(workflow).flatMap((r) => parseDuration(r.within) ?? []);
  return windows.length === 0 ? null : Math.min(...windows);
}

/** Whether a reopen-window rule of the policy speaks for this status: the window is promised there. */
function promisedIn(workflow: Workflow, status: string): boolean {
  const category = categoryOf(workflow, status);
  return windowRules(workflow).some((r) => {
    const from = list(r.from);
    const categories = list(r.fromCategory);
    return (from.length === 0 && categories.length === 0) || from.includes(status) || categories.includes(category!);
  });
}

/**
 * The team promises that a customer who writes back within the reopen window of a ticket being solved or closed
 * gets it reopened, counted from this finish: not from an older close that a reopen left behind.
 */
export function reopenWindowHonoured(options: ReopenWindowOptions = {}): Intent {
  const given = options.within === undefined ? null : parseDuration(options.within);
  return {
    name: 'reopenWindowHonoured',
    description: 'a customer reply within the reopen window of the ticket being finished reopens it',
    incident:
      'a ticket closed in March, reopened and solved again in May: the customer\'s reply the next day got "this ' +
      'ticket is closed, please open a new one" because the 14-day window counted from the March close',
    parameters: options.within === undefined ? {} : { within: options.within },
    applies: (workflow) => given !== null || policyWindow(workflow) !== null,
    check: ({ workflow, before, event, effects, refusal }) => {
      if (event.type !== 'reply' || event.by !== 'customer' || event.auto === true || refusal !== null) return null;
      // Timers inside the step may finish the ticket first: judge the status the reply met.
      const met = [...effects].reverse().find((e) => e.type === 'timerFired');
      const status = met?.type === 'timerFired' ? met.to : before.status;
      const since = met?.type === 'timerFired' ? met.dueAt : before.statusChangedAt;
      if (!FINISHED.includes(categoryOf(workflow, status) ?? 'open') || !promisedIn(workflow, status)) return null;
      const window = given ?? policyWindow(workflow) ?? 0;
      if (event.at - since >= window) return null;
      if (effects.some((e) => e.type === 'reopened')) return null;
      return `a customer reply ${Math.round((event.at - since) / 60_000)} min after the ticket became ${status} did not reopen it (window ${Math.round(window / 60_000)} min)`;
    },
  };
}
