import { AppError } from '../../shared/errors.ts';
import { parseArgs, UsageError } from './args.ts';
import { commands, passphraseNote } from './commands.ts';

function help(): string {
  return ['Usage: crm-steward <command> [options]', '', ...Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`), '', passphraseNote, ''].join('\n');
}

/** Runs one command; returns the exit code. Errors become one readable line on stderr. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  try {
    const args = parseArgs(rest, command.valued);
    const run = await command.load();
    return await run(args);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (err instanceof AppError) {
      process.stderr.write(`crm-steward ${name}: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`crm-steward ${name}: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
