// `ticket-lifecycle/presets`: one function per helpdesk, each returning a compiled Workflow.

export { liveAgent, type LiveAgentOptions, type LiveAgentStatus } from './live-agent.js';
export { tawkTo, type TawkToOptions, type TawkToStatus } from './tawk-to.js';
export { zendesk, type ZendeskOptions, type ZendeskStatus } from './zendesk.js';
