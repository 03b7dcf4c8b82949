import { formatDuration, parseDuration, type Duration, type TimerConfig, type Workflow } from 'ticket-lifecycle';

/** One thing a policy change does to stored tickets. `breaking` ones make stored tickets fail or misbehave. */
export interface PolicyChange {
  readonly kind:
    | 'statusRemoved'
    | 'statusRenamed'
    | 'statusAdded'
    | 'categoryChanged'
    | 'timerRemoved'
    | 'timerRenamed'
    | 'timerAdded'
    | 'durationChanged'
    | 'initialChanged';
  readonly breaking: boolean;
  readonly message: string;
}

/** What `diff` found, and the mapping `migrateTicket` needs for the renames it guessed. */
export interface PolicyDiff {
  readonly changes: readonly PolicyChange[];
  readonly migration: { readonly statuses: Record<string, string>; readonly timers: Record<string, string> };
}

const list = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value as T];

/** Where and what a timer does, renamed statuses mapped: two timers with the same shape are one timer renamed. */
function timerShape(timer: TimerConfig, rename: (id: string) => string): string {
  const to = timer.action === 'move' ? rename(timer.to) : null;
  return JSON.stringify([list(timer.in).map(rename).sort(), list(timer.inCategory).slice().sort(), timer.action, to]);
}

/** Durations compared by length, not spelling: `P1D` equals `PT24H`. */
const inMs = (d: Duration | readonly Duration[] | undefined): string =>
  list(d)
    .map((x) => parseDuration(x))
    .join(',');
const show = (d: Duration | readonly Duration[] | undefined): string =>
  d === undefined
    ? 'none'
    : list(d)
        .map((x) => (typeof x === 'number' ? formatDuration(x) : x))
        .join(', ');

/**
 * What changing `before` into `after` does to tickets stored under `before`. A status that disappears makes every
 * event on its tickets fail (`unknownStatus`) and their deadline vanish; a renamed timer forgets which reminders
 * were sent, so they are sent again. A removed status with a new one of the same category is reported as a likely
 * rename, and so is a removed timer with a new one in the same statuses doing the same thing.
 */
export function diffPolicies(before: Workflow, after: Workflow): PolicyDiff {
  const changes: PolicyChange[] = [];
  const oldStatuses = new Map(before.statuses.map((s) => [s.id as string, s]));
  const newStatuses = new Map(after.statuses.map((s) => [s.id as string, s]));
  const added = after.statuses.filter((s) => !oldStatuses.has(s.id));
  const statuses: Record<string, string> = {};
  for (const old of before.statuses) {
    const now = newStatuses.get(old.id);
    if (now !== undefined) {
      if (now.category !== old.category)
        changes.push({
          kind: 'categoryChanged',
          breaking: false,
          message: `status ${old.id}: category ${old.category} → ${now.category} (its built-in behaviour changes)`,
        });
      continue;
    }
    const candidate = added.find((s) => s.category === old.category && !Object.values(statuses).includes(s.id));
    if (candidate !== undefined) {
      statuses[old.id] = candidate.id;
      changes.push({
        kind: 'statusRenamed',
        breaking: true,
        message: `status ${old.id} → ${candidate.id}? (same category ${old.category}): stored tickets in ${old.id} are refused with unknownStatus until migrated`,
      });
    } else {
      changes.push({
        kind: 'statusRemoved',
        breaking: true,
        message: `status ${old.id} removed: stored tickets in it are refused with unknownStatus and have no deadline until migrated`,
      });
    }
  }
  for (const s of added) {
    if (!Object.values(statuses).includes(s.id))
      changes.push({ kind: 'statusAdded', breaking: false, message: `status ${s.id} added (${s.category})` });
  }
  if (before.initial !== after.initial)
    changes.push({
      kind: 'initialChanged',
      breaking: false,
      message: `new tickets start in ${after.initial} (was ${before.initial})`,
    });

  const rename = (id: string): string => statuses[id] ?? id;
  const oldTimers = before.config.timers ?? [];
  const newTimers = after.config.timers ?? [];
  const newById = new Map(newTimers.map((t) => [t.id, t]));
  const addedTimers = newTimers.filter((t) => !oldTimers.some((o) => o.id === t.id));
  const timers: Record<string, string> = {};
  for (const old of oldTimers) {
    let now = newById.get(old.id);
    if (now === undefined) {
      now = addedTimers.find(
        (t) => timerShape(t, (id) => id) === timerShape(old, rename) && !Object.values(timers).includes(t.id),
      );
      if (now === undefined) {
        changes.push({
          kind: 'timerRemoved',
          breaking: false,
          message: `timer ${old.id} removed: it no longer acts on stored tickets`,
        });
        continue;
      }
      timers[old.id] = now.id;
      changes.push({
        kind: 'timerRenamed',
        breaking: true,
        message: `timer ${old.id} → ${now.id}?: reminders already sent on stored tickets would be sent again unless migrated`,
      });
    }
    compareDurations(old, now, changes);
  }
  for (const t of addedTimers) {
    if (!Object.values(timers).includes(t.id))
      changes.push({
        kind: 'timerAdded',
        breaking: false,
        message: `timer ${t.id} added: stored tickets get its deadline once their next deadline is recomputed`,
      });
  }
  return { changes, migration: { statuses, timers } };
}

function compareDurations(old: TimerConfig, now: TimerConfig, changes: PolicyChange[]): void {
  const fields = [
    ['after', old.after, now.after],
    [
      'repeatEvery',
      old.action === 'remind' ? old.repeatEvery : undefined,
      now.action === 'remind' ? now.repeatEvery : undefined,
    ],
    ['reminders', old.action === 'move' ? old.reminders : undefined, now.action === 'move' ? now.reminders : undefined],
  ] as const;
  for (const [field, a, b] of fields) {
    if (inMs(a) === inMs(b)) continue;
    changes.push({
      kind: 'durationChanged',
      breaking: false,
      message: `timer ${now.id}: ${field} ${show(a)} → ${show(b)}: recompute stored deadlines (nextDeadline) so sweepers see the new times`,
    });
  }
}
