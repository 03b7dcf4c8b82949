// Loads the built package by name through its exports map, as a CommonJS user would.
const assert = require('node:assert/strict');
const { createTicket, transition, WorkflowError, defineWorkflow } = require('ticket-lifecycle');
const presets = require('ticket-lifecycle/presets');

const wf = presets.liveAgent();
const ticket = createTicket(wf, { at: 0 });
const answered = transition(wf, ticket, { type: 'reply', by: 'agent', at: 1 });
assert.equal(answered.ok && answered.ticket.status, 'answered');
assert.throws(() => defineWorkflow({ statuses: [] }), WorkflowError);
for (const name of ['liveAgent', 'tawkTo', 'zendesk']) assert.equal(typeof presets[name], 'function', name);
console.log('CJS smoke test passed: ticket-lifecycle, ticket-lifecycle/presets');
