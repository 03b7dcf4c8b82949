import type { Actor } from '../policy/actor.js';
import { impliedActions, type ActionName, type RuledAction } from '../policy/implied-action.js';
import {
  ACTOR_BIT,
  type CompiledActionRule,
  type CompiledConditions,
  type CompiledStatus,
  type CompiledWorkflow,
} from '../policy/workflow.js';
import type { TicketEvent } from './events.js';
import type { TransitionError, TransitionErrorCode } from './result.js';
import type { Ticket } from './ticket.js';
import { matchesWhen } from './when.js';

const NOT_ALLOWED: Readonly<Record<RuledAction, TransitionErrorCode>> = {
  resolve: 'resolveNotAllowed',
  close: 'closeNotAllowed',
  snooze: 'snoozeNotAllowed',
  reopen: 'reopenNotAllowed',
  assign: 'assignNotAllowed',
  merge: 'mergeNotAllowed',
  update: 'updateNotAllowed',
};

/**
 * Whether `by` may `action` from the ticket's status: allowed when any rule allows it. When a rule matches the
 * status and actor but a condition fails, that condition is the reason given (it tells the agent what to fix).
 */
export function checkAction(
  compiled: CompiledWorkflow,
  action: RuledAction,
  ticket: Ticket,
  event: TicketEvent,
  by: Actor,
  force: boolean,
): TransitionError | null {
  const bit = ACTOR_BIT[by];
  let failure: TransitionError | null = null;
  for (const rule of compiled[action]) {
    if ((rule.by & bit) === 0 || (rule.from !== null && !rule.from.has(ticket.status))) continue;
    if (!matchesWhen(rule.when, ticket)) continue;
    const reason = force ? forced(rule, bit, action) : actionConditions(rule, ticket, event, action);
    if (reason === null) return null;
    failure ??= reason;
  }
  return failure ?? { code: NOT_ALLOWED[action], message: `${by} may not ${action} a ticket in "${ticket.status}"` };
}

function forced(rule: CompiledActionRule, bit: number, action: RuledAction): TransitionError | null {
  return (rule.forceBy & bit) !== 0 ? null : { code: 'forceNotAllowed', message: `this actor may not force ${action}` };
}

function actionConditions(
  rule: CompiledActionRule,
  ticket: Ticket,
  event: TicketEvent,
  action: RuledAction,
): TransitionError | null {
  if (rule.keepAssignee && event.type === 'assign' && event.assignee === null) {
    return { code: 'assigneeRequired', message: `a ticket in "${ticket.status}" must keep an assignee` };
  }
  return conditions(rule, ticket, event, action);
}

/** The `RuleConditions` of a rule: `null` when all hold, else the first that fails. */
function conditions(
  rule: CompiledConditions,
  ticket: Ticket,
  event: TicketEvent,
  action: string,
): TransitionError | null {
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

/** The rules of every action the move amounts to, but `except` (already checked, perhaps with `force`). */
function checkImplied(
  compiled: CompiledWorkflow,
  ticket: Ticket,
  from: CompiledStatus,
  to: CompiledStatus,
  event: TicketEvent,
  by: Actor,
  except: ActionName | null,
): TransitionError | null {
  for (const action of impliedActions(from, to)) {
    if (action === except) continue;
    const refused = checkAction(compiled, action, ticket, event, by, false);
    if (refused !== null) return refused;
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
  return (
    checkAction(compiled, action, ticket, event, by, force) ??
    checkImplied(compiled, ticket, from, to, event, by, action)
  );
}

/**
 * Whether a move from the ticket's status to `to` is allowed: by the `statusChanges` rules (with their
 * conditions), and then by the rules of everything the move amounts to (resolving, closing, snoozing,
 * reopening), so no path around a guard exists.
 */
export function checkMove(
  compiled: CompiledWorkflow,
  ticket: Ticket,
  from: CompiledStatus,
  to: CompiledStatus,
  event: TicketEvent,
  by: Actor,
): TransitionError | null {
  return (
    checkStatusChange(compiled, ticket, from, to, event, by) ??
    checkImplied(compiled, ticket, from, to, event, by, null)
  );
}

/**
 * Whether the `statusChanges` allow-list lets `by` choose a move from `from` to `to` (default: agents and the
 * system may, customers may not), with the conditions of a matching rule. Applies wherever an actor names the
 * target: `setStatus`, "send and mark as", and a `reopen` with `to`.
 */
export function checkStatusChange(
  compiled: CompiledWorkflow,
  ticket: Ticket,
  from: CompiledStatus,
  to: CompiledStatus,
  event: TicketEvent,
  by: Actor,
): TransitionError | null {
  const rules = compiled.statusChanges;
  if (rules === null) return by === 'customer' ? notAllowed(from, to, by) : null;
  const bit = ACTOR_BIT[by];
  let failure: TransitionError | null = null;
  for (const r of rules) {
    if ((r.by & bit) === 0 || (r.from !== null && !r.from.has(from.id)) || (r.to !== null && !r.to.has(to.id)))
      continue;
    if (!matchesWhen(r.when, ticket)) continue;
    const reason = conditions(r, ticket, event, `move to "${to.id}"`);
    if (reason === null) return null;
    failure ??= reason;
  }
  return failure ?? notAllowed(from, to, by);
}

const notAllowed = (from: CompiledStatus, to: CompiledStatus, by: Actor): TransitionError => ({
  code: 'statusChangeNotAllowed',
  message: `${by} may not move a ticket from "${from.id}" to "${to.id}"`,
});

/**
 * A timer's move passes the rules a `system` event making the same move passes: `close` into a closed status,
 * `resolve` into a solved one, `snooze` into a snoozed one, `setStatus` anywhere else. `null` when allowed.
 */
export function checkTimerMove(
  compiled: CompiledWorkflow,
  ticket: Ticket,
  from: CompiledStatus,
  to: CompiledStatus,
  at: number,
  reason: string,
): TransitionError | null {
  const category = to.category;
  if (category === 'closed')
    return checkActionMove(
      compiled,
      'close',
      ticket,
      from,
      to,
      { type: 'close', by: 'system', at, reason },
      'system',
      false,
    );
  if (category === 'solved')
    return checkActionMove(
      compiled,
      'resolve',
      ticket,
      from,
      to,
      { type: 'resolve', by: 'system', at },
      'system',
      false,
    );
  if (category === 'snoozed' && from.category !== 'snoozed') {
    return checkActionMove(compiled, 'snooze', ticket, from, to, { type: 'snooze', by: 'system', at }, 'system', false);
  }
  return checkMove(compiled, ticket, from, to, { type: 'setStatus', by: 'system', at, to: to.id }, 'system');
}
