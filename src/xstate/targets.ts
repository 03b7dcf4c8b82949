import { EVENT_TYPES, movesOf, type Move, type MoveWhen, type TicketEvent, type Workflow } from 'ticket-lifecycle';

/** The event types a status node listens to: exactly the pure engine's. */
export type TicketEventType = TicketEvent['type'];

/**
 * For one status and one event type, the statuses other than itself that the pure `transition` could leave the
 * ticket in: `byRule` the event's own rule can reach, `byTimer` (on `tick` only) the status's own timers can.
 */
export interface Targets {
  readonly byRule: readonly string[];
  readonly byTimer: readonly string[];
  /**
   * Targets of `byRule` that only rules with a `when` lead to, with those `when`s (any one may match): shown in
   * the transition's guard params, so an inspector says which tickets can take it.
   */
  readonly when?: ReadonlyMap<string, readonly MoveWhen[]>;
}

/**
 * Where the transitions of a ticket machine go, read from the workflow's moves table (`movesOf`), the one answer
 * the engine, lint and the diagram share: nothing here re-reads the policy or repeats the engine's defaults.
 *
 * - `ofStatus(status, type)`: the status's moves whose target the rule decides (replies, assignment, resolve,
 *   close, merge, snooze, the default reopen) as `byRule`, and on `tick` where its timers take it (`byTimer`).
 * - `ofAnyStatus(type)`: moves drawn once, on the machine's root (a statechart transition inherited by every
 *   status), to a status of the event's choosing: `setStatus`, a reply's "send and mark as" (the same rules),
 *   `reopen` with `to`.
 *
 * Moves that happen only because timers came due before the event (a catch-up through a chain of timers, then
 * maybe the event's rule in the status they led to) are not listed: the machine routes them through its
 * `(start)` node. WHY: listed on each status, a chain of 1000 statuses linked by timers needed a transition from
 * every status to every later one, per event type (28 s and 2.2 GB to build); the router is one transition.
 *
 * Every candidate transition is guarded by "the pure transition lands there" (conditions such as guards, an
 * assignee or `when` are the engine's to judge), so a candidate whose conditions fail never fires.
 */
export interface TargetAnalysis {
  readonly ofStatus: (status: string, type: TicketEventType) => Targets;
  readonly ofAnyStatus: (type: TicketEventType) => Targets;
}

const NONE: Targets = { byRule: [], byTimer: [] };

export function analyseTargets(workflow: Workflow): TargetAnalysis {
  const table = movesOf(workflow);
  const ids = workflow.statuses.map((s) => s.id);

  const chosen = new Map<TicketEventType, Set<string>>();
  for (const move of table.moves) {
    if (!move.chosen) continue;
    // "Send and mark as" passes the setStatus rules: a reply can choose what setStatus can.
    for (const type of move.event === 'setStatus' ? (['setStatus', 'reply'] as const) : [move.event]) {
      const set = chosen.get(type) ?? new Set<string>();
      for (const to of move.to) set.add(to);
      chosen.set(type, set);
    }
  }
  const anyStatus = new Map<TicketEventType, Targets>();
  for (const [type, set] of chosen) anyStatus.set(type, { byRule: ids.filter((id) => set.has(id)), byTimer: [] });

  const ofStatus = (status: string, type: TicketEventType): Targets => {
    const entry = table.byStatus.get(status)!;
    const byRule = new Set<string>();
    const ruled: Move[] = [];
    for (const move of entry.moves)
      if (!move.chosen && move.event === type) {
        ruled.push(move);
        for (const to of move.to) byRule.add(to);
      }
    const byTimer = new Set<string>();
    if (type === 'tick')
      for (const timer of entry.timers) for (const to of [...timer.to, ...timer.restoreTo]) byTimer.add(to);
    byRule.delete(status);
    byTimer.delete(status);
    const when = whenByTarget(ruled);
    return { byRule: [...byRule], byTimer: [...byTimer], ...(when.size > 0 && { when }) };
  };
  return { ofStatus, ofAnyStatus: (type) => anyStatus.get(type) ?? NONE };
}

/** Per target, the `when`s of the moves leading there, for targets that no move without a `when` reaches. */
function whenByTarget(moves: readonly Move[]): Map<string, MoveWhen[]> {
  const byTarget = new Map<string, MoveWhen[] | null>();
  for (const move of moves)
    for (const to of move.to) {
      const when = move.rule.conditions.when;
      const known = byTarget.get(to);
      if (when === null) byTarget.set(to, null);
      else if (known !== null) byTarget.set(to, [...(known ?? []), when]);
    }
  return new Map([...byTarget].filter((entry): entry is [string, MoveWhen[]] => entry[1] !== null));
}

/** Which statuses have timers at all: only those need a live timer actor. */
export function timedStatuses(workflow: Workflow): ReadonlySet<string> {
  // SLA marks come due wherever a clock runs: with SLA policies every status keeps a timer actor.
  if ((workflow.config.sla ?? []).length > 0) return new Set(workflow.statuses.map((s) => s.id));
  const table = movesOf(workflow);
  const timed = new Set<string>();
  for (const [status, { timers }] of table.byStatus) if (timers.length > 0) timed.add(status);
  return timed;
}

/** Every event type, in the engine's order: status nodes list their transitions in it. */
export const TICKET_EVENT_TYPES: readonly TicketEventType[] = EVENT_TYPES;
