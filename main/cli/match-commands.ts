import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { dedupeProject } from '../match/project/dedupe-project.ts';
import { writeClustersCsv } from '../match/project/write-clusters-csv.ts';
import { requireOption, stringOption, UsageError, type ParsedArgs } from './args.ts';
import { progressPrinter } from './progress.ts';
import { withProject } from './project-session.ts';

function threshold(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const p = Number(raw);
  if (!(p > 0 && p < 1)) throw new UsageError('--threshold must be a probability between 0 and 1 (exclusive).');
  return p;
}

/** `dedupe` (issue 4): match the project, store the entities, write one CSV row per record. */
export async function dedupeCommand(args: ParsedArgs): Promise<number> {
  const out = resolve(requireOption(args, 'out'));
  const t = threshold(stringOption(args, 'threshold'));
  const json = args.options.has('json');
  return withProject(args, { command: 'dedupe', access: 'write' }, async ({ db }) => {
    const summary = await dedupeProject(db, { scope: args.options.has('new') ? 'new' : 'all', threshold: t, workers: availableParallelism() }, { onProgress: progressPrinter(json) });
    const rows = writeClustersCsv(db, out);
    if (json) process.stdout.write(`${JSON.stringify({ ...summary, out, rows })}\n`);
    else console.log(`${summary.records.toLocaleString()} records, ${summary.comparisons.toLocaleString()} comparisons, ${summary.clusters.toLocaleString()} groups of duplicates; wrote ${rows.toLocaleString()} rows to ${out}`);
    return 0;
  });
}
