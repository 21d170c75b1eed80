import { resolve } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { importFiles, type ImportedFile } from '../ingest/import-files.ts';
import { writeAloneWithoutWal } from '../store/open-project.ts';
import { UsageError, type ParsedArgs } from './args.ts';
import { progressPrinter } from './progress.ts';
import { withProject } from './project-session.ts';

/** Imports files into a project (created when missing, encrypted with --encrypt), all or nothing. */
export async function importCommand(args: ParsedArgs): Promise<number> {
  const files = args.positionals.map((f) => resolve(f));
  if (files.length === 0) throw new UsageError('Name at least one file to import.');
  const onDuplicate = args.options.has('reimport') ? 'import' : args.options.has('skip-imported') ? 'skip' : 'refuse';
  const update = args.options.has('as-new') ? 'never' : 'auto';
  return withProject(args, { command: 'import', access: 'write', create: true }, async ({ db, path, created }) => {
    const run = () =>
      importFiles(db, files.map((p) => ({ path: p, onDuplicate, update })), { onProgress: progressPrinter(args.options.has('json')) }).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'already_imported') throw new AppError(err.code, `${err.message.split('. Choose')[0]}. Pass --reimport to import it again or --skip-imported to skip it.`);
        throw err;
      });
    // A project this command created is not open anywhere else: it can be written without the WAL.
    const results = created ? await writeAloneWithoutWal(db, run) : await run();
    if (args.options.has('json')) process.stdout.write(`${JSON.stringify({ files: results.map(jsonFile) })}\n`);
    else printTable(results, path);
    return 0;
  });
}

function jsonFile(f: ImportedFile) {
  return { file: f.path, source: f.file, sheet: f.sheet, recordsKey: f.recordsKey, rows: f.rows, imported: f.imported, quarantined: f.quarantined, encoding: f.encoding, delimiter: f.delimiter, idColumn: f.idColumn, mapping: f.mapping, format: f.format, preset: f.preset, entity: f.entity, skipped: f.skipped, sourceId: f.sourceId, update: f.update };
}

function printTable(results: ImportedFile[], projectPath: string): void {
  for (const f of results) {
    const how = [f.format.toUpperCase(), f.encoding, f.delimiter === '\t' ? 'TAB' : f.delimiter, f.recordsKey && `records from "${f.recordsKey}"`, f.preset].filter(Boolean).join(', ');
    if (f.skipped) console.log(`${f.file}: already imported, skipped`);
    else console.log(`${f.file}: ${f.rows} rows, ${f.imported} imported, ${f.quarantined} quarantined (${how}; id column: ${f.idColumn ?? 'none'})`);
    if (f.update) console.log(`  a later export of source #${f.update.system}: ${f.update.new} new, ${f.update.changed} changed, ${f.update.unchanged} unchanged, ${f.update.gone} gone from the source${f.update.back ? `, ${f.update.back} back` : ''}`);
  }
  console.log(`Project: ${projectPath}`);
}
