/**
 * The consultant's audit report: one self-contained HTML file (inline CSS,
 * inline SVG charts, no scripts, no network) with the score per dimension,
 * bars per field, a comparison of sources, the rules broken, and a capped
 * table of issues that says how many more there are.
 */
import type Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import type { Dimension, DimensionMetrics, Metric, ProfileResult } from '../types.ts';
import { dimensions } from '../types.ts';
import { rules, type RuleId } from '../rules.ts';
import { barChart, escapeHtml as esc, groupedBars } from './svg.ts';

const css = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.meta{color:#666}.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:.8rem}.card{border:1px solid #ddd;border-radius:6px;padding:.7rem .9rem}
.card .v{font-size:1.7rem;font-weight:600}.card .f{color:#555;font-size:.85rem}.card .n{color:#777;font-size:.8rem}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border-bottom:1px solid #eee;padding:.3rem .4rem;text-align:left;vertical-align:top}th{background:#fafafa}
.error{color:#b71c1c}.warning{color:#e65100}.info{color:#455a64}.chart text{font:12px system-ui,sans-serif;fill:#333}.chart .title{font-weight:600}.chart .na{fill:#888}.chart .grid{stroke:#eee}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}.more{color:#666;font-style:italic}`;

const pct = (m: Metric) => (m.value === null ? 'not measured' : `${(m.value * 100).toFixed(1)}%`);

function card(d: Dimension, m: Metric): string {
  const detail = m.value === null ? esc(m.reason ?? '') : `${m.numerator.toLocaleString('en-US')} of ${m.denominator.toLocaleString('en-US')}${m.confusion ? ` · TP ${m.confusion.tp}, TN ${m.confusion.tn}, FP ${m.confusion.fp}, FN ${m.confusion.fn}` : ''}`;
  return `<div class="card"><div>${d[0].toUpperCase()}${d.slice(1)}</div><div class="v">${pct(m)}</div><div class="f">${esc(m.formula)}</div><div class="n">${detail}</div></div>`;
}

function fieldCharts(byField: Record<string, DimensionMetrics>): string {
  return (['completeness', 'validity', 'consistency'] as Dimension[])
    .map((d) => barChart(`${d[0].toUpperCase()}${d.slice(1)} by field`, Object.entries(byField).filter(([, m]) => m[d].value !== null).map(([f, m]) => ({ label: f, value: m[d].value }))))
    .join('');
}

interface IssueRow { source: string; recordId: string | null; field: string; rule: string; severity: string; message: string; suggestion: string | null }

export interface ReportOptions {
  /** Issues listed in the table; the rest are counted (default 500). */
  maxIssueRows?: number;
  title?: string;
}

export function renderAuditReport(db: Database.Database, result: ProfileResult, opts: ReportOptions = {}): string {
  const m = result.metrics;
  const max = opts.maxIssueRows ?? 500;
  const rows = db
    .prepare(
      `SELECT s.file_name source, c.source_record_id recordId, i.field, i.rule, i.severity, i.message, i.suggestion
       FROM quality_current_issues i JOIN customers c ON c.id = i.customer_id JOIN sources s ON s.id = i.source_id
       ORDER BY CASE i.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, i.customer_id, i.field LIMIT ?`,
    )
    .all(max) as IssueRow[];
  const total = m.byRule.reduce((n, r) => n + r.count, 0);
  const sourceName = new Map(result.sources.map((s) => [String(s.id), s.fileName]));
  const sourceChart = groupedBars(
    'Sources compared by dimension',
    [...dimensions],
    Object.entries(m.bySource).map(([id, dm]) => ({ name: sourceName.get(id) ?? `source ${id}`, values: dimensions.map((d) => dm[d].value) })),
  );
  const ruleRows = m.byRule
    .map((r) => `<tr><td>${esc(r.field)}</td><td>${esc(r.rule)}</td><td>${esc(rules[r.rule as RuleId]?.title ?? '')}</td><td>${r.dimension}</td><td class="${r.severity}">${r.severity}</td><td>${r.count.toLocaleString('en-US')}</td></tr>`)
    .join('');
  const issueRows = rows
    .map((r) => `<tr><td>${esc(r.source)}</td><td>${esc(r.recordId ?? '')}</td><td>${esc(r.field)}</td><td>${esc(r.rule)}</td><td class="${r.severity}">${r.severity}</td><td>${esc(r.message)}</td><td>${esc(r.suggestion ?? '')}</td></tr>`)
    .join('');
  const more = total > rows.length ? `<p class="more">Showing ${rows.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} issues; ${(total - rows.length).toLocaleString('en-US')} more are in the JSON output.</p>` : '';
  const histogram = m.ageHistogram.length
    ? barChart(`Age of last update (window ${m.timelinessDays} days)`, m.ageHistogram.map((b) => ({ label: `${b.label} (${b.count.toLocaleString('en-US')})`, value: m.records ? b.count / m.records : 0 })))
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(opts.title ?? 'Customer data quality audit')}</title><style>${css}</style></head><body>
<h1>${esc(opts.title ?? 'Customer data quality audit')}</h1>
<p class="meta">${m.records.toLocaleString('en-US')} customers from ${result.sources.length} source${result.sources.length === 1 ? '' : 's'} (${result.sources.map((s) => esc(s.fileName)).join(', ')}) · profiled ${esc(result.takenAt)} · ${total.toLocaleString('en-US')} issues</p>
<h2>Score by dimension</h2><div class="cards">${dimensions.map((d) => card(d, m.overall[d])).join('')}</div>
<h2>By field</h2><div class="charts">${fieldCharts(m.byField)}</div>
<h2>By source</h2><div class="charts">${sourceChart}</div>
${histogram ? `<h2>Timeliness</h2><div class="charts">${histogram}</div>` : ''}
<h2>Rules broken</h2><table><thead><tr><th>Field</th><th>Rule</th><th>Meaning</th><th>Dimension</th><th>Severity</th><th>Records</th></tr></thead><tbody>${ruleRows}</tbody></table>
<h2>Issues</h2>${more}<table><thead><tr><th>Source</th><th>Record id</th><th>Field</th><th>Rule</th><th>Severity</th><th>Message</th><th>Suggestion</th></tr></thead><tbody>${issueRows}</tbody></table>${more}
</body></html>
`;
}

export function writeAuditReport(db: Database.Database, result: ProfileResult, outPath: string, opts: ReportOptions = {}): void {
  writeFileSync(outPath, renderAuditReport(db, result, opts), 'utf8');
}
