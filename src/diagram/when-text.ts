import type { MoveConditions, MoveWhen } from '../policy/moves.js';

/** `when priority urgent|high, tags vip`: a rule's `when` as the diagram writes it. */
export function whenText(when: MoveWhen): string {
  const parts: string[] = [];
  const values = (list: readonly (string | null)[]): string => list.map((v) => v ?? 'none').join('|');
  if (when.priority !== null) parts.push(`priority ${values(when.priority)}`);
  if (when.group !== null) parts.push(`group ${values(when.group)}`);
  if (when.channel !== null) parts.push(`channel ${values(when.channel)}`);
  if (when.tagsAny.length > 0) parts.push(`tags ${when.tagsAny.join('|')}`);
  if (when.tagsAll.length > 0) parts.push(`tags ${when.tagsAll.join('+')}`);
  if (when.tagsNone.length > 0) parts.push(`no tags ${when.tagsNone.join('|')}`);
  return `when ${parts.join(', ')}`;
}

/** The conditions of a rule in the diagram's words, in a fixed order: flags, named guards, then its `when`. */
export function conditionWords(conditions: MoveConditions): string[] {
  return [
    ...(conditions.requireAssignee ? ['requireAssignee'] : []),
    ...(conditions.assignSolver ? ['assignSolver'] : []),
    ...(conditions.notWhileCustomerWaits ? ['notWhileCustomerWaits'] : []),
    ...conditions.guards,
    ...(conditions.when === null ? [] : [whenText(conditions.when)]),
  ];
}
