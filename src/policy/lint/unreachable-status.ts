import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { statusPath } from './paths.js';

/**
 * Statuses no sequence of events leads to from a start status. A warning, not an error: a team may keep a retired
 * status so that old tickets still in it stay valid.
 */
export function unreachableStatus(ctx: LintContext): LintFinding[] {
  return ctx.statuses
    .filter((s) => !ctx.reachable.has(s.id))
    .map((s) => ({
      code: 'unreachableStatus',
      severity: 'warning',
      statuses: [s.id],
      message: `no sequence of events leads a ticket into "${s.id}" from where tickets start (${[...ctx.starts].map((id) => `"${id}"`).join(', ')})`,
      path: statusPath(ctx, s.id),
    }));
}
