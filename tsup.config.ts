import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    presets: 'src/presets/index.ts',
    xstate: 'src/xstate/index.ts',
    testing: 'src/testing/index.ts',
    // The `ticket-lifecycle` bin (package.json `bin`); esbuild keeps its `#!` line.
    cli: 'src/cli/index.ts',
    postgres: 'src/postgres/index.ts',
  },
  format: ['esm', 'cjs'],
  // `@internal` declarations (the compiled form behind `Workflow.compiled`) stay out of the published types.
  dts: { compilerOptions: { stripInternal: true } },
  clean: true,
  sourcemap: false,
  target: 'es2022',
  treeshake: true,
  // Subpath entries import the core by its package name, so every entry shares one copy of the engine.
  external: ['ticket-lifecycle', 'xstate', 'fast-check'],
});
