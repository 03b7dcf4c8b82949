import type { CompiledCalendar } from '../calendar/compiled-calendar.js';
import type { Actor } from '../model/actor.js';
import { compileCalendars } from './compile-calendars.js';
import { DONE, type Category } from './category.js';
import { impliesTable } from './implied-action.js';
import { compileActionRules, compileAssignments, compileReplies, compileStatusChanges } from './compile-rules.js';
import { compileStatuses } from './compile-statuses.js';
import { compileTimers } from './compile-timers.js';
import { compileSla } from '../sla/compile-sla.js';
import { readAttributes } from './compile-when.js';
import { systemMayMove } from './system-move.js';
import { compileDecisions } from './decisions.js';
import type { WorkflowConfig } from './config.js';
import { deepFreeze, FrozenMap, FrozenSet } from './frozen.js';
import type { WorkflowIssue } from './issues.js';
import { copyJson } from './json.js';
import { POLICY_LIMITS } from './limits.js';
import { own, Reader } from './reader.js';
import type {
  CompiledStatus,
  CompiledWorkflow,
  GuardPredicate,
  Workflow,
  WorkflowImplementations,
} from './workflow.js';

// `$schema` lets a policy file name its JSON Schema (editor completion); the engine ignores it.
const CONFIG_FIELDS = [
  '$schema',
  'id',
  'name',
  'statuses',
  'initial',
  'initialByChannel',
  'replies',
  'assignments',
  'statusChanges',
  'resolve',
  'close',
  'snooze',
  'reopen',
  'assign',
  'merge',
  'update',
  'priorities',
  'groups',
  'reopenAssignee',
  'timers',
  'calendars',
  'sla',
] as const;

/** Checks and compiles a policy in one pass: a `Workflow`, or every problem found. */
export function compileWorkflow(
  input: unknown,
  implementations: WorkflowImplementations = {},
): { ok: true; workflow: Workflow } | { ok: false; issues: readonly WorkflowIssue[] } {
  const reader = new Reader();
  // Everything below reads this copy, never the caller's object: each field is read once, and the copy is ours
  // to freeze. Values JSON cannot carry, or a policy past the size and depth limits, are reported alone.
  const data = copyJson(reader, input);
  if (reader.issues.length > 0) return { ok: false, issues: reader.issues };
  const root = reader.object(data, '', CONFIG_FIELDS);
  if (root === null) return { ok: false, issues: reader.issues };

  const id = reader.string(root, 'id', '');
  const name = reader.string(root, 'name', '');
  reader.string(root, '$schema', ''); // a string or nothing; its value means nothing to the engine
  const table = compileStatuses(reader, own(root, 'statuses'));
  const { defaults } = table;
  const all = [...reader.categoryOf.keys()];
  const inCategories = (...cats: Category[]): ReadonlySet<string> =>
    new FrozenSet(all.filter((s) => cats.includes(reader.categoryOf.get(s)!)));
  const guards = readGuards(reader, implementations);
  const reopenAssignee = own(root, 'reopenAssignee');
  if (reopenAssignee !== undefined && reopenAssignee !== 'keep' && reopenAssignee !== 'clear')
    reader.report('reopenAssignee', 'invalidType', 'must be "keep" or "clear"');
  readAttributes(reader, own(root, 'priorities'), own(root, 'groups'));

  const initial = readInitial(reader, own(root, 'initial'), defaults);
  const initialByChannel = readInitialByChannel(reader, own(root, 'initialByChannel'));
  const replies = compileReplies(reader, own(root, 'replies'), defaults, table.reopenTo);
  const assignments = compileAssignments(reader, own(root, 'assignments'));
  const calendars = compileCalendars(reader, own(root, 'calendars'));
  const timers = compileTimers(reader, own(root, 'timers'), calendars);
  const unlocked = inCategories('new', 'open', 'pending', 'onHold', 'snoozed', 'solved');
  const rules = (
    key: 'resolve' | 'close' | 'snooze' | 'reopen' | 'assign' | 'merge' | 'update',
    defaultFrom: ReadonlySet<string>,
  ) => compileActionRules(reader, key, own(root, key), defaultFrom, unlocked, guards);
  const close = rules('close', unlocked);
  const compiled: Omit<CompiledWorkflow, 'byId'> = {
    initialByChannel,
    calendars: new FrozenMap([...calendars].filter((entry): entry is [string, CompiledCalendar] => entry[1] !== null)),
    statusChanges: compileStatusChanges(reader, own(root, 'statusChanges'), guards),
    resolve: rules('resolve', inCategories('new', 'open', 'pending', 'onHold', 'snoozed')),
    close,
    snooze: rules('snooze', inCategories('new', 'open', 'pending', 'onHold')),
    reopen: rules('reopen', inCategories('solved', 'closed')),
    assign: rules('assign', new FrozenSet(all)),
    // Merging closes the ticket: without rules of its own, it passes the close rules (no path around them).
    merge: own(root, 'merge') === undefined ? close : rules('merge', unlocked),
    sla: compileSla(reader, own(root, 'sla'), table.infos, calendars),
    update: rules('update', unlocked),
    priorityRank: new FrozenMap(reader.priorityRank),
    groups: reader.groups,
  };
  if (reader.issues.length > 0 || initial === null) return { ok: false, issues: reader.issues };

  const byId: [string, CompiledStatus][] = [];
  const decisions = compileDecisions(all, compiled);
  const implies = impliesTable();
  // Most statuses have no timer: they share one empty set of timer ids.
  const noTimerIds = new FrozenSet<string>([]);
  for (const info of table.infos) {
    const statusTimers = timers.get(info.id) ?? [];
    const decide = decisions.get(info.id)!;
    const freeTimers = new FrozenSet(
      statusTimers.filter(
        (t) => t.to !== null && systemMayMove(decide, info, { category: reader.categoryOf.get(t.to)!, id: t.to }, true),
      ),
    );
    byId.push([
      info.id,
      {
        id: info.id,
        category: info.category,
        reopenTo: table.reopenTo.get(info.id) ?? defaults.open ?? null,
        requireUntil: table.requireUntil.has(info.id),
        acceptsUntil: statusTimers.some((t) => t.anchors.includes('until')),
        replies: replies.get(info.id) as Record<Actor, CompiledStatus['replies'][Actor]>,
        decide,
        assignTo: assignments.get(info.id) ?? null,
        reopenClears: reopenAssignee === 'clear' && DONE.has(info.category),
        timers: statusTimers,
        timerIds: statusTimers.length === 0 ? noTimerIds : new FrozenSet(statusTimers.map((t) => t.id)),
        freeTimers,
        implies: implies[info.category],
        idle: { due: [] as readonly never[], status: info.id, close: info.category === 'closed', nextCheckAt: null },
      },
    ]);
  }
  const workflow: Workflow = {
    id,
    name,
    config: data as WorkflowConfig,
    statuses: table.infos,
    priorities: [...reader.priorityRank.keys()],
    initial,
    defaults: { ...defaults },
    compiled: { ...compiled, byId: new FrozenMap(byId) },
  };
  // Everything a workflow reaches is frozen, its lookup tables included: one shared workflow serves every
  // ticket, so an edit through any reference would change every ticket's answers.
  return { ok: true, workflow: deepFreeze(workflow) };
}

/** The guard predicates, each read once into a copy, so the functions checked are the functions used. */
function readGuards(
  reader: Reader,
  implementations: WorkflowImplementations,
): Readonly<Record<string, GuardPredicate>> {
  const entries = Object.entries(implementations.guards ?? {});
  for (const [name, fn] of entries) {
    if (typeof fn !== 'function') reader.report(`(guards).${name}`, 'invalidType', 'a guard must be a function');
  }
  return Object.fromEntries(entries) as Record<string, GuardPredicate>;
}

function readInitial(reader: Reader, raw: unknown, defaults: Partial<Record<Category, string>>): string | null {
  if (raw !== undefined) {
    const status = reader.status(raw, 'initial');
    if (status !== null && DONE.has(reader.categoryOf.get(status)!)) {
      reader.report(
        'initial',
        'invalidInitial',
        `a ticket cannot start in "${status}", which is ${reader.categoryOf.get(status)}`,
      );
    }
    return status;
  }
  const fallback = defaults.new ?? defaults.open ?? null;
  const startable = [...reader.categoryOf.values()].some((c) => c === 'new' || c === 'open');
  // A new/open category without a default is already reported; do not report its consequence twice.
  if (fallback === null && !startable && reader.categoryOf.size > 0) {
    reader.report('initial', 'invalidInitial', 'no "new" or "open" status to start in: name one with "initial"');
  }
  return fallback;
}

function readInitialByChannel(reader: Reader, raw: unknown): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  if (raw === undefined) return new FrozenMap(map);
  // Any key is a channel name: there is no list of allowed fields to check against.
  const obj = reader.object(raw, 'initialByChannel', null);
  if (obj === null) return new FrozenMap(map);
  const channels = Object.keys(obj);
  if (channels.length > POLICY_LIMITS.maxChannels) {
    reader.report(
      'initialByChannel',
      'tooMany',
      `${channels.length} channels; at most ${POLICY_LIMITS.maxChannels} are allowed (POLICY_LIMITS.maxChannels)`,
    );
    return new FrozenMap(map);
  }
  for (const channel of channels) {
    const path = `initialByChannel.${channel}`;
    const status = reader.status(obj[channel], path);
    if (status !== null && DONE.has(reader.categoryOf.get(status)!)) {
      reader.report(
        path,
        'invalidInitial',
        `a ticket cannot start in "${status}", which is ${reader.categoryOf.get(status)}`,
      );
    } else if (status !== null) {
      map.set(channel, status);
    }
  }
  return new FrozenMap(map);
}
