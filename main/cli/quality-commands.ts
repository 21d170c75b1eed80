import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importFiles } from '../ingest/import-files.ts';
import { profileProject, writeAuditJson, writeAuditReport, type ProfileResult } from '../quality/index.ts';
import { importReferenceFile } from '../quality/reference-file.ts';
import { getQualitySettings, setQualitySettings } from '../quality/settings.ts';
import { openProject, writeAloneWithoutWal, type Db } from '../store/open-project.ts';
import { requireOption, stringOption, UsageError, type ParsedArgs } from './args.ts';
import { progressPrinter } from './progress.ts';
import { withProject } from './project-session.ts';
import { languages, type Language } from '../../shared/i18n/translate.ts';

/** --default-country and --timeliness-days are stored in the project, as the dashboard's settings are. */
function applySettings(db: Db, args: ParsedArgs): void {
  const country = stringOption(args, 'default-country');
  const days = stringOption(args, 'timeliness-days');
  if (days !== undefined && !/^\d+$/.test(days)) throw new UsageError('--timeliness-days needs a whole number of days.');
  if (country !== undefined || days !== undefined) setQualitySettings(db, { ...(country !== undefined ? { defaultCountry: country } : {}), ...(days !== undefined ? { timelinessDays: Number(days) } : {}) });
}

export async function profile(db: Db, reason: string, quiet: boolean): Promise<ProfileResult> {
  const s = getQualitySettings(db);
  const print = progressPrinter(quiet);
  const result = await profileProject(db, { defaultCountry: s.defaultCountry ?? undefined, timelinessDays: s.timelinessDays, reason, onProgress: (p) => print({ step: 'profile', ...p }) });
  if (!quiet && process.stderr.isTTY) process.stderr.write('\n');
  return result;
}

const pct = (v: number | null) => (v === null ? 'not measured' : `${(v * 100).toFixed(1)}%`);

function printSummary(r: ProfileResult): void {
  console.log(`${r.metrics.records.toLocaleString('en-US')} customers from ${r.sources.length} source(s), ${r.issueCount.toLocaleString('en-US')} issues (${(r.durationMs / 1000).toFixed(1)} s)`);
  for (const [d, m] of Object.entries(r.metrics.overall)) console.log(`  ${d.padEnd(13)} ${pct(m.value).padStart(12)}   ${m.value === null ? m.reason : `${m.numerator} of ${m.denominator}`}   ${m.formula}`);
}

function jsonOf(r: ProfileResult) {
  return { runId: r.runId, takenAt: r.takenAt, sources: r.sources, issueCount: r.issueCount, metrics: r.metrics };
}

/** `profile`: measure a project's data quality and store the issues. */
export async function profileCommand(args: ParsedArgs): Promise<number> {
  return withProject(args, { command: 'profile', access: 'write' }, async ({ db }) => {
    applySettings(db, args);
    const result = await profile(db, 'on_demand', args.options.has('json'));
    if (args.options.has('json')) process.stdout.write(`${JSON.stringify(jsonOf(result))}\n`);
    else printSummary(result);
    return 0;
  });
}

/** `audit`, the consultant's one-shot audit: import into a throw-away project, profile, write the report (and JSON). */
export async function auditCommand(args: ParsedArgs): Promise<number> {
  const files = args.positionals.map((f) => resolve(f));
  if (files.length === 0) throw new UsageError('Name at least one file to audit.');
  const report = resolve(requireOption(args, 'report'));
  const json = stringOption(args, 'json');
  const lang = stringOption(args, 'lang') ?? 'en';
  if (!(languages as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${languages.join(', ')} (the report's language), not "${lang}".`);
  for (const f of files) if (!existsSync(f)) throw new UsageError(`No file at ${f}.`);
  const dir = mkdtempSync(join(tmpdir(), 'crm-steward-audit-'));
  const db = openProject(join(dir, 'audit.crmsteward'), { create: true });
  try {
    applySettings(db, args);
    const quiet = !process.stderr.isTTY;
    // Every file is part of the audit, even when two have the same bytes. The
    // throw-away project is open nowhere else, so it is written without the WAL.
    await writeAloneWithoutWal(db, () => importFiles(db, files.map((path) => ({ path, onDuplicate: 'import' as const })), { onProgress: progressPrinter(quiet) }));
    const result = await profile(db, 'audit', quiet);
    const mask = args.options.has('mask');
    writeAuditReport(db, result, report, { lang: lang as Language, mask });
    const issues = json ? await writeAuditJson(db, result, resolve(json), { mask }) : result.issueCount;
    printSummary(result);
    console.log(`Report: ${report}${json ? `\nJSON: ${resolve(json)} (${issues.toLocaleString('en-US')} issues)` : ''}`);
    return 0;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `reference`: imports a verified reference file (matched to customers by record id) and
 * profiles the project again so accuracy is measured against it.
 */
export async function referenceCommand(args: ParsedArgs): Promise<number> {
  if (args.positionals.length !== 1) throw new UsageError('Name one reference file.');
  const file = resolve(args.positionals[0]);
  if (!existsSync(file)) throw new UsageError(`No file at ${file}.`);
  const json = args.options.has('json');
  return withProject(args, { command: 'reference', access: 'write' }, async ({ db }) => {
    const reference = await importReferenceFile(db, file);
    const result = args.options.has('no-profile') ? null : await profile(db, 'on_demand', json);
    const accuracy = result?.metrics.overall.accuracy ?? null;
    if (json) {
      process.stdout.write(`${JSON.stringify({ reference, accuracy })}\n`);
      return 0;
    }
    console.log(`${reference.fileName}: ${reference.rows} rows, ${reference.matchedRows} matched by "${reference.idColumn}" (${reference.customers} customers), ${reference.values} reference values for ${reference.fields.join(', ')}`);
    if (accuracy) console.log(`accuracy ${pct(accuracy.value)}${accuracy.confusion ? `   TP ${accuracy.confusion.tp}, TN ${accuracy.confusion.tn}, FP ${accuracy.confusion.fp}, FN ${accuracy.confusion.fn}` : ''}   ${accuracy.formula}`);
    else console.log('Not profiled: run `crm-steward profile` to measure accuracy against it.');
    return 0;
  });
}
