import type { ParsedArgs } from './args.ts';

/** One JSON object on stdout with --json (for scripts), else the lines for a person. */
export function print(args: ParsedArgs, json: unknown, lines: () => string[]): void {
  if (args.options.has('json')) process.stdout.write(`${JSON.stringify(json)}\n`);
  else console.log(lines().join('\n'));
}
