// Loads the built package by name through its exports map, as an ESM user would.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  createTicket,
  defineWorkflow,
  transition,
  evaluateAutoClose,
  nextDeadline,
  WorkflowError,
} from 'ticket-lifecycle';
import * as presets from 'ticket-lifecycle/presets';
import { createTicketMachine } from 'ticket-lifecycle/xstate';
import { checkWorkflow } from 'ticket-lifecycle/testing';
import { createActor } from 'xstate';
import { createPostgresStore } from 'ticket-lifecycle/postgres';
import { PGlite } from '@electric-sql/pglite';

const wf = presets.zendesk();
const ticket = createTicket(wf, { at: 0 });
const assigned = transition(wf, ticket, { type: 'assign', by: 'agent', at: 1, assignee: 'ana' });
assert.equal(assigned.ok && assigned.ticket.status, 'open');
assert.equal(nextDeadline(presets.tawkTo(), createTicket(presets.tawkTo(), { at: 0 })), null);
assert.equal(evaluateAutoClose(wf, ticket, 10).close, false);
assert.throws(() => defineWorkflow({ statuses: [] }), WorkflowError);
for (const [name, preset] of Object.entries(presets).filter(([n]) => ['liveAgent', 'tawkTo', 'zendesk'].includes(n))) {
  assert.equal(typeof preset, 'function', name);
}
const actor = createActor(createTicketMachine(wf), { input: { at: 0 } }).start();
actor.send({ type: 'assign', by: 'agent', at: 1, assignee: 'ana' });
assert.equal(actor.getSnapshot().value, 'open');
actor.stop();
assert.equal(checkWorkflow(presets.tawkTo(), { numRuns: 5, seed: 1 }).ok, true);
const store = createPostgresStore(new PGlite(), { workflow: wf });
await store.migrate();
const created = await store.create({ at: 0 });
const applied = await store.apply(created.id, { type: 'assign', by: 'agent', assignee: 'ana' });
assert.equal(applied.ok && applied.ticket.status, 'open');
assert.equal((await store.verify(created.id)).ok, true);
// The compiled form is internal: the published types never show it (tsup strips `@internal`, see tsup.config.ts).
for (const file of ['index.d.ts', 'index.d.cts']) {
  const types = readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
  assert.doesNotMatch(types, /\bcompiled\??:|CompiledWorkflow|CompiledStatus/, `dist/${file} leaks the compiled form`);
}
console.log('ESM smoke test passed: ticket-lifecycle, /presets, /xstate, /testing, /postgres');
