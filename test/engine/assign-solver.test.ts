// Issue 13: "Events may say who acted (an optional actor id) so a rule can assign to the solving agent (Zendesk
// assigns an unassigned ticket to the agent who solves it)": `assignSolver` on resolve rules (docs/attributes.md).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createTicket,
  defineWorkflow,
  lintWorkflow,
  movesOf,
  toMermaid,
  transition,
  validateWorkflow,
  type Ticket,
  type TicketEvent,
} from 'ticket-lifecycle';
import { arbitraryScenario, arbitraryWorkflow } from 'ticket-lifecycle/testing';
import { matchesWhen } from '../../src/engine/when.js';
import { HOUR, T0 } from './fixtures.js';

const numRuns = process.env.CI ? 1000 : 200;

const desk = defineWorkflow({
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'waiting', category: 'pending' },
    { id: 'solved', category: 'solved' },
    { id: 'closed', category: 'closed' },
  ],
  priorities: ['normal', 'urgent'],
  // Tier-2 agents solve and take the ticket; elsewhere a solve needs an assignee already.
  resolve: [
    { by: 'agent', when: { group: 'tier-2' }, requireAssignee: true, assignSolver: true },
    { by: ['agent', 'system'], from: 'open', requireAssignee: true },
  ],
});
const at = T0 + HOUR;
const inGroup = (group: string | null): Ticket<'open' | 'waiting' | 'solved' | 'closed', 'normal' | 'urgent'> =>
  createTicket(desk, { at: T0, ...(group !== null && { group }) });

describe('assignSolver', () => {
  it('assigns the solving agent where the rule applies (its when), so requireAssignee holds', () => {
    const r = transition(desk, inGroup('tier-2'), { type: 'resolve', by: 'agent', at, actorId: 'ana' });
    expect(r.ok && r.ticket).toMatchObject({ status: 'solved', assignee: 'ana', resolvedAt: at, updatedAt: at });
    expect(r.ok && r.effects[0]).toEqual({ type: 'assigned', from: null, to: 'ana', at, cause: 'solver' });
  });

  it('does nothing where no assignSolver rule applies: the other rule judges the unassigned ticket', () => {
    const r = transition(desk, inGroup('tier-1'), { type: 'resolve', by: 'agent', at, actorId: 'ana' });
    expect(r.ok === false && r.error.code).toBe('assigneeRequired');
  });

  it('leaves the caller’s ticket untouched, and a refused move changes nothing', () => {
    const ticket = inGroup('tier-2');
    const copy = structuredClone(ticket);
    const waiting = transition(desk, ticket, { type: 'setStatus', by: 'agent', at, to: 'waiting', actorId: 'ana' });
    expect(waiting.ok && waiting.ticket.assignee).toBeNull(); // not a move into solved
    const refused = transition(desk, ticket, { type: 'resolve', by: 'customer', at, actorId: 'ana' });
    expect(refused.ok).toBe(false);
    expect(ticket).toEqual(copy);
  });

  it('is refused on any rule but resolve, and must be a boolean', () => {
    const result = validateWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'solved', category: 'solved' },
      ],
      resolve: { assignSolver: 'yes' },
      close: { assignSolver: true },
    } as never);
    expect(result.ok === false && result.issues.map((i) => [i.path, i.code])).toEqual([
      ['close.assignSolver', 'unexpectedField'],
      ['resolve.assignSolver', 'invalidType'],
    ]);
  });

  it('is in the moves table and the diagram; lint warns when no agent can use it', () => {
    const resolve = movesOf(desk).rules.find((r) => r.path === 'resolve[0]')!;
    expect(resolve.conditions.assignSolver).toBe(true);
    expect(toMermaid(desk)).toContain('[requireAssignee, assignSolver, when group tier-2]');
    const systemOnly = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'solved', category: 'solved' },
      ],
      resolve: { by: 'system', assignSolver: true },
    });
    expect(lintWorkflow(systemOnly).filter((f) => f.code === 'assignSolverNeverActs')).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'resolve.assignSolver' }),
    ]);
    expect(lintWorkflow(desk).some((f) => f.code === 'assignSolverNeverActs')).toBe(false);
  });

  // Over random policies (the generator gives resolve rules `assignSolver` and events an `actorId`): every `solver`
  // assignment is an agent's solve of an unassigned ticket, naming that agent, and the ticket ends solved with them.
  // Each step also probes an agent's resolve and setStatus into solved with an id, so the option is met often.
  it('assigns only the agent who solves an unassigned ticket, and every applicable rule does (random policies)', () => {
    let assigned = 0;
    fc.assert(
      fc.property(
        arbitraryWorkflow().chain((workflow) =>
          arbitraryScenario(workflow).map((scenario) => ({ workflow, scenario })),
        ),
        ({ workflow, scenario }) => {
          const solved = workflow.defaults.solved;
          let ticket = createTicket(workflow, { at: scenario.start, by: scenario.by });
          for (const event of scenario.events) {
            const probes: TicketEvent[] = [event];
            if (event.type !== 'tick' && solved !== undefined)
              probes.push(
                { type: 'resolve', by: 'agent', at: event.at, actorId: 'cy' },
                { type: 'setStatus', by: 'agent', at: event.at, to: solved, actorId: 'cy' },
              );
            for (const probe of probes) {
              const result = transition(workflow, ticket, probe);
              if (!result.ok) continue;
              // The ticket as the event found it, after the timers due by then.
              const before = transition(workflow, ticket, { type: 'tick', at: probe.at }).ticket;
              const solver = result.effects.filter((e) => e.type === 'assigned' && e.cause === 'solver');
              const category = (t: Ticket): string => workflow.compiled.byId.get(t.status)!.category;
              // Only an event that chooses solved assigns (a reply rule that moves there is no solve by the agent).
              const chooses =
                probe.type === 'resolve' ||
                probe.type === 'setStatus' ||
                (probe.type === 'reply' && probe.status !== undefined);
              const solves =
                chooses &&
                probe.by === 'agent' &&
                probe.actorId !== undefined &&
                before.assignee === null &&
                category(before) !== 'solved' &&
                category(result.ticket) === 'solved';
              const applies = workflow.compiled.resolve.some(
                (r) =>
                  r.assignSolver &&
                  (r.by & 2) !== 0 &&
                  (r.from === null || r.from.has(before.status)) &&
                  matchesWhen(r.when, before),
              );
              expect(solver.length).toBe(solves && applies ? 1 : 0);
              if (solver.length === 0) continue;
              assigned++;
              const id = probe.type === 'tick' ? null : probe.actorId;
              expect(solver[0]).toEqual({ type: 'assigned', from: null, to: id, at: probe.at, cause: 'solver' });
              expect(result.ticket.assignee).toBe(id);
            }
            const result = transition(workflow, ticket, event);
            if (result.ok) ticket = result.ticket;
          }
        },
      ),
      { numRuns },
    );
    expect(assigned).toBeGreaterThan(0);
  });
});
