/**
 * Withdrawing an imported source from the command line (issue 11): one
 * 'withdraw' batch of the change history with actor 'cli', so the app's
 * History shows it and `crm-steward undo` brings the source back.
 */
import { resolve } from 'node:path';
import { resolveSource, withdrawSource } from '../ingest/withdraw-source.ts';
import { openProject } from '../store/open-project.ts';
import { requireOption, stringOption, UsageError, type ParsedArgs } from './args.ts';

export async function withdrawCommand(args: ParsedArgs): Promise<number> {
  const project = requireOption(args, 'project');
  const ref = stringOption(args, 'source');
  if (ref === undefined || ref.trim() === '') throw new UsageError('--source needs a source id or file name (crm-steward withdraw --project <path> --source <id|name>).');
  const db = openProject(resolve(project));
  try {
    const source = resolveSource(db, ref);
    const r = withdrawSource(db, source.id, 'cli');
    const n = r.customers.toLocaleString('en-US');
    const line = r.batchId === null
      ? `Source #${r.sourceId} ${r.fileName} was already withdrawn on ${r.withdrawnAt!.slice(0, 10)}; nothing changed.`
      : `Withdrew source #${r.sourceId} ${r.fileName}: ${n} customers hidden, ${r.rawRows.toLocaleString('en-US')} raw rows kept` +
        `${r.inGoldenRecords > 0 ? ` (${r.inGoldenRecords} were merged into ${r.goldenRecords} golden records)` : ''}. Bring it back with: crm-steward undo --project ${project}`;
    process.stdout.write(args.options.has('json') ? `${JSON.stringify(r)}\n` : `${line}\n`);
    return 0;
  } finally {
    db.close();
  }
}
