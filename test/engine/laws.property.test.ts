// The design page's invariants, proven over every preset and over random valid policies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { can, evaluateAutoClose, nextDeadline, transition, type Workflow } from 'ticket-lifecycle';
import * as presets from 'ticket-lifecycle/presets';
import { arbitraryScenario, arbitraryWorkflow, LAWS, workflowProperties, type LawName } from 'ticket-lifecycle/testing';

// At least 1,000 runs per law in CI; a quicker loop locally.
const numRuns = process.env.CI ? 1000 : 200;

const presetWorkflows: [string, Workflow][] = Object.entries(presets)
  .filter(([, make]) => typeof make === 'function')
  .map(([name, make]) => [name, (make as () => Workflow)()]);

describe.each(presetWorkflows)('laws hold for the %s preset', (_name, workflow) => {
  const properties = workflowProperties(workflow);
  it.each(Object.keys(properties))('%s', (law) => {
    fc.assert(properties[law as keyof typeof properties] as fc.IPropertyWithHooks<[unknown]>, { numRuns });
  });
});

describe('laws hold for random valid policies', () => {
  const pairs = arbitraryWorkflow().chain((workflow) =>
    arbitraryScenario(workflow).map((scenario) => ({ workflow, scenario })),
  );
  it.each(Object.keys(LAWS) as LawName[])('%s', (law) => {
    fc.assert(
      fc.property(pairs, ({ workflow, scenario }) => {
        const problem = LAWS[law](workflow, scenario);
        if (problem !== null) throw new Error(problem);
      }),
      { numRuns },
    );
  });
  it('total: junk tickets and events never throw', () => {
    fc.assert(
      fc.property(arbitraryWorkflow(), fc.anything(), fc.anything(), (workflow, ticket, event) => {
        expect(typeof transition(workflow, ticket as never, event as never).ok).toBe('boolean');
        expect(typeof can(workflow, ticket as never, event as never)).toBe('boolean');
        expect(Array.isArray(evaluateAutoClose(workflow, ticket as never, event as never).due)).toBe(true);
        expect(nextDeadline(workflow, ticket as never)).toBeNull();
      }),
      { numRuns },
    );
  });
});
