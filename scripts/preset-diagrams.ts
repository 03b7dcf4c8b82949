import { toMermaid, type Workflow } from 'ticket-lifecycle';
import * as presets from 'ticket-lifecycle/presets';

/** The presets shown in docs/presets.md, with their display names, in the order of the comparison table. */
export const PRESET_DIAGRAMS: readonly (readonly [title: string, call: string, workflow: () => Workflow])[] = [
  ['LiveAgent', 'liveAgent()', () => presets.liveAgent()],
  ['tawk.to', 'tawkTo()', () => presets.tawkTo()],
  ['Zendesk', 'zendesk()', () => presets.zendesk()],
  ['Freshdesk', 'freshdesk()', () => presets.freshdesk()],
  ['Zammad', 'zammad()', () => presets.zammad()],
  ['Chatwoot', 'chatwoot()', () => presets.chatwoot()],
  ['Help Scout', 'helpScout()', () => presets.helpScout()],
  ['osTicket', 'osTicket()', () => presets.osTicket()],
  ['Jira Service Management', 'jiraServiceManagement()', () => presets.jiraServiceManagement()],
];

/** Markdown for the diagrams: a collapsible section per preset, so the page stays readable. */
export function renderDiagrams(list: typeof PRESET_DIAGRAMS): string {
  return list
    .map(
      ([title, call, workflow]) =>
        `<details><summary>${title}: <code>${call}</code></summary>\n\n\`\`\`mermaid\n${toMermaid(workflow())}\`\`\`\n\n</details>\n\n`,
    )
    .join('');
}
