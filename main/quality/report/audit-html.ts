/**
 * The consultant's audit report: one self-contained HTML file (inline CSS,
 * inline SVG charts, no scripts, no network) with the score per dimension,
 * bars per field, a comparison of sources, the rules broken, and a capped
 * table of issues that says how many more there are; in English or Chinese,
 * with the app's own words (shared/i18n) and that language's way of writing
 * a date and time. It prints on A4 (print CSS: charts fit the page, no card,
 * chart or table row cut in two, table heads repeated).
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Dimension, DimensionMetrics, Metric, ProfileResult } from '../types.ts';
import { dimensions } from '../types.ts';
import { rules, type RuleId } from '../rules.ts';
import { barChart, escapeHtml as esc, groupedBars } from './svg.ts';
import { writePrivateFile } from '../../lib/private-files.ts';
import { maskFindingText, maskValue } from '../../standardize/mask-personal.ts';
import { makeTranslate, type Language, type Translate } from '../../../shared/i18n/translate.ts';
import { issueText } from '../../../shared/i18n/issue-text.ts';
import type { IssueCode } from '../../../shared/domain/issue-message.ts';
import { parseIssueParams } from '../issues-query.ts';
import { naReasonText } from '../../../shared/i18n/na-reason.ts';
import { qualityText } from '../../../shared/i18n/quality-text.ts';
import { formatDateTime } from '../../../shared/i18n/dates.ts';

const css = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.meta{color:#666}.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:.8rem}.card{border:1px solid #ddd;border-radius:6px;padding:.7rem .9rem}
.card .v{font-size:1.7rem;font-weight:600}.card .f{color:#555;font-size:.85rem}.card .n{color:#777;font-size:.8rem}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border-bottom:1px solid #eee;padding:.3rem .4rem;text-align:left;vertical-align:top}th{background:#fafafa}
.error{color:#b71c1c}.warning{color:#e65100}.info{color:#455a64}.chart text{font:12px system-ui,sans-serif;fill:#333}.chart .title{font-weight:600}.chart .na{fill:#888}.chart .grid{stroke:#eee}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}.more{color:#666;font-style:italic}.instead{margin-top:.3rem;padding:.15rem .4rem;border-left:3px solid #2e7d32;background:#f3faf5;font-size:.8rem}
@page{size:A4;margin:14mm}
@media print{body{margin:0;max-width:none;padding:0;font-size:11px}h2{break-after:avoid;margin-top:1.2rem}.cards{grid-template-columns:repeat(3,1fr)}
.card,.chart,tr{break-inside:avoid}thead{display:table-header-group}.charts{display:block}.charts svg{display:block;max-width:100%;height:auto;margin-bottom:.6rem}
th{background:none}}`;

/** The report's words and numbers in one language, from the dictionaries the app uses. */
interface Voice {
  lang: Language;
  t: Translate;
  n: (x: number) => string;
}

function voiceOf(lang: Language): Voice {
  return { lang, t: makeTranslate(qualityText[lang]), n: (x) => x.toLocaleString(lang) };
}

const dimensionName = (v: Voice, d: Dimension) => v.t(`quality.dimension.${d}`);

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** A dimension's card; accuracy not measured says validity is shown instead, and shows it. */
function card(v: Voice, d: Dimension, m: Metric, timelinessDays: number, validity: Metric): string {
  const value = m.value === null ? v.t('quality.notMeasured') : percent(m.value);
  const counts = v.t('quality.ofTotal', { good: v.n(m.numerator), total: v.n(m.denominator) });
  const detail = m.value === null ? esc(naReasonText(v.t, m.reason)) : `${counts}${m.confusion ? ` · TP ${m.confusion.tp}, TN ${m.confusion.tn}, FP ${m.confusion.fp}, FN ${m.confusion.fn}` : ''}`;
  const instead = d === 'accuracy' && m.value === null && validity.value !== null
    ? `<div class="instead">${esc(v.t('quality.validityInstead', { value: percent(validity.value), good: v.n(validity.numerator), total: v.n(validity.denominator) }))}</div>`
    : '';
  return `<div class="card"><div>${esc(dimensionName(v, d))}</div><div class="v">${esc(value)}</div><div class="f">${esc(v.t(`quality.formula.${d}`, { days: timelinessDays }))}</div><div class="n">${detail}</div>${instead}</div>`;
}

function fieldCharts(v: Voice, byField: Record<string, DimensionMetrics>): string {
  return (['completeness', 'validity', 'consistency'] as Dimension[])
    .map((d) =>
      barChart(
        v.t('quality.report.chartByField', { dimension: dimensionName(v, d) }),
        Object.entries(byField).filter(([, m]) => m[d].value !== null).map(([f, m]) => ({ label: v.t(`quality.fieldName.${f}`, { defaultValue: f }), value: m[d].value })),
        v.t('quality.notMeasured'),
      ),
    )
    .join('');
}

interface IssueRow { source: string; recordId: string | null; field: string; rule: string; severity: string; code: IssueCode; params: string | null; suggestion: string | null }

export interface ReportOptions {
  /** Issues listed in the table; the rest are counted (default 500). */
  maxIssueRows?: number;
  title?: string;
  /** The report's language (default English); the JSON output stays English. */
  lang?: Language;
  /** For sharing: personal values in the issue table masked (standardize/mask-personal.ts), and the report says so. */
  mask?: boolean;
}

export function renderAuditReport(db: Database.Database, result: ProfileResult, opts: ReportOptions = {}): string {
  const v = voiceOf(opts.lang ?? 'en');
  const { t, n } = v;
  const m = result.metrics;
  const max = opts.maxIssueRows ?? 500;
  const rows = db
    .prepare(
      `SELECT s.file_name source, c.source_record_id recordId, i.field, i.rule, i.severity, i.code, i.params, i.suggestion
       FROM quality_current_issues i JOIN customers c ON c.id = i.customer_id JOIN sources s ON s.id = i.source_id
       ORDER BY CASE i.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, i.customer_id, i.field LIMIT ?`,
    )
    .all(max) as IssueRow[];
  const total = m.byRule.reduce((sum, r) => sum + r.count, 0);
  const sourceName = new Map(result.sources.map((s) => [String(s.id), s.fileName]));
  const sourceChart = groupedBars(
    t('quality.report.chartSources'),
    dimensions.map((d) => dimensionName(v, d)),
    Object.entries(m.bySource).map(([id, dm]) => ({ name: sourceName.get(id) ?? `source ${id}`, values: dimensions.map((d) => dm[d].value) })),
  );
  const field = (f: string) => esc(t(`quality.fieldName.${f}`, { defaultValue: f }));
  const rule = (r: string) => esc(t(`quality.ruleName.${r}`, { defaultValue: rules[r as RuleId]?.title ?? r }));
  const severity = (s: string) => `<td class="${s}">${esc(t(`quality.severity.${s}`, { defaultValue: s }))}</td>`;
  const ruleRows = m.byRule
    .map((r) => `<tr><td>${field(r.field)}</td><td><code>${esc(r.rule)}</code></td><td>${rule(r.rule)}</td><td>${esc(dimensionName(v, r.dimension))}</td>${severity(r.severity)}<td>${n(r.count)}</td></tr>`)
    .join('');
  // Masking works on the worded finding (it may quote the value) and on the suggested value.
  const message = (r: IssueRow): string => {
    const text = issueText(t, r.field, { code: r.code, params: parseIssueParams(r.params) });
    return opts.mask ? maskFindingText(r.field, text) : text;
  };
  const suggestion = (r: IssueRow): string => (r.suggestion === null ? '' : opts.mask ? String(maskValue(r.field, r.suggestion)) : r.suggestion);
  const issueRows = rows
    .map((r) => `<tr><td>${esc(r.source)}</td><td>${esc(r.recordId ?? '')}</td><td>${field(r.field)}</td><td>${rule(r.rule)}</td>${severity(r.severity)}<td>${esc(message(r))}</td><td>${esc(suggestion(r))}</td></tr>`)
    .join('');
  const more = total > rows.length ? `<p class="more">${esc(t('quality.report.more', { shown: n(rows.length), total: n(total), rest: n(total - rows.length) }))}</p>` : '';
  const histogram = m.ageHistogram.length
    ? barChart(t('quality.report.chartAge', { days: m.timelinessDays }), m.ageHistogram.map((b, i) => ({ label: `${t(`quality.ageBucket.${i}`, { defaultValue: b.label })} (${n(b.count)})`, value: m.records ? b.count / m.records : 0 })), t('quality.notMeasured'))
    : '';
  const title = esc(opts.title ?? t('quality.report.title'));
  const meta = t('quality.report.meta', { count: result.sources.length, records: n(m.records), files: result.sources.map((s) => s.fileName).join(', '), when: formatDateTime(v.lang, result.takenAt, 'long'), issues: n(total) });
  const head = (...keys: string[]) => `<thead><tr>${keys.map((k) => `<th>${esc(t(k))}</th>`).join('')}</tr></thead>`;
  return `<!doctype html>
<html lang="${v.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title><style>${css}</style></head><body>
<h1>${title}</h1>
<p class="meta">${esc(meta)}</p>${opts.mask ? `
<p class="meta" id="masked">${esc(t('quality.report.masked'))}</p>` : ''}
<h2>${esc(t('quality.report.scores'))}</h2><div class="cards">${dimensions.map((d) => card(v, d, m.overall[d], m.timelinessDays, m.overall.validity)).join('')}</div>
<h2>${esc(t('quality.report.byField'))}</h2><div class="charts">${fieldCharts(v, m.byField)}</div>
<h2>${esc(t('quality.report.bySource'))}</h2><div class="charts">${sourceChart}</div>
${histogram ? `<h2>${esc(dimensionName(v, 'timeliness'))}</h2><div class="charts">${histogram}</div>` : ''}
<h2>${esc(t('quality.report.rules'))}</h2><table>${head('quality.field', 'quality.rule', 'quality.report.meaning', 'quality.report.dimension', 'quality.report.severity', 'quality.records')}<tbody>${ruleRows}</tbody></table>
<h2>${esc(t('quality.report.issues'))}</h2>${more}<table>${head('quality.report.source', 'quality.report.recordId', 'quality.field', 'quality.rule', 'quality.report.severity', 'quality.report.message', 'quality.report.suggestion')}<tbody>${issueRows}</tbody></table>${more}
</body></html>
`;
}

export function writeAuditReport(db: Database.Database, result: ProfileResult, outPath: string, opts: ReportOptions = {}): void {
  writePrivateFile(outPath, renderAuditReport(db, result, opts));
}
