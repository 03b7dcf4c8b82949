import type { DiagramEdge } from './diagram-model.js';

/** The longest transition label drawn, in characters: beyond it, the label says how many parts it leaves out. */
export const MAX_LABEL_LENGTH = 200;

/** At most this many lines in the note of one status (reminders, wake-ups); beyond, a last line counts the rest. */
export const MAX_NOTE_LINES = 12;

/**
 * One edge per source and target, in the order their first edge was drawn, with the labels of every parallel edge
 * joined with ` | ` (each label once) and bounded by {@link MAX_LABEL_LENGTH}. A policy of thousands of rules that
 * all move the same way draws one arrow, not thousands, and the diagram's size follows its distinct moves.
 */
export function collapseEdges(edges: readonly DiagramEdge[]): DiagramEdge[] {
  const merged = new Map<string, { from: string; to: string; labels: Set<string> }>();
  for (const edge of edges) {
    const key = `${edge.from}\u0000${edge.to}`;
    let entry = merged.get(key);
    if (entry === undefined) {
      entry = { from: edge.from, to: edge.to, labels: new Set() };
      merged.set(key, entry);
    }
    if (edge.label !== '') entry.labels.add(edge.label);
  }
  return [...merged.values()].map(({ from, to, labels }) => ({
    from,
    to,
    label: boundedJoin([...labels], ' | ', MAX_LABEL_LENGTH),
  }));
}

/**
 * `parts` joined with `separator`, keeping whole parts while the text stays within `max` characters and then
 * saying how many were left out: `a | b | … (+3 more)`. A single part longer than `max` is cut.
 */
export function boundedJoin(parts: readonly string[], separator: string, max: number): string {
  let text = '';
  for (let i = 0; i < parts.length; i++) {
    const next = i === 0 ? parts[i]! : `${text}${separator}${parts[i]}`;
    const rest = parts.length - i - 1;
    // Room for the "(+n more)" tail whenever parts remain after this one.
    if (next.length > max - (rest > 0 ? 16 : 0)) {
      if (i === 0) return `${parts[0]!.slice(0, max - 1)}…`;
      return `${text}${separator}… (+${parts.length - i} more)`;
    }
    text = next;
  }
  return text;
}

/**
 * Each distinct line once, at most {@link MAX_NOTE_LINES} of them, each bounded, the last saying how many were left
 * out.
 */
export function boundedNote(lines: readonly string[]): string[] {
  const distinct = [...new Set(lines)];
  const cut = (line: string): string =>
    line.length > MAX_LABEL_LENGTH ? `${line.slice(0, MAX_LABEL_LENGTH - 1)}…` : line;
  if (distinct.length <= MAX_NOTE_LINES) return distinct.map(cut);
  return [...distinct.slice(0, MAX_NOTE_LINES - 1).map(cut), `… and ${distinct.length - MAX_NOTE_LINES + 1} more`];
}
