/**
 * A problem with what the user gave the CLI (a missing file, JSON that is not a policy, a bad flag): reported as
 * one line and exit code 2, never a stack trace.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** How a CLI command ended: 0 all good, 1 the policy has a problem the command looks for, 2 bad input. */
export type ExitCode = 0 | 1 | 2;

/** Where a command writes: one call per line, so tests and pipes see whole lines. */
export interface Output {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}
