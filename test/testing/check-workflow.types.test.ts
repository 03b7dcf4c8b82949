// checkWorkflow's result is tagged like the rest of the library: what it holds depends on `ok`.
import { describe, expectTypeOf, it } from 'vitest';
import type { WorkflowIssue } from 'ticket-lifecycle';
import { tawkTo } from 'ticket-lifecycle/presets';
import { checkWorkflow, type CheckFailure, type CheckWorkflowResult } from 'ticket-lifecycle/testing';

describe('checkWorkflow types', () => {
  it('returns a CheckWorkflowResult narrowed by ok', () => {
    const result = checkWorkflow(tawkTo(), { numRuns: 1 });
    expectTypeOf(result).toEqualTypeOf<CheckWorkflowResult>();
    // @ts-expect-error failures exist only once `ok` is known to be false
    void result.failures;
    if (result.ok) {
      expectTypeOf(result.checked).toEqualTypeOf<readonly string[]>();
      // @ts-expect-error a passing check has no failures
      void result.issues;
    } else {
      expectTypeOf(result.failures).toEqualTypeOf<readonly CheckFailure[]>();
      expectTypeOf(result.issues).toEqualTypeOf<readonly WorkflowIssue[]>();
    }
  });

  it('takes only known options, typed', () => {
    // @ts-expect-error numRuns is a number
    checkWorkflow(tawkTo(), { numRuns: '10' });
    // @ts-expect-error an unknown option does not compile (and is refused at run time)
    checkWorkflow(tawkTo(), { numruns: 10 });
  });
});
