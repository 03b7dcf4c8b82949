import type { Actor, Category, TicketEvent, Workflow } from 'ticket-lifecycle';
import { formatOffset } from '../counterexample.js';
import { updateLetters } from './attribute-letters.js';
import { list } from './policy-times.js';

/**
 * The kinds of event the explorer tries. `reply` is a plain message (no "send and mark as": `setStatus` covers
 * the move), `snooze` is tried with and without an `until`, `setStatus` once per status (with an `until` where a
 * timer of that status counts to one), `assign` to someone and to nobody, `update` once per priority, group and
 * tag value that some `when` of the policy tells apart (none when no `when` reads an attribute).
 *
 * @example
 * ```ts
 * import type { ExploreEventType } from 'ticket-lifecycle/testing';
 * const conversation: ExploreEventType[] = ['reply', 'resolve', 'close', 'tick'];
 * ```
 */
export type ExploreEventType =
  | 'reply'
  | 'note'
  | 'assign'
  | 'setStatus'
  | 'resolve'
  | 'close'
  | 'reopen'
  | 'snooze'
  | 'merge'
  | 'update'
  | 'tick';

/** Every kind, in the order letters are tried (so counterexamples prefer conversation over admin moves). */
export const EXPLORE_EVENT_TYPES: readonly ExploreEventType[] = [
  'tick',
  'reply',
  'note',
  'assign',
  'resolve',
  'close',
  'reopen',
  'snooze',
  'setStatus',
  'update',
  'merge',
];

/** One letter of the abstract alphabet: an event without its time. */
export interface Letter {
  readonly label: string;
  readonly event: (at: number) => TicketEvent;
}

/** The assignee the explorer assigns; any non-empty name would do. */
export const ASSIGNEE = 'agent-1';
/** The ticket a merge goes into. */
const MERGE_TARGET = 'ticket-2';

/** The letters for a policy: every chosen kind by every chosen actor (ticks have none). */
export function alphabet(
  workflow: Workflow,
  types: readonly ExploreEventType[],
  actors: readonly Actor[],
  untilAfter: number,
): Letter[] {
  const letters: Letter[] = [];
  const untilStatuses = statusesWithUntil(workflow);
  const wanted = new Set(types);
  for (const type of EXPLORE_EVENT_TYPES) {
    if (!wanted.has(type)) continue;
    if (type === 'tick') {
      letters.push({ label: 'tick', event: (at) => ({ type: 'tick', at }) });
      continue;
    }
    for (const by of actors) {
      // A note does the same whoever writes it: one actor is enough.
      if (type === 'note' && by !== actors[0]) continue;
      letters.push(...lettersOf(type, by, workflow, untilStatuses, untilAfter));
    }
  }
  return letters;
}

function lettersOf(
  type: Exclude<ExploreEventType, 'tick'>,
  by: Actor,
  workflow: Workflow,
  untilStatuses: ReadonlySet<string>,
  untilAfter: number,
): Letter[] {
  const later = formatOffset(untilAfter);
  switch (type) {
    case 'assign':
      return [
        { label: `${by} assigns ${ASSIGNEE}`, event: (at) => ({ type, by, at, assignee: ASSIGNEE }) },
        { label: `${by} unassigns`, event: (at) => ({ type, by, at, assignee: null }) },
      ];
    case 'snooze':
      return [
        { label: `${by} snoozes`, event: (at) => ({ type, by, at }) },
        { label: `${by} snoozes until ${later}`, event: (at) => ({ type, by, at, until: at + untilAfter }) },
      ];
    case 'merge':
      return [{ label: `${by} merges`, event: (at) => ({ type, by, at, into: MERGE_TARGET }) }];
    case 'update':
      return updateLetters(workflow, by);
    case 'setStatus':
      return workflow.statuses.flatMap(({ id: to }): Letter[] => {
        const plain: Letter = { label: `${by} sets "${to}"`, event: (at) => ({ type, by, at, to }) };
        if (!untilStatuses.has(to)) return [plain];
        const timed: Letter = {
          label: `${by} sets "${to}" until ${later}`,
          event: (at) => ({ type, by, at, to, until: at + untilAfter }),
        };
        return requiresUntil(workflow, to) ? [timed] : [plain, timed];
      });
    default:
      return [{ label: `${by} ${verb(type)}`, event: (at) => ({ type, by, at }) as TicketEvent }];
  }
}

const VERBS: Readonly<Record<string, string>> = {
  reply: 'replies',
  note: 'adds a note',
  resolve: 'resolves',
  close: 'closes',
  reopen: 'reopens',
};

const verb = (type: string): string => VERBS[type] ?? type;

function requiresUntil(workflow: Workflow, id: string): boolean {
  return workflow.config.statuses.some((s) => s.id === id && s.requireUntil === true);
}

/** Statuses where some timer counts from `until` (read from the policy's timers), so an `until` means something. */
function statusesWithUntil(workflow: Workflow): ReadonlySet<string> {
  const found = new Set<string>();
  for (const timer of workflow.config.timers ?? []) {
    if (!list(timer.since).includes('until')) continue;
    const ids = new Set<string>(list(timer.in));
    const categories = new Set<Category>(list(timer.inCategory));
    for (const s of workflow.statuses) if (ids.has(s.id) || categories.has(s.category)) found.add(s.id);
  }
  return found;
}
