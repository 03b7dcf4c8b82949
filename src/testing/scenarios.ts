import fc from 'fast-check';
import type { Workflow } from 'ticket-lifecycle';
import { arbitraryBoundaryScenario } from './arbitrary-boundary.js';
import type { ArbitraryEventsOptions } from './arbitrary-events.js';
import type { Scenario } from './laws.js';
import { arbitraryScenario } from './arbitrary-scenario.js';

/**
 * The scenarios the kit checks policies on: one in three fully random (every actor does anything, at any time), two
 * in three hunting boundaries (deadlines ±1 ms, parked tickets while the customer waits, reopen chains, silences).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * import { arbitraryCheckScenario } from 'ticket-lifecycle/testing';
 * const scenarios = fc.sample(arbitraryCheckScenario(zendesk()), 10);
 * ```
 */
export function arbitraryCheckScenario(
  workflow: Workflow,
  options: ArbitraryEventsOptions = {},
): fc.Arbitrary<Scenario> {
  return fc.oneof(
    { weight: 1, arbitrary: arbitraryScenario(workflow, options) },
    { weight: 2, arbitrary: arbitraryBoundaryScenario(workflow, options) },
  );
}
