// Issue 12: one model of where a ticket may go. The moves table is the single source: the engine's moves are in it,
// its event moves are made by some event, and lint's graph, the diagram and the XState machine draw exactly it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTORS,
  createTicket,
  movesOf,
  transition,
  type Actor,
  type Move,
  type MoveWhen,
  type Ticket,
  type TicketEvent,
  type Workflow,
} from 'ticket-lifecycle';
import * as presets from 'ticket-lifecycle/presets';
import { arbitraryScenario, arbitraryWorkflow } from 'ticket-lifecycle/testing';
import { createTicketMachine } from 'ticket-lifecycle/xstate';
import { diagramParts } from '../../src/diagram/to-mermaid.js';
import { buildGroups } from '../../src/policy/lint/build-graph.js';

const numRuns = process.env.CI ? 300 : 60;
const DAY = 86_400_000;

type Pair = string;
const pair = (from: string, to: string): Pair => `${from} → ${to}`;

/** Whether the table has a move of one of `events` from `from` to `to` that `by` makes. */
function inTable(workflow: Workflow, from: string, to: string, by: Actor | null, cause: string): boolean {
  const entry = movesOf(workflow).byStatus.get(from)!;
  if (cause === 'timer') return entry.timers.some((t) => t.to.includes(to) || t.restoreTo.includes(to));
  // A reply's "send and mark as" status passes the setStatus rules, and is listed with them.
  const events = cause === 'reply' ? ['reply', 'setStatus'] : [cause];
  return entry.moves.some((m) => events.includes(m.event) && m.to.includes(to) && by !== null && m.by.includes(by));
}

/**
 * Tickets in `status` in each state the conditions look at: with and without an assignee, each turn, and with
 * attributes that match the rule's `when` (its first listed value of each).
 */
function ticketsIn(workflow: Workflow, status: string, when: MoveWhen | null): Ticket[] {
  const base = {
    ...createTicket(workflow, { at: 0 }),
    ...(when !== null && {
      ...(when.priority !== null && { priority: when.priority[0]! }),
      ...(when.group !== null && { group: when.group[0]! }),
      ...(when.channel !== null && { channel: when.channel[0]! }),
      tags: [...new Set([...when.tagsAny.slice(0, 1), ...when.tagsAll])].sort(),
    }),
  };
  return [null, 'someone'].flatMap((assignee) =>
    ([null, 'customer', 'team'] as const).map((awaiting) => ({
      ...base,
      status,
      assignee,
      awaiting,
      closedAt: 0,
      closedBy: 'agent' as const,
    })),
  );
}

/**
 * Tickets in `status` with every combination of the attributes random policies name (`arbitraryWorkflow`), and one
 * group and channel they never name (a ticket may carry any when the policy declares no list).
 */
/** Whether some ticket of a sequence passes (stops at the first). */
function someOf(tickets: Iterable<Ticket>, passes: (ticket: Ticket) => boolean): boolean {
  for (const ticket of tickets) if (passes(ticket)) return true;
  return false;
}

function* everyAttribute(workflow: Workflow, status: string): Generator<Ticket> {
  // Yielded one by one: the search stops at the first ticket that makes the move, without building the rest.
  const states = ticketsIn(workflow, status, null);
  for (const priority of [null, 'low', 'normal', 'urgent'])
    for (const group of [null, 'tier-1', 'tier-2', 'tier-3'])
      for (const channel of [null, 'chat', 'email', 'web'])
        for (const tags of [[], ['spam'], ['vip'], ['spam', 'vip']])
          for (const ticket of states) yield { ...ticket, priority, group, channel, tags };
}

/** The events that could make a move of the table from a ticket to `to`, as `by`. */
function eventsFor(move: Move, ticket: Ticket, to: string, by: Actor): TicketEvent[] {
  const at = 1;
  const until = at + DAY;
  switch (move.event) {
    case 'reply':
      return [{ type: 'reply', by, at }];
    case 'assign':
      return [{ type: 'assign', by, at, assignee: ticket.assignee === 'someone' ? 'someone-else' : 'someone' }];
    case 'setStatus':
      return [
        { type: 'setStatus', by, at, to },
        { type: 'setStatus', by, at, to, until },
      ];
    case 'reopen':
      return move.chosen ? [{ type: 'reopen', by, at, to }] : [{ type: 'reopen', by, at }];
    case 'merge':
      return [{ type: 'merge', by, at, into: 'other' }];
    case 'snooze':
      return [
        { type: 'snooze', by, at },
        { type: 'snooze', by, at, until },
      ];
    default:
      return [{ type: move.event, by, at }];
  }
}

describe('the moves table is the one answer to where a ticket may go', () => {
  it('holds every move the engine makes, by the event and actor that made it', () => {
    fc.assert(
      fc.property(
        arbitraryWorkflow().chain((workflow) => fc.tuple(fc.constant(workflow), arbitraryScenario(workflow))),
        ([workflow, scenario]) => {
          let ticket = createTicket(workflow, {
            at: scenario.start,
            by: scenario.by,
            ...(scenario.channel !== undefined && { channel: scenario.channel }),
          });
          for (const event of scenario.events) {
            const result = transition(workflow, ticket, event);
            if (!result.ok) continue;
            for (const effect of result.effects) {
              // The table lists moves between statuses; a re-entry (a merge of a closed ticket) is no move.
              if (effect.type !== 'statusChanged' || effect.from === effect.to) continue;
              const by = effect.cause === 'timer' || event.type === 'tick' ? null : event.by;
              expect(inTable(workflow, effect.from, effect.to, by, effect.cause), `${effect.cause}`).toBe(true);
            }
            ticket = result.ticket;
          }
        },
      ),
      { numRuns },
    );
  });

  // Every source, target and actor of every move of 300 random policies (CI), each tried on up to 1,536 tickets: a
  // minute's work on a loaded 2-core machine, so it gets more than the 60 s default (the checks are the same).
  it('lists only moves some event makes: each source, target and actor of each event move', {
    timeout: 240_000,
  }, () => {
    fc.assert(
      fc.property(arbitraryWorkflow(), (workflow) => {
        // Reply moves too: the table lists a candidate of a first-match chain only where some ticket matches its
        // `when` and no earlier candidate's (src/policy/reply-reach.ts).
        for (const move of movesOf(workflow).moves) {
          for (const from of move.from) {
            for (const to of move.to) {
              if (from === to) continue;
              for (const by of move.by) {
                const makes = (ticket: Ticket): boolean =>
                  eventsFor(move, ticket, to, by).some((event) => {
                    const result = transition(workflow, ticket, event);
                    return result.ok && result.ticket.status === to;
                  });
                // The conditions are per rule: a move that amounts to another action (setStatus into closed is also
                // a close) or is reached past earlier rules of a first-match chain may need attributes its own `when`
                // does not name. Then every ticket of the generator's attribute universe is tried.
                const made =
                  ticketsIn(workflow, from, move.rule.conditions.when).some(makes) ||
                  someOf(everyAttribute(workflow, from), makes);
                expect(made, `${move.event} by ${by} ${pair(from, to)} (${move.rule.path})`).toBe(true);
              }
            }
          }
        }
      }),
      { numRuns },
    );
  });

  it("is what lint's graph, the diagram and the XState machine draw", () => {
    const check = (workflow: Workflow): void => {
      const table = movesOf(workflow);
      const ruled = new Set<Pair>();
      const chosen = new Set<Pair>();
      const chosenTargets = new Set<string>();
      const timed = new Set<Pair>();
      for (const move of table.moves)
        for (const from of move.from)
          for (const to of move.to) {
            // The root's moves go to any status the event chooses, the one the ticket is in included (a new `until`).
            if (move.chosen) chosenTargets.add(to);
            if (from !== to) (move.chosen ? chosen : ruled).add(pair(from, to));
          }
      for (const timer of table.timers)
        for (const to of [...timer.to, ...timer.restoreTo]) timed.add(pair(timer.from, to));

      // Lint's graph: the same pairs, timers included.
      const lint = new Set<Pair>();
      for (const g of buildGroups(workflow))
        for (const from of g.sources) for (const to of g.targets) if (from !== to) lint.add(pair(from, to));
      expect(lint).toEqual(new Set([...ruled, ...chosen, ...timed]));

      // The diagram: the moves whose target the rule decides (merges included), and timers, as edges between
      // statuses; the statuses a status-change hub leads to are the chosen moves'.
      const parts = diagramParts(workflow);
      const statuses = new Set(workflow.statuses.map((s) => s.id));
      const drawn = new Set<Pair>();
      const hubTargets = new Set<string>();
      for (const e of parts.edges) {
        if (statuses.has(e.from) && e.from !== e.to) drawn.add(pair(e.from, e.to));
        if (!statuses.has(e.from)) hubTargets.add(e.to);
      }
      const drawable = new Set<Pair>(timed);
      for (const move of table.moves)
        if (!move.chosen) for (const from of move.from) if (from !== move.to[0]) drawable.add(pair(from, move.to[0]!));
      expect(drawn).toEqual(drawable);
      const settable = new Set<string>();
      for (const move of table.moves)
        if (move.event === 'setStatus') for (const to of move.to) if (move.from.some((f) => f !== to)) settable.add(to);
      expect(hubTargets).toEqual(settable);

      // The machine: each status node's transitions go where the table's ruled moves and timers go; the root's
      // (moves to a status of the event's choosing) where its chosen moves go.
      const machine = createTicketMachine(workflow);
      const machinePairs = new Set<Pair>();
      for (const id of statuses)
        for (const t of [...machine.root.states[id]!.transitions.values()].flat()) {
          const to = t.target?.[0]?.key;
          if (to !== undefined && statuses.has(to) && to !== id) machinePairs.add(pair(id, to));
        }
      expect(machinePairs).toEqual(new Set([...ruled, ...timed]));
      const rootTargets = new Set<string>();
      for (const t of [...machine.root.transitions.values()].flat()) {
        const to = t.target?.[0]?.key;
        if (to !== undefined && statuses.has(to)) rootTargets.add(to);
      }
      expect(rootTargets).toEqual(chosenTargets);
    };
    fc.assert(fc.property(arbitraryWorkflow(), check), { numRuns });
    for (const make of Object.values(presets)) if (typeof make === 'function') check(make() as Workflow);
  });

  it('is one frozen table per workflow, every status listed', () => {
    const workflow = presets.zendesk();
    const table = movesOf(workflow);
    expect(movesOf(workflow)).toBe(table);
    expect(Object.isFrozen(table.moves[0])).toBe(true);
    expect([...table.byStatus.keys()]).toEqual(workflow.statuses.map((s) => s.id));
    expect(ACTORS).toContain(table.moves[0]!.by[0]);
  });
});
