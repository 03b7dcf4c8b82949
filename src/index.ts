// Public surface of `ticket-lifecycle`: explicit named exports only, so the contract is visible in one place.

export { ACTORS, type Actor } from './model/actor.js';
export { CATEGORIES, type Category } from './policy/category.js';
export { formatDuration, parseDuration, type Duration } from './policy/duration.js';
export type {
  ActionRule,
  ResolveRule,
  RuleConditions,
  AssignRule,
  MoveTimer,
  OneOrMany,
  ReminderTimer,
  ReplyAction,
  ReplyRule,
  StatusChangeRule,
  StatusConfig,
  StatusSelector,
  TimerAnchor,
  TimerConfig,
  TimerSet,
  WorkflowConfig,
} from './policy/config.js';
export type { TagsCondition, WhenConfig } from './policy/when-config.js';
export { TICKET_LIMITS, type TicketLimits } from './policy/ticket-limits.js';
export { defineWorkflow, validateWorkflow, type WorkflowValidation } from './policy/define.js';
export { POLICY_LIMITS, type PolicyLimits } from './policy/limits.js';
export { WorkflowError, type WorkflowIssue, type WorkflowIssueCode } from './policy/issues.js';
export type { GuardPredicate, StatusInfo, Workflow, WorkflowImplementations } from './policy/workflow.js';
export {
  movesOf,
  type Move,
  type MoveConditions,
  type MoveEvent,
  type MoveRule,
  type MovesTable,
  type MoveWhen,
  type StatusMoves,
  type TimerMove,
} from './policy/moves.js';
export { lintWorkflow, type LintCode, type LintFinding, type LintSeverity } from './policy/lint/index.js';
export { toMermaid } from './diagram/to-mermaid.js';
export type { CalendarConfig, OpenInterval, Weekday } from './calendar/calendar-config.js';
export { addBusinessTime, businessTimeBetween } from './calendar/business-time.js';

export { createTicket, type CreateTicketInput } from './engine/create-ticket.js';
export { MAX_CHANNEL_LENGTH } from './engine/read-ticket.js';
export { transition } from './engine/transition.js';
export { can } from './engine/can.js';
export { availableActions, type AvailableAction } from './engine/available-actions.js';
export { evaluateAutoClose, nextDeadline, type AutoCloseEvaluation } from './engine/auto-close.js';
export { nextDeadlineResult } from './engine/deadline-result.js';
export {
  migrateTicket,
  type MigrationErrorCode,
  type MigrationResult,
  type TicketMigration,
} from './engine/migrate-ticket.js';
export type { DueTimer } from './engine/due-timer.js';
export type { Awaiting, Ticket } from './model/ticket.js';
export {
  EVENT_TYPES,
  type AssignEvent,
  type CloseEvent,
  type MergeEvent,
  type NoteEvent,
  type ReopenEvent,
  type ReplyEvent,
  type ResolveEvent,
  type SetStatusEvent,
  type SnoozeEvent,
  type TickEvent,
  type TicketEvent,
  type UpdateEvent,
} from './model/events.js';
export type { AssignCause, AttributeChanges, Effect, EffectCause } from './engine/effects.js';
export type { TransitionError, TransitionErrorCode, TransitionResult } from './engine/result.js';
export {
  SLA_METRICS,
  type SlaMetric,
  type SlaPauseRule,
  type SlaPolicyConfig,
  type SlaTargets,
} from './sla/sla-config.js';
export type { SlaActivity, SlaClock, SlaState } from './model/sla-state.js';
export { slaStatus, type SlaMetricStatus, type SlaStatusResult } from './sla/sla-status.js';
export { ticketMetrics, type MetricSpan, type TicketMetrics } from './sla/ticket-metrics.js';
