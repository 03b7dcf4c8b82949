import { ACTORS } from '../model/actor.js';
import { whenCanMatch } from './compile-when.js';
import { type AttributeDomains, REPLY_SEARCH_BUDGET, reachableReplies, type SearchBudget } from './reply-reach.js';
import type { CompiledReply, Workflow } from './workflow.js';

// A workflow is deep-frozen, so the answer computed once for it stays true for as long as it lives.
const cache = new WeakMap<Workflow, ReadonlySet<CompiledReply>>();

/**
 * Every reply candidate (of every status's and actor's first-match chain, `CompiledReply.next`) that some ticket
 * reaches: one matching its `when` and no earlier candidate's. The moves table lists the moves of these, and the
 * diagram draws these, so neither restates the first-match rule. Computed once per workflow; chains of the same
 * rules in the same order are searched once, and one {@link REPLY_SEARCH_BUDGET} bounds the whole workflow.
 */
export function replyCandidates(workflow: Workflow): ReadonlySet<CompiledReply> {
  let out = cache.get(workflow);
  if (out !== undefined) return out;
  const { compiled } = workflow;
  const domains: AttributeDomains = [
    new Set<string | null>([null, ...compiled.priorityRank.keys()]),
    compiled.groups === null ? null : new Set<string | null>([null, ...compiled.groups]),
    null,
  ];
  const budget: SearchBudget = { left: REPLY_SEARCH_BUDGET };
  const reached = new Map<string, readonly boolean[]>();
  const set = new Set<CompiledReply>();
  for (const { id } of workflow.statuses) {
    const status = compiled.byId.get(id)!;
    for (const actor of ACTORS) {
      const first = status.replies[actor];
      if (first.next === null) {
        if (whenCanMatch(first.when)) set.add(first);
        continue;
      }
      const chain: CompiledReply[] = [];
      for (let reply: CompiledReply | null = first; reply !== null; reply = reply.next) chain.push(reply);
      const key = chain.map((r) => r.rule).join();
      let reachable = reached.get(key);
      if (reachable === undefined) {
        const found = reachableReplies(first, domains, budget);
        reachable = chain.map((r) => found.has(r));
        reached.set(key, reachable);
      }
      chain.forEach((reply, c) => {
        if (reachable[c]) set.add(reply);
      });
    }
  }
  out = set;
  cache.set(workflow, out);
  return out;
}
