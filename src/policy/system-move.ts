import { impliedActions, type ActionName } from './implied-action.js';
import { ACTOR_BIT, type CompiledConditions, type CompiledStatus, type CompiledWorkflow } from './workflow.js';

const SYSTEM = ACTOR_BIT.system;

/** What a rule check reads of a status. */
type StatusRef = Pick<CompiledStatus, 'id' | 'category'>;

/**
 * Whether some rule lets the `system` make a timer's move from `from` to `to`, as the engine checks it: `close`
 * into closed, `resolve` into solved, `snooze` into snoozed, the `statusChanges` allow-list anywhere else, and
 * every action the move amounts to. With `unconditionally`, only rules without conditions count (then no ticket
 * can be refused the move); without, conditions are taken as satisfiable (what lint asks).
 */
export function systemMayMove(
  compiled: Omit<CompiledWorkflow, 'byId'>,
  from: StatusRef,
  to: StatusRef,
  unconditionally: boolean,
): boolean {
  const free = (r: CompiledConditions): boolean =>
    !unconditionally || (!r.notWhileCustomerWaits && !r.requireAssignee && r.guards.length === 0);
  const own: ActionName | null =
    to.category === 'closed'
      ? 'close'
      : to.category === 'solved'
        ? 'resolve'
        : to.category === 'snoozed' && from.category !== 'snoozed'
          ? 'snooze'
          : null;
  if (own === null) {
    const rules = compiled.statusChanges;
    if (
      !rules.some(
        (r) =>
          (r.by & SYSTEM) !== 0 &&
          (r.from === null || r.from.has(from.id)) &&
          (r.to === null || r.to.has(to.id)) &&
          free(r),
      )
    )
      return false;
  }
  const actions = own === null ? impliedActions(from, to) : [own, ...impliedActions(from, to)];
  return actions.every((action) =>
    compiled[action].some((r) => (r.by & SYSTEM) !== 0 && (r.from === null || r.from.has(from.id)) && free(r)),
  );
}
