import type { Ticket } from 'ticket-lifecycle';
import { sink } from './measure.js';

/** Rows per page: what a ticket list, a report or a sweeper fetches from storage in one query. */
export const PAGE_ROWS = 1_000;

/**
 * A stored table as JSON text, one text per page of {@link PAGE_ROWS} rows: what a host's driver hands over, page
 * after page, before it parses the rows.
 *
 * @example
 * ```ts
 * const pages = toPages(storedTickets(zendesk(), { count: 10_000, now, seed: 3 }));
 * pages.length; // 10
 * ```
 */
export function toPages(tickets: readonly Ticket[]): string[] {
  const pages: string[] = [];
  for (let i = 0; i < tickets.length; i += PAGE_ROWS) pages.push(JSON.stringify(tickets.slice(i, i + PAGE_ROWS)));
  return pages;
}

/**
 * Times `subjects` on a table read page by page, as a host reads it: each page is parsed (not timed), then every
 * subject runs over the freshly parsed rows, in alternating order from page to page, timed on its own. Rows are
 * young and cache-hot, as they are right after a query, and nothing but one page is alive, unlike a table of a
 * million parsed rows held at once. Returns, per subject, the best of `rounds` whole passes, in ns per row.
 *
 * @example
 * ```ts
 * const ns = timePaged(pages, { ours: (rows) => rows.filter((t) => t.status === 'closed').length });
 * ns.get('ours'); // ns per row
 * ```
 */
export function timePaged(
  pages: readonly string[],
  subjects: Readonly<Record<string, (rows: readonly Ticket[]) => number>>,
  rounds = 5,
): Map<string, number> {
  const names = Object.keys(subjects);
  const best = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    const spent = new Map<string, number>(names.map((name) => [name, 0]));
    let rows = 0;
    for (let p = 0; p < pages.length; p++) {
      const page = JSON.parse(pages[p]!) as Ticket[];
      rows += page.length;
      const order = (p + round) % 2 === 0 ? names : [...names].reverse();
      for (const name of order) {
        const start = process.hrtime.bigint();
        sink.value ^= subjects[name]!(page);
        spent.set(name, spent.get(name)! + Number(process.hrtime.bigint() - start));
      }
    }
    for (const name of names) best.set(name, Math.min(best.get(name) ?? Infinity, spent.get(name)! / rows));
  }
  return best;
}
