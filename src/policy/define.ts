import { compileWorkflow } from './compile.js';
import { show } from './show.js';
import type { WorkflowConfig } from './config.js';
import { WorkflowError, type WorkflowIssue } from './issues.js';
import type { Workflow, WorkflowImplementations } from './workflow.js';

/**
 * Checks and compiles a policy. Status ids are inferred as a literal union from `statuses`, and priorities from
 * `priorities`, so every other field naming a status or a priority, and every later event, is checked at compile
 * time.
 *
 * @throws {WorkflowError} listing every problem (path, code, message) when the policy is invalid.
 *
 * @example
 * ```ts
 * import { defineWorkflow } from 'ticket-lifecycle';
 * const support = defineWorkflow({
 *   statuses: [
 *     { id: 'new', category: 'new' },
 *     { id: 'open', category: 'open' },
 *     { id: 'waiting', category: 'pending', labels: { agent: 'Waiting on customer' } },
 *     { id: 'solved', category: 'solved' },
 *     { id: 'closed', category: 'closed' },
 *   ],
 *   replies: [
 *     { by: 'agent', fromCategory: ['new', 'open'], to: 'waiting' },
 *     { by: 'customer', from: ['waiting', 'solved'], action: 'reopen' },
 *     { by: 'customer', from: 'closed', action: 'followUp' },
 *   ],
 *   close: { by: ['customer', 'system'], from: 'solved' },
 *   timers: [{ id: 'auto-close', in: 'solved', after: 'P7D', action: 'move', to: 'closed' }],
 * });
 * ```
 */
export function defineWorkflow<const S extends string, const P extends string = string>(
  config: WorkflowConfig<S, P>,
  implementations?: WorkflowImplementations,
): Workflow<S, P> {
  const result = validateWorkflow(config, implementations);
  if (!result.ok) throw new WorkflowError(result.issues);
  return result.workflow as Workflow<S, P>;
}

/**
 * What `validateWorkflow` returns: the compiled workflow, or every problem found.
 *
 * @example
 * ```ts
 * import { validateWorkflow, type WorkflowValidation } from 'ticket-lifecycle';
 * const result: WorkflowValidation = validateWorkflow(JSON.parse('{"statuses":[]}'));
 * if (!result.ok) console.log(result.issues.map((i) => `${i.path}: ${i.code}`));
 * ```
 */
export type WorkflowValidation<S extends string = string> =
  | { readonly ok: true; readonly workflow: Workflow<S> }
  | { readonly ok: false; readonly issues: readonly WorkflowIssue[] };

/**
 * Checks and compiles a policy that comes from outside the code (a database row, an admin screen). Never throws.
 *
 * @example
 * ```ts
 * import { validateWorkflow } from 'ticket-lifecycle';
 * const result = validateWorkflow(JSON.parse('{"statuses":[{"id":"open","category":"open"}]}'));
 * if (result.ok) console.log(result.workflow.initial); // 'open'
 * else console.log(result.issues);
 * ```
 */
export function validateWorkflow(config: unknown, implementations?: WorkflowImplementations): WorkflowValidation {
  try {
    return compileWorkflow(config, implementations);
  } catch (error) {
    // Only a hostile object (a throwing getter or Proxy) can get here; report it instead of throwing.
    return {
      ok: false,
      issues: [{ path: '', code: 'notJson', message: `could not be read: ${show(error)}` }],
    };
  }
}
