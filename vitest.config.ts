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
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.types.test.ts'], tsconfig: './tsconfig.json' },
  },
});
