// `ticket-lifecycle/xstate`: the typed XState v5 machine generated from a policy. xstate is an optional peer
// dependency; the core entry never imports this one.

export { createTicketMachine } from './create-ticket-machine.js';
export { TicketMachineError, type TicketMachineErrorCode } from './restore.js';
export { MAX_TIMEOUT_MS, type TicketTimerInput } from './timer-actor.js';
export type {
  TicketMachine,
  TicketMachineAction,
  TicketMachineActor,
  TicketMachineContext,
  TicketMachineGuard,
  TicketMachineInput,
  TicketMachineOptions,
  TicketRuleGuardName,
  TicketTimerLogic,
} from './types.js';
