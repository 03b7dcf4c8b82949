import type { Actor } from '../policy/actor.js';
import { impliedAction, type ActionName } from '../policy/implied-action.js';
import { ACTOR_BIT, type CompiledActionRule, type CompiledStatus, type CompiledWorkflow } from '../policy/workflow.js';
import type { TicketEvent } from './events.js';
import type { TransitionError, TransitionErrorCode } from './result.js';
import type { Ticket } from './ticket.js';

const NOT_ALLOWED: Readonly<Record<ActionName, TransitionErrorCode>> = {
  resolve: 'resolveNotAllowed',
  close: 'closeNotAllowed',
  snooze: 'snoozeNotAllowed',
  reopen: 'reopenNotAllowed',
};

/**
 * Whether `by` may `action` from the ticket's status: allowed when any rule allows it. When a rule matches the
 * status and actor but a condition fails, that condition is the reason given (it tells the agent what to fix).
 */
export function checkAction(
  compiled: CompiledWorkflow,
  action: ActionName,
  ticket: Ticket,
  event: TicketEvent,
  by: Actor,
  force: boolean,
): TransitionError | null {
  const bit = ACTOR_BIT[by];
  let failure: TransitionError | null = null;
  for (const rule of compiled[action]) {
    if ((rule.by & bit) === 0 || (rule.from !== null && !rule.from.has(ticket.status))) continue;
    const reason = force ? forced(rule, bit, action) : conditions(rule, ticket, event, action);
    if (reason === null) return null;
    failure ??= reason;
  }
  return failure ?? { code: NOT_ALLOWED[action], message: `${by} may not ${action} a ticket in "${ticket.status}"` };
}

function forced(rule: CompiledActionRule, bit: number, action: ActionName): TransitionError | null {
  return (rule.forceBy & bit) !== 0 ? null : { code: 'forceNotAllowed', message: `this actor may not force ${action}` };
}

function conditions(rule: CompiledActionRule, ticket: Ticket, event: TicketEvent, action: ActionName): TransitionError | null {
  if (rule.notWhileCustomerWaits && ticket.awaiting === 'team') {
    return { code: 'customerWaiting', message: `cannot ${action} while the customer's last message is unanswered` };
  }
  if (rule.requireAssignee && ticket.assignee === null) {
    return { code: 'assigneeRequired', message: `cannot ${action} a ticket with no assignee` };
  }
  for (const [name, predicate] of rule.guards) {
    let passed = false;
    try {
      passed = predicate(ticket, event) === true;
    } catch {
      passed = false; // A throwing guard refuses; transition itself never throws.
    }
    if (!passed) return { code: 'guardRejected', message: `guard "${name}" refused ${action}` };
  }
  return null;
}

/**
 * An explicit `resolve`, `close`, `snooze` or `reopen` from `from` to `to`: its own rules (where `force` may
 * apply), then the rules of whatever else the move amounts to. Resolving a closed ticket, or snoozing a solved
 * one, is also a reopen.
 */
export function checkActionMove(
  compiled: CompiledWorkflow,
  action: ActionName,
  ticket: Ticket,
  from: CompiledStatus,
  to: CompiledStatus,
  event: TicketEvent,
  by: Actor,
  force: boolean,
): TransitionError | null {
  const implied = impliedAction(from, to);
  return (
    checkAction(compiled, action, ticket, event, by, force) ??
    (implied === null || implied === action ? null : checkAction(compiled, implied, ticket, event, by, false))
  );
}

/**
 * Whether a move from the ticket's status to `to` is allowed: by the `statusChanges` rules, and then by the
 * rules of whatever the move amounts to (resolving, closing, snoozing, reopening), so no path around a guard
 * exists.
 */
export function checkMove(
  compiled: CompiledWorkflow,
  ticket: Ticket,
  from: CompiledStatus,
  to: CompiledStatus,
  event: TicketEvent,
  by: Actor,
  force: boolean,
): TransitionError | null {
  const refused = checkStatusChange(compiled, from, to, by);
  if (refused !== null) return refused;
  const action = impliedAction(from, to);
  return action === null ? null : checkAction(compiled, action, ticket, event, by, force);
}

/**
 * Whether the `statusChanges` allow-list lets `by` choose a move from `from` to `to` (default: agents and the
 * system may, customers may not). Applies wherever an actor names the target: `setStatus`, "send and mark as",
 * and a `reopen` with `to`.
 */
export function checkStatusChange(compiled: CompiledWorkflow, from: CompiledStatus, to: CompiledStatus, by: Actor): TransitionError | null {
  const bit = ACTOR_BIT[by];
  const rules = compiled.statusChanges;
  const allowed =
    rules === null
      ? by !== 'customer'
      : rules.some((r) => (r.by & bit) !== 0 && (r.from === null || r.from.has(from.id)) && (r.to === null || r.to.has(to.id)));
  return allowed ? null : { code: 'statusChangeNotAllowed', message: `${by} may not move a ticket from "${from.id}" to "${to.id}"` };
}
