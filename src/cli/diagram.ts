import { toMermaid } from 'ticket-lifecycle';
import type { ExitCode, Output } from './errors.js';
import { loadWorkflow } from './load-policy.js';

/** `ticket-lifecycle diagram <policy> [--markdown]`: the policy as Mermaid text, or a Markdown page embedding it. */
export async function diagram(argument: string, markdown: boolean, io: Output): Promise<ExitCode> {
  const workflow = await loadWorkflow(argument);
  const mermaid = toMermaid(workflow).trimEnd();
  if (!markdown) {
    io.out(mermaid);
    return 0;
  }
  io.out(`# ${workflow.name ?? workflow.id ?? argument}\n\n\`\`\`mermaid\n${mermaid}\n\`\`\``);
  return 0;
}
