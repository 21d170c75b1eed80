import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { SPLINK_DIALECTS, type SplinkDialect } from '../match/splink-export/dialect.ts';
import { exportProjectModel } from '../match/splink-export/export-project-model.ts';
import { requireOption, stringOption, UsageError, type ParsedArgs } from './args.ts';
import { withProject } from './project-session.ts';

function dialect(raw: string | undefined): SplinkDialect {
  if (raw === undefined) return 'duckdb';
  if (!(SPLINK_DIALECTS as readonly string[]).includes(raw)) throw new UsageError(`--dialect must be one of ${SPLINK_DIALECTS.join(', ')}.`);
  return raw as SplinkDialect;
}

/** `export-model` (issue 13): the project's trained model as Splink settings, its prepared records and a script to run them. */
export async function exportModelCommand(args: ParsedArgs): Promise<number> {
  const out = resolve(requireOption(args, 'out'));
  const d = dialect(stringOption(args, 'dialect'));
  const json = args.options.has('json');
  return withProject(args, { command: 'export-model', access: 'read' }, async ({ db }) => {
    const made = await exportProjectModel(db, out, d, { workers: availableParallelism() });
    const summary = { out, dialect: d, records: made.records, comparisons: made.settings.comparisons.length, blockingRules: made.settings.blocking_rules_to_generate_predictions.length, files: made.files };
    if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else console.log(`Wrote a Splink model (${summary.comparisons} comparisons, ${summary.blockingRules} blocking rules, ${d} SQL) and ${made.records.toLocaleString()} prepared records to ${out}; run it with: python run_splink.py`);
    return 0;
  });
}
