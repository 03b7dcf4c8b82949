// `ticket-lifecycle/testing`: fast-check arbitraries, the design page's laws as properties, and `checkWorkflow`.
// fast-check is an optional peer dependency; the core never imports this entry.

export {
  arbitraryWorkflow,
  arbitraryWorkflowConfig,
  ARBITRARY_GUARDS,
  type ArbitraryWorkflowOptions,
} from './arbitrary-workflow.js';
export { arbitraryEvent, arbitraryEvents, arbitraryTicket, type ArbitraryEventsOptions } from './arbitrary-events.js';
export { LAWS, type Law, type LawName, type Scenario } from './laws.js';
export { arbitraryScenario } from './arbitrary-scenario.js';
export { workflowProperties } from './properties.js';
export {
  checkWorkflow,
  type CheckFailure,
  type CheckWorkflowOptions,
  type CheckWorkflowResult,
} from './check-workflow.js';
export type { Invariant } from './run-intents.js';
export {
  checkStep,
  intentStep,
  type Intent,
  type IntentStep,
  type IntentViolation,
  type TimerEffect,
} from './intent.js';
export {
  applicableIntents,
  INTENTS,
  type ApplicableIntentsOptions,
  type IntentName,
  type IntentParameters,
} from './intents/index.js';
export {
  exploreWorkflow,
  type ExploreCounterexample,
  type ExploreModel,
  type ExploreResult,
  type ExploreStats,
  type ExploreWorkflowOptions,
  type StuckStatus,
} from './explore/explore-workflow.js';
export type { ExploreOptions } from './explore/options.js';
export type { ExploreEventType } from './explore/alphabet.js';
export type { ExplorePath, ExploreStep } from './explore/path.js';
export { arbitraryBoundaryScenario } from './arbitrary-boundary.js';
export { arbitraryCheckScenario } from './scenarios.js';
export type { CounterexampleStep } from './counterexample.js';
