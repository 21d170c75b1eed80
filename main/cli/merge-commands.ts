/**
 * Merging from the command line (issue 10): accept every suggested cluster
 * above a probability, unmerge one golden record or all of them. Each is
 * one batch of the change history with actor 'cli', so the app's History
 * shows what a script did and can undo it.
 */
import { availableParallelism } from 'node:os';
import { dedupeProject } from '../match/project/dedupe-project.ts';
import { currentMatchRun } from '../match/match-repo.ts';
import { bulkAccept, bulkPreview } from '../match/review/bulk-accept.ts';
import { unmergeAll, unmergeGolden } from '../merge/unmerge.ts';
import { requireOption, stringOption, UsageError, type ParsedArgs } from './args.ts';
import { progressPrinter } from './progress.ts';
import { withProject } from './project-session.ts';

const ACTOR = 'cli';

function print(args: ParsedArgs, json: unknown, line: string): void {
  process.stdout.write(args.options.has('json') ? `${JSON.stringify(json)}\n` : `${line}\n`);
}

function probability(raw: string): number {
  const p = Number(raw);
  if (!(p >= 0 && p <= 1) || raw.trim() === '') throw new UsageError('--accept-above must be a probability from 0 to 1.');
  return p;
}

function integer(args: ParsedArgs, name: string): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} needs a customer id (a whole number).`);
  return n;
}

/** `merge --accept-above P`: a project never matched is matched first (as `dedupe` would). */
export async function mergeCommand(args: ParsedArgs): Promise<number> {
  const threshold = probability(requireOption(args, 'accept-above'));
  return withProject(args, { command: 'merge', access: 'write' }, async ({ db }) => {
    const progress = progressPrinter(args.options.has('json'));
    const matched = currentMatchRun(db) === null ? await dedupeProject(db, { workers: availableParallelism() }, { onProgress: progress }) : null;
    const preview = bulkPreview(db, threshold, {});
    const r = bulkAccept(db, threshold, {}, { actor: ACTOR, expectClusters: preview.clusters, onProgress: progress });
    const goldenRecords = preview.goldenRecordsAfter;
    print(args, { ...r, goldenRecords, matched: matched !== null },
      `Merged ${r.clusters.toLocaleString('en-US')} clusters (${r.records.toLocaleString('en-US')} records) at or above ${threshold}: ${goldenRecords.toLocaleString('en-US')} golden records.${r.batchId === null ? '' : ` Undo with: crm-steward undo --project ${requireOption(args, 'project')}`}`);
    return 0;
  });
}

export async function unmergeCommand(args: ParsedArgs): Promise<number> {
  const golden = integer(args, 'golden');
  const customer = integer(args, 'customer');
  const all = args.options.has('all');
  if ((golden === undefined) === !all) throw new UsageError('Give either --golden <id> or --all.');
  if (all && customer !== undefined) throw new UsageError('--customer goes with --golden (one record out of one golden record).');
  return withProject(args, { command: 'unmerge', access: 'write' }, ({ db }) => {
    if (all) {
      const r = unmergeAll(db, ACTOR, { onProgress: progressPrinter(args.options.has('json')) });
      print(args, r, `Unmerged ${r.goldenRecords.toLocaleString('en-US')} golden records (${r.records.toLocaleString('en-US')} records).`);
      return 0;
    }
    const r = unmergeGolden(db, golden!, ACTOR, customer);
    print(args, r, customer === undefined ? `Unmerged golden record ${golden}.` : `Took customer ${customer} out of golden record ${golden}.`);
    return 0;
  });
}
