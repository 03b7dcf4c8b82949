// Rewrites the preset diagrams in README.md from `toMermaid` (`npm run docs:diagrams`); a test keeps them in sync.
import { readFileSync, writeFileSync } from 'node:fs';
import { PRESET_DIAGRAMS, renderDiagrams } from './preset-diagrams.js';

const readme = new URL('../README.md', import.meta.url);
const text = readFileSync(readme, 'utf8');
const start = '<!-- diagrams:start -->';
const end = '<!-- diagrams:end -->';
const before = text.slice(0, text.indexOf(start) + start.length);
const after = text.slice(text.indexOf(end));
writeFileSync(readme, `${before}\n${renderDiagrams(PRESET_DIAGRAMS)}${after}`);
console.log(`README.md: ${PRESET_DIAGRAMS.length} preset diagrams written`);
