/** A transition to draw: `from --> to : label`. */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

/** A state that is not a status: the hub of a `statusChanges` rule. `key` never equals a status id (it has spaces). */
export interface DiagramHub {
  readonly key: string;
  readonly label: string;
}

/** What the diagram shows besides the statuses: transitions, hubs, and notes per status (reminders, restores). */
export interface DiagramParts {
  readonly edges: DiagramEdge[];
  readonly hubs: DiagramHub[];
  readonly notes: Map<string, string[]>;
}

export function addNote(parts: DiagramParts, status: string, line: string): void {
  const lines = parts.notes.get(status);
  if (lines === undefined) parts.notes.set(status, [line]);
  else lines.push(line);
}
