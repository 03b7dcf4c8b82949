import type { Workflow } from 'ticket-lifecycle';
import type { Intent } from '../intent.js';
import { neverAutoFinishWhileCustomerWaits } from './auto-finish.js';
import { everyTicketCanClose } from './can-close.js';
import { closedOnlyFromSolved } from './closing.js';
import { customerMessageReachesTeam, type CustomerMessageOptions } from './customer-message.js';
import { customerGetsFullWait } from './full-wait.js';
import { lockedStaysLocked } from './locked.js';
import { reopenWindowHonoured, type ReopenWindowOptions } from './reopen-window.js';
import { solvedClosesWithin, type SolvedClosesOptions } from './solved-closes.js';
import { thirdPartyWaitIsNotCustomerWait } from './third-party.js';
import { noTimerLoop } from './timer-loop.js';
import { timersKeepTheRules } from './timers-keep-rules.js';
import { warnedBeforeAutoFinish } from './warned.js';

/**
 * The catalogue of named intents: the promises helpdesk teams make, each a factory taking its parameters.
 * docs/intents.md tells the incident each one prevents.
 *
 * @example
 * ```ts
 * import { INTENTS } from 'ticket-lifecycle/testing';
 * const intent = INTENTS.customerMessageReachesTeam({ watched: ['new', 'open'] });
 * intent.name; // 'customerMessageReachesTeam'
 * ```
 */
export const INTENTS = {
  customerMessageReachesTeam,
  neverAutoFinishWhileCustomerWaits,
  customerGetsFullWait,
  closedOnlyFromSolved,
  lockedStaysLocked,
  everyTicketCanClose,
  noTimerLoop,
  solvedClosesWithin,
  reopenWindowHonoured,
  thirdPartyWaitIsNotCustomerWait,
  warnedBeforeAutoFinish,
  timersKeepTheRules,
} as const;

/**
 * The name of an intent of the catalogue.
 *
 * @example
 * ```ts
 * import type { IntentName } from 'ticket-lifecycle/testing';
 * const name: IntentName = 'customerMessageReachesTeam';
 * ```
 */
export type IntentName = keyof typeof INTENTS;

/**
 * The parameters of each intent of the catalogue, by name.
 *
 * @example
 * ```ts
 * import type { IntentParameters } from 'ticket-lifecycle/testing';
 * const p: IntentParameters = { customerMessageReachesTeam: { watched: ['new', 'open'] } };
 * ```
 */
export interface IntentParameters {
  readonly customerMessageReachesTeam?: CustomerMessageOptions;
  readonly solvedClosesWithin?: SolvedClosesOptions;
  readonly reopenWindowHonoured?: ReopenWindowOptions;
}

/**
 * Options of {@link applicableIntents}.
 *
 * @example
 * ```ts
 * import type { ApplicableIntentsOptions } from 'ticket-lifecycle/testing';
 * const options: ApplicableIntentsOptions = { skip: ['neverAutoFinishWhileCustomerWaits'] };
 * ```
 */
export interface ApplicableIntentsOptions {
  /** Only these intents of the catalogue (default: all of them). */
  readonly only?: readonly IntentName[];
  /** Leave these out. */
  readonly skip?: readonly IntentName[];
  /** Parameters per intent. */
  readonly parameters?: IntentParameters;
}

/**
 * The catalogue's intents that mean something for this policy, built with their parameters: what
 * `checkWorkflow` checks by default.
 *
 * @example
 * ```ts
 * import { zendesk } from 'ticket-lifecycle/presets';
 * import { applicableIntents } from 'ticket-lifecycle/testing';
 * applicableIntents(zendesk()).map((i) => i.name); // ['customerMessageReachesTeam', …]
 * ```
 */
export function applicableIntents(workflow: Workflow, options: ApplicableIntentsOptions = {}): Intent[] {
  const names = (options.only ?? (Object.keys(INTENTS) as IntentName[])).filter(
    (name) => !(options.skip ?? []).includes(name),
  );
  const parameters = (options.parameters ?? {}) as Readonly<Record<string, object | undefined>>;
  return names
    .map((name) => (INTENTS[name] as (p?: object) => Intent)(parameters[name]))
    .filter((intent) => intent.applies(workflow));
}
