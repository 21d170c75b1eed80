import { AppError } from '../../shared/errors.ts';
import { parseArgs, UsageError, type Command } from './args.ts';
import { importCommand, importUsage } from './import-command.ts';
import { fixCommands } from './fix-commands.ts';
import { matchCommands } from './match-commands.ts';
import { qualityCommands } from './quality-commands.ts';
import { serveCommand } from './serve-command.ts';

const commands: Record<string, Command> = {
  import: { usage: importUsage, summary: 'Import CSV/TSV, XLSX or JSON exports into a project; broken rows are quarantined.', valued: ['project'], run: importCommand },
  ...qualityCommands,
  ...matchCommands,
  ...fixCommands,
  serve: serveCommand,
};

function help(): string {
  return ['Usage: crm-steward <command> [options]', '', ...Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`), ''].join('\n');
}

/** Runs one command; returns the exit code. Errors become one readable line on stderr. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  try {
    return await command.run(parseArgs(rest, command.valued));
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
