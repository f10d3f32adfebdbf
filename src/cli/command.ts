/** The shape of a CLI command; `main.ts` dispatches to these. */
import type { ParseArgsConfig } from 'node:util';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the exit code. */
  run(values: Record<string, string | boolean | string[] | undefined>, positionals: string[]): Promise<number>;
}

/** A usage error: exit code 2. */
export class UsageError extends Error {}

/** A failure the command explains in one line: exit code 1. */
export class CommandError extends Error {}

export function intOption(value: unknown, name: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}`);
  return n;
}

/** Writes a command's output to stdout; a reader that closed early (`| head`) ends the process quietly. */
export function writeOutput(text: string): void {
  const onError = (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  };
  process.stdout.once('error', onError);
  process.stdout.write(text, (err) => {
    if (!err) process.stdout.off('error', onError);
  });
}
