// Finds the TypeScript a reader is shown — ```ts blocks in README.md and docs/, `@example` blocks in TSDoc — so a
// test can type-check every one against the built package (test/docs/examples-typecheck.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One code block and where a reader sees it (file and 1-based line of its first code line). */
export interface DocExample {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

const FENCE = /^([ \t]*)```(ts|typescript)\s*$/;

/** ```ts blocks of a Markdown text. */
export function markdownExamples(file: string, text: string): DocExample[] {
  return fencedBlocks(file, text.split('\n'), (line) => line);
}

/** ```ts blocks inside the `/** … *\/` comments of a TypeScript source, with the ` * ` prefixes removed. */
export function tsdocExamples(file: string, text: string): DocExample[] {
  const lines = text.split('\n');
  const inComment: boolean[] = [];
  let open = false;
  for (const line of lines) {
    if (/^\s*\/\*\*/.test(line)) open = true;
    inComment.push(open);
    if (line.includes('*/')) open = false;
  }
  return fencedBlocks(file, lines, (line, index) => (inComment[index] ? line.replace(/^\s*\*( |$)/, '') : null));
}

function fencedBlocks(
  file: string,
  lines: readonly string[],
  unwrap: (line: string, index: number) => string | null,
): DocExample[] {
  const examples: DocExample[] = [];
  let start = -1;
  let body: string[] = [];
  lines.forEach((raw, index) => {
    const line = unwrap(raw, index);
    if (line === null) return;
    if (start < 0) {
      if (FENCE.test(line)) {
        start = index + 1;
        body = [];
      }
    } else if (/^\s*```\s*$/.test(line)) {
      examples.push({ file, line: start + 1, code: body.join('\n') });
      start = -1;
    } else {
      body.push(line);
    }
  });
  return examples;
}

/** Every example of the repository at `root`: README.md, docs/*.md, and the TSDoc of src/. */
export function allExamples(root: string): DocExample[] {
  const read = (path: string): string => readFileSync(join(root, path), 'utf8');
  const files = (dir: string, ext: string): string[] =>
    readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith(ext))
      .map((f) => relative(root, join(f.parentPath, f.name)))
      .sort();
  return [
    ...markdownExamples('README.md', read('README.md')),
    ...files('docs', '.md').flatMap((file) => markdownExamples(file, read(file))),
    ...files('src', '.ts').flatMap((file) => tsdocExamples(file, read(file))),
  ];
}
