import { FrozenSet } from './frozen.js';
import { POLICY_LIMITS } from './limits.js';
import { join, own, type Reader } from './reader.js';
import { isShortName, TICKET_LIMITS } from './ticket-limits.js';

/**
 * A rule's or a timer's `when`, compiled once: the engine answers "does it apply to this ticket" with set lookups
 * (`src/engine/when.ts`), and lint, the diagram, XState and the moves table read this same shape.
 *
 * - `priority`, `group`, `channel`: the values that match (`null` in the set: a ticket without one), or `null` when
 *   the `when` says nothing about that attribute.
 * - `tagsAny`: the ticket must carry one of these (empty: no such condition; an empty `any` list in a policy is
 *   refused); `tagsAll`: every one of these; `tagsNone`: not one of these. Each list sorted, without duplicates.
 *
 * A `when` that constrains nothing compiles to `null` on the rule, never to an object that always matches.
 * Part of the compiled form: engine-internal, not exported by the package.
 */
export interface CompiledWhen {
  readonly priority: ReadonlySet<string | null> | null;
  readonly group: ReadonlySet<string | null> | null;
  readonly channel: ReadonlySet<string | null> | null;
  readonly tagsAny: readonly string[];
  readonly tagsAll: readonly string[];
  readonly tagsNone: readonly string[];
}

/**
 * A timer's `set`, checked: only the attributes it names, each with its new value. Part of the compiled form.
 */
export interface CompiledSet {
  readonly assignee?: string | null;
  readonly group?: string | null;
  readonly priority?: string | null;
}

const WHEN_FIELDS = ['priority', 'group', 'channel', 'tags'] as const;
const TAG_FIELDS = ['any', 'all', 'none'] as const;

/**
 * Reads the `when` of the rule or timer `obj` at `path`: `null` when absent or constraining nothing. Priorities must
 * be declared in `priorities`, groups in `groups` when the policy declares them; a list that names nothing is
 * reported (it could never match).
 */
export function compileWhen(reader: Reader, obj: Readonly<Record<string, unknown>>, path: string): CompiledWhen | null {
  const raw = own(obj, 'when');
  if (raw === undefined) return null;
  const whenPath = join(path, 'when');
  const when = reader.object(raw, whenPath, WHEN_FIELDS);
  if (when === null) return null;
  const priority = values(reader, when, 'priority', whenPath, (value, at) => {
    if (reader.priorityRank.has(value)) return true;
    reader.report(at, 'unknownPriority', `unknown priority ${JSON.stringify(value)}: declare it in "priorities"`);
    return false;
  });
  const group = values(reader, when, 'group', whenPath, (value, at) => {
    if (reader.groups === null ? isShortName(value, TICKET_LIMITS.maxGroupLength) : reader.groups.has(value))
      return true;
    reader.report(at, 'unknownGroup', `unknown group ${JSON.stringify(value)}: declare it in "groups"`);
    return false;
  });
  const channel = values(reader, when, 'channel', whenPath, (value, at) => {
    if (isShortName(value, 64)) return true;
    reader.report(at, 'invalidType', 'a channel is a string of 1 to 64 characters, or null');
    return false;
  });
  let tagsAny: readonly string[] = [];
  let tagsAll: readonly string[] = [];
  let tagsNone: readonly string[] = [];
  const rawTags = own(when, 'tags');
  if (rawTags !== undefined) {
    const tagsPath = join(whenPath, 'tags');
    const tags = reader.object(rawTags, tagsPath, TAG_FIELDS);
    if (tags !== null) {
      tagsAny = tagList(reader, tags, 'any', tagsPath);
      tagsAll = tagList(reader, tags, 'all', tagsPath);
      tagsNone = tagList(reader, tags, 'none', tagsPath);
    }
  }
  if (
    priority === null &&
    group === null &&
    channel === null &&
    tagsAny.length === 0 &&
    tagsAll.length + tagsNone.length === 0
  )
    return null;
  return { priority, group, channel, tagsAny, tagsAll, tagsNone };
}

/** The values of one attribute (`null` allowed), each checked by `valid`; `null` when the key is absent. */
function values(
  reader: Reader,
  obj: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  valid: (value: string, at: string) => boolean,
): ReadonlySet<string | null> | null {
  const raw = own(obj, key);
  if (raw === undefined) return null;
  const set = new Set<string | null>();
  const list = reader.oneOrMany(raw, join(path, key));
  list.forEach((value, i) => {
    const at = join(path, Array.isArray(raw) ? `${key}[${i}]` : key);
    if (value === null) set.add(null);
    else if (typeof value !== 'string') reader.report(at, 'invalidType', 'must be a string or null');
    else if (valid(value, at)) set.add(value);
  });
  if (Array.isArray(raw) && raw.length === 0)
    reader.report(join(path, key), 'emptySelector', 'names nothing: it could never match');
  return new FrozenSet(set);
}

/** One list of tags, sorted and without duplicates. */
function tagList(reader: Reader, obj: Readonly<Record<string, unknown>>, key: string, path: string): readonly string[] {
  const raw = own(obj, key);
  const tags = new Set<string>();
  reader.oneOrMany(raw, join(path, key)).forEach((tag, i) => {
    if (isShortName(tag, TICKET_LIMITS.maxTagLength)) tags.add(tag);
    else
      reader.report(
        join(path, Array.isArray(raw) ? `${key}[${i}]` : key),
        'invalidTag',
        `a tag is a string of 1 to ${TICKET_LIMITS.maxTagLength} characters (TICKET_LIMITS.maxTagLength)`,
      );
  });
  if (key === 'any' && Array.isArray(raw) && raw.length === 0)
    reader.report(join(path, key), 'emptySelector', 'names no tag: it could never match');
  return [...tags].sort();
}

/**
 * Reads `priorities` (ordered, lowest first) into `reader.priorityRank`, and `groups` into `reader.groups`, before
 * any rule is read: every `when`, `set` and event is checked against them.
 */
export function readAttributes(reader: Reader, priorities: unknown, groups: unknown): void {
  reader.array(priorities, 'priorities', POLICY_LIMITS.maxPriorities, 'maxPriorities').forEach((raw, i) => {
    const path = join('priorities', i);
    const id = reader.id(raw, path, 'priority');
    if (id === null) return;
    if (reader.priorityRank.has(id)) reader.report(path, 'duplicateId', `priority "${id}" is declared twice`);
    else reader.priorityRank.set(id, i);
  });
  if (groups === undefined) return;
  const declared = new Set<string>();
  reader.array(groups, 'groups', POLICY_LIMITS.maxGroups, 'maxGroups').forEach((raw, i) => {
    const path = join('groups', i);
    const id = reader.id(raw, path, 'group');
    if (id === null) return;
    if (declared.has(id)) reader.report(path, 'duplicateId', `group "${id}" is declared twice`);
    declared.add(id);
  });
  reader.groups = new FrozenSet(declared);
}

/** Reads a timer's `set`: `null` when absent. An empty `set` is reported (it would do nothing). */
export function compileSet(reader: Reader, obj: Readonly<Record<string, unknown>>, path: string): CompiledSet | null {
  const raw = own(obj, 'set');
  if (raw === undefined) return null;
  const setPath = join(path, 'set');
  const set = reader.object(raw, setPath, ['assignee', 'group', 'priority']);
  if (set === null) return null;
  const out: { assignee?: string | null; group?: string | null; priority?: string | null } = {};
  const assignee = own(set, 'assignee');
  if (assignee === null || (typeof assignee === 'string' && assignee !== '')) out.assignee = assignee;
  else if (assignee !== undefined)
    reader.report(join(setPath, 'assignee'), 'invalidType', 'must be a non-empty string or null');
  const group = own(set, 'group');
  if (
    group === null ||
    (typeof group === 'string' && (reader.groups?.has(group) ?? isShortName(group, TICKET_LIMITS.maxGroupLength)))
  )
    out.group = group;
  else if (group !== undefined)
    reader.report(
      join(setPath, 'group'),
      'unknownGroup',
      `unknown group ${JSON.stringify(group)}: declare it in "groups"`,
    );
  const priority = own(set, 'priority');
  if (priority === null || (typeof priority === 'string' && reader.priorityRank.has(priority))) out.priority = priority;
  else if (priority !== undefined)
    reader.report(
      join(setPath, 'priority'),
      'unknownPriority',
      `unknown priority ${JSON.stringify(priority)}: declare it in "priorities"`,
    );
  if (Object.keys(set).length === 0) reader.report(setPath, 'emptySelector', 'sets nothing');
  return out;
}

/**
 * Whether some tag list meets tag conditions: no required tag (`all`) is excluded (`none`), and every `any` list
 * keeps a tag `none` leaves. The one definition of contradictory tags, for the moves table and lint alike.
 */
export function tagsMeet(
  all: readonly string[],
  none: ReadonlySet<string>,
  anys: readonly (readonly string[])[],
): boolean {
  return !all.some((t) => none.has(t)) && anys.every((any) => any.length === 0 || any.some((t) => !none.has(t)));
}

/** Whether attribute lists leave some value all accept (`null`: any value). */
function listsMeet(lists: readonly (ReadonlySet<string | null> | null)[]): boolean {
  const given = lists.filter((l): l is ReadonlySet<string | null> => l !== null);
  if (given.length === 0) return true;
  for (const value of given[0]!) if (given.every((l) => l.has(value))) return true;
  return false;
}

/**
 * Whether some ticket matches every `when` of a list: a move that also passes other actions' rules (a `setStatus`
 * into closed is also a close) exists only where their `when`s meet. Exact for conjunctions: each field must keep
 * a value all accept, and the tags must meet ({@link tagsMeet}).
 */
export function whensMeet(whens: readonly (CompiledWhen | null)[]): boolean {
  const given = whens.filter((w): w is CompiledWhen => w !== null);
  for (const field of ['priority', 'group', 'channel'] as const)
    if (!listsMeet(given.map((w) => w[field]))) return false;
  return tagsMeet(
    given.flatMap((w) => w.tagsAll),
    new Set(given.flatMap((w) => w.tagsNone)),
    given.map((w) => w.tagsAny),
  );
}

/**
 * Whether some ticket can match a compiled `when` (`null` matches every ticket). The moves table leaves out rules
 * that can never apply; lint's `whenNeverMatches` reports them.
 */
export function whenCanMatch(when: CompiledWhen | null): boolean {
  return whensMeet([when]);
}
