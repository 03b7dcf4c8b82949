// exploreWorkflow's options are typed and its result is tagged by `outcome`.
import { describe, expectTypeOf, it } from 'vitest';
import { defineWorkflow, type WorkflowIssue } from 'ticket-lifecycle';
import {
  exploreWorkflow,
  type ExploreCounterexample,
  type ExploreResult,
  type ExploreStats,
} from 'ticket-lifecycle/testing';

const wf = defineWorkflow({
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'closed', category: 'closed' },
  ],
});

describe('exploreWorkflow types', () => {
  it('returns a result narrowed by outcome, typed by the policy’s statuses', () => {
    const result = exploreWorkflow(wf, { depth: 1 });
    expectTypeOf(result).toEqualTypeOf<ExploreResult<'open' | 'closed'>>();
    // @ts-expect-error the counterexample exists only once the outcome is known to be `violated`
    void result.counterexample;
    if (result.outcome === 'violated') {
      expectTypeOf(result.counterexample).toEqualTypeOf<ExploreCounterexample<'open' | 'closed'>>();
      expectTypeOf(result.counterexample.steps[0]!.to).toEqualTypeOf<'open' | 'closed'>();
    } else if (result.outcome === 'incomplete') {
      expectTypeOf(result.reason).toEqualTypeOf<'maxStates' | 'timeLimit'>();
      expectTypeOf(result.stats).toEqualTypeOf<ExploreStats>();
    } else if (result.outcome === 'invalid') {
      expectTypeOf(result.issues).toEqualTypeOf<readonly WorkflowIssue[]>();
      // @ts-expect-error invalid options explore nothing: no model
      void result.model;
    } else {
      expectTypeOf(result.model.unreachable).toEqualTypeOf<readonly ('open' | 'closed')[]>();
    }
  });

  it('takes only known options, typed', () => {
    exploreWorkflow(wf, { depth: 3, maxStates: 1_000, timeLimitMs: 500, horizon: 'P30D', abstraction: 'exact' });
    exploreWorkflow(wf, { events: ['reply', 'tick'], actors: ['customer'] });
    // @ts-expect-error depth is a number
    exploreWorkflow(wf, { depth: '3' });
    // @ts-expect-error events are the explorer's kinds
    exploreWorkflow(wf, { events: ['dance'] });
    // @ts-expect-error the abstraction is relative or exact
    exploreWorkflow(wf, { abstraction: 'fuzzy' });
    // @ts-expect-error an unknown option does not compile (and is refused at run time)
    exploreWorkflow(wf, { dept: 3 });
    // @ts-expect-error intents are Intent objects, not names
    exploreWorkflow(wf, { intents: ['customerMessageReachesTeam'] });
  });
});
