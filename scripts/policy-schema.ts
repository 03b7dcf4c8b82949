// The JSON Schema of a policy file, derived from the TypeScript types (`WorkflowConfig` and what it names) with the
// compiler API, so the schema is never written twice by hand. `npm run schema:generate` writes schema.json; a test
// keeps it in sync. What a schema cannot say (ids that refer to statuses, one default per category, timer cycles,
// duration syntax beyond the pattern) stays `validateWorkflow`'s job.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

type Schema = { [key: string]: unknown };

const CONFIG_FILE = fileURLToPath(new URL('../src/policy/config.ts', import.meta.url));
export const SCHEMA_ID = 'https://unpkg.com/ticket-lifecycle/schema.json';

/** Named types whose JSON shape the TypeScript type cannot tell in full: their schema is refined here. */
const REFINED: Readonly<Record<string, Schema>> = {
  Duration: {
    description:
      'A length of time: ISO 8601 weeks/days/hours/minutes/seconds (`P7D`, `PT48H`, `P1DT12H`) or whole milliseconds.',
    anyOf: [
      {
        type: 'string',
        pattern:
          '^P(?:\\d+(?:[.,]\\d+)?W)?(?:\\d+(?:[.,]\\d+)?D)?(?:T(?:\\d+(?:[.,]\\d+)?H)?(?:\\d+(?:[.,]\\d+)?M)?(?:\\d+(?:[.,]\\d+)?S)?)?$',
      },
      { type: 'integer', minimum: 1 },
    ],
  },
};

/** Generic helpers that describe a shape rather than name a concept: inlined, never a `$defs` entry. */
const INLINED = new Set([
  'OneOrMany',
  'Readonly',
  'Record',
  'Partial',
  'NoInfer',
  'Array',
  'ReadonlyArray',
  '__type',
  '__object',
]);

/** Builds the schema of `WorkflowConfig` (the policy file) from the sources. */
export function buildPolicySchema(): Schema {
  const program = ts.createProgram([CONFIG_FILE], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(CONFIG_FILE)!;
  const root = checker
    .getExportsOfModule(checker.getSymbolAtLocation(source)!)
    .find((s) => s.name === 'WorkflowConfig')!;
  const defs: Record<string, Schema> = {};

  /** The first paragraph of a symbol's TSDoc, on one line. */
  const docOf = (symbol: ts.Symbol | undefined): string | undefined => {
    const text = symbol === undefined ? '' : ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    return text === '' ? undefined : text.split(/\n\s*\n/)[0]!.replace(/\s*\n\s*/g, ' ');
  };
  // Unions of string literals lose their alias inside larger unions (`OneOrMany<Category>`): find them by value.
  const literalAliases = new Map<string, ts.Symbol>();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile) continue;
    for (const statement of file.statements) {
      if (!ts.isTypeAliasDeclaration(statement)) continue;
      const symbol = checker.getSymbolAtLocation(statement.name)!;
      const type = checker.getDeclaredTypeOfSymbol(symbol);
      if (type.isUnion() && type.types.every((t) => t.isStringLiteral()))
        literalAliases.set(literalKey(type.types), symbol);
    }
  }
  const describe = (schema: Schema, description: string | undefined): Schema =>
    description === undefined ? schema : { description, ...schema };

  /** A named type becomes a `$defs` entry and a `$ref`; the rest is inlined. */
  function named(type: ts.Type): Schema {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (type.flags & ts.TypeFlags.TypeParameter) return convert(type);
    const name = symbol?.getName();
    if (name === undefined || INLINED.has(name) || !/^[A-Z]/.test(name) || symbol === root) return convert(type);
    if (!(name in defs)) {
      defs[name] = {}; // placeholder: a type that refers to itself ends here
      defs[name] = REFINED[name] ?? describe(convert(type), docOf(symbol));
    }
    return { $ref: `#/$defs/${name}` };
  }

  /** A union of string literals that has a name (`Category`, `Actor`): one `$defs` entry with its TSDoc. */
  function namedEnum(alias: ts.Symbol, values: readonly string[]): Schema {
    defs[alias.name] ??= describe({ enum: values }, docOf(alias));
    return { $ref: `#/$defs/${alias.name}` };
  }

  function convert(type: ts.Type): Schema {
    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = checker.getBaseConstraintOfType(type);
      return constraint === undefined ? {} : convert(constraint);
    }
    if (type.flags & ts.TypeFlags.Substitution) return convert((type as ts.SubstitutionType).baseType);
    if (type.flags & ts.TypeFlags.String) return { type: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
    if (type.flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.flags & ts.TypeFlags.Null) return { type: 'null' };
    if (type.isStringLiteral() || type.isNumberLiteral()) return { const: type.value };
    if (type.flags & ts.TypeFlags.BooleanLiteral) return { const: checker.typeToString(type) === 'true' };
    if (type.isUnion()) {
      const members = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
      const literals = members.filter((t) => t.isStringLiteral());
      const booleans = members.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
      const rest = members.filter((t) => !t.isStringLiteral() && !(t.flags & ts.TypeFlags.BooleanLiteral));
      if (literals.length === members.length) return { enum: literals.map((t) => t.value) }; // named() names it
      const alias = literalAliases.get(literalKey(literals));
      const values = literals.map((t) => t.value);
      const enumSchema =
        literals.length === 0 ? [] : [alias === undefined ? { enum: values } : namedEnum(alias, values)];
      const schemas = [
        ...enumSchema,
        ...(booleans.length === 2 ? [{ type: 'boolean' }] : booleans.map(convert)),
        ...rest.map((t) => named(t)),
      ];
      return schemas.length === 1 ? schemas[0]! : { anyOf: schemas };
    }
    if (checker.isTupleType(type)) {
      const items = checker.getTypeArguments(type as ts.TypeReference).map((t) => named(t));
      return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length };
    }
    if (checker.isArrayLikeType(type)) {
      const [item] = checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: item === undefined ? {} : named(item) };
    }
    if (type.flags & ts.TypeFlags.TemplateLiteral) return { type: 'string' };
    if (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return {};
    if (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) return object(type);
    throw new Error(`policy-schema: no JSON shape for the type ${checker.typeToString(type)}`);
  }

  function object(type: ts.Type): Schema {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      // The declared type node keeps aliases (`after?: Duration`) that the optional `| undefined` would flatten.
      const node = declaration !== undefined && ts.isPropertySignature(declaration) ? declaration.type : undefined;
      const propertyType = node !== undefined ? checker.getTypeFromTypeNode(node) : checker.getTypeOfSymbol(property);
      properties[property.name] = describe(named(propertyType), docOf(property));
      if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name);
    }
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
    return {
      type: 'object',
      ...(Object.keys(properties).length > 0 && { properties }),
      ...(required.length > 0 && { required }),
      additionalProperties: index === undefined ? false : named(index.type),
    };
  }

  const body = convert(checker.getDeclaredTypeOfSymbol(root));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'ticket-lifecycle policy',
    description:
      `${docOf(root)?.split('\n\n')[0] ?? ''} Checked by validateWorkflow, which also enforces what a schema cannot say: ids that refer to statuses, one default per category, no timer cycles.`.trim(),
    ...body,
    $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** A set of string literals as one comparable key. */
function literalKey(types: readonly ts.Type[]): string {
  return types
    .map((t) => (t as ts.StringLiteralType).value)
    .sort()
    .join('|');
}

/** The schema as written to schema.json. */
export const renderPolicySchema = (): string => `${JSON.stringify(buildPolicySchema(), null, 2)}\n`;
