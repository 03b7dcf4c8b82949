#!/usr/bin/env node
// The `ticket-lifecycle` command: lint, diagram, simulate, check and diff a policy file. It uses only the public
// surface of the package; every problem with its input is one line on stderr and exit code 2.
import { parseArgs } from 'node:util';
import { check } from './check.js';
import { diagram } from './diagram.js';
import { diff } from './diff.js';
import { CliError, type ExitCode, type Output } from './errors.js';
import { lint } from './lint.js';
import { PRESET_NAMES } from './load-policy.js';
import { simulate } from './simulate.js';

const USAGE = `Usage: ticket-lifecycle <command> …

  lint <policy> [--json]                       validation problems and lint findings; exit 1 on errors
  diagram <policy> [--markdown]                Mermaid state diagram (or a Markdown page with it)
  simulate <policy> <events.jsonl>             one ticket through the events, as a timeline
  check <policy> [--runs N] [--seed S]         property-test the laws and the applicable intents; exit 1
        [--only NAME --path P]                 when one breaks (--only/--path replay one counterexample)
  diff <old-policy> <new-policy> [--json]      what the change does to stored tickets; exit 1 if they break

A policy is a JSON file (a WorkflowConfig), a .js/.mjs module whose default export is a Workflow, or a preset
by name with options: ${PRESET_NAMES.join(', ')} (e.g. zendesk:closeAfter=P7D).`;

const ARITY: Readonly<Record<string, number>> = { lint: 1, diagram: 1, simulate: 2, check: 1, diff: 2 };

/** Runs the command line `args` (without `node` and the script), writing to `io`; resolves to the exit code. */
async function main(args: readonly string[], io: Output): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      runs: { type: 'string' },
      seed: { type: 'string' },
      only: { type: 'string' },
      path: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...operands] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.out(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  const arity = ARITY[command];
  if (arity === undefined)
    throw new CliError(`unknown command "${command}" (lint, diagram, simulate, check, diff; --help for more)`);
  if (operands.length !== arity)
    throw new CliError(
      `${command} takes ${arity} argument${arity === 1 ? '' : 's'}, got ${operands.length} (--help for usage)`,
    );
  const [first, second] = operands as [string, string];
  switch (command) {
    case 'lint':
      return lint(first, values.json, io);
    case 'diagram':
      return diagram(first, values.markdown, io);
    case 'simulate':
      return simulate(first, second, io);
    case 'check':
      return check(
        first,
        {
          runs: count('--runs', values.runs, 200),
          seed: count('--seed', values.seed, Date.now() % 2 ** 31),
          ...(values.only !== undefined && { only: values.only }),
          ...(values.path !== undefined && { path: replayPath(values.path) }),
        },
        io,
      );
    default:
      return diff(first, second, values.json, io);
  }
}

/** A whole-number flag, or a `CliError` naming it. */
function count(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new CliError(`${flag} must be a whole number, not "${value}"`);
  return n;
}

/** A fast-check replay path ("3:1:0"), or a `CliError`. */
function replayPath(value: string): string {
  if (!/^\d+(:\d+)*$/.test(value)) throw new CliError(`--path must be a replay path like "3:1:0", not "${value}"`);
  return value;
}

const io: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Bad input is one line, never a stack trace; parseArgs' own errors (unknown flag) are bad input too.
    const known =
      error instanceof CliError || (error as { code?: unknown } | null)?.code?.toString().startsWith('ERR_PARSE_ARGS');
    io.err(`ticket-lifecycle: ${known ? (error as Error).message : `unexpected error: ${String(error)}`}`);
    process.exitCode = 2;
  },
);
