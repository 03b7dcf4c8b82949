import { parseDuration, type Workflow, type WorkflowIssue } from 'ticket-lifecycle';
import { applicableIntents } from '../intents/index.js';
import { checkStep, intentStep, type Intent } from '../intent.js';
import { readOptions } from '../options.js';
import { EXPLORE_EVENT_TYPES } from './alphabet.js';
import { endStatuses, settle } from './liveness.js';
import { EXPLORE_DEFAULTS, EXPLORE_OPTION_CHECKS, type ExploreOptions } from './options.js';
import { explorePath, type ExplorePath } from './path.js';
import { policyTimes } from './policy-times.js';
import { search, type SearchOutcome, type StepCheck } from './search.js';
import { stateKey } from './state-key.js';

/**
 * The shortest event sequence that breaks a promise: the intent, its message, and the path (each step with its
 * time offset, the timers fired inside it, its effects).
 *
 * @example
 * ```ts
 * import type { ExploreCounterexample } from 'ticket-lifecycle/testing';
 * const report = (c: ExploreCounterexample): string => [`${c.intent}: ${c.message}`, ...c.lines].join('\n');
 * ```
 */
export interface ExploreCounterexample<S extends string = string> extends ExplorePath<S> {
  readonly intent: string;
  readonly message: string;
}

/**
 * A status where tickets get stuck, with the shortest path that gets a ticket there.
 *
 * @example
 * ```ts
 * import type { StuckStatus } from 'ticket-lifecycle/testing';
 * const say = (s: StuckStatus): string => `"${s.status}" after ${s.steps.length} events`;
 * ```
 */
export interface StuckStatus<S extends string = string> extends ExplorePath<S> {
  readonly status: S;
}

/**
 * Reachability and liveness, answered exactly over the alphabet: a state is judged only when every state it can
 * lead to was explored, so `deadEnds` and `cannotClose` are proofs, never guesses; `unreachable` is exact when
 * `complete` (the whole state space was explored), else "not reached within the depth".
 *
 * @example
 * ```ts
 * import type { ExploreModel } from 'ticket-lifecycle/testing';
 * const healthy = (m: ExploreModel): boolean => m.deadEnds.length === 0 && m.everyTicketCanClose !== false;
 * ```
 */
export interface ExploreModel<S extends string = string> {
  /** Every reachable state was expanded: the answers hold for event sequences of any length. */
  readonly complete: boolean;
  readonly reached: readonly S[];
  /**
   * Statuses no explored sequence reaches: exact when `complete`, else "not within the depth"; after a violation
   * the search stopped early, so only "not before the counterexample".
   */
  readonly unreachable: readonly S[];
  /** Reachable states, outside end statuses, from which no sequence of events ever changes the status. */
  readonly deadEnds: readonly StuckStatus<S>[];
  /** Reachable states from which no sequence of events reaches a closed status (solved, with no closed one). */
  readonly cannotClose: readonly StuckStatus<S>[];
  /** `true` proven (complete, nothing stuck), `false` proven (see `cannotClose`), `null` not known at this depth. */
  readonly everyTicketCanClose: boolean | null;
}

/**
 * How much was explored. `depth`: every sequence of at most this many events was checked.
 *
 * @example
 * ```ts
 * import type { ExploreStats } from 'ticket-lifecycle/testing';
 * const line = (s: ExploreStats): string => `${s.states} states, ${s.transitions} transitions in ${s.elapsedMs} ms`;
 * ```
 */
export interface ExploreStats {
  readonly depth: number;
  readonly states: number;
  readonly transitions: number;
  readonly elapsedMs: number;
}

interface Explored<S extends string> {
  /** Nothing broke, nothing is stuck, and the search ran to its depth. */
  readonly ok: boolean;
  readonly stats: ExploreStats;
  readonly model: ExploreModel<S>;
  /** One sentence: what held, or what broke. */
  readonly summary: string;
}

/**
 * What `exploreWorkflow` found: `holds` (every sequence up to the depth keeps every promise), `violated` (with
 * the shortest counterexample), `incomplete` (a budget ran out first: `reason`, and the depth that was fully
 * checked), or `invalid` (the options were wrong; nothing ran).
 *
 * @example
 * ```ts
 * import type { ExploreResult } from 'ticket-lifecycle/testing';
 * const text = (r: ExploreResult): string =>
 *   r.outcome === 'invalid' ? r.issues.map((i) => i.message).join('\n') : r.summary;
 * ```
 */
export type ExploreResult<S extends string = string> =
  | (Explored<S> & { readonly outcome: 'holds' })
  | (Explored<S> & { readonly outcome: 'violated'; readonly counterexample: ExploreCounterexample<S> })
  | (Explored<S> & { readonly outcome: 'incomplete'; readonly reason: 'maxStates' | 'timeLimit' })
  | { readonly outcome: 'invalid'; readonly ok: false; readonly issues: readonly WorkflowIssue[] };

/**
 * Walks every event sequence up to `depth` over an abstract alphabet (each kind of event by each actor, at each
 * moment that tells something: now, just before / at / just after each deadline ahead, at the end of a reopen
 * window, much later), merges tickets that have the same future (times relative to now; see docs/testing.md for
 * the abstraction and why it is sound), and checks every intent on every step, breadth first. It returns
 * `holds` with the number of states and transitions, or `violated` with the **shortest** counterexample, and in
 * both the reachability and liveness answers (`model`: unreachable statuses, dead ends, statuses that cannot
 * close). Bounded: `maxStates` and `timeLimitMs` stop it with `incomplete`, never a hang. Never throws; wrong
 * options come back as `invalid` with their issues. Uses only the public surface of the core.
 *
 * @example
 * ```ts
 * import { zendesk } from 'ticket-lifecycle/presets';
 * import { exploreWorkflow } from 'ticket-lifecycle/testing';
 * const result = exploreWorkflow(zendesk(), { depth: 3 });
 * if (result.outcome === 'violated') console.log(result.counterexample.lines.join('\n'));
 * else if (result.outcome !== 'invalid') console.log(result.summary); // all sequences up to depth 3 hold: …
 * ```
 */
export function exploreWorkflow<S extends string>(
  workflow: Workflow<S>,
  options: ExploreWorkflowOptions = {},
): ExploreResult<S> {
  const wf = workflow as unknown as Workflow;
  let intents: readonly Intent[];
  try {
    const given = (options as { intents?: unknown } | null)?.intents;
    if (given !== undefined && !isIntentList(given))
      return invalid('intents', 'must be a list of intents (objects with a name and a check function)');
    intents = given ?? applicableIntents(wf);
  } catch (error) {
    return invalid('options', `could not be read: ${error instanceof Error ? error.message : typeof error}`);
  }
  const rest =
    typeof options === 'object' && options !== null && !Array.isArray(options)
      ? Object.fromEntries(Object.entries(options).filter(([key]) => key !== 'intents'))
      : options;
  const check: StepCheck = (before, event, result) => checkStep(intents, intentStep(wf, before, event, result));
  return runExploration(wf, rest, check) as unknown as ExploreResult<S>;
}

/**
 * Options of {@link exploreWorkflow}: the exploration's options and the intents checked on every step (default:
 * `applicableIntents(workflow)`, the catalogue's intents that mean something for the policy).
 *
 * @example
 * ```ts
 * import { INTENTS, type ExploreWorkflowOptions } from 'ticket-lifecycle/testing';
 * const options: ExploreWorkflowOptions = {
 *   depth: 5,
 *   intents: [INTENTS.neverAutoFinishWhileCustomerWaits()],
 * };
 * ```
 */
export interface ExploreWorkflowOptions extends ExploreOptions {
  readonly intents?: readonly Intent[];
}

const isIntentList = (value: unknown): value is readonly Intent[] =>
  Array.isArray(value) &&
  value.every(
    (i) =>
      typeof i === 'object' && i !== null && typeof i.name === 'string' && typeof (i as Intent).check === 'function',
  );

function invalid(path: string, message: string): ExploreResult<never> {
  return { outcome: 'invalid', ok: false, issues: [{ path, code: 'invalidOption', message: `${path} ${message}` }] };
}

/** Explores with a step check of the caller's; `exploreWorkflow` passes the intents. */
export function runExploration(workflow: Workflow, options: unknown, check: StepCheck): ExploreResult {
  const began = performance.now();
  if (typeof workflow !== 'object' || workflow === null || !Array.isArray(workflow.statuses))
    return {
      outcome: 'invalid',
      ok: false,
      issues: [{ path: 'workflow', code: 'invalidType', message: 'workflow must be a Workflow from defineWorkflow' }],
    };
  const read = readOptions<ExploreOptions>(options, EXPLORE_OPTION_CHECKS);
  if (!read.ok) return { outcome: 'invalid', ok: false, issues: read.issues };
  const o = read.options;
  const times = policyTimes(workflow);
  const horizon =
    o.horizon === undefined ? Math.max(2 * times.longest, EXPLORE_DEFAULTS.minHorizon) : parseDuration(o.horizon)!;
  const settings = {
    depth: o.depth ?? EXPLORE_DEFAULTS.depth,
    maxStates: o.maxStates ?? EXPLORE_DEFAULTS.maxStates,
    timeLimitMs: o.timeLimitMs ?? EXPLORE_DEFAULTS.timeLimitMs,
    types: o.events ?? EXPLORE_EVENT_TYPES,
    actors: o.actors ?? (['customer', 'agent', 'system'] as const),
    deadlines: o.deadlines ?? EXPLORE_DEFAULTS.deadlines,
    horizon,
    untilAfter: o.until === undefined ? EXPLORE_DEFAULTS.untilAfter : parseDuration(o.until)!,
    start: o.start ?? EXPLORE_DEFAULTS.start,
    times,
    key: stateKey(o.abstraction ?? 'relative', times, horizon),
  };
  const outcome = search(workflow, settings, check);
  const stopped = outcome.explorer.stopped;
  const searched = { states: outcome.explorer.graph.size, transitions: outcome.explorer.transitions };
  const model = buildModel(workflow, outcome, settings.start, settings.depth);
  const stats: ExploreStats = {
    depth: outcome.checkedDepth,
    ...searched,
    elapsedMs: Math.round(performance.now() - began),
  };
  const stuck = model.deadEnds.length > 0 || model.cannotClose.length > 0;
  const counts = `${stats.states.toLocaleString('en')} states, ${stats.transitions.toLocaleString('en')} transitions`;
  const whole = outcome.complete ? ' (the whole state space)' : '';
  const stuckNote = stuck
    ? `; stuck: ${[...model.deadEnds.map((d) => `dead end in "${d.status}"`), ...model.cannotClose.map((d) => `"${d.status}" cannot close`)].join(', ')}`
    : '';
  if (outcome.violation !== null) {
    const v = outcome.violation;
    const path = explorePath(workflow, outcome.explorer.graph, outcome.explorer.starts, settings.start, v.state, v);
    const counterexample = { intent: v.intent, message: v.message, ...path };
    return {
      outcome: 'violated',
      ok: false,
      stats,
      model,
      counterexample,
      summary: `"${v.intent}" breaks after ${path.steps.length} event${path.steps.length === 1 ? '' : 's'}: ${v.message}`,
    };
  }
  if (stopped !== null) {
    return {
      outcome: 'incomplete',
      ok: false,
      reason: stopped,
      stats,
      model,
      summary: `stopped by ${stopped} after ${counts}: all sequences up to depth ${stats.depth} hold${stuckNote}`,
    };
  }
  return {
    outcome: 'holds',
    ok: !stuck,
    stats,
    model,
    summary: `all sequences up to depth ${settings.depth} hold: ${counts}${whole}${stuckNote}`,
  };
}

/**
 * Reachability and liveness from the search's graph, settled further where needed (see `settle`): about every
 * state within the depth, can it still change status, can it still reach an end status.
 */
function buildModel(workflow: Workflow, outcome: SearchOutcome, at: number, depth: number): ExploreModel {
  const { explorer, complete } = outcome;
  const { graph, starts } = explorer;
  const ends = endStatuses(workflow);
  const status = (s: number): string => graph.tickets[s]!.status;
  const within = graph.size;
  const asked = (s: number): boolean => s < within && graph.depth[s]! <= depth && !ends.has(status(s));
  const reached = new Set<string>();
  for (let s = 0; s < within; s++) reached.add(status(s));
  const moves = settle(explorer, asked, (s, x) => status(x) !== status(s));
  const closes = settle(explorer, asked, (_s, x) => ends.has(status(x)));
  const firstPerStatus = (states: readonly number[]): StuckStatus[] => {
    const seen = new Set<string>();
    const found: StuckStatus[] = [];
    for (const s of states) {
      if (ends.has(status(s)) || seen.has(status(s))) continue;
      seen.add(status(s));
      found.push({ status: status(s), ...explorePath(workflow, graph, starts, at, s, null) });
    }
    return found;
  };
  const cannotClose = firstPerStatus(closes.no);
  return {
    complete,
    reached: workflow.statuses.filter((s) => reached.has(s.id)).map((s) => s.id),
    unreachable: workflow.statuses.filter((s) => !reached.has(s.id)).map((s) => s.id),
    deadEnds: firstPerStatus(moves.no),
    cannotClose,
    everyTicketCanClose: cannotClose.length > 0 ? false : closes.decided ? true : null,
  };
}
