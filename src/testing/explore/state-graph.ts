import type { Ticket, TicketEvent } from 'ticket-lifecycle';

/**
 * The states the explorer found and the moves between them, in breadth-first order: a state's index is never
 * smaller than its parent's, so the first state found with some property is one of the nearest to a start.
 */
export class StateGraph {
  readonly tickets: Ticket[] = [];
  readonly depth: number[] = [];
  /** The state this one was first reached from (`-1` for a start), and by what. */
  readonly parent: number[] = [];
  readonly via: (TicketEvent | null)[] = [];
  readonly label: string[] = [];
  /** Whether every letter was tried from the state (states at the depth bound are not). */
  readonly expanded: boolean[] = [];
  /** Moves as parallel lists: from, to. Self-loops (refusals, no-ops) are not kept: they tell nothing here. */
  readonly edgeFrom: number[] = [];
  readonly edgeTo: number[] = [];
  /** Per state, the states its moves lead to (each once). */
  readonly out: number[][] = [];
  private readonly index = new Map<string, number>();

  get size(): number {
    return this.tickets.length;
  }

  /** The state with this key, or a new one: `[index, isNew]`. */
  intern(key: string, ticket: Ticket, parent: number, via: TicketEvent | null, label: string): [number, boolean] {
    const known = this.index.get(key);
    if (known !== undefined) return [known, false];
    const i = this.tickets.length;
    this.index.set(key, i);
    this.tickets.push(ticket);
    this.depth.push(parent < 0 ? 0 : this.depth[parent]! + 1);
    this.parent.push(parent);
    this.via.push(via);
    this.label.push(label);
    this.expanded.push(false);
    this.out.push([]);
    return [i, true];
  }

  addEdge(from: number, to: number): void {
    if (from === to || this.out[from]!.includes(to)) return;
    this.out[from]!.push(to);
    this.edgeFrom.push(from);
    this.edgeTo.push(to);
  }

  /** The states from a start to `state`, start first. */
  pathTo(state: number): number[] {
    const path: number[] = [];
    for (let s = state; s >= 0; s = this.parent[s]!) path.push(s);
    return path.reverse();
  }

  /**
   * The states from which some move (or a chain of them) reaches a state in `targets`, `targets` included: one
   * backward breadth-first pass, linear in the graph.
   */
  reachesAny(targets: (state: number) => boolean, through: (from: number, to: number) => boolean): boolean[] {
    const n = this.size;
    const incoming: number[][] = Array.from({ length: n }, () => []);
    for (let e = 0; e < this.edgeFrom.length; e++) incoming[this.edgeTo[e]!]!.push(e);
    const marked = new Array<boolean>(n).fill(false);
    const queue: number[] = [];
    for (let s = 0; s < n; s++) {
      if (targets(s)) {
        marked[s] = true;
        queue.push(s);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      for (const e of incoming[queue[head]!]!) {
        const from = this.edgeFrom[e]!;
        if (marked[from] || !through(from, queue[head]!)) continue;
        marked[from] = true;
        queue.push(from);
      }
    }
    return marked;
  }
}
