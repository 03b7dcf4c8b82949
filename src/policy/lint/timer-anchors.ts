import type { TimerAnchor } from '../config.js';
import { ACTOR_BIT } from '../workflow.js';
import { TEAM_ACTORS as TEAM } from '../rule-actors.js';
import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { search } from './graph.js';
import { quote } from './paths.js';

/**
 * Timers that count only from a message which may never have been written when the ticket is in their status:
 * a `lastAgentMessage` timer in a status reachable without any team reply (by `setStatus`, say), or a
 * `lastCustomerMessage` timer where a ticket an agent opened can arrive before the customer wrote. Such a ticket
 * waits there forever with `nextDeadline` null. Add `statusEntered` to `since` (the latest counts).
 */
export function emptyAnchor(ctx: LintContext): LintFinding[] {
  const withoutTeamReply = search(
    ctx.graph,
    ctx.starts,
    'forward',
    (g) => !(g.kind === 'reply' && (g.actors & TEAM) !== 0),
  ).visited;
  const withoutCustomerReply = search(
    ctx.graph,
    ctx.starts,
    'forward',
    (g) => !(g.kind === 'reply' && (g.actors & ACTOR_BIT.customer) !== 0),
  ).visited;
  const canBeEmpty = (anchor: TimerAnchor, status: string): boolean =>
    anchor === 'lastAgentMessage'
      ? withoutTeamReply.has(status)
      : anchor === 'lastCustomerMessage'
        ? withoutCustomerReply.has(status)
        : false;
  const findings: LintFinding[] = [];
  for (const { timer, statuses } of ctx.timers) {
    const empty = statuses.filter((s) => timer.anchors.every((a) => canBeEmpty(a, s.id))).map((s) => s.id);
    if (empty.length === 0) continue;
    findings.push({
      code: 'emptyAnchor',
      severity: 'warning',
      statuses: empty,
      message:
        `timer "${timer.id}" counts only from ${quote(timer.anchors)}, which a ticket in ${quote(empty)} may not have yet: ` +
        'it would never fire there (add "statusEntered" to "since")',
      path: `timers[${timer.order}]`,
    });
  }
  return findings;
}
