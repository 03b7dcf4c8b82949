import type { Actor } from '../model/actor.js';
import type { ActionName, RuledAction } from '../policy/implied-action.js';
import { ACTOR_BIT, type CompiledConditions, type CompiledStatus } from '../policy/workflow.js';
import type { TicketEvent } from '../model/events.js';
import { fail } from './check-input.js';
import type { TransitionError, TransitionErrorCode } from './result.js';
import type { Ticket } from '../model/ticket.js';
import { matchesWhen } from './when.js';

/** An event someone makes (every event but `tick`). */
export type ActorEvent = Extract<TicketEvent, { readonly by: Actor }>;

/**
 * What a rule check judges: the ticket as it stands, the event, and the status whose candidate rules apply
 * (`rules`: the ticket's status, or for a snooze of a snoozed ticket the status it was snoozed from).
 */
export interface ActionStep {
  readonly ticket: Ticket;
  readonly event: ActorEvent;
  readonly rules: CompiledStatus;
}

/** A move a check judges: an {@link ActionStep} from the status `from` to the status `to`. */
export interface MoveStep extends ActionStep {
  readonly from: CompiledStatus;
  readonly to: CompiledStatus;
}

/**
 * Whether the event's actor may `action` from the step's status: its candidates (the rules that select the status
 * and name the actor, compiled in `policy/decisions.ts`) are tried in order, and the first whose `when` and
 * conditions hold allows it. When a candidate matches but a condition fails, the first such condition is the reason
 * given (it tells the agent what to fix).
 */
export function checkAction(step: ActionStep, action: RuledAction, force: boolean): TransitionError | null {
  const { ticket, event } = step;
  const by = event.by;
  const candidates = step.rules.decide[action][by];
  let failure: TransitionError | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const rule = candidates[i]!;
    if (rule.when !== null && !matchesWhen(rule.when, ticket)) continue;
    // Forcing skips the rule's conditions, where the rule lets this actor force.
    const reason = !force
      ? conditions(rule, ticket, event, action)
      : (rule.forceBy & ACTOR_BIT[by]) !== 0
        ? null
        : fail('forceNotAllowed', `${by} may not force ${action}`);
    if (reason === null) return null;
    failure ??= reason;
  }
  // The code for an action no rule allows: `resolveNotAllowed`, `assignNotAllowed`, … (each a TransitionErrorCode).
  const code: `${RuledAction}NotAllowed` & TransitionErrorCode = `${action}NotAllowed`;
  return failure ?? fail(code, `${by} may not ${action} in "${ticket.status}"`);
}

/**
 * The `RuleConditions` of a rule: `null` when all hold, else the first that fails. An assign rule's
 * `keepAssignee` comes first (only an `assign` event reads it: status-change rules have none).
 */
function conditions(
  rule: CompiledConditions & { readonly keepAssignee?: boolean },
  ticket: Ticket,
  event: TicketEvent,
  action: string,
): TransitionError | null {
  if (event.type === 'assign' && rule.keepAssignee && event.assignee === null) {
    return fail('assigneeRequired', `cannot unassign in "${ticket.status}"`);
  }
  if (rule.notWhileCustomerWaits && ticket.awaiting === 'team') {
    return fail('customerWaiting', `cannot ${action} while the customer waits`);
  }
  if (rule.requireAssignee && ticket.assignee === null) {
    return fail('assigneeRequired', `cannot ${action} without an assignee`);
  }
  for (const [name, predicate] of rule.guards) {
    let passed = false;
    try {
      passed = predicate(ticket, event) === true;
    } catch {
      // A throwing guard refuses (`passed` stays false); transition itself never throws.
    }
    if (!passed) return fail('guardRejected', `guard "${name}" refused ${action}`);
  }
  return null;
}

/** The rules of every action the move amounts to, but `except` (already checked, perhaps with `force`). */
function checkImplied(step: MoveStep, except: ActionName | null): TransitionError | null {
  for (const action of step.from.implies[step.to.category]) {
    const refused = action === except ? null : checkAction(step, action, false);
    if (refused !== null) return refused;
  }
  return null;
}

/**
 * An explicit `resolve`, `close`, `snooze` or `reopen`: its own rules (where `force` may apply), then the rules of
 * whatever else the move amounts to. Resolving a closed ticket, or snoozing a solved one, is also a reopen.
 */
export function checkActionMove(step: MoveStep, action: ActionName, force: boolean): TransitionError | null {
  return checkAction(step, action, force) ?? checkImplied(step, action);
}

/**
 * Whether a move is allowed: by the `statusChanges` rules (with their conditions), and then by the rules of
 * everything the move amounts to (resolving, closing, snoozing, reopening), so no path around a guard exists.
 */
export function checkMove(step: MoveStep): TransitionError | null {
  return checkStatusChange(step) ?? checkImplied(step, null);
}

/**
 * Whether the `statusChanges` allow-list (compiled with its built-in rule when the policy gives none: agents and
 * the system may set any status) lets the actor choose the move, with the conditions of a matching rule. Applies
 * wherever an actor names the target: `setStatus`, "send and mark as", and a `reopen` with `to`.
 */
export function checkStatusChange(step: MoveStep): TransitionError | null {
  const { ticket, from, to, event } = step;
  const candidates = from.decide.setStatus[event.by];
  let failure: TransitionError | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const r = candidates[i]!;
    if ((r.to !== null && !r.to.has(to.id)) || (r.when !== null && !matchesWhen(r.when, ticket))) continue;
    const reason = conditions(r, ticket, event, `move to "${to.id}"`);
    if (reason === null) return null;
    failure ??= reason;
  }
  return failure ?? fail('statusChangeNotAllowed', `${event.by} may not move from "${from.id}" to "${to.id}"`);
}

/**
 * A timer's move passes the rules a `system` event making the same move passes: `close` into a closed status,
 * `resolve` into a solved one, `snooze` into a snoozed one, `setStatus` anywhere else. `null` when allowed.
 */
export function checkTimerMove(
  ticket: Ticket,
  from: CompiledStatus,
  to: CompiledStatus,
  at: number,
  reason: string,
): TransitionError | null {
  const category = to.category;
  const by = 'system';
  const action =
    category === 'closed'
      ? 'close'
      : category === 'solved'
        ? 'resolve'
        : category === 'snoozed' && from.category !== 'snoozed'
          ? 'snooze'
          : null;
  if (action === null)
    return checkMove({ ticket, rules: from, from, to, event: { type: 'setStatus', by, at, to: to.id } });
  // A system close carries its reason, as a `close` event does; the other events have none.
  const event: ActorEvent = action === 'close' ? { type: action, by, at, reason } : { type: action, by, at };
  return checkActionMove({ ticket, rules: from, from, to, event }, action, false);
}
