import { ACTORS, type Actor } from '../model/actor.js';
import type { CompiledReply, Workflow } from '../policy/workflow.js';
import { describeWhen } from '../policy/build-moves.js';
import { replyCandidates } from '../policy/reply-candidates.js';
import type { DiagramParts } from './diagram-model.js';
import { showDuration } from './show-duration.js';
import { whenText } from './when-text.js';

const OUTCOME: Readonly<Record<'stay' | 'followUp' | 'reject', string>> = {
  stay: 'stays',
  followUp: 'follow-up',
  reject: 'rejected',
};

/**
 * Reply transitions, labelled by actor (`customer reply`, `agent, system reply (reopen)`): the rule that wins for
 * each status and actor, as the engine applies it. Replies that leave the ticket where it is but do something
 * (an explicit `stay`, a follow-up, a rejection) are drawn as loops; a reply that simply matches no rule is not.
 */
export function replyEdges(workflow: Workflow, parts: DiagramParts): void {
  const reached = replyCandidates(workflow);
  for (const { id } of workflow.statuses) {
    const status = workflow.compiled.byId.get(id)!;
    // Same target and same wording: one edge naming every actor.
    const merged = new Map<string, { to: string; suffix: string; actors: Actor[] }>();
    const add = (to: string, suffix: string, actor: Actor): void => {
      const key = `${to}\u0000${suffix}`;
      const entry = merged.get(key) ?? { to, suffix, actors: [] };
      entry.actors.push(actor);
      merged.set(key, entry);
    };
    for (const actor of ACTORS) {
      // Every candidate some ticket reaches: a rule with a `when` hands the tickets it does not match on to the
      // next one, and a candidate earlier ones shadow is never reached.
      for (let reply: CompiledReply | null = status.replies[actor]; reply !== null; reply = reply.next) {
        if (!reached.has(reply)) continue;
        const when = reply.when === null ? '' : ` [${whenText(describeWhen(reply.when)!)}]`;
        for (const [to, suffix] of outcomes(workflow, id, reply)) add(to, `${suffix}${when}`, actor);
      }
    }
    for (const { to, suffix, actors } of merged.values()) {
      parts.edges.push({ from: id, to, label: `${actors.join(', ')} reply${suffix}` });
    }
  }
}

function outcomes(workflow: Workflow, status: string, reply: CompiledReply): [string, string][] {
  switch (reply.action) {
    case 'move':
      return reply.to === null || reply.to === status ? [] : [[reply.to, '']];
    case 'reopen': {
      if (reply.to === null) return [];
      if (reply.within === null) return [[reply.to, ' (reopen)']];
      const raw = workflow.config.replies?.[reply.rule]?.within;
      const window = showDuration(raw, reply.within);
      return [
        [reply.to, ` within ${window} (reopen)`],
        [status, ` after ${window} (${OUTCOME[reply.otherwise]})`],
      ];
    }
    case 'stay':
      return reply.rule >= 0 ? [[status, ` (${OUTCOME.stay})`]] : [];
    case 'followUp':
    case 'reject':
      return [[status, ` (${OUTCOME[reply.action]})`]];
  }
}
