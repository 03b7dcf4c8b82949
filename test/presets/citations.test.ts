// The presets cite only what a reader can open: public URLs and docs/presets.md, whose anchors must exist. A
// citation of a document outside the repository (a reference page, a seed file, a "§" section of one) fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const filesIn = (dir: string): string[] =>
  readdirSync(new URL(dir, root))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${dir}${f}`);
const CITING = [...filesIn('src/presets/'), ...filesIn('test/presets/')].filter(
  (f) => f !== 'test/presets/citations.test.ts',
);

const docs = read('docs/presets.md');
/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
const anchors = new Set([...docs.matchAll(/^#{2,3} (.+)$/gm)].map((m) => slug(m[1]!)));

describe('preset citations', () => {
  it.each(CITING)('%s cites no document outside the repository', (file) => {
    expect(read(file)).not.toMatch(/helpdesk-systems|seeds\/0\d\d|§\s?\d|reference §/);
  });

  it.each(CITING)('%s cites only anchors that docs/presets.md has', (file) => {
    const cited = [...read(file).matchAll(/docs\/presets\.md#([a-z0-9-]+)/g)].map((m) => m[1]!);
    expect(cited.filter((anchor) => !anchors.has(anchor))).toEqual([]);
  });

  it.each([
    'LiveAgent',
    'tawk.to',
    'Zendesk',
    'Freshdesk',
    'Zammad',
    'Chatwoot',
    'Help Scout',
    'osTicket',
    'Jira Service Management',
  ])(
    "docs/presets.md has a section on %s citing the vendor's public pages and saying where the preset differs",
    (name) => {
      const section = docs.split(/^## /m).find((s) => s.startsWith(`${name}\n`));
      expect(section).toBeDefined();
      expect(section).toMatch(/https?:\/\/\S+/);
      expect(section).toMatch(/Choices? where the sources? (are|is) (silent|ambiguous)/);
      expect(section).toMatch(/Known differences/);
    },
  );

  it('docs/presets.md says what every preset shares (exact timers, checked options)', () => {
    expect(anchors.has('what-every-preset-shares')).toBe(true);
  });
});
