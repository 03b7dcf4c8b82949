import type { CompiledActionRule } from '../workflow.js';
import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { ACTION_NAMES } from '../implied-action.js';
import { rulePath } from './paths.js';

/**
 * Action rules whose conditions never refuse anything: an action is allowed when any rule allows it, so a rule
 * with conditions is void when another rule covers the same actors from the same statuses with only some of those
 * conditions. Only full cover is flagged: "agents close solved tickets freely, others only with an assignee" is a
 * normal partial overlap.
 */
export function overriddenGuard(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const action of ACTION_NAMES) {
    const rules = ctx.compiled[action];
    // Conditions listed once per rule; the cheap test (fewer conditions) before the one that walks statuses.
    const conditions = rules.map((rule) => new Set(conditionsOf(rule)));
    rules.forEach((rule, i) => {
      if (conditions[i]!.size === 0) return;
      const j = rules.findIndex(
        (other, k) => k !== i && fewerConditions(conditions[k]!, conditions[i]!) && covers(other, rule),
      );
      if (j < 0) return;
      const config = ctx.workflow.config;
      findings.push({
        code: 'overriddenGuard',
        severity: 'warning',
        statuses: ctx.statuses.filter((s) => rule.from === null || rule.from.has(s.id)).map((s) => s.id),
        message: `the conditions of ${rulePath(config, action, i)} (${conditionsOf(rule).join(', ')}) never refuse anything: ${rulePath(config, action, j)} allows the same actors from the same statuses without ${conditionsOf(
          rule,
        )
          .filter((c) => !conditionsOf(rules[j]!).includes(c))
          .join(', ')}`,
        path: rulePath(config, action, i),
      });
    });
  }
  return findings;
}

function conditionsOf(rule: CompiledActionRule): string[] {
  return [
    ...(rule.notWhileCustomerWaits ? ['notWhileCustomerWaits'] : []),
    ...(rule.requireAssignee ? ['requireAssignee'] : []),
    ...rule.guards.map(([name]) => `guard "${name}"`),
  ];
}

/** `wide` matches every actor and status `narrow` matches. */
function covers(wide: CompiledActionRule, narrow: CompiledActionRule): boolean {
  if ((narrow.by & ~wide.by) !== 0) return false;
  if (wide.from === null) return true;
  if (narrow.from === null || narrow.from.size > wide.from.size) return false;
  for (const s of narrow.from) if (!wide.from.has(s)) return false;
  return true;
}

/** `weak`'s conditions are a strict subset of `strong`'s. */
function fewerConditions(weak: ReadonlySet<string>, strong: ReadonlySet<string>): boolean {
  if (weak.size >= strong.size) return false;
  for (const c of weak) if (!strong.has(c)) return false;
  return true;
}
