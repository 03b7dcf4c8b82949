import type { Actor } from '../model/actor.js';
import { isDone, isTeamFacing } from '../policy/category.js';
import type { CompiledStatus, Workflow } from '../policy/workflow.js';
import type { Effect, EffectCause } from './effects.js';
import { enterStatus, rearmUntil } from './enter-status.js';
import type {
  AssignEvent,
  CloseEvent,
  MergeEvent,
  ReopenEvent,
  ReplyEvent,
  ResolveEvent,
  SetStatusEvent,
  SnoozeEvent,
} from '../model/events.js';
import { assignSolver } from './assign-solver.js';
import { badAssignee, fail, isAssignee, unknownStatus } from './check-input.js';
import {
  type ActionStep,
  type ActorEvent,
  checkAction,
  checkActionMove,
  checkMove,
  checkStatusChange,
  type MoveStep,
} from './guards.js';
import type { TransitionError } from './result.js';
import type { DraftTicket } from './copy-ticket.js';
import type { Ticket } from '../model/ticket.js';
import { isTime } from './time.js';
import { replyRuleFor } from './when.js';

/**
 * What a handler works on: the ticket after due timers were applied (a copy this call made, never the caller's
 * input), and its status. A handler edits that copy in place through {@link edit}, which records that it did:
 * one copy per event, not a second one per change.
 */
export interface Step {
  readonly workflow: Workflow;
  readonly ticket: DraftTicket;
  readonly status: CompiledStatus;
  readonly effects: Effect[];
  /** Whether the handler changed the ticket (timers aside), so `changed` stays exact. */
  changed: boolean;
}

/** The step's ticket, to be changed in place: only ever this call's own copy. */
function edit(step: Step): DraftTicket {
  step.changed = true;
  return step.ticket;
}

export type Outcome = Ticket | TransitionError;

/** The move from the step's status to `to` that `event` asks for, as the rule checks judge it. */
const moveStep = (step: Step, to: CompiledStatus, event: MoveStep['event']): MoveStep => ({
  ticket: step.ticket,
  rules: step.status,
  from: step.status,
  to,
  event,
});

/** The step's `action` that `event` asks for, as the rule checks judge it (the ticket as it stands). */
export const actionStep = (step: Step, event: ActorEvent): ActionStep => ({
  ticket: step.ticket,
  rules: step.status,
  event,
});

/** The event's move from the step's status into `to`, made on the step's own copy. */
const moveTo = (
  step: Step,
  to: CompiledStatus,
  event: MoveStep['event'],
  cause: EffectCause,
  closeReason: string | null = null,
): DraftTicket => enterStatus(edit(step), step.status, to, event.at, event.by, cause, step.effects, closeReason);

/** A new stay that begins with the event's `until` (a pending time, a wake-up), when it names one. */
function withUntil(next: DraftTicket, until: number | undefined): DraftTicket {
  if (until !== undefined) next.until = until;
  return next;
}

export const isError = <T extends object>(outcome: T | TransitionError): outcome is TransitionError =>
  'code' in outcome;

/** Records activity at `at` (a note, an auto-reply), unless nothing would differ (so `changed` stays exact). */
export function touch(step: Step, at: number): DraftTicket {
  const ticket = step.ticket;
  if (ticket.lastActivityAt === at && ticket.updatedAt === at) return ticket;
  const next = edit(step);
  next.lastActivityAt = at;
  next.updatedAt = at;
  return next;
}

/** The status an event names, or `unknownStatus` (a value that is not a string finds none: the keys are ids). */
function targetStatus(step: Step, id: unknown): CompiledStatus | TransitionError {
  return step.workflow.compiled.byId.get(id as string) ?? unknownStatus(id);
}

function defaultStatus(step: Step, category: 'solved' | 'closed' | 'snoozed'): CompiledStatus | TransitionError {
  const id = step.workflow.defaults[category];
  return id === undefined
    ? fail('noTargetStatus', `this workflow has no ${category} status`)
    : step.workflow.compiled.byId.get(id)!;
}

/** `until` must be a time after the event, and mean something in the target status. */
function checkUntil(until: unknown, at: number, target: CompiledStatus): TransitionError | null {
  if (until === undefined) return target.requireUntil ? fail('untilRequired', `"${target.id}" needs an "until"`) : null;
  if (!isTime(until) || until <= at) return fail('invalidUntil', '"until" must be a time after "at"');
  if (!target.acceptsUntil) return fail('untilNotAccepted', `no timer of "${target.id}" counts to "until"`);
  return null;
}

/** Records a message: who wrote last, who owes the next reply, and activity, unless nothing would differ. */
function recordMessage(step: Step, by: Actor, at: number): DraftTicket {
  const ticket = step.ticket;
  const customer = by === 'customer';
  const recorded = customer
    ? ticket.lastCustomerMessageAt === at && ticket.awaiting === 'team'
    : ticket.lastAgentMessageAt === at && ticket.awaiting === 'customer';
  if (!recorded) {
    const next = edit(step);
    if (customer) next.lastCustomerMessageAt = at;
    else next.lastAgentMessageAt = at;
    next.awaiting = customer ? 'team' : 'customer';
  }
  return touch(step, at);
}

export function reply(step: Step, event: ReplyEvent): Outcome {
  const { ticket, status, effects } = step;
  const { by, at } = event;
  if (event.auto !== undefined && typeof event.auto !== 'boolean')
    return fail('invalidEvent', '"auto" must be a boolean');
  // Auto-replies and out-of-office mail are activity, never a real answer: nothing moves, nobody's turn changes.
  if (event.auto === true) return touch(step, at);

  const rule = replyRuleFor(status.replies[by], ticket);
  let { action, to } = rule;
  if (action === 'reopen' && rule.within !== null && ticket.closedAt !== null && at - ticket.closedAt >= rule.within) {
    action = rule.otherwise;
    to = null;
  }
  if (action === 'followUp') {
    effects.push({ type: 'followUpRequested', status: status.id, at, by });
    return ticket;
  }
  if (action === 'reject') {
    effects.push({ type: 'replyRejected', status: status.id, at, by, reason: 'locked' });
    return ticket;
  }

  const next = recordMessage(step, by, at);
  // "Send and mark as": the sender's choice wins over the rule, within what the sender may do. Choosing the
  // current status is a choice too (it needs the same permission), and it never keeps a ticket that the rule
  // reopens: that would be a path around the reopen rule (test/engine/no-path-around-guards.test.ts).
  const chosen = event.status === undefined ? null : targetStatus(step, event.status);
  if (chosen !== null) {
    if (isError(chosen)) return chosen;
    assignSolver(step, chosen, event);
    // The rules judge the ticket with the message recorded (`next`, the step's own copy).
    const refused =
      (chosen === status ? null : checkUntil(undefined, at, chosen)) ?? checkMove(moveStep(step, chosen, event));
    if (refused !== null) return refused;
  }
  const landed =
    chosen !== null && (chosen !== status || action !== 'reopen')
      ? chosen
      : to === null || to === status.id
        ? status
        : step.workflow.compiled.byId.get(to)!;
  if (landed !== status) moveTo(step, landed, event, 'reply');
  if (by === 'customer' && !isTeamFacing(landed.category)) {
    effects.push({ type: 'replyNeedsAttention', status: landed.id, at });
  }
  return next;
}

export function assign(step: Step, event: AssignEvent): Outcome {
  const { ticket, status, effects } = step;
  const { assignee, at } = event;
  if (!isAssignee(assignee)) return badAssignee();
  if (assignee === ticket.assignee) return ticket;
  const refused = checkAction(actionStep(step, event), 'assign', false);
  if (refused !== null) return refused;
  effects.push({ type: 'assigned', from: ticket.assignee, to: assignee, at, cause: 'assign' });
  const next = edit(step);
  next.assignee = assignee;
  next.updatedAt = at;
  if (assignee === null || status.assignTo === null) return next;
  return enterStatus(next, status, step.workflow.compiled.byId.get(status.assignTo)!, at, event.by, 'assign', effects);
}

export function setStatus(step: Step, event: SetStatusEvent): Outcome {
  const { ticket, status } = step;
  const target = targetStatus(step, event.to);
  if (isError(target)) return target;
  const { until, at } = event;
  if (target === status && (until === undefined || until === ticket.until)) return ticket;
  assignSolver(step, target, event);
  // Same status with a new `until` (a new pending time) re-arms its timers; otherwise a new stay begins.
  return (
    checkUntil(until, at, target) ??
    checkMove(moveStep(step, target, event)) ??
    (target === status
      ? rearmUntil(edit(step), status, until!, at)
      : withUntil(moveTo(step, target, event, 'setStatus'), until))
  );
}

export function resolve(step: Step, event: ResolveEvent): Outcome {
  return finish(step, event, 'solved', 'resolve');
}

export function close(step: Step, event: CloseEvent): Outcome {
  return finish(step, event, 'closed', 'close');
}

/**
 * `resolve` or `close`: into the policy's default status of `category`, unless the ticket is there already. Only a
 * move into a solved status can assign the solver; only a close carries a `reason` (the engine's copy of a resolve
 * has none).
 */
function finish(
  step: Step,
  event: ResolveEvent | CloseEvent,
  category: 'solved' | 'closed',
  action: 'resolve' | 'close',
): Outcome {
  const target = defaultStatus(step, category);
  if (isError(target)) return target;
  const { reason } = event as CloseEvent;
  if (reason !== undefined && typeof reason !== 'string') return fail('invalidEvent', '"reason" must be a string');
  if (step.status.category === category) return step.ticket;
  assignSolver(step, target, event);
  return (
    checkActionMove(moveStep(step, target, event), action, event.force === true) ??
    moveTo(step, target, event, action, reason ?? null)
  );
}

export function reopen(step: Step, event: ReopenEvent): Outcome {
  const { status } = step;
  if (!isDone(status.category)) return fail('reopenNotAllowed', `"${status.id}" is not solved or closed`);
  const target =
    event.to === undefined
      ? status.reopenTo === null
        ? fail('noTargetStatus', `no reopen target for "${status.id}"`)
        : step.workflow.compiled.byId.get(status.reopenTo)!
      : targetStatus(step, event.to);
  if (isError(target)) return target;
  if (isDone(target.category)) return fail('reopenNotAllowed', `cannot reopen into "${target.id}"`);
  // Naming the target is choosing a status: the allow-list applies (Zendesk: never back to New).
  const move = moveStep(step, target, event);
  const chosen = event.to === undefined ? null : checkStatusChange(move);
  return chosen ?? checkActionMove(move, 'reopen', false) ?? moveTo(step, target, event, 'reopen');
}

export function snooze(step: Step, event: SnoozeEvent): Outcome {
  const { ticket, status } = step;
  const target = defaultStatus(step, 'snoozed');
  if (isError(target)) return target;
  const { until, at } = event;
  const invalid = until === undefined ? null : checkUntil(until, at, target);
  if (invalid !== null) return invalid;
  // Snoozing again only changes the wake-up time, with the rights of the status the ticket was snoozed from.
  const again = status.category === 'snoozed';
  const from = again && ticket.snoozedFrom !== null ? step.workflow.compiled.byId.get(ticket.snoozedFrom) : undefined;
  const asIf = from === undefined ? ticket : { ...ticket, status: from.id };
  const refused = checkActionMove(
    { ...moveStep(step, target, event), ticket: asIf, rules: from ?? status },
    'snooze',
    false,
  );
  if (refused !== null) return refused;
  if (again && (until ?? null) === ticket.until) return ticket;
  if (again) return rearmUntil(edit(step), status, until ?? null, at);
  return withUntil(moveTo(step, target, event, 'snooze'), until);
}

/** Merging closes the source under the `merge` rules; the host moves the conversation to `into`. */
export function merge(step: Step, event: MergeEvent): Outcome {
  const { into, at, by } = event;
  if (typeof into !== 'string' || into === '') return fail('invalidEvent', '"into" must be a non-empty string');
  const target = defaultStatus(step, 'closed');
  if (isError(target)) return target;
  const refused = checkAction(actionStep(step, event), 'merge', false);
  if (refused !== null) return refused;
  step.effects.push({ type: 'merged', into, at, by });
  return moveTo(step, target, event, 'merge', `merged:${into}`);
}
