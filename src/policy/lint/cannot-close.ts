import { endStatuses, type LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { statusPath } from './paths.js';

/**
 * Reachable statuses from which no sequence of events leads to a `closed` status: tickets there stay forever. In a
 * policy with no closed status at all, `solved` is where tickets end (Chatwoot has no closed status), so the
 * statuses that cannot reach a solved one are reported.
 */
export function cannotClose(ctx: LintContext): LintFinding[] {
  const ends = endStatuses(ctx.statuses);
  const endCategory = ends.length > 0 ? ctx.compiled.byId.get(ends[0]!)!.category : null;
  return ctx.statuses
    .filter((s) => ctx.reachable.has(s.id) && !ctx.canClose.has(s.id))
    .map((s) => ({
      code: 'cannotClose',
      severity: 'error',
      statuses: [s.id],
      message:
        endCategory === null
          ? `the policy has no solved or closed status, so a ticket in "${s.id}" can never be done`
          : `no sequence of events leads a ticket in "${s.id}" to a ${endCategory} status: it can stay open forever`,
      path: statusPath(ctx, s.id),
    }));
}
