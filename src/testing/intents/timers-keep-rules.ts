import type { ActionRule, Ticket, Workflow } from 'ticket-lifecycle';
import type { Intent } from '../intent.js';
import { categoryOf, list } from './categories.js';

/** The agent rules of the action a move into this category stands for (`resolve` into solved, `close` into closed). */
function agentRules(workflow: Workflow, from: string, category: string | undefined): ActionRule[] | null {
  const rules = category === 'solved' ? workflow.config.resolve : category === 'closed' ? workflow.config.close : null;
  if (rules === null || rules === undefined) return null;
  const fromCategory = categoryOf(workflow, from);
  return list(rules).filter((r) => {
    if (r.by !== undefined && !list(r.by).includes('agent')) return false;
    const named = list(r.from);
    const categories = list(r.fromCategory);
    return (
      (named.length === 0 && categories.length === 0) || named.includes(from) || categories.includes(fromCategory!)
    );
  });
}

/** What an agent would be told, or `null` when some rule lets an agent make this move on this ticket. */
function refusedToAgents(rules: readonly ActionRule[], ticket: Ticket): string | null {
  const reasons = rules.map((r) =>
    r.requireAssignee === true && ticket.assignee === null
      ? 'it needs an assignee'
      : r.notWhileCustomerWaits === true && ticket.awaiting === 'team'
        ? 'the customer is waiting for an answer'
        : null,
  );
  return reasons.includes(null) ? null : (reasons[0] ?? null);
}

/**
 * The conditions a team puts on solving and closing (an assignee, no customer waiting) hold for the moves its
 * timers make too: a timer is not a way around the team's own rules.
 */
export function timersKeepTheRules(): Intent {
  return {
    name: 'timersKeepTheRules',
    description: 'a timer solves or closes a ticket only where an agent would be allowed to',
    incident:
      '"solved needs an assignee" held for agents, but the pending auto-solve solved unassigned tickets: the ' +
      'per-agent reports lost a tenth of the solved tickets and nobody owned the follow-ups',
    applies: (workflow) =>
      [...list(workflow.config.resolve), ...list(workflow.config.close)].some(
        (r) => r.requireAssignee === true || r.notWhileCustomerWaits === true,
      ),
    check: ({ workflow, before, timers }) => {
      const move = timers.find((t) => t.type === 'timerFired');
      if (move?.type !== 'timerFired' || move.from !== before.status) return null;
      const rules = agentRules(workflow, move.from, categoryOf(workflow, move.to));
      if (rules === null || rules.length === 0) return null;
      const why = refusedToAgents(rules, before);
      return why === null
        ? null
        : `timer ${move.timer} moved ${move.from} → ${move.to}, which an agent may not do: ${why}`;
    },
  };
}
