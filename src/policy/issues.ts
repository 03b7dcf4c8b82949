/**
 * One problem in a policy: where (`path`, like `timers[2].after`), what (`code`), and a sentence for people.
 *
 * @example
 * ```ts
 * import type { WorkflowIssue } from 'ticket-lifecycle';
 * const issue: WorkflowIssue = { path: 'statuses[1].id', code: 'duplicateId', message: 'status "open" is defined twice' };
 * ```
 */
export interface WorkflowIssue {
  readonly path: string;
  readonly code: WorkflowIssueCode;
  readonly message: string;
}

/**
 * Every kind of policy problem `defineWorkflow` and `validateWorkflow` report.
 *
 * @example
 * ```ts
 * import type { WorkflowIssueCode } from 'ticket-lifecycle';
 * const code: WorkflowIssueCode = 'invalidDuration';
 * ```
 */
export type WorkflowIssueCode =
  | 'notJson'
  | 'invalidType'
  | 'invalidId'
  | 'reservedId'
  | 'duplicateId'
  | 'tooManyStatuses'
  | 'tooMany'
  | 'tooLarge'
  | 'tooDeep'
  | 'noStatuses'
  | 'unknownStatus'
  | 'unknownCategory'
  | 'unknownActor'
  | 'unknownAnchor'
  | 'renamedField'
  | 'unknownAction'
  | 'unknownGuard'
  | 'missingDefault'
  | 'multipleDefaults'
  | 'invalidInitial'
  | 'invalidReopenTarget'
  | 'invalidDuration'
  | 'missingField'
  | 'unexpectedField'
  | 'emptySelector'
  | 'timerSelfLoop'
  | 'timerCycle'
  | 'conflictingSet'
  | 'invalidOption'
  | 'unknownTimeZone'
  | 'invalidTime'
  | 'invalidInterval'
  | 'overlappingIntervals'
  | 'invalidDate'
  | 'emptyCalendar'
  | 'unknownCalendar'
  | 'unknownPriority'
  | 'unknownGroup'
  | 'invalidTag';

/**
 * Thrown by `defineWorkflow` (and the presets) when a policy is invalid. `issues` lists every problem found, not
 * only the first.
 *
 * @example
 * ```ts
 * import { defineWorkflow, WorkflowError } from 'ticket-lifecycle';
 * try {
 *   defineWorkflow({ statuses: [] });
 * } catch (error) {
 *   if (error instanceof WorkflowError) console.log(error.issues.map((i) => i.code)); // ['noStatuses']
 * }
 * ```
 */
export class WorkflowError extends Error {
  readonly issues: readonly WorkflowIssue[];

  constructor(issues: readonly WorkflowIssue[]) {
    super(
      `Invalid workflow (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  - ${i.path || '(root)'}: ${i.message} [${i.code}]`).join('\n'),
    );
    this.name = 'WorkflowError';
    this.issues = issues;
  }
}
