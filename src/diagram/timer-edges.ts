import type { TimerAnchor } from '../policy/config.js';
import { parseDuration } from '../policy/duration.js';
import { movesOf } from '../policy/moves.js';
import type { CompiledTimer, Workflow } from '../policy/workflow.js';
import { addNote, type DiagramParts } from './diagram-model.js';
import { showDuration } from './show-duration.js';

const ANCHOR_WORDS: Readonly<Record<TimerAnchor, string>> = {
  statusEntered: 'entry',
  lastCustomerMessage: 'customer message',
  lastAgentMessage: 'agent message',
  lastActivity: 'activity',
  until: 'until',
  created: 'creation',
};

/**
 * Timer moves as transitions labelled `⏱ P4D auto-close` (the duration as written in the policy), with the moments
 * counted from when they are not just the entry into the status; reminders and "back to the previous status"
 * wake-ups as notes on the status.
 */
export function timerEdges(workflow: Workflow, parts: DiagramParts): void {
  // A timer by category runs in many statuses: its words are written once, then drawn in each.
  const texts = new Map<CompiledTimer, TimerText>();
  const table = movesOf(workflow);
  for (const { id } of workflow.statuses) {
    const timers = workflow.compiled.byId.get(id)!.timers;
    // The moves table lists the timers of a status in the compiled order: where each one leads is read there.
    table.byStatus.get(id)!.timers.forEach((move, i) => {
      const timer = timers[i]!;
      let text = texts.get(timer);
      if (text === undefined) {
        text = describeTimer(workflow, timer);
        texts.set(timer, text);
      }
      for (const to of move.to) parts.edges.push({ from: id, to, label: text.label });
      for (const to of move.restoreTo)
        if (!move.to.includes(to)) parts.edges.push({ from: id, to, label: `${text.label} (if snoozed from there)` });
      for (const note of text.notes) addNote(parts, id, note);
    });
  }
}

/** How a timer reads in the diagram: its transition label, and its lines in the note of a status it runs in. */
interface TimerText {
  readonly label: string;
  readonly notes: readonly string[];
}

function describeTimer(workflow: Workflow, timer: CompiledTimer): TimerText {
  const raw = workflow.config.timers?.[timer.order];
  const label = `⏱ ${dueText(timer, raw?.after)} ${timer.id}${qualifiers(timer)}`;
  if (timer.action === 'remind') {
    const every =
      timer.repeatEvery === null
        ? ''
        : `, then every ${showDuration(raw?.action === 'remind' ? raw.repeatEvery : undefined, timer.repeatEvery)}`;
    return { label, notes: [`${label}: reminder${every}`] };
  }
  const notes = timer.restore === true ? [`${timer.id}: wakes back to the status it was snoozed from`] : [];
  const reminders: readonly unknown[] = raw?.action === 'move' ? (raw.reminders ?? []) : [];
  for (const ms of timer.reminders) {
    notes.push(
      `⏱ ${showDuration(
        reminders.find((r) => parseDuration(r) === ms),
        ms,
      )} reminder before ${timer.id}`,
    );
  }
  return { label, notes };
}

function dueText(timer: CompiledTimer, rawAfter: unknown): string {
  if (timer.anchors.every((a) => a === 'until'))
    return timer.after === 0 ? 'until' : `until + ${showDuration(rawAfter, timer.after)}`;
  return showDuration(rawAfter, timer.after);
}

function qualifiers(timer: CompiledTimer): string {
  const notes: string[] = [];
  const defaultAnchor = timer.anchors.length === 1 && timer.anchors[0] === 'statusEntered';
  if (!defaultAnchor && !timer.anchors.every((a) => a === 'until'))
    notes.push(`since ${timer.anchors.map((a) => ANCHOR_WORDS[a]).join(' / ')}`);
  if (timer.skipWhileCustomerWaits) notes.push('paused while the customer waits');
  return notes.length === 0 ? '' : ` (${notes.join(', ')})`;
}
