// Every export of every entry has TSDoc with an @example: the standard this package holds itself to.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENTRIES = ['index.ts', 'presets/index.ts', 'xstate/index.ts', 'testing/index.ts', 'postgres/index.ts'];
const file = (path: string): string => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

const program = ts.createProgram(ENTRIES.map(file), {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  paths: { 'ticket-lifecycle': [file('index.ts')] },
  baseUrl: '.',
});
const checker = program.getTypeChecker();

/**
 * A type that is only a union of string literals (`Category`, `TransitionErrorCode`): its TSDoc lists the values,
 * and an example would only repeat one of them.
 */
function isLiteralUnion(symbol: ts.Symbol): boolean {
  if (!(symbol.flags & ts.SymbolFlags.TypeAlias)) return false;
  const type = checker.getDeclaredTypeOfSymbol(symbol);
  return type.isUnion() && type.types.every((t) => t.isStringLiteral());
}

/** Exported names whose declarations carry no `@example` tag. */
function withoutExample(entry: string): string[] {
  const source = program.getSourceFile(file(entry))!;
  const module = checker.getSymbolAtLocation(source)!;
  return checker
    .getExportsOfModule(module)
    .filter((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (isLiteralUnion(symbol)) return false;
      return !(symbol.declarations ?? []).some((d) => ts.getJSDocTags(d).some((tag) => tag.tagName.text === 'example'));
    })
    .map((symbol) => symbol.name);
}

describe.each(ENTRIES)('src/%s', (entry) => {
  it('documents every export with an @example', () => {
    expect(withoutExample(entry)).toEqual([]);
  });
});

describe('what needs no example', () => {
  it('is exactly a literal union type; a value, an interface or a wider alias still needs one', () => {
    const exportsOf = (entry: string): ts.Symbol[] =>
      checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file(entry))!)!);
    const byName = new Map(
      exportsOf('index.ts').map((s) => [s.name, s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s]),
    );
    expect(isLiteralUnion(byName.get('Category')!)).toBe(true);
    expect(isLiteralUnion(byName.get('TransitionErrorCode')!)).toBe(true);
    expect(isLiteralUnion(byName.get('CATEGORIES')!)).toBe(false); // a value
    expect(isLiteralUnion(byName.get('Duration')!)).toBe(false); // string | number
    expect(isLiteralUnion(byName.get('Awaiting')!)).toBe(false); // includes null
    expect(isLiteralUnion(byName.get('Ticket')!)).toBe(false);
  });
});
