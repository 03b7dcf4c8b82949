import type { Actor, TicketEvent, WhenConfig, Workflow, WorkflowConfig } from 'ticket-lifecycle';
import type { Letter } from './alphabet.js';
import { list } from './policy-times.js';

/** Stands for "a group no `when` names" when the policy declares no groups: any name the policy reads nowhere. */
const OTHER_GROUP = 'other-group';

/**
 * The `update` letters of a policy: one per attribute value that can make a difference, found in the `when`s it
 * reads (rules, timers, SLA policies). A `when` only tells the values it names from every other value, so those
 * values, one value it names nowhere and "none" are all the cases there are:
 * - each priority a `when` names, one declared priority none names, and `null`;
 * - each group a `when` names, one group none names, and `null`;
 * - each tag a `when` names alone, all of them together, and no tags.
 * An attribute no `when` reads gets no letter: changing it changes no future, only the state's key. A policy
 * without `when`s therefore explores exactly as before `update` existed.
 */
export function updateLetters(workflow: Workflow, by: Actor): Letter[] {
  const read = attributesRead(workflow.config as WorkflowConfig);
  const letters: Letter[] = [];
  const add = (label: string, change: Pick<TicketEvent & { type: 'update' }, 'priority' | 'group' | 'tags'>): void => {
    letters.push({ label: `${by} sets ${label}`, event: (at) => ({ type: 'update', by, at, ...change }) });
  };
  if (read.priorities.size > 0) {
    const other = workflow.priorities.find((p) => !read.priorities.has(p));
    for (const priority of [...read.priorities, ...(other === undefined ? [] : [other])])
      add(`priority ${JSON.stringify(priority)}`, { priority });
    add('no priority', { priority: null });
  }
  if (read.groups.size > 0) {
    const declared = workflow.config.groups;
    const other = declared === undefined ? OTHER_GROUP : declared.find((g) => !read.groups.has(g));
    for (const group of [...read.groups, ...(other === undefined ? [] : [other])])
      add(`group ${JSON.stringify(group)}`, { group });
    add('no group', { group: null });
  }
  if (read.tags.size > 0) {
    const tags = [...read.tags].sort();
    for (const tag of tags) add(`tags [${JSON.stringify(tag)}]`, { tags: [tag] });
    if (tags.length > 1) add(`tags ${JSON.stringify(tags)}`, { tags });
    add('no tags', { tags: [] });
  }
  return letters;
}

interface AttributesRead {
  readonly priorities: Set<string>;
  readonly groups: Set<string>;
  readonly tags: Set<string>;
}

/** The non-null priorities, groups and tags the policy's `when`s name, in the order they first appear. */
function attributesRead(config: WorkflowConfig): AttributesRead {
  const read: AttributesRead = { priorities: new Set(), groups: new Set(), tags: new Set() };
  const note = (when: WhenConfig | undefined): void => {
    if (when === undefined) return;
    for (const p of list(when.priority)) if (p !== null) read.priorities.add(p);
    for (const g of list(when.group)) if (g !== null) read.groups.add(g);
    const { any, all, none } = when.tags ?? {};
    for (const tag of [...list(any), ...list(all), ...list(none)]) read.tags.add(tag);
  };
  const rules = [
    ...(config.replies ?? []),
    ...(config.statusChanges ?? []),
    ...(config.timers ?? []),
    ...(config.sla ?? []),
    ...(['resolve', 'close', 'snooze', 'reopen', 'assign', 'merge', 'update'] as const).flatMap((key) =>
      list(config[key]),
    ),
  ];
  for (const rule of rules) note((rule as { readonly when?: WhenConfig }).when);
  return read;
}
