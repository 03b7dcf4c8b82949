import { movesOf } from '../moves.js';
import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';

/**
 * A `resolve` rule with `assignSolver` by which no agent can ever resolve (its `by` names no agent, or the other
 * rules a resolve amounts to refuse agents everywhere it applies): only an agent's solve assigns, so the option does
 * nothing. Read from the moves table, the answer the engine's rules give.
 */
export function assignSolverNeverActs(ctx: LintContext): LintFinding[] {
  const table = movesOf(ctx.workflow);
  const acting = new Set(table.moves.filter((m) => m.event === 'resolve' && m.by.includes('agent')).map((m) => m.rule));
  return table.rules
    .filter((rule) => rule.event === 'resolve' && rule.conditions.assignSolver && !acting.has(rule))
    .map((rule) => ({
      code: 'assignSolverNeverActs',
      severity: 'warning',
      statuses: [],
      message: 'no agent may resolve by this rule, so "assignSolver" never assigns anyone',
      path: `${rule.path}.assignSolver`,
    }));
}
