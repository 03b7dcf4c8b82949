import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package by name, exactly as users do, but run against the sources.
    alias: [
      { find: /^ticket-lifecycle$/, replacement: src('index.ts') },
      { find: /^ticket-lifecycle\/(.+)$/, replacement: src('$1/index.ts') },
    ],
  },
  test: {
    // Property tests run hundreds of cases and CLI/package tests spawn processes: on a shared 2-core machine they
    // take several times vitest's 5 s default without anything being wrong. The heaviest (a thousand random policies
    // in CI) took 18 s at a load of 12 on 2 cores: 180 s leaves a wide margin, and still catches a hang.
    testTimeout: 180_000,
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.types.test.ts'], tsconfig: './tsconfig.json' },
  },
});
