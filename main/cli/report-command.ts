/**
 * `crm-steward report`: the client report (main/report/) of a project as
 * one offline HTML file, in English or Chinese, optionally with personal
 * details masked. With --measure, data quality is measured first when the
 * records changed after the newest measurement, so "after" is current.
 */
import { resolve } from 'node:path';
import { languages, type Language } from '../../shared/i18n/translate.ts';
import { qualityComparison, readClientReport } from '../report/report-data.ts';
import { renderClientReport, saveReport } from '../report/client-html.ts';
import type { Db } from '../store/open-project.ts';
import { requireOption, stringOption, UsageError, type ParsedArgs } from './args.ts';
import { print } from './output.ts';
import { withProject } from './project-session.ts';
import { profile } from './quality-commands.ts';

/** No measurement yet, none since the records were changed, or records changed after the newest. */
function qualityIsStale(db: Db): boolean {
  const q = qualityComparison(db);
  return q.after === null || q.changedSince > 0;
}

export async function reportCommand(args: ParsedArgs): Promise<number> {
  const out = resolve(requireOption(args, 'out'));
  // Only an .html: a slip of the name must never write the report over the project or another file.
  if (!/\.html?$/i.test(out)) throw new UsageError('--out must name an .html file.');
  const lang = stringOption(args, 'lang') ?? 'en';
  if (!(languages as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${languages.join(', ')} (the report's language), not "${lang}".`);
  const mask = args.options.has('mask');
  // Write access: the duplicates' figures bring review groups up to date first (as the app's Duplicates view does), and --measure stores a measurement.
  return withProject(args, { command: 'report', access: 'write' }, async ({ db, path }) => {
    const measured = args.options.has('measure') && qualityIsStale(db);
    if (measured) await profile(db, 'on_demand', args.options.has('json') || !process.stderr.isTTY);
    const data = readClientReport(db, path);
    const html = renderClientReport(data, { lang: lang as Language, mask });
    const figures = {
      out, bytes: saveReport(out, html), lang, mask, measured,
      goldenRecords: data.duplicates.summary.goldenRecords,
      segmentSizes: data.segmentation?.segments.map((s) => s.size) ?? null,
      rfmCounts: data.rfm.run ? data.rfm.segments.filter((s) => s.count > 0).map((s) => ({ name: s.name, count: s.count })) : null,
    };
    print(args, figures, () => [`${measured ? 'Measured data quality, then wrote' : 'Wrote'} the client report (${lang}${mask ? ', personal details masked' : ''}): ${out}`]);
    return 0;
  });
}
