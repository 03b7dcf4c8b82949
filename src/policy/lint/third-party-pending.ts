import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { statusPath } from './paths.js';

/**
 * Words that say someone other than the customer owes the next move. Matched as whole words, in any case, in a
 * status's id and labels.
 */
const THIRD_PARTY =
  /\b(vendors?|suppliers?|third[ -]?party|3rd[ -]?party|partners?|external|engineering|dev(elopment)? team|another team|other team|manufacturers?|carriers?|couriers?|contractors?|on[ -]?hold|escalated)\b/i;

/**
 * A `pending` status (waiting for the customer) whose id or labels say it waits for a third party ("Waiting on
 * vendor"): pending timers (auto-close, "still there?" reminders) then run against the customer while the vendor
 * owes the answer. Such a status belongs in `onHold`.
 */
export function thirdPartyInPending(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const status of ctx.workflow.statuses) {
    if (status.category !== 'pending') continue;
    const word = [status.id.replace(/[_.:-]/g, ' '), status.labels.agent, status.labels.customer]
      .map((text) => THIRD_PARTY.exec(text)?.[0])
      .find((w) => w !== undefined);
    if (word === undefined) continue;
    findings.push({
      code: 'thirdPartyInPending',
      severity: 'warning',
      statuses: [status.id],
      message: `"${status.id}" waits for the customer (pending) but its name says "${word}": a third-party wait belongs in onHold, or pending timers act on the customer while someone else owes the answer`,
      path: statusPath(ctx, status.id),
    });
  }
  return findings;
}
