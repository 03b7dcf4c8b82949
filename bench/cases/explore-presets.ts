import { exploreWorkflow } from 'ticket-lifecycle/testing';
import { allPresets, presetNamed } from '../fixtures/presets.js';
import type { BenchCase } from '../support/report.js';

const DEPTH = 6;
/** Generous budgets: the bench reports how far each preset gets, rather than stopping at the library's defaults. */
const MAX_STATES = 3_000_000;
const TIME_LIMIT_MS = 300_000;

/**
 * `exploreWorkflow` at depth 6 on every preset with its default options: distinct states (after the relative-time
 * abstraction), transitions tried, and the time, liveness settling included. No intents, so every run explores the
 * whole depth instead of stopping at a first counterexample. Numbers without a target (`INFO`): the state space
 * is the policy's, not the library's, to keep small.
 */
export const explorePresets: BenchCase = {
  name: 'exploreWorkflow depth 6',
  subjects: () => allPresets().map((p) => p.name),
  async run(subject) {
    const result = exploreWorkflow(presetNamed(subject), {
      depth: DEPTH,
      maxStates: MAX_STATES,
      timeLimitMs: TIME_LIMIT_MS,
      intents: [],
    });
    if (result.outcome === 'invalid') throw new Error(`bench: ${result.issues[0]?.message}`);
    const { states, transitions, elapsedMs, depth } = result.stats;
    const liveness =
      result.model.everyTicketCanClose === true
        ? 'every ticket can close'
        : `can close: ${result.model.everyTicketCanClose}`;
    return [
      {
        case: `exploreWorkflow depth ${DEPTH}`,
        subject,
        ours: `${states.toLocaleString('en')} states, ${transitions.toLocaleString('en')} transitions, ${(elapsedMs / 1000).toFixed(1)} s`,
        reference: `${result.outcome}${result.outcome === 'incomplete' ? ` (${result.reason}, depth ${depth} done)` : ''}; ${liveness}`,
        ratio: '',
        target: '',
        verdict: 'INFO',
      },
    ];
  },
};
