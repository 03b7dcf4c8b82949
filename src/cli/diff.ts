import type { ExitCode, Output } from './errors.js';
import { loadWorkflow } from './load-policy.js';
import { diffPolicies } from './policy-diff.js';

/**
 * `ticket-lifecycle diff <old> <new> [--json]`: what the change does to tickets stored under the old policy, and
 * the `migrateTicket` mapping for the renames it found. Exit 1 when stored tickets would break.
 */
export async function diff(oldArgument: string, newArgument: string, json: boolean, io: Output): Promise<ExitCode> {
  const before = await loadWorkflow(oldArgument);
  const after = await loadWorkflow(newArgument);
  const { changes, migration } = diffPolicies(before, after);
  const breaking = changes.filter((c) => c.breaking).length;
  if (json) {
    io.out(JSON.stringify({ breaking: breaking > 0, changes, migration }, null, 2));
    return breaking > 0 ? 1 : 0;
  }
  for (const change of changes) io.out(`${change.breaking ? 'breaking' : 'change  '}  ${change.message}`);
  if (changes.length === 0) io.out('no changes that affect stored tickets');
  if (breaking > 0) {
    io.out(
      `${breaking} breaking change${breaking === 1 ? '' : 's'}: migrate stored tickets with migrateTicket(old, new, ticket, mapping), mapping:`,
    );
    io.out(JSON.stringify(migration));
  }
  return breaking > 0 ? 1 : 0;
}
