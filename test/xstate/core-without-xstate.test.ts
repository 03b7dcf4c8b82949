// xstate is an optional peer: the core entry must never pull it in. Bundling the core with everything inlined
// (nothing external) proves it: any import of xstate, direct or through another module, would land in the output.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = (path: string): string => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

async function bundle(
  file: string,
  options: { alias?: Record<string, string>; external?: string[] } = {},
): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    entryPoints: [entry(file)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    metafile: true,
    logLevel: 'silent',
    ...options,
  });
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

describe('the core entry', () => {
  it('bundles without a byte of xstate', async () => {
    const { code, inputs } = await bundle('index.ts');
    expect(inputs.filter((path) => /xstate/i.test(path))).toEqual([]);
    expect(code).not.toMatch(/xstate/i);
    // The bundle is the engine itself, not an empty shell.
    expect(code).toMatch(/function transition\b/);
  });

  it('(control) the xstate entry does import xstate', async () => {
    // Resolve the package name to the sources, as tsconfig paths do, and keep xstate as the import it is.
    const { code } = await bundle('xstate/index.ts', {
      alias: { 'ticket-lifecycle': entry('index.ts') },
      external: ['xstate'],
    });
    expect(code).toMatch(/from "xstate"/);
  });
});
