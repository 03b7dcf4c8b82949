import type { CompiledWhen } from './compile-when.js';
import { tagsMeet } from './compile-when.js';
import type { CompiledReply } from './workflow.js';

/** What a search knows of the tickets it looks for: per attribute the values allowed and excluded, and the tags. */
interface Partial {
  readonly fields: readonly {
    readonly allowed: ReadonlySet<string | null> | null;
    readonly excluded: Set<string | null>;
  }[];
  readonly all: Set<string>;
  readonly none: Set<string>;
  readonly anys: (readonly string[])[];
}

const FIELDS = ['priority', 'group', 'channel'] as const;

/**
 * The values an attribute can take when nothing constrains it: the declared priorities (and none), the declared
 * groups (and none), or `null` for an open-ended one (any short name: always one more value than a policy lists).
 */
export type AttributeDomains = readonly [
  priority: ReadonlySet<string | null> | null,
  group: ReadonlySet<string | null> | null,
  channel: null,
];

/**
 * Bounds the search over a whole table (the first-match question is a satisfiability one, exponential in the
 * worst case): once spent, the candidates not yet decided count as reachable, so the table may over-approximate on
 * policies built to defeat it (far beyond any real helpdesk's), never miss a move.
 */
export const REPLY_SEARCH_BUDGET = 100_000;

/** The steps left of {@link REPLY_SEARCH_BUDGET}, shared by every chain of one table. */
export interface SearchBudget {
  left: number;
}

/**
 * Which candidates of a reply chain (a status and actor's first-match list, `CompiledReply.next`) some ticket
 * reaches: one that matches the candidate's `when` and none of the earlier ones' (those would take it first).
 * A depth-first search picks, for each earlier `when` that could still match, one way of not matching it (a value
 * outside one of its lists, or a tag condition broken); earlier `when`s the choices so far already rule out cost
 * nothing, so chains of unrelated or disjoint `when`s are decided in one pass.
 */
export function reachableReplies(
  first: CompiledReply,
  domains: AttributeDomains,
  budget: SearchBudget,
): Set<CompiledReply> {
  const chain: CompiledReply[] = [];
  for (let reply: CompiledReply | null = first; reply !== null; reply = reply.next) chain.push(reply);
  const out = new Set<CompiledReply>();
  const search = (state: Partial, earlier: number, last: number): boolean => {
    if (earlier === last) return true;
    // Each step copies the state: charged by its size, so the budget bounds the time, not only the steps.
    budget.left -= 1 + state.all.size + state.none.size + state.anys.length + excludedCount(state);
    if (budget.left < 0) return true;
    const when = chain[earlier]!.when;
    // A `when`-less candidate before the last never happens: the chain ends at the first one.
    if (when === null) return false;
    if (!meets(state, when, domains)) return search(state, earlier + 1, last);
    for (const next of breaking(state, when))
      if (feasible(next, domains) && search(next, earlier + 1, last)) return true;
    return false;
  };
  chain.forEach((reply, c) => {
    const start = withWhen(empty(), reply.when);
    if (feasible(start, domains) && search(start, 0, c)) out.add(reply);
  });
  return out;
}

const excludedCount = (state: Partial): number => state.fields.reduce((n, f) => n + f.excluded.size, 0);

function empty(): Partial {
  return {
    fields: FIELDS.map(() => ({ allowed: null, excluded: new Set<string | null>() })),
    all: new Set(),
    none: new Set(),
    anys: [],
  };
}

function copy(state: Partial): Partial {
  return {
    fields: state.fields.map((f) => ({ allowed: f.allowed, excluded: new Set(f.excluded) })),
    all: new Set(state.all),
    none: new Set(state.none),
    anys: [...state.anys],
  };
}

/** `state` narrowed to the tickets that also match `when`. */
function withWhen(state: Partial, when: CompiledWhen | null): Partial {
  if (when === null) return state;
  const next = copy(state);
  FIELDS.forEach((field, i) => {
    const list = when[field];
    const f = next.fields[i]!;
    if (list !== null)
      (next.fields as { allowed: ReadonlySet<string | null> | null; excluded: Set<string | null> }[])[i] = {
        allowed: f.allowed === null ? list : new Set([...f.allowed].filter((v) => list.has(v))),
        excluded: f.excluded,
      };
  });
  for (const t of when.tagsAll) next.all.add(t);
  for (const t of when.tagsNone) next.none.add(t);
  if (when.tagsAny.length > 0) next.anys.push(when.tagsAny);
  return next;
}

/** Whether some value is left for each attribute, and the tag conditions meet. */
function feasible(state: Partial, domains: AttributeDomains): boolean {
  for (let i = 0; i < FIELDS.length; i++) {
    const { allowed, excluded } = state.fields[i]!;
    const values = allowed ?? domains[i] ?? null;
    if (values === null) continue; // open-ended: a fresh value escapes any finite exclusion
    let left = false;
    for (const v of values)
      if (!excluded.has(v)) {
        left = true;
        break;
      }
    if (!left) return false;
  }
  return tagsMeet([...state.all], state.none, state.anys);
}

/** Whether some ticket of `state` matches `when` too. */
function meets(state: Partial, when: CompiledWhen, domains: AttributeDomains): boolean {
  return feasible(withWhen(state, when), domains);
}

/** Each way of not matching `when`, as a narrowed copy of `state`. */
function* breaking(state: Partial, when: CompiledWhen): Generator<Partial> {
  for (let i = 0; i < FIELDS.length; i++) {
    const list = when[FIELDS[i]!];
    if (list === null) continue;
    const next = copy(state);
    for (const v of list) next.fields[i]!.excluded.add(v);
    yield next;
  }
  if (when.tagsAny.length > 0) {
    const next = copy(state);
    for (const t of when.tagsAny) next.none.add(t);
    yield next;
  }
  for (const t of when.tagsAll) {
    const next = copy(state);
    next.none.add(t);
    yield next;
  }
  for (const t of when.tagsNone) {
    const next = copy(state);
    next.all.add(t);
    yield next;
  }
}
