import type { Actor } from './actor.js';
import { DONE, type Category } from './category.js';
import type { CompiledCalendar } from '../calendar/compiled-calendar.js';
import { compileCalendars } from './compile-calendars.js';
import { compileActionRules, compileAssignments, compileReplies, compileStatusChanges } from './compile-rules.js';
import { compileStatuses } from './compile-statuses.js';
import { compileTimers } from './compile-timers.js';
import type { WorkflowConfig } from './config.js';
import type { WorkflowIssue } from './issues.js';
import { snapshotJson } from './json.js';
import { own, Reader } from './reader.js';
import type { CompiledStatus, CompiledWorkflow, GuardPredicate, Workflow, WorkflowImplementations } from './workflow.js';

const CONFIG_FIELDS = [
  'id', 'name', 'statuses', 'initial', 'initialByChannel', 'replies', 'assignments', 'statusChanges',
  'resolve', 'close', 'snooze', 'reopen', 'timers', 'calendars',
] as const;

/** Checks and compiles a policy in one pass: a `Workflow`, or every problem found. */
export function compileWorkflow(
  input: unknown,
  implementations: WorkflowImplementations = {},
): { ok: true; workflow: Workflow } | { ok: false; issues: readonly WorkflowIssue[] } {
  const reader = new Reader();
  // Every field is read once, here; everything below reads the copy.
  const config = snapshotJson(reader, input, '');
  // Values JSON cannot carry make everything below unreliable: report those alone.
  if (reader.issues.length > 0) return { ok: false, issues: reader.issues };
  const root = reader.object(config, '', CONFIG_FIELDS);
  if (root === null) return { ok: false, issues: reader.issues };

  const id = reader.string(root, 'id', '');
  const name = reader.string(root, 'name', '');
  const table = compileStatuses(reader, own(root, 'statuses'));
  const { defaults } = table;
  const all = [...reader.categoryOf.keys()];
  const inCategories = (...cats: Category[]): Set<string> => new Set(all.filter((s) => cats.includes(reader.categoryOf.get(s)!)));
  const guards = readGuards(reader, implementations);

  const initial = readInitial(reader, own(root, 'initial'), defaults);
  const initialByChannel = readInitialByChannel(reader, own(root, 'initialByChannel'));
  const replies = compileReplies(reader, own(root, 'replies'), defaults, table.reopenTo);
  const assignments = compileAssignments(reader, own(root, 'assignments'));
  const calendars = compileCalendars(reader, own(root, 'calendars'));
  const timers = compileTimers(reader, own(root, 'timers'), calendars);
  const compiled: Omit<CompiledWorkflow, 'byId'> = {
    initialByChannel,
    calendars: new Map([...calendars].filter((entry): entry is [string, CompiledCalendar] => entry[1] !== null)),
    statusChanges: compileStatusChanges(reader, own(root, 'statusChanges')),
    resolve: compileActionRules(reader, 'resolve', own(root, 'resolve'), inCategories('new', 'open', 'pending', 'onHold', 'snoozed'), guards),
    close: compileActionRules(reader, 'close', own(root, 'close'), inCategories('new', 'open', 'pending', 'onHold', 'snoozed', 'solved'), guards),
    snooze: compileActionRules(reader, 'snooze', own(root, 'snooze'), inCategories('new', 'open', 'pending', 'onHold'), guards),
    reopen: compileActionRules(reader, 'reopen', own(root, 'reopen'), inCategories('solved', 'closed'), guards),
  };
  if (reader.issues.length > 0 || initial === null) return { ok: false, issues: reader.issues };

  const byId = new Map<string, CompiledStatus>();
  for (const info of table.infos) {
    const statusTimers = timers.get(info.id) ?? [];
    byId.set(info.id, {
      id: info.id,
      category: info.category,
      reopenTo: table.reopenTo.get(info.id) ?? defaults.open ?? null,
      requireUntil: table.requireUntil.has(info.id),
      acceptsUntil: statusTimers.some((t) => t.anchors.includes('until')),
      replies: replies.get(info.id) as Record<Actor, CompiledStatus['replies'][Actor]>,
      assignTo: assignments.get(info.id) ?? null,
      timers: statusTimers,
      idle: Object.freeze({ due: Object.freeze([]) as readonly never[], status: info.id, close: info.category === 'closed', nextCheckAt: null }),
    });
  }
  const workflow: Workflow = {
    id,
    name,
    config: deepFreeze(config as WorkflowConfig),
    statuses: Object.freeze(table.infos.map((s) => Object.freeze(s))),
    initial,
    defaults: Object.freeze({ ...defaults }),
    compiled: Object.freeze({ ...compiled, byId }),
  };
  return { ok: true, workflow: Object.freeze(workflow) };
}

/** The guard predicates, each read once into a copy, so the functions checked are the functions used. */
function readGuards(reader: Reader, implementations: WorkflowImplementations): Readonly<Record<string, GuardPredicate>> {
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
      reader.report('initial', 'invalidInitial', `a ticket cannot start in "${status}", which is ${reader.categoryOf.get(status)}`);
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
  if (raw === undefined) return map;
  const keys = typeof raw === 'object' && raw !== null ? Object.keys(raw) : [];
  const obj = reader.object(raw, 'initialByChannel', keys);
  if (obj === null) return map;
  for (const channel of Object.keys(obj)) {
    const path = `initialByChannel.${channel}`;
    const status = reader.status(obj[channel], path);
    if (status !== null && DONE.has(reader.categoryOf.get(status)!)) {
      reader.report(path, 'invalidInitial', `a ticket cannot start in "${status}", which is ${reader.categoryOf.get(status)}`);
    } else if (status !== null) {
      map.set(channel, status);
    }
  }
  return map;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
