import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validateWorkflow, WorkflowError, type Workflow, type WorkflowIssue } from 'ticket-lifecycle';
import * as presets from 'ticket-lifecycle/presets';
import { CliError } from './errors.js';
import { parseJson, readTextFile } from './read-file.js';

/** A policy as the CLI read it: compiled, or the problems that keep it from compiling. */
export type LoadedPolicy =
  | { readonly ok: true; readonly source: string; readonly workflow: Workflow }
  | { readonly ok: false; readonly source: string; readonly issues: readonly WorkflowIssue[] };

type Preset = (options?: Record<string, unknown>) => Workflow;
const PRESETS: ReadonlyMap<string, Preset> = new Map(
  Object.entries(presets as Record<string, unknown>).filter(
    (entry): entry is [string, Preset] => typeof entry[1] === 'function',
  ),
);

/** The preset names the CLI accepts, for help texts. */
export const PRESET_NAMES: readonly string[] = [...PRESETS.keys()];

/**
 * Reads a policy named on the command line: a JSON file (a `WorkflowConfig`), a module (`.js`/`.mjs`) whose
 * default export is a `Workflow` or a config (for policies with guards in code), or a preset by name with options
 * (`zendesk`, `zendesk:closeAfter=P7D`). Throws `CliError` when the argument is none of these.
 */
export async function loadPolicy(argument: string): Promise<LoadedPolicy> {
  const [name, options] = splitPreset(argument);
  if (!existsSync(argument) && PRESETS.has(name)) return fromPreset(argument, PRESETS.get(name)!, options);
  if (/\.(c|m)?js$/.test(argument)) return fromModule(argument);
  const text = readTextFile(argument, 'policy');
  const config = parseJson(text, argument);
  if (typeof config !== 'object' || config === null || Array.isArray(config) || !('statuses' in config)) {
    throw new CliError(`${argument} is not a policy: expected a JSON object with "statuses"`);
  }
  return compile(argument, config);
}

/** Like `loadPolicy`, for commands that need a valid policy: an invalid one is bad input (exit 2). */
export async function loadWorkflow(argument: string): Promise<Workflow> {
  const policy = await loadPolicy(argument);
  if (policy.ok) return policy.workflow;
  const [first] = policy.issues;
  throw new CliError(
    `${argument} is not a valid policy (${policy.issues.length} problem${policy.issues.length === 1 ? '' : 's'}; first: ${first?.path || '(root)'}: ${first?.message}); run \`ticket-lifecycle lint ${argument}\``,
  );
}

function compile(source: string, config: unknown): LoadedPolicy {
  const result = validateWorkflow(config);
  return result.ok ? { ok: true, source, workflow: result.workflow } : { ok: false, source, issues: result.issues };
}

/** `zendesk:closeAfter=P7D,reopen=false` → ['zendesk', { closeAfter: 'P7D', reopen: false }]. */
function splitPreset(argument: string): [string, Record<string, unknown>] {
  const colon = argument.indexOf(':');
  if (colon < 0) return [argument, {}];
  const options: Record<string, unknown> = {};
  for (const pair of argument
    .slice(colon + 1)
    .split(',')
    .filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError(`preset option "${pair}" must be written key=value`);
    const raw = pair.slice(eq + 1);
    const value = /^(true|false|null|-?\d+(\.\d+)?)$/.test(raw) ? (JSON.parse(raw) as unknown) : raw;
    // Defined, not assigned: `__proto__=x` must reach the preset as the unknown option it is, not set a prototype.
    Object.defineProperty(options, pair.slice(0, eq), { value, enumerable: true, writable: true, configurable: true });
  }
  return [argument.slice(0, colon), options];
}

function fromPreset(source: string, preset: Preset, options: Record<string, unknown>): LoadedPolicy {
  try {
    return { ok: true, source, workflow: preset(options) };
  } catch (error) {
    if (error instanceof WorkflowError) return { ok: false, source, issues: error.issues };
    throw new CliError(`preset ${source}: ${(error as Error).message}`);
  }
}

async function fromModule(path: string): Promise<LoadedPolicy> {
  readTextFile(path, 'policy'); // the same one-line errors as a JSON file: missing, not a file, too large
  let exported: unknown;
  try {
    exported = ((await import(pathToFileURL(resolve(path)).href)) as { default?: unknown }).default;
  } catch (error) {
    if (error instanceof WorkflowError) return { ok: false, source: path, issues: error.issues };
    throw new CliError(`${path} could not be loaded: ${(error as Error).message.split('\n')[0]}`);
  }
  if (isWorkflow(exported)) return { ok: true, source: path, workflow: exported };
  if (typeof exported === 'object' && exported !== null && 'statuses' in exported) return compile(path, exported);
  throw new CliError(
    `${path} is not a policy: its default export must be a Workflow (defineWorkflow) or a policy object`,
  );
}

/** A compiled workflow, as `defineWorkflow` returns it. */
function isWorkflow(value: unknown): value is Workflow {
  return typeof value === 'object' && value !== null && 'compiled' in value && 'config' in value && 'statuses' in value;
}
