import { readFileSync, statSync } from 'node:fs';
import { CliError } from './errors.js';

/** Policies are small (Zendesk's 300 statuses fit in well under 1 MB); anything bigger is refused before reading. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** A text file's content, or a `CliError` that says in one line why it cannot be read. */
export function readTextFile(path: string, what: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new CliError(`${what} ${path} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${what} ${path} not found`);
  }
  if (size > MAX_INPUT_BYTES)
    throw new CliError(`${what} ${path} is too large (${size} bytes; at most ${MAX_INPUT_BYTES})`);
  try {
    // A byte-order mark (Notepad, PowerShell's Out-File) is not content: JSON.parse would call the file not JSON.
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new CliError(`${what} ${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Parses JSON, naming the file and the parser's complaint on failure. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${source} is not JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`);
  }
}
