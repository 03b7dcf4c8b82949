// The README is the front door: what it is, how to install, a hello world, links — then how to work on the repo.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');

describe('README', () => {
  it('opens with what it is, the install line, then a hello world of about 20 lines', () => {
    const blocks = [...readme.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2]! }));
    expect(readme.startsWith('# ticket-lifecycle\n\n')).toBe(true);
    expect(readme.indexOf('```')).toBeLessThan(600); // a short paragraph first
    expect(blocks[0]).toEqual({ lang: 'sh', code: 'npm install ticket-lifecycle\n' });
    expect(blocks[1]?.lang).toBe('ts');
    expect(blocks[1]!.code.split('\n').length).toBeLessThanOrEqual(26);
  });

  it('keeps the two commands for working on the repository near the top, under their own heading', () => {
    const heading = readme.indexOf('\n## Working on this repository\n');
    expect(heading).toBeGreaterThan(0);
    expect(readme.slice(0, heading).split('\n').length).toBeLessThan(60);
    expect(readme.slice(heading)).toMatch(
      /^\n## Working on this repository\n\n```sh\nnpm install && npm run demo .*\nnpm test .*\n```/,
    );
  });

  it('links only to files that exist in the repository', () => {
    const targets = [...readme.matchAll(/\]\(((?!https?:)[^)#]+)(#[^)]*)?\)/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(5);
    expect(targets.filter((target) => !existsSync(new URL(target, root)))).toEqual([]);
  });

  it('stays short: long references live in docs/', () => {
    expect(readme.split('\n').length).toBeLessThan(150);
    expect(readme).not.toContain('```mermaid');
  });
});
