/**
 * `crm-steward segment`: k-means segmentation of a project's customers
 * (issue 12). The segmentation is saved as the project's current one (the
 * app shows it), and the CSV lists every customer: the features it has, their
 * z-scores and its segment, or blank z-scores and segment when it lacks a
 * feature (counted, never dropped).
 */
import { resolve } from 'node:path';
import { SegmentRequest, type SegmentationView } from '../../shared/channels/segment.ts';
import { CsvFileWriter } from '../lib/csv.ts';
import { segmentCustomers, type SegmentRun } from '../segment/segment-customers.ts';
import { requireOption, stringOption, UsageError, type ParsedArgs } from './args.ts';
import { progressPrinter } from './progress.ts';
import { withProject } from './project-session.ts';

function wholeNumber(args: ParsedArgs, name: string): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || raw.trim() === '') throw new UsageError(`--${name} must be a whole number.`);
  return n;
}

function request(args: ParsedArgs): SegmentRequest {
  const features = (stringOption(args, 'features') ?? 'age,income').split(',').map((f) => f.trim()).filter(Boolean);
  const parsed = SegmentRequest.safeParse({ features, k: wholeNumber(args, 'k'), seed: wholeNumber(args, 'seed'), starts: wholeNumber(args, 'starts'), asOf: stringOption(args, 'as-of') });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${String(issue.path[0] ?? 'features').replace('asOf', 'as-of')}: ${issue.message}`);
  }
  return parsed.data;
}

function writeCsv(out: string, run: SegmentRun): number {
  const { table, points, complete } = run.data;
  const pointOf = new Int32Array(table.ids.length).fill(-1);
  complete.forEach((row, i) => (pointOf[row] = i));
  const csv = new CsvFileWriter(out);
  csv.row(['source', 'source_record_id', ...table.names, ...table.names.map((n) => `z_${n}`), 'segment']);
  for (let row = 0; row < table.ids.length; row++) {
    const p = pointOf[row];
    const values = table.values.map((v) => (Number.isNaN(v[row]) ? null : v[row]));
    const z = table.names.map((_, f) => (p < 0 ? null : points[p][f]));
    csv.row([table.sources[row], table.recordIds[row], ...values, ...z, p < 0 ? null : run.segments[p]]);
  }
  csv.close();
  return table.ids.length;
}

function summary(view: SegmentationView, out: string, rows: number) {
  return {
    k: view.k, inertia: view.inertia, silhouette: view.silhouette, silhouetteSample: view.silhouetteSample,
    records: view.records, missing: view.missing, missingByFeature: view.missingByFeature,
    features: view.features, sizes: view.segments.map((s) => s.size),
    centroids: view.segments.map((s): Record<string, number> => ({ segment: s.segment, size: s.size, ...Object.fromEntries(view.features.map((f, i) => [f.name, s.centroid[i]])) })),
    out, rows,
  };
}

export async function segmentCommand(args: ParsedArgs): Promise<number> {
  const req = request(args);
  const out = resolve(requireOption(args, 'out'));
  const json = args.options.has('json');
  return withProject(args, { command: 'segment', access: 'write' }, ({ db }) => {
    const run = segmentCustomers(db, req, { onProgress: progressPrinter(json) });
    const rows = writeCsv(out, run);
    const s = summary(run.view, out, rows);
    if (json) {
      process.stdout.write(`${JSON.stringify(s)}\n`);
      return 0;
    }
    const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
    const lines = [
      `k = ${s.k} on ${s.features.map((f) => f.name).join(', ')}: inertia ${fmt(s.inertia)}, mean silhouette ${s.silhouette === null ? 'n/a' : s.silhouette.toFixed(3)} (on ${fmt(s.silhouetteSample)} customers).`,
      ...s.centroids.map((c) => `  segment ${c.segment}: ${fmt(c.size)} customers; centroid ${s.features.map((f) => `${f.name} ${fmt(c[f.name])}`).join(', ')}`),
      `${fmt(s.missing)} of ${fmt(s.records)} customers lack a feature (${Object.entries(s.missingByFeature).map(([f, n]) => `${f}: ${fmt(n)}`).join(', ')}); listed with a blank segment.`,
      `Wrote ${fmt(rows)} rows to ${out}`,
    ];
    console.log(lines.join('\n'));
    return 0;
  });
}
