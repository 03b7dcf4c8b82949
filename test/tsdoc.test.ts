// Every export of every entry has TSDoc with an @example: the standard this package holds itself to.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENTRIES = ['index.ts', 'presets/index.ts', 'xstate/index.ts', 'testing/index.ts', 'postgres/index.ts'];
const file = (path: string): string => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

const program = ts.createProgram(ENTRIES.map(file), { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, skipLibCheck: true, noEmit: true, paths: { 'ticket-lifecycle': [file('index.ts')] }, baseUrl: '.' });
const checker = program.getTypeChecker();

/** Exported names whose declarations carry no `@example` tag. */
function withoutExample(entry: string): string[] {
  const source = program.getSourceFile(file(entry))!;
  const module = checker.getSymbolAtLocation(source)!;
  return checker
    .getExportsOfModule(module)
    .filter((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      return !(symbol.declarations ?? []).some((d) => ts.getJSDocTags(d).some((tag) => tag.tagName.text === 'example'));
    })
    .map((symbol) => symbol.name);
}

describe.each(ENTRIES)('src/%s', (entry) => {
  it('documents every export with an @example', () => {
    expect(withoutExample(entry)).toEqual([]);
  });
});
