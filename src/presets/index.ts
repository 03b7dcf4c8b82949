// `ticket-lifecycle/presets`: one function per helpdesk, each returning a compiled Workflow.

export { liveAgent, type LiveAgentOptions, type LiveAgentStatus } from './live-agent.js';
export { tawkTo, type TawkToOptions, type TawkToStatus } from './tawk-to.js';
export { zendesk, zendeskGuards, type ZendeskOptions, type ZendeskStatus } from './zendesk.js';
export type { PresetSla } from './sla-option.js';
export { freshdesk, type FreshdeskOptions, type FreshdeskStatus } from './freshdesk.js';
export { zammad, type ZammadOptions, type ZammadStatus } from './zammad.js';
export { chatwoot, type ChatwootOptions, type ChatwootStatus } from './chatwoot.js';
export { helpScout, helpScoutGuards, type HelpScoutOptions, type HelpScoutStatus } from './help-scout.js';
export { osTicket, type OsTicketOptions, type OsTicketStatus } from './os-ticket.js';
export {
  jiraServiceManagement,
  type JiraServiceManagementOptions,
  type JiraServiceManagementStatus,
} from './jira-service-management.js';
