/**
 * The client report's sections as HTML, one function each. A section with
 * nothing to show says so in one sentence instead of an empty table. Every
 * value read from the project is escaped; a person's details go through
 * `person()` so a masked report masks them wherever they appear.
 */
import { dimensions } from '../quality/types.ts';
import { countBars, escapeHtml as esc, groupedBars } from '../quality/report/svg.ts';
import { maskForClient } from '../standardize/mask-personal.ts';
import { formatDateTime, formatStoredDate } from '../../shared/i18n/dates.ts';
import type { Language, Translate } from '../../shared/i18n/translate.ts';
import type { PersonRow } from '../store/report-repo.ts';
import type { ClientReportData } from './report-data.ts';

/** The report's language, words, numbers and whether personal details are masked. */
export interface Voice {
  lang: Language;
  t: Translate;
  mask: boolean;
}

const num = (v: Voice, x: number, digits = 0): string => x.toLocaleString(v.lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '' : `${(x * 100).toFixed(1)}%`);
const share = (v: Voice, part: number, whole: number): string => (whole > 0 ? `${((part / whole) * 100).toLocaleString(v.lang, { maximumFractionDigits: 1 })}%` : '');
const when = (v: Voice, iso: string | null): string => (iso ? formatDateTime(v.lang, iso, 'long') : '');
const day = (v: Voice, iso: string): string => formatStoredDate(v.lang, iso);

const say = (v: Voice, key: string, vars?: Record<string, unknown>): string => esc(v.t(key, vars));
const para = (text: string, cls = 'note'): string => `<p class="${cls}">${text}</p>`;
const table = (heads: string[], rows: string[][], numeric: number[] = []): string =>
  `<table><thead><tr>${heads.map((h, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

/** A section: its heading (anchored for the contents), then its body. */
export const section = (id: string, title: string, body: string): string => `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;

/** One field of a person as the report shows it: masked when asked for. */
function field(v: Voice, name: string, value: string | null): string {
  return esc((v.mask ? maskForClient(name, value) : value) ?? '');
}

function personName(v: Voice, p: PersonRow): string {
  if (p.full_name?.trim()) return field(v, 'full_name', p.full_name);
  return [field(v, 'given_name', p.given_name), field(v, 'family_name', p.family_name)].filter(Boolean).join(' ');
}

export function sourcesSection(v: Voice, d: ClientReportData): string {
  if (d.sources.length === 0) return para(say(v, 'clientReport.sources.none'));
  const s = 'clientReport.sources.';
  const rows = d.sources.map((x) => [esc(x.fileName), say(v, `${s}entity.${x.entity}`, { defaultValue: x.entity }), num(v, x.rows), num(v, x.imported), num(v, x.quarantined), esc(when(v, x.importedAt))]);
  const summary = say(v, `${s}summary`, { customers: num(v, d.counts.customers), sources: num(v, d.counts.sources), quarantined: num(v, d.counts.quarantined) });
  return para(summary) + table(['file', 'kind', 'rows', 'imported', 'quarantined', 'importedAt'].map((k) => say(v, s + k)), rows, [2, 3, 4]);
}

export function qualitySection(v: Voice, d: ClientReportData): string {
  const q = d.quality;
  const k = 'clientReport.quality.';
  if (!q.before && !q.after) return para(say(v, `${k}none`));
  const intro = q.firstChangeAt === null
    ? say(v, `${k}unchanged`, { after: when(v, q.after!.takenAt) })
    : !q.before ? say(v, `${k}noBefore`, { firstChange: when(v, q.firstChangeAt), after: when(v, q.after?.takenAt ?? null) })
      : !q.after ? say(v, `${k}noAfter`, { before: when(v, q.before.takenAt) })
        : say(v, `${k}compared`, { before: when(v, q.before.takenAt), after: when(v, q.after.takenAt) });
  const stale = q.changedSince > 0 ? para(say(v, `${k}stale`, { count: num(v, q.changedSince) }), 'note warn') : '';
  const before = q.firstChangeAt === null ? q.after : q.before;
  const dim = (x: string) => esc(v.t(`quality.dimension.${x}`));
  const rows = dimensions.map((x) => {
    const b = before?.overall[x] ?? null;
    const a = q.after?.overall[x] ?? null;
    const change = b !== null && a !== null ? `${a - b >= 0 ? '+' : '−'}${Math.abs((a - b) * 100).toFixed(1)}` : '';
    return [dim(x), b === null ? say(v, `${k}notMeasured`) : pct(b), a === null ? say(v, `${k}notMeasured`) : pct(a), change];
  });
  const series = [
    ...(before ? [{ name: v.t(`${k}before`), values: dimensions.map((x) => before.overall[x] ?? null) }] : []),
    ...(q.after && q.firstChangeAt !== null ? [{ name: v.t(`${k}after`), values: dimensions.map((x) => q.after!.overall[x] ?? null) }] : []),
  ];
  const chart = groupedBars(v.t(`${k}chart`), dimensions.map((x) => v.t(`quality.dimension.${x}`)), series);
  return para(intro) + stale + table(['dimension', 'before', 'after', 'change'].map((x) => say(v, k + x)), rows, [1, 2, 3]) + `<div class="charts">${chart}</div>`;
}

export function fixesSection(v: Voice, d: ClientReportData): string {
  const k = 'clientReport.fixes.';
  const changes = d.fixes.byRule.reduce((sum, r) => sum + r.count, 0);
  if (changes === 0 && d.fixes.edits === 0) return para(say(v, `${k}none`));
  const rows = d.fixes.byRule.map((r) => [esc(v.t(`fixRule.${r.rule}.name`, { defaultValue: r.rule })), esc(v.t(`quality.fieldName.${r.field}`, { defaultValue: r.field })), num(v, r.count)]);
  return para(say(v, `${k}summary`, { changes: num(v, changes), edits: num(v, d.fixes.edits) })) + (rows.length ? table(['rule', 'field', 'count'].map((x) => say(v, k + x)), rows, [2]) : '');
}

export function duplicatesSection(v: Voice, d: ClientReportData): string {
  const k = 'clientReport.duplicates.';
  const { run, summary: s, largest } = d.duplicates;
  if (!run && s.merged === 0) return para(say(v, `${k}noRun`));
  const intro = run ? para(say(v, `${k}run`, { when: when(v, run.finishedAt), comparisons: num(v, run.comparisons), records: num(v, run.records), threshold: run.threshold.toFixed(2) })) : '';
  const figures = table([say(v, `${k}groups`), ''], [
    [say(v, `${k}review`), num(v, s.review)], [say(v, `${k}merged`), num(v, s.merged)], [say(v, `${k}rejected`), num(v, s.rejected)],
    [say(v, `${k}before`), num(v, s.customers)], [say(v, `${k}mergedCustomers`), num(v, s.mergedCustomers)], [say(v, `${k}after`), `<strong data-figure="golden-records">${num(v, s.goldenRecords)}</strong>`],
  ], [1]);
  const rows = largest.map((p) => [personName(v, p), field(v, 'email', p.email), field(v, 'phone', p.phone), field(v, 'city', p.city), num(v, p.members)]);
  const sample = rows.length
    ? `<h3>${say(v, `${k}largest`)}</h3>${table(['name', 'email', 'phone', 'city', 'members'].map((x) => say(v, k + x)), rows, [4])}`
    : para(say(v, `${k}noneMerged`));
  return intro + figures + sample;
}

export function segmentsSection(v: Voice, d: ClientReportData): string {
  const k = 'clientReport.segments.';
  const g = d.segmentation;
  if (!g) return para(say(v, `${k}none`));
  const featureName = (f: string) => v.t(`${k}feature.${f}`, { defaultValue: v.t(`quality.fieldName.${f}`, { defaultValue: f }) });
  const names = g.features.map((f) => featureName(f.name));
  const segName = (s: { segment: number; name: string | null }) => s.name ?? v.t(`${k}unnamed`, { n: s.segment });
  const segmented = g.segments.reduce((sum, s) => sum + s.size, 0);
  const intro = say(v, `${k}summary`, { when: when(v, g.createdAt), k: g.k, features: names.join(', '), asOf: day(v, g.asOf), records: num(v, g.records), missing: num(v, g.missing) });
  const fit = say(v, `${k}quality`, { inertia: num(v, g.inertia, 1), silhouette: g.silhouette === null ? '–' : g.silhouette.toFixed(3) });
  const heads = [say(v, `${k}segment`), say(v, `${k}size`), say(v, `${k}share`), ...names.map((f) => say(v, `${k}centroid`, { feature: f }))];
  const rows = g.segments.map((s) => [esc(segName(s)), `<span data-figure="segment-size">${num(v, s.size)}</span>`, share(v, s.size, segmented), ...s.centroid.map((c) => num(v, c, 1))]);
  const chart = countBars(v.t(`${k}chart`), g.segments.map((s) => ({ label: segName(s), count: s.size, text: `${num(v, s.size)} (${share(v, s.size, segmented)})` })));
  return para(intro) + para(fit) + table(heads, rows, heads.map((_, i) => i).slice(1)) + `<div class="charts">${chart}</div>`;
}

export function rfmSection(v: Voice, d: ClientReportData): string {
  const k = 'clientReport.rfm.';
  const run = d.rfm.run;
  if (!run) return para(say(v, `${k}none`));
  const name = (s: { index: number; name: string; preset?: string }) => (s.index === -1 ? v.t(`${k}other`) : s.preset ? v.t(`rfmPreset.${s.preset}`, { defaultValue: s.name }) : s.name);
  const intro = say(v, `${k}summary`, {
    asOf: day(v, run.asOf), per: v.t(run.per === 'golden' ? `${k}perGolden` : `${k}perCustomer`), scored: num(v, run.scored),
    currency: run.currency ? v.t(`${k}inCurrency`, { currency: run.currency }) : '',
  });
  const lines = d.rfm.segments.filter((s) => s.count > 0);
  if (lines.length === 0) return para(intro);
  const total = lines.reduce((sum, s) => sum + s.count, 0);
  const rows = lines.map((s) => [esc(name(s)), `<span data-figure="rfm-count">${num(v, s.count)}</span>`, share(v, s.count, total), num(v, s.monetary, 2)]);
  const chart = countBars(v.t(`${k}chart`), lines.map((s) => ({ label: name(s), count: s.count, text: `${num(v, s.count)} (${share(v, s.count, total)})` })));
  const top = d.topCustomers.map((p) => [personName(v, p), field(v, 'email', p.email), num(v, p.recency_days), num(v, p.frequency), num(v, p.monetary, 2), `${p.r} · ${p.f} · ${p.m}`]);
  const topTable = top.length ? `<h3>${say(v, `${k}top`)}</h3>${table([say(v, 'clientReport.duplicates.name'), say(v, 'clientReport.duplicates.email'), ...['recency', 'frequency', 'monetary', 'scores'].map((x) => say(v, k + x))], top, [2, 3, 4])}` : '';
  return para(intro) + table(['segment', 'count', 'share', 'monetary'].map((x) => say(v, k + x)), rows, [1, 2, 3]) + `<div class="charts">${chart}</div>` + topTable;
}
