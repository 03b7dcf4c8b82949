// Loads the built package by name through its exports map, as a CommonJS user would.
const assert = require('node:assert/strict');
const { createTicket, transition, WorkflowError, defineWorkflow } = require('ticket-lifecycle');
const presets = require('ticket-lifecycle/presets');
const { createTicketMachine } = require('ticket-lifecycle/xstate');
const { checkWorkflow } = require('ticket-lifecycle/testing');
const { createActor } = require('xstate');
const { createPostgresStore, errorKind } = require('ticket-lifecycle/postgres');

const wf = presets.liveAgent();
const ticket = createTicket(wf, { at: 0 });
const answered = transition(wf, ticket, { type: 'reply', by: 'agent', at: 1 });
assert.equal(answered.ok && answered.ticket.status, 'answered');
assert.throws(() => defineWorkflow({ statuses: [] }), WorkflowError);
for (const name of ['liveAgent', 'tawkTo', 'zendesk']) assert.equal(typeof presets[name], 'function', name);
const actor = createActor(createTicketMachine(wf), { input: { at: 0 } }).start();
actor.send({ type: 'reply', by: 'agent', at: 1 });
assert.equal(actor.getSnapshot().value, 'answered');
actor.stop();
assert.equal(checkWorkflow(presets.tawkTo(), { numRuns: 5, seed: 1 }).ok, true);
// PGlite ships ESM only: the CJS build is checked to load and to build a store over a hand-written driver.
const calls = [];
const store = createPostgresStore(
  {
    query: async (sql) => {
      calls.push(sql);
      return { rows: [] };
    },
    transaction: async (fn) => fn({ query: async () => ({ rows: [] }) }),
  },
  { workflow: wf },
);
assert.equal(typeof store.sweep, 'function');
assert.equal(errorKind('staleEvent'), 'conflict');
store.get('1').then((t) => {
  assert.equal(t, null);
  assert.equal(calls.length, 1);
  console.log('CJS smoke test passed: ticket-lifecycle, /presets, /xstate, /testing, /postgres');
});
