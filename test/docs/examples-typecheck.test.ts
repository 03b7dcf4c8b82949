// Every TypeScript example a reader sees — README.md, docs/, and every TSDoc @example — compiles against the BUILT
// package, exactly as a user's editor would see it (`npm test` builds first). One tsc run for all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allExamples, markdownExamples, tsdocExamples } from '../../scripts/doc-examples.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** `ticket-lifecycle` and each subpath of package.json `exports` → its built type declarations. */
function entryTypes(): Record<string, string[]> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { import?: { types?: string } }>;
  };
  return Object.fromEntries(
    Object.entries(pkg.exports).flatMap(([subpath, target]) => {
      const types = typeof target === 'object' ? target.import?.types : undefined;
      return types === undefined ? [] : [[`ticket-lifecycle${subpath.slice(1)}`, [join(root, types)]]];
    }),
  );
}
// Inside the repository so `xstate`, `fast-check` and `@types/node` resolve from its node_modules.
const work = join(root, 'node_modules/.cache/doc-examples');

describe('doc examples', () => {
  it('finds blocks in Markdown and in TSDoc, with the line a reader sees', () => {
    expect(markdownExamples('a.md', 'text\n```ts\nconst a = 1;\n```\n```sh\nnpm i\n```')).toEqual([
      { file: 'a.md', line: 3, code: 'const a = 1;' },
    ]);
    const source = '/**\n * Doc.\n * @example\n * ```ts\n * const b = 2;\n *\n * b;\n * ```\n */\nconst x = "```ts";';
    expect(tsdocExamples('b.ts', source)).toEqual([{ file: 'b.ts', line: 5, code: 'const b = 2;\n\nb;' }]);
  });

  it('every one type-checks against dist/', () => {
    expect(existsSync(join(root, 'dist/index.d.ts')), 'run `npm run build` first (npm test does)').toBe(true);
    const examples = allExamples(root);
    expect(examples.length).toBeGreaterThan(100);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const names = examples.map((example, i) => {
      const name = `${String(i).padStart(4, '0')}.ts`;
      // `export {}` makes each block its own module, so blocks never clash over names.
      writeFileSync(join(work, name), `${example.code}\nexport {};\n`);
      return name;
    });
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022'],
          types: ['node'],
          typeRoots: [join(root, 'node_modules/@types')],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          esModuleInterop: true,
          paths: entryTypes(),
        },
        files: names,
      }),
    );
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', work], {
      encoding: 'utf8',
    });
    // `0003.ts(2,5): error TS2304: …` → `src/engine/can.ts:14 (example line 2): error TS2304: …`
    const errors = tsc.stdout
      .split('\n')
      .filter((line) => /^\S/.test(line))
      .map((line) => {
        const match = /(?:^|\/)(\d{4})\.ts\((\d+),\d+\): (.*)$/.exec(line);
        if (match === null) return line; // not about one example (a config problem): shown as it is
        const example = examples[Number(match[1])]!;
        return `${example.file}:${example.line + Number(match[2]) - 1}: ${match[3]}`;
      });
    expect(errors).toEqual([]);
    expect(tsc.status).toBe(0);
  }, 180_000);
});
