import fc from 'fast-check';
import { createTicket, nextDeadline, transition, type Ticket, type Workflow } from 'ticket-lifecycle';
import { zammad, zendesk } from 'ticket-lifecycle/presets';
import { arbitraryBoundaryScenario, arbitraryCheckScenario, type Scenario } from 'ticket-lifecycle/testing';
import { describe, expect, it } from 'vitest';

const DAY = 86_400_000;

/** Each event with the ticket it met. */
function walk(wf: Workflow, s: Scenario): { ticket: Ticket; at: number; type: string }[] {
  let ticket = createTicket(wf, { at: s.start, by: s.by });
  return s.events.map((event) => {
    const met = { ticket, at: event.at, type: event.type };
    const r = transition(wf, ticket, event);
    if (r.ok) ticket = r.ticket;
    return met;
  });
}

describe('arbitraryBoundaryScenario', () => {
  const wf: Workflow = zendesk();
  const sample = fc.sample(arbitraryBoundaryScenario(wf), { numRuns: 300, seed: 1 });

  it('places events at the next deadline −1 ms, exactly, and +1 ms', () => {
    const offsets = new Set<number>();
    for (const s of sample)
      for (const { ticket, at } of walk(wf, s)) {
        const deadline = nextDeadline(wf, ticket);
        if (deadline !== null && Math.abs(at - deadline) <= 1) offsets.add(at - deadline);
      }
    expect([...offsets].sort()).toEqual([-1, 0, 1]);
  });

  it('keeps times in order, and reaches long silences', () => {
    for (const s of sample) {
      const times = s.events.map((e) => e.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    const gaps = sample.flatMap((s) => s.events.map((e, i) => e.at - (i === 0 ? s.start : s.events[i - 1]!.at)));
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(20 * DAY);
  });

  it('sets a status with `until` while the customer waits', () => {
    const z: Workflow = zammad();
    const hits = fc
      .sample(arbitraryBoundaryScenario(z), { numRuns: 300, seed: 2 })
      .flatMap((s) => walk(z, s).map((m, i) => ({ m, e: s.events[i]! })))
      .filter(({ m, e }) => e.type === 'setStatus' && e.until !== undefined && m.ticket.awaiting === 'team');
    expect(hits.length).toBeGreaterThan(10);
  });

  it('plays close → reopen → re-solve → reply chains', () => {
    const chains = sample.filter((s) => {
      const types = s.events.map((e) => e.type).join(' ');
      return /resolve close (reply|reopen) resolve reply/.test(types);
    });
    expect(chains.length).toBeGreaterThan(10);
  });

  it('refuses bad options with a RangeError naming them, like the other arbitraries', () => {
    expect(() => arbitraryBoundaryScenario(wf, { maxLength: -1 })).toThrow(/arbitraryBoundaryScenario: maxLength/);
  });
});

describe('arbitraryCheckScenario', () => {
  it('mixes random and boundary scenarios', () => {
    const wf = zendesk();
    const sample = fc.sample(arbitraryCheckScenario(wf), { numRuns: 200, seed: 3 });
    // Random scenarios sit on a minute grid from the start; boundary ones land on deadlines off it.
    const offGrid = sample.filter((s) => s.events.some((e) => (e.at - s.start) % 60_000 !== 0));
    expect(offGrid.length).toBeGreaterThan(20);
    expect(offGrid.length).toBeLessThan(200);
  });
});
