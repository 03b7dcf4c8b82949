import fc from 'fast-check';
import { ACTORS, type Actor, type TicketEvent, type Workflow } from 'ticket-lifecycle';
import { arbitraryEvents, DEFAULT_START, type ArbitraryEventsOptions } from './arbitrary-events.js';
import type { Scenario } from './laws.js';
import { eventsOptionsOrThrow } from './options.js';

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
