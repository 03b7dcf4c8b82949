import { ACTORS, type Actor } from '../model/actor.js';
import { DONE, type Category } from './category.js';
import type { ReplyAction } from './config.js';
import { compileWhen, type CompiledWhen } from './compile-when.js';
import { POLICY_LIMITS } from './limits.js';
import { join, own, type Reader } from './reader.js';
import {
  ACTOR_BIT,
  type CompiledActionRule,
  type CompiledConditions,
  type CompiledReply,
  type CompiledStatusChange,
  type GuardPredicate,
} from './workflow.js';
import { TEAM_ACTORS as TEAM } from './rule-actors.js';

/** Without `statusChanges`, agents and the system may set any status, on no condition. */
const DEFAULT_STATUS_CHANGE: CompiledStatusChange = /* @__PURE__ */ Object.freeze({
  path: null,
  from: null,
  when: null,
  by: TEAM,
  to: null,
  notWhileCustomerWaits: false,
  requireAssignee: false,
  guards: /* @__PURE__ */ Object.freeze([]),
});
const REPLY_ACTIONS: readonly ReplyAction[] = ['move', 'stay', 'reopen', 'followUp', 'reject'];
const OTHERWISE = ['followUp', 'reject', 'stay'] as const;

interface ReplyRuleRead extends Omit<CompiledReply, 'next'> {
  readonly from: ReadonlySet<string> | null;
  readonly by: number;
}

/**
 * Reads `replies` and resolves, for every status and actor, the first rule that matches: the engine then answers
 * "what does this reply do here" with one lookup.
 */
export function compileReplies(
  reader: Reader,
  value: unknown,
  defaults: Partial<Record<Category, string>>,
  reopenTo: ReadonlyMap<string, string>,
): Map<string, Record<Actor, CompiledReply>> {
  const rules: ReplyRuleRead[] = [];
  reader.array(value, 'replies', POLICY_LIMITS.maxRules, 'maxRules').forEach((raw, i) => {
    const path = join('replies', i);
    const obj = reader.object(raw, path, ['from', 'fromCategory', 'by', 'action', 'to', 'within', 'otherwise', 'when']);
    if (obj === null) return;
    const from = reader.selection(obj, 'from', 'fromCategory', path);
    if (own(obj, 'by') === undefined)
      reader.report(join(path, 'by'), 'missingField', 'say whose reply this rule is for');
    const by = reader.actors(obj, 'by', path, 0);
    const to = own(obj, 'to') === undefined ? null : reader.status(own(obj, 'to'), join(path, 'to'));
    const rawAction = own(obj, 'action') ?? (own(obj, 'to') === undefined ? 'stay' : 'move');
    if (!REPLY_ACTIONS.includes(rawAction as ReplyAction)) {
      reader.report(join(path, 'action'), 'unknownAction', `action must be one of ${REPLY_ACTIONS.join(', ')}`);
      return;
    }
    const action = rawAction as ReplyAction;
    if (action === 'move' && own(obj, 'to') === undefined)
      reader.report(join(path, 'to'), 'missingField', 'a move needs "to"');
    if ((action === 'stay' || action === 'followUp' || action === 'reject') && own(obj, 'to') !== undefined) {
      reader.report(join(path, 'to'), 'unexpectedField', `"to" means nothing with action ${action}`);
    }
    if (action === 'reopen' && to !== null && DONE.has(reader.categoryOf.get(to)!)) {
      reader.report(join(path, 'to'), 'invalidReopenTarget', `a reopen cannot land in "${to}"`);
    }
    const within = reader.duration(obj, 'within', path);
    if (own(obj, 'within') !== undefined && action !== 'reopen') {
      reader.report(join(path, 'within'), 'unexpectedField', '"within" only goes with action reopen');
    }
    const rawOtherwise = own(obj, 'otherwise');
    if (rawOtherwise !== undefined && !(OTHERWISE as readonly unknown[]).includes(rawOtherwise)) {
      reader.report(join(path, 'otherwise'), 'unknownAction', `otherwise must be one of ${OTHERWISE.join(', ')}`);
    }
    if (rawOtherwise !== undefined && own(obj, 'within') === undefined) {
      reader.report(join(path, 'otherwise'), 'unexpectedField', '"otherwise" only goes with "within"');
    }
    if (action === 'reopen' && to === null && defaults.open === undefined) {
      for (const id of from ?? reader.categoryOf.keys()) {
        if (reopenTo.get(id) === undefined && defaults.open === undefined) {
          reader.report(
            path,
            'invalidReopenTarget',
            `no reopen target for "${id}": give "to", the status's "reopenTo", or an open status`,
          );
          break;
        }
      }
    }
    const otherwise = (OTHERWISE as readonly unknown[]).includes(rawOtherwise)
      ? (rawOtherwise as (typeof OTHERWISE)[number])
      : 'followUp';
    rules.push({ from, by, action, to, within, otherwise, rule: i, when: compileWhen(reader, obj, path) });
  });

  const winners = firstMatches(
    reader,
    rules,
    ACTORS.map((actor) => ACTOR_BIT[actor]),
  );
  const table = new Map<string, Record<Actor, CompiledReply>>();
  for (const [id, category] of reader.categoryOf) {
    const byActor = {} as Record<Actor, CompiledReply>;
    ACTORS.forEach((actor, a) => {
      // Built from the last candidate back, so each rule with a `when` links to the one tried after it.
      const candidates = winners.get(id)![a]!;
      let reply = candidates.at(-1)?.when === null ? null : fallbackReply(actor, category, defaults);
      for (let c = candidates.length - 1; c >= 0; c--) {
        const match = candidates[c]!;
        reply = {
          action: match.action,
          to: match.action === 'reopen' ? (match.to ?? reopenTo.get(id) ?? defaults.open ?? null) : match.to,
          within: match.within,
          otherwise: match.otherwise,
          rule: match.rule,
          when: match.when,
          next: reply,
        };
      }
      byActor[actor] = reply!;
    });
    table.set(id, byActor);
  }
  return table;
}

/**
 * For every status and every slot (an actor bit, or one slot matching every rule), the rules in order whose `from`
 * selects the status and whose `by` has the slot's bit, up to and including the first one without a `when` (which
 * always matches, so no later rule is ever tried): the candidates the engine tries in order. Each rule visits only
 * the statuses it selects, and a rule whose slots are all closed everywhere is skipped, so the work is the sum of
 * the selections, not statuses × rules × rules.
 */
function firstMatches<
  R extends { readonly from: ReadonlySet<string> | null; readonly by: number; readonly when: CompiledWhen | null },
>(reader: Reader, rules: readonly R[], slots: readonly number[]): Map<string, R[][]> {
  const winners = new Map<string, R[][]>();
  const closed = new Map<string, boolean[]>();
  for (const id of reader.categoryOf.keys()) {
    winners.set(
      id,
      slots.map(() => []),
    );
    closed.set(
      id,
      slots.map(() => false),
    );
  }
  const open = slots.map(() => reader.categoryOf.size);
  for (const rule of rules) {
    if (!slots.some((bit, s) => (rule.by & bit) !== 0 && open[s]! > 0)) continue;
    for (const id of rule.from ?? reader.categoryOf.keys()) {
      const row = winners.get(id)!;
      const done = closed.get(id)!;
      for (let s = 0; s < slots.length; s++) {
        if ((rule.by & slots[s]!) === 0 || done[s]) continue;
        row[s]!.push(rule);
        if (rule.when !== null) continue;
        done[s] = true;
        open[s]!--;
      }
    }
  }
  return winners;
}

/** No rule: the reply stays, except that a customer always wakes a snoozed ticket (a snooze never swallows them). */
function fallbackReply(actor: Actor, category: Category, defaults: Partial<Record<Category, string>>): CompiledReply {
  const wakeTo = defaults.open ?? defaults.new;
  if (actor === 'customer' && category === 'snoozed' && wakeTo !== undefined) {
    return { action: 'move', to: wakeTo, within: null, otherwise: 'followUp', rule: -1, when: null, next: null };
  }
  return { action: 'stay', to: null, within: null, otherwise: 'followUp', rule: -1, when: null, next: null };
}

/** Reads `assignments`: the first rule matching each status gives where assigning moves it. */
export function compileAssignments(reader: Reader, value: unknown): Map<string, string> {
  const rules: { from: ReadonlySet<string> | null; by: number; to: string | null; when: null }[] = [];
  reader.array(value, 'assignments', POLICY_LIMITS.maxRules, 'maxRules').forEach((raw, i) => {
    const path = join('assignments', i);
    const obj = reader.object(raw, path, ['from', 'fromCategory', 'to']);
    if (obj === null) return;
    const from = reader.selection(obj, 'from', 'fromCategory', path);
    if (own(obj, 'to') === undefined) reader.report(join(path, 'to'), 'missingField', 'an assignment rule needs "to"');
    rules.push({
      from,
      when: null,
      by: 1,
      to: own(obj, 'to') === undefined ? null : reader.status(own(obj, 'to'), join(path, 'to')),
    });
  });
  const table = new Map<string, string>();
  for (const [id, [[match] = []]] of firstMatches(reader, rules, [1])) {
    if (match?.to != null && match.to !== id) table.set(id, match.to);
  }
  return table;
}

const CONDITION_FIELDS = ['notWhileCustomerWaits', 'requireAssignee', 'guards', 'when'] as const;

/** Reads `RuleConditions`; guard names must have an implementation. */
function readConditions(
  reader: Reader,
  obj: Readonly<Record<string, unknown>>,
  path: string,
  guards: Readonly<Record<string, GuardPredicate>>,
): CompiledConditions {
  const named: (readonly [string, GuardPredicate])[] = [];
  const rawGuards = own(obj, 'guards');
  reader.oneOrMany(rawGuards, join(path, 'guards')).forEach((name, g) => {
    const gPath = join(path, Array.isArray(rawGuards) ? `guards[${g}]` : 'guards');
    const fn = typeof name === 'string' && Object.hasOwn(guards, name) ? guards[name] : undefined;
    // A wrapper of our own: the compiled form is deep-frozen, and freezing the caller's function would change it.
    if (typeof fn === 'function') named.push([name as string, (ticket, event) => fn(ticket, event)]);
    else
      reader.report(
        gPath,
        'unknownGuard',
        `no guard implementation named ${JSON.stringify(name)} was passed to defineWorkflow`,
      );
  });
  return {
    path,
    notWhileCustomerWaits: reader.boolean(obj, 'notWhileCustomerWaits', path),
    requireAssignee: reader.boolean(obj, 'requireAssignee', path),
    guards: named,
  };
}

/** Reads `statusChanges`; absent, the built-in rule: agents and the system may set any status. */
export function compileStatusChanges(
  reader: Reader,
  value: unknown,
  guards: Readonly<Record<string, GuardPredicate>>,
): CompiledStatusChange[] {
  if (value === undefined) return [DEFAULT_STATUS_CHANGE];
  return reader
    .array(value, 'statusChanges', POLICY_LIMITS.maxPermissionRules, 'maxPermissionRules')
    .flatMap((raw, i) => {
      const path = join('statusChanges', i);
      const obj = reader.object(raw, path, ['from', 'fromCategory', 'by', 'to', 'toCategory', ...CONDITION_FIELDS]);
      if (obj === null) return [];
      return [
        {
          from: reader.selection(obj, 'from', 'fromCategory', path),
          when: compileWhen(reader, obj, path),
          by: reader.actors(obj, 'by', path, TEAM),
          to: reader.selection(obj, 'to', 'toCategory', path),
          ...readConditions(reader, obj, path, guards),
        },
      ];
    });
}

/**
 * Reads one of `resolve`, `close`, `snooze`, `reopen`, `assign`, `merge`. Absent: agents and the system, from
 * `defaultFrom`. A rule that names no status never applies to `unlocked`'s complement (closed statuses): closed
 * is locked, so a `resolve: { by: 'agent' }` never un-closes a ticket.
 */
export function compileActionRules(
  reader: Reader,
  key: string,
  value: unknown,
  defaultFrom: ReadonlySet<string>,
  unlocked: ReadonlySet<string>,
  guards: Readonly<Record<string, GuardPredicate>>,
): CompiledActionRule[] {
  if (value === undefined) {
    return [
      {
        path: null,
        from: defaultFrom,
        when: null,
        by: TEAM,
        notWhileCustomerWaits: false,
        requireAssignee: false,
        guards: [],
        forceBy: 0,
        keepAssignee: false,
        assignSolver: false,
      },
    ];
  }
  const list = reader.oneOrMany(value, key, POLICY_LIMITS.maxPermissionRules, 'maxPermissionRules');
  return list.flatMap((raw, i) => {
    const path = Array.isArray(value) ? join(key, i) : key;
    const fields = ['from', 'fromCategory', 'by', 'forceBy', 'keepAssignee', 'assignSolver', ...CONDITION_FIELDS];
    const obj = reader.object(raw, path, fields);
    if (obj === null) return [];
    if (own(obj, 'keepAssignee') !== undefined && key !== 'assign') {
      reader.report(join(path, 'keepAssignee'), 'unexpectedField', '"keepAssignee" only goes with assign rules');
    }
    if (own(obj, 'assignSolver') !== undefined && key !== 'resolve') {
      reader.report(join(path, 'assignSolver'), 'unexpectedField', '"assignSolver" only goes with resolve rules');
    }
    return [
      {
        from: reader.selection(obj, 'from', 'fromCategory', path) ?? unlocked,
        when: compileWhen(reader, obj, path),
        by: reader.actors(obj, 'by', path, TEAM | ACTOR_BIT.customer),
        ...readConditions(reader, obj, path, guards),
        forceBy: reader.actors(obj, 'forceBy', path, 0),
        keepAssignee: reader.boolean(obj, 'keepAssignee', path),
        assignSolver: reader.boolean(obj, 'assignSolver', path),
      },
    ];
  });
}
