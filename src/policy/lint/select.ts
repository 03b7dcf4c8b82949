import type { StatusSelector } from '../config.js';
import type { LintContext } from './context.js';

/** The statuses a rule's `from` / `fromCategory` selects, in declaration order (all of them when it names none). */
export function selectStatuses(ctx: LintContext, selector: StatusSelector): string[] {
  const { from, fromCategory } = selector;
  if (from === undefined && fromCategory === undefined) return ctx.statuses.map((s) => s.id);
  if (fromCategory === undefined) {
    // Named statuses only: put them in declaration order without walking every status.
    const named = [...new Set(typeof from === 'string' ? [from] : from)].filter((id) => ctx.position.has(id));
    return named.sort((a, b) => ctx.position.get(a)! - ctx.position.get(b)!);
  }
  const ids = new Set<string>(from === undefined ? [] : typeof from === 'string' ? [from] : from);
  const categories = new Set<string>(
    fromCategory === undefined ? [] : typeof fromCategory === 'string' ? [fromCategory] : fromCategory,
  );
  return ctx.statuses.filter((s) => ids.has(s.id) || categories.has(s.category)).map((s) => s.id);
}
