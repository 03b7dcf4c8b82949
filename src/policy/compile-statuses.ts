import { CATEGORIES, DONE, type Category } from './category.js';
import { POLICY_LIMITS } from './limits.js';
import { join, own, type Reader } from './reader.js';
import type { StatusInfo } from './workflow.js';

/** What the status table yields for the rest of the compiler. */
export interface StatusTable {
  readonly infos: StatusInfo[];
  readonly defaults: Partial<Record<Category, string>>;
  /** Configured `reopenTo` per status; resolved against defaults later. */
  readonly reopenTo: ReadonlyMap<string, string>;
  readonly requireUntil: ReadonlySet<string>;
}

const STATUS_FIELDS = ['id', 'category', 'default', 'labels', 'slaPaused', 'reopenTo', 'requireUntil'] as const;

/** Reads `statuses`: ids, categories, labels, and exactly one default per category in use. */
export function compileStatuses(reader: Reader, value: unknown): StatusTable {
  // Counted here rather than by `array`, to keep the code `tooManyStatuses` it always had.
  const list = reader.array(value, 'statuses', Number.POSITIVE_INFINITY, 'maxStatuses');
  if (value === undefined) reader.report('statuses', 'missingField', 'a policy needs statuses');
  else if (list.length === 0 && Array.isArray(value))
    reader.report('statuses', 'noStatuses', 'a policy needs at least one status');
  if (list.length > POLICY_LIMITS.maxStatuses) {
    reader.report(
      'statuses',
      'tooManyStatuses',
      `${list.length} statuses; at most ${POLICY_LIMITS.maxStatuses} are allowed`,
    );
    return { infos: [], defaults: {}, reopenTo: new Map(), requireUntil: new Set() };
  }

  const infos: StatusInfo[] = [];
  const marked = new Map<Category, string[]>();
  const reopenRaw: [string, unknown, string][] = [];
  const requireUntil = new Set<string>();

  list.forEach((raw, i) => {
    const path = join('statuses', i);
    const obj = reader.object(raw, path, STATUS_FIELDS);
    if (obj === null) return;
    const id = reader.id(own(obj, 'id'), join(path, 'id'), 'status');
    const category = reader.category(own(obj, 'category'), join(path, 'category'));
    const isDefault = reader.boolean(obj, 'default', path);
    const slaPaused = reader.boolean(obj, 'slaPaused', path);
    if (reader.boolean(obj, 'requireUntil', path) && id !== null) requireUntil.add(id);
    const labels = readLabels(reader, own(obj, 'labels'), join(path, 'labels'));
    if (id === null || category === null) return;
    if (reader.categoryOf.has(id)) {
      reader.report(join(path, 'id'), 'duplicateId', `status "${id}" is defined twice`);
      return;
    }
    reader.categoryOf.set(id, category);
    if (own(obj, 'reopenTo') !== undefined) reopenRaw.push([id, own(obj, 'reopenTo'), join(path, 'reopenTo')]);
    if (isDefault) {
      const list = marked.get(category);
      if (list === undefined) marked.set(category, [id]);
      else list.push(id);
    }
    infos.push({
      id,
      category,
      isDefault: false,
      labels: { agent: labels.agent ?? id, customer: labels.customer ?? labels.agent ?? id },
      slaPaused,
    });
  });

  const defaults = chooseDefaults(reader, infos, marked);
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    if (defaults[info.category] === info.id) infos[i] = { ...info, isDefault: true };
  }

  const reopenTo = new Map<string, string>();
  for (const [id, raw, path] of reopenRaw) {
    const target = reader.status(raw, path);
    if (target === null) continue;
    if (DONE.has(reader.categoryOf.get(target)!)) {
      reader.report(
        path,
        'invalidReopenTarget',
        `a reopen cannot land in "${target}", which is ${reader.categoryOf.get(target)}`,
      );
    } else {
      reopenTo.set(id, target);
    }
  }
  return { infos, defaults, reopenTo, requireUntil };
}

function readLabels(reader: Reader, value: unknown, path: string): { agent?: string; customer?: string } {
  if (value === undefined) return {};
  const obj = reader.object(value, path, ['agent', 'customer']);
  if (obj === null) return {};
  const agent = reader.string(obj, 'agent', path);
  const customer = reader.string(obj, 'customer', path);
  return { ...(agent !== null && { agent }), ...(customer !== null && { customer }) };
}

/** A category's only status is its default; a category with several needs exactly one marked `default: true`. */
function chooseDefaults(
  reader: Reader,
  infos: readonly StatusInfo[],
  marked: ReadonlyMap<Category, string[]>,
): Partial<Record<Category, string>> {
  const defaults: Partial<Record<Category, string>> = {};
  for (const category of CATEGORIES) {
    const members = infos.filter((s) => s.category === category);
    if (members.length === 0) continue;
    const chosen = marked.get(category) ?? [];
    if (chosen.length > 1) {
      reader.report(
        'statuses',
        'multipleDefaults',
        `category ${category} has ${chosen.length} defaults (${chosen.join(', ')}); mark exactly one`,
      );
    } else if (chosen.length === 1) {
      defaults[category] = chosen[0]!;
    } else if (members.length === 1) {
      defaults[category] = members[0]!.id;
    } else {
      reader.report(
        'statuses',
        'missingDefault',
        `category ${category} has ${members.length} statuses (${members.map((s) => s.id).join(', ')}); mark one "default: true"`,
      );
    }
  }
  return defaults;
}
