import type { StatusDecisions } from './decisions.js';
import { impliedActions, type ActionName } from './implied-action.js';
import type { CompiledConditions, CompiledStatus } from './workflow.js';

/** What a rule check reads of a status. */
type StatusRef = Pick<CompiledStatus, 'id' | 'category'>;

/**
 * Whether some rule lets the `system` make a timer's move from `from` (whose decision structure is `decide`) to
 * `to`, as the engine checks it: `close` into closed, `resolve` into solved, `snooze` into snoozed, the
 * `statusChanges` allow-list anywhere else, and every action the move amounts to. With `unconditionally`, only
 * rules without conditions count (then no ticket can be refused the move); without, conditions are taken as
 * satisfiable (what lint asks).
 */
export function systemMayMove(
  decide: StatusDecisions,
  from: Pick<CompiledStatus, 'category'>,
  to: StatusRef,
  unconditionally: boolean,
): boolean {
  const free = (r: CompiledConditions & { readonly when: unknown }): boolean =>
    !unconditionally || (!r.notWhileCustomerWaits && !r.requireAssignee && r.guards.length === 0 && r.when === null);
  const own: ActionName | null =
    to.category === 'closed'
      ? 'close'
      : to.category === 'solved'
        ? 'resolve'
        : to.category === 'snoozed' && from.category !== 'snoozed'
          ? 'snooze'
          : null;
  if (own === null && !decide.setStatus.system.some((r) => (r.to === null || r.to.has(to.id)) && free(r))) return false;
  const actions = own === null ? impliedActions(from, to) : [own, ...impliedActions(from, to)];
  return actions.every((action) => decide[action].system.some(free));
}
