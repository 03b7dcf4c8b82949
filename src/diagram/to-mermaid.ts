import { CATEGORIES, type Category } from '../policy/category.js';
import type { Workflow } from '../policy/workflow.js';
import { actionEdges } from './action-edges.js';
import { boundedNote, collapseEdges } from './collapse-edges.js';
import type { DiagramEdge, DiagramParts } from './diagram-model.js';
import { movesOf } from '../policy/moves.js';
import { mermaidIds, mermaidText } from './mermaid-text.js';
import { replyEdges } from './reply-edges.js';
import { statusChangeEdges } from './status-change-edges.js';
import { timerEdges } from './timer-edges.js';

/** One colour per category, light fills with dark text so the diagram reads in light and dark themes alike. */
const CATEGORY_STYLE: Readonly<Record<Category, string>> = {
  new: 'fill:#e3f2fd,stroke:#1565c0,color:#0d47a1',
  open: 'fill:#fff3e0,stroke:#ef6c00,color:#e65100',
  pending: 'fill:#f3e5f5,stroke:#6a1b9a,color:#4a148c',
  onHold: 'fill:#eceff1,stroke:#546e7a,color:#263238',
  snoozed: 'fill:#fffde7,stroke:#f9a825,color:#795548',
  solved: 'fill:#e8f5e9,stroke:#2e7d32,color:#1b5e20',
  closed: 'fill:#e0e0e0,stroke:#424242,color:#212121',
};

/** Hubs of `statusChanges` rules are not statuses: dashed and white, so they read as "from elsewhere". */
const HUB_CLASS = 'statusChange';
const HUB_STYLE = 'fill:#ffffff,stroke:#9e9e9e,stroke-dasharray:4 4,color:#424242';

/**
 * The policy as a Mermaid `stateDiagram-v2`, for READMEs, docs and admin screens (GitHub and most Markdown
 * viewers render it). Every status is a state labelled with its agent label (and the customer's, when it differs),
 * styled by category with one `classDef` per category in use. Transitions:
 *
 * - `[*] --> initial`, plus one per channel that starts elsewhere;
 * - replies, labelled by actor: `customer reply`, `agent, system reply (reopen)`, loops for `(stays)`,
 *   `(follow-up)` and `(rejected)`;
 * - `assign`;
 * - timers, labelled by duration and id: `⏱ P4D auto-close`, `⏱ until postpone-expiry`; reminders as notes;
 * - `resolve`, `close`, `snooze`, `reopen`, `merge`, labelled with who may and their conditions, named guards by name;
 * - free status changes (`setStatus` within `statusChanges`) through one dashed hub state per rule, such as
 *   `set status by agent, system from any status`, with an edge to each status it lets someone enter: drawing
 *   every allowed pair would join almost every two states.
 *
 * Parallel transitions are drawn once: one arrow per source and target, its label the distinct labels of every
 * move it stands for joined with ` | `, at most 200 characters (then `… (+n more)`); a status's note keeps at most
 * 12 distinct lines. So the text grows with the distinct moves of a policy, never with how often a rule repeats.
 *
 * Status ids that Mermaid cannot read as they are (`-`, `.`, `:`, keywords such as `end`) are aliased; labels
 * are escaped. Pure and deterministic.
 *
 * @example
 * ```ts
 * import { toMermaid } from 'ticket-lifecycle';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * const text = toMermaid(zendesk());
 * text.split('\n')[0];               // 'stateDiagram-v2'
 * text.includes('[*] --> new');      // true
 * text.includes('solved --> closed : ⏱ P4D auto-close'); // true
 * ```
 */
export function toMermaid<S extends string>(workflow: Workflow<S>): string {
  const wf = workflow as Workflow;
  const parts = diagramParts(wf);

  const ids = mermaidIds([...wf.statuses.map((s) => s.id), ...parts.hubs.map((h) => h.key)]);
  const id = (key: string): string => (key === '[*]' ? key : ids.get(key)!);
  const lines: string[] = ['stateDiagram-v2'];
  const title = wf.name ?? wf.id;
  // accTitle is plain text to the end of the line (entity codes are not decoded there): drop what could break it.
  if (title !== null) lines.push(`  accTitle: ${`${title} ticket lifecycle`.replace(/[\r\n<>]+/g, ' ').trim()}`);

  const used = CATEGORIES.filter((c) => wf.statuses.some((s) => s.category === c));
  for (const category of used) lines.push(`  classDef ${category} ${CATEGORY_STYLE[category]}`);
  if (parts.hubs.length > 0) lines.push(`  classDef ${HUB_CLASS} ${HUB_STYLE}`);
  for (const status of wf.statuses) {
    const { agent, customer } = status.labels;
    const label = customer === agent ? agent : `${agent} (customer sees: ${customer})`;
    lines.push(`  state "${mermaidText(label)}" as ${id(status.id)}`);
  }
  for (const hub of parts.hubs) lines.push(`  state "${mermaidText(hub.label)}" as ${id(hub.key)}`);

  const starts: DiagramEdge[] = [{ from: '[*]', to: wf.initial, label: '' }];
  for (const [channel, status] of wf.compiled.initialByChannel) {
    if (status !== wf.initial) starts.push({ from: '[*]', to: status, label: channel });
  }
  for (const edge of [...collapseEdges(starts), ...collapseEdges(parts.edges)]) {
    lines.push(`  ${id(edge.from)} --> ${id(edge.to)}${edge.label === '' ? '' : ` : ${mermaidText(edge.label)}`}`);
  }
  for (const [status, notes] of parts.notes) {
    lines.push(
      `  note right of ${id(status)}`,
      ...boundedNote(notes).map((n) => `    ${mermaidText(n)}`),
      '  end note',
    );
  }
  for (const category of used) {
    lines.push(
      `  class ${wf.statuses
        .filter((s) => s.category === category)
        .map((s) => id(s.id))
        .join(',')} ${category}`,
    );
  }
  if (parts.hubs.length > 0) lines.push(`  class ${parts.hubs.map((h) => id(h.key)).join(',')} ${HUB_CLASS}`);
  return `${lines.join('\n')}\n`;
}

/**
 * What the diagram draws besides the statuses, every move read from the moves table: replies, assignments (where
 * the assign rules let someone assign), timers, the explicit actions and the status-change hubs.
 */
export function diagramParts(workflow: Workflow): DiagramParts {
  const parts: DiagramParts = { edges: [], hubs: [], notes: new Map() };
  replyEdges(workflow, parts);
  for (const { id } of workflow.statuses) {
    const targets = new Set<string>();
    for (const move of movesOf(workflow).byStatus.get(id)!.moves) if (move.event === 'assign') targets.add(move.to[0]!);
    for (const to of targets) parts.edges.push({ from: id, to, label: 'assign' });
  }
  timerEdges(workflow, parts);
  actionEdges(workflow, parts);
  statusChangeEdges(workflow, parts);
  return parts;
}
