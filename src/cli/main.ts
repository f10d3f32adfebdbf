/** Command-line entry: `speechclean <command> [args]`. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError } from '../load-config.js';
import { type Command, CommandError, UsageError } from './command.js';
import { diffCommand } from './diff.js';
import { enqueueCommand } from './enqueue.js';
import { explainCommand } from './explain.js';
import { runCommand } from './run.js';
import { statusCommand } from './status.js';
import { workerCommand } from './worker.js';

const commands: Command[] = [runCommand, diffCommand, explainCommand, enqueueCommand, workerCommand, statusCommand];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `speechclean ${version()}: scraped Chinese speech pages → clean JSON speech records

Usage: speechclean <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run 'speechclean <command> --help' for a command's options.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`speechclean: unknown command '${name}'\n\n${help()}\n`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return await command.run(values, positionals);
  } catch (err) {
    const e = err as Error & { code?: string };
    if (err instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`speechclean ${name}: ${e.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`speechclean: ${e.message}\n`);
      return 2;
    }
    if (err instanceof CommandError) {
      process.stderr.write(`speechclean: ${e.message}\n`);
      return 1;
    }
    throw err;
  }
}
