import { isShortName, MAX_NAME_LENGTH, MAX_TAGS } from '../policy/ticket-limits.js';
import type { CompiledWorkflow } from '../policy/workflow.js';
import { fail } from './check-input.js';
import { NONE } from './none.js';
import { show } from '../policy/show.js';
import type { CompiledSet } from '../policy/compile-when.js';
import type { DraftTicket } from './copy-ticket.js';
import type { Ticket } from '../model/ticket.js';
import type { AttributeChanges } from './effects.js';
import type { TransitionError } from './result.js';

/*
 * The checks on a ticket's `priority`, `group` and `tags`, shared by `createTicket`, `update` and the reading of a
 * stored ticket, so the three agree on what a valid value is. Each answers the checked value or a refusal whose
 * `path` is `<where>.<field>` (`event.tags`, `ticket.priority`). Messages are short: this is the core's budget.
 */

/** `null` or one of the policy's priorities. */
export const checkPriority = (
  compiled: CompiledWorkflow,
  value: unknown,
  where: string,
): string | null | TransitionError =>
  value === null || (typeof value === 'string' && compiled.priorityRank.has(value))
    ? value
    : fail('unknownPriority', `priority ${show(value)} is not declared`, `${where}.priority`);

/** `null`, or a short name that is one of the policy's groups when it declares them. */
export function checkGroup(compiled: CompiledWorkflow, value: unknown, where: string): string | null | TransitionError {
  if (value === null || (isShortName(value, MAX_NAME_LENGTH) && compiled.groups?.has(value) !== false)) return value;
  return fail(
    isShortName(value, MAX_NAME_LENGTH) ? 'unknownGroup' : 'invalidGroup',
    `group ${show(value)} is not declared or not 1-64 characters`,
    `${where}.group`,
  );
}

/** Two tag lists hold the same tags in the same order. */
const sameTags = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);

/**
 * A list of tags as a fresh sorted list without duplicates, within `TICKET_LIMITS`. With `stored`, the list must
 * already be sorted and unique (the engine only ever stores it so; anything else was edited by hand).
 */
export function checkTags(value: unknown, where: string, stored: boolean): readonly string[] | TransitionError {
  if (Array.isArray(value) && value.length <= MAX_TAGS) {
    if (value.length === 0) return NONE;
    const tags: unknown[] = [...value]; // each entry read once
    if (tags.every((tag) => isShortName(tag, MAX_NAME_LENGTH))) {
      const sorted = [...new Set(tags as string[])].sort();
      if (!stored || sameTags(sorted, tags as string[])) return sorted;
    }
  }
  return fail(
    stored ? 'invalidTicket' : 'invalidTags',
    '"tags" must be at most 50 sorted unique strings of 1-64 characters',
    `${where}.tags`,
  );
}

const CHANGEABLE = ['assignee', 'group', 'priority', 'tags'] as const;

/** Whether a timer's `set` would change the ticket (a `set` names no tags). */
export const setChanges = (ticket: Ticket, set: CompiledSet): boolean =>
  CHANGEABLE.some((key) => key !== 'tags' && set[key] !== undefined && set[key] !== ticket[key]);

/**
 * Gives `next` (a copy this call made) the attributes `values` names, and answers what changed (`null`: nothing).
 * A change of group, priority or tags stamps `attributesChangedAt`: the timers with a `when` re-target from `at`.
 * Shared by `update` and a timer's `set`, so both record changes alike.
 */
export function applyChanges(
  next: DraftTicket,
  values: { readonly [K in (typeof CHANGEABLE)[number]]?: DraftTicket[K] },
  at: number,
): AttributeChanges | null {
  let changes: Record<string, { from: unknown; to: unknown }> | null = null;
  for (const key of CHANGEABLE) {
    const to = values[key];
    const from = next[key];
    if (to === undefined || to === from || (key === 'tags' && sameTags(to as string[], from as string[]))) continue;
    changes ??= {};
    changes[key] = { from, to };
    (next as Record<string, unknown>)[key] = to;
    if (key !== 'assignee') next.attributesChangedAt = at;
  }
  return changes as AttributeChanges | null;
}
