import type { WorkflowConfig } from '../config.js';
import type { LintContext } from './context.js';

/** `statuses[i]` for a status id. */
export function statusPath(ctx: LintContext, id: string): string {
  return `statuses[${ctx.position.get(id) ?? -1}]`;
}

/** `key[i]` when the policy lists several rules under `key`, `key` when it gives one (or none: the default). */
export function rulePath(
  config: WorkflowConfig,
  key: 'resolve' | 'close' | 'snooze' | 'reopen',
  index: number,
): string {
  return Array.isArray(config[key]) ? `${key}[${index}]` : key;
}

/** `"a", "b"` for messages. */
export function quote(ids: Iterable<string>): string {
  return [...ids].map((id) => `"${id}"`).join(', ');
}
