import fc from 'fast-check';
import { ACTORS, transition, type Actor, type TicketEvent, type Workflow } from 'ticket-lifecycle';
import {
  arbitraryEvent,
  arbitraryEvents,
  arbitraryTicket,
  DEFAULT_START,
  type ArbitraryEventsOptions,
} from './arbitrary-events.js';
import { LAWS, type LawName, type Scenario } from './laws.js';
import { eventsOptionsOrThrow } from './options.js';
import { arbitraryCheckScenario } from './scenarios.js';

/**
 * Random scenarios for a workflow: a creator, a start time and an event sequence.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { tawkTo } from 'ticket-lifecycle/presets';
 * import { arbitraryScenario } from 'ticket-lifecycle/testing';
 * const [scenario] = fc.sample(arbitraryScenario(tawkTo()), 1);
 * ```
 */
export function arbitraryScenario(workflow: Workflow, options: ArbitraryEventsOptions = {}): fc.Arbitrary<Scenario> {
  const checked = eventsOptionsOrThrow<ArbitraryEventsOptions>('arbitraryScenario', options);
  const start = checked.start ?? DEFAULT_START;
  // Channels the policy starts elsewhere (initialByChannel), plus one it does not know.
  const channels = [...Object.keys(workflow.config.initialByChannel ?? {}), 'email'];
  return fc
    .tuple(
      fc.constantFrom<Actor>(...ACTORS),
      fc.option(fc.constantFrom(...channels), { nil: undefined }),
      arbitraryEvents(workflow, { ...checked, start }),
    )
    .map(([by, channel, events]) => ({
      start,
      by,
      ...(channel !== undefined && { channel }),
      events: events as readonly TicketEvent[],
    }));
}

/** Junk a backend might pass by mistake: anything at all, and near-miss events. */
function junkEvent(workflow: Workflow): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.anything(),
    fc.record({ type: fc.string(), at: fc.anything(), by: fc.anything() }),
    arbitraryEvent(workflow).chain((e) =>
      fc.record({
        ...Object.fromEntries(Object.entries(e).map(([k, v]) => [k, fc.constant(v)])),
        at: fc.oneof(fc.double(), fc.constant(8.64e15 + 1)),
        to: fc.string(),
      }),
    ),
  );
}

/**
 * The design page's laws as fast-check properties over one workflow: run them with `fc.assert` in your own test
 * runner. `total` feeds junk tickets and events; the others replay scenarios of {@link arbitraryCheckScenario}
 * (random ones, and ones that hunt timer deadlines and reopen chains).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * import { workflowProperties } from 'ticket-lifecycle/testing';
 * for (const property of Object.values(workflowProperties(zendesk()))) {
 *   // The laws take different inputs, so the values are a union: widen it for fc.assert's overloads.
 *   fc.assert(property as fc.IProperty<unknown[]>, { numRuns: 200 }); // throws a shrunk counterexample, naming the law
 * }
 * ```
 */
export function workflowProperties(
  workflow: Workflow,
  options: ArbitraryEventsOptions = {},
): Record<LawName | 'total', fc.IPropertyWithHooks<[Scenario]> | fc.IPropertyWithHooks<[unknown, unknown]>> {
  const scenarios = arbitraryCheckScenario(workflow, options);
  const properties: Record<string, fc.IPropertyWithHooks<[Scenario]> | fc.IPropertyWithHooks<[unknown, unknown]>> = {
    total: fc.property(
      fc.oneof(arbitraryTicket(workflow, options), fc.anything()),
      junkEvent(workflow),
      (ticket, event) => {
        const result = transition(workflow, ticket as never, event as never);
        if (typeof result.ok !== 'boolean') throw new Error('transition returned no verdict');
      },
    ),
  };
  for (const [name, law] of Object.entries(LAWS)) {
    properties[name] = fc.property(scenarios, (scenario) => {
      const problem = law(workflow, scenario);
      if (problem !== null) throw new Error(`${name}: ${problem}`);
    });
  }
  return properties as Record<LawName | 'total', fc.IPropertyWithHooks<[Scenario]>>;
}
