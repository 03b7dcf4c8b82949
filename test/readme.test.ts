// The README shows what the code does: its diagrams are exactly `toMermaid` of each preset.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESET_DIAGRAMS, renderDiagrams } from '../scripts/preset-diagrams.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('opens with the two commands that work on a fresh machine', () => {
    expect(readme).toMatch(/^# ticket-lifecycle\n\n```sh\nnpm install && npm run demo .*\nnpm test .*\n```/);
  });

  it('shows the current diagram of every preset (regenerate with `npm run docs:diagrams`)', () => {
    expect(readme).toContain(renderDiagrams(PRESET_DIAGRAMS));
  });
});
