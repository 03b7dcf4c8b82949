import fc from 'fast-check';
import { transition, type Workflow } from 'ticket-lifecycle';
import { arbitraryEvent, arbitraryTicket, type ArbitraryEventsOptions } from './arbitrary-events.js';
import { LAWS, type LawName, type Scenario } from './laws.js';
import { arbitraryCheckScenario } from './scenarios.js';

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
