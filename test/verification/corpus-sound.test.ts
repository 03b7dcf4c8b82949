// Issue 16's proof, part 2: no false alarm. checkWorkflow's defaults (laws and applicable intents) report nothing on
// the corpus's sound policies and on every preset (with its notable options). Budget: numRuns 200, fixed seed.
import type { Workflow } from 'ticket-lifecycle';
import * as presets from 'ticket-lifecycle/presets';
import { describe, expect, it } from 'vitest';
import { detect } from './detect.js';
import { SOUND } from './sound.js';

const BUDGET = { numRuns: 200, seed: 16 } as const;

const PRESETS: [string, () => Workflow][] = [
  ...Object.entries(presets)
    .filter(([, make]) => typeof make === 'function')
    .map(([name, make]): [string, () => Workflow] => [name, () => (make as () => Workflow)()]),
  ['zendesk requesterCanSolve', () => presets.zendesk({ requesterCanSolve: true })],
  ['zammad newTicketAfter 7 days', () => presets.zammad({ followUp: 'newTicketAfter', reopenWithinDays: 7 })],
  ['zammad newTicket', () => presets.zammad({ followUp: 'newTicket' })],
];

const noFailure = (workflow: Workflow): string[] =>
  detect(workflow, BUDGET).failures.map((f) => `${f.law}: ${f.message}\n  ${f.steps.join('\n  ')}`);

describe.each(SOUND)('sound policy $id', (entry) => {
  it(`raises no alarm: ${entry.defect}`, () => {
    expect(noFailure(entry.workflow())).toEqual([]);
  });
});

describe.each(PRESETS)('preset %s', (_name, make) => {
  it('raises no alarm', () => {
    expect(noFailure(make())).toEqual([]);
  });
});

it('has at least 8 sound policies', () => {
  expect(SOUND.length).toBeGreaterThanOrEqual(8);
});
