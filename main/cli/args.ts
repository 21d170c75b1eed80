/** A small argv parser: positionals, `--flag`, `--key value` and `--key=value`. */
export interface ParsedArgs {
  positionals: string[];
  /** The last value of each option. */
  options: Map<string, string | true>;
  /** Every value of each valued option, in order (`--apply-rule a --apply-rule b`). */
  repeated: Map<string, string[]>;
}

export function parseArgs(argv: string[], valued: string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const repeated = new Map<string, string[]>();
  const set = (key: string, value: string): void => {
    options.set(key, value);
    repeated.set(key, [...(repeated.get(key) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (eq > 0) set(key, a.slice(eq + 1));
    else if (valued.includes(key)) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`--${key} needs a value.`);
      set(key, value);
    } else options.set(key, true);
  }
  return { positionals, options, repeated };
}

export class UsageError extends Error {}

export function stringOption(args: ParsedArgs, key: string): string | undefined {
  const v = args.options.get(key);
  return typeof v === 'string' ? v : undefined;
}

export function requireOption(args: ParsedArgs, key: string): string {
  const v = stringOption(args, key);
  if (!v) throw new UsageError(`--${key} <value> is required.`);
  return v;
}

/** What a command does with its parsed arguments; resolves to the exit code. */
export type RunCommand = (args: ParsedArgs) => Promise<number>;

/**
 * One CLI command: its usage line, a summary for --help, which options take
 * values, and how to load what it runs. Loading is separate so that --help and
 * bad usage never pull in SQLite, the engines or their dependencies.
 */
export interface Command {
  usage: string;
  summary: string;
  valued: string[];
  load: () => Promise<RunCommand>;
}
