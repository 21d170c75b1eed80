/**
 * The client report: one self-contained HTML file a consultant hands to a
 * client. No script at all, no network (a Content-Security-Policy that
 * allows inline styles only), CSS inline, charts as inline SVG. It prints
 * on A4: each section starts a page, no table row, chart or card is cut in
 * two, and table heads repeat on every page. In English or Simplified
 * Chinese with that language's dates and numbers; with `mask`, every
 * person's details are masked wherever they appear.
 */
import { escapeHtml as esc } from '../quality/report/svg.ts';
import { dirname } from 'node:path';
import { ensurePrivateDir, writePrivateFile } from '../lib/private-files.ts';
import { clientReportText } from '../../shared/i18n/client-report-text.ts';
import { formatDateTime } from '../../shared/i18n/dates.ts';
import { makeTranslate, type Language } from '../../shared/i18n/translate.ts';
import type { Db } from '../store/open-project.ts';
import { duplicatesSection, fixesSection, qualitySection, rfmSection, section, segmentsSection, sourcesSection, type Voice } from './client-sections.ts';
import { readClientReport, type ClientReportData } from './report-data.ts';

export interface ClientReportOptions {
  lang?: Language;
  /** Names, emails, phones, addresses and birth dates masked (standardize/mask-personal.ts maskForClient). */
  mask?: boolean;
}

const css = `body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:1000px;color:#222;padding:0 1rem}
h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1.25rem;margin:2.2rem 0 .6rem;border-bottom:2px solid #1565c0;padding-bottom:.2rem}h3{font-size:1rem;margin:1.2rem 0 .4rem}
.meta,.note{color:#555}.warn{color:#b45309}.masked{border-left:4px solid #1565c0;background:#eef4fb;padding:.4rem .7rem;color:#123}
nav ol{columns:2;padding-left:1.2rem;margin:.3rem 0}nav a{color:#1565c0;text-decoration:none}
table{border-collapse:collapse;width:100%;font-size:.88rem;margin:.4rem 0 .8rem}th,td{border-bottom:1px solid #e5e5e5;padding:.3rem .45rem;text-align:left;vertical-align:top}th{background:#f5f7fa}.num{text-align:right;font-variant-numeric:tabular-nums}
.chart text{font:12px system-ui,sans-serif;fill:#333}.chart .title{font-weight:600}.chart .na{fill:#888}.chart .grid{stroke:#eee}.charts{display:flex;flex-wrap:wrap;gap:1.5rem;margin:.6rem 0}
@page{size:A4;margin:15mm}
@media print{body{margin:0;max-width:none;padding:0;font-size:10.5px}nav{break-after:page}section{break-before:page}h2{margin-top:0;break-after:avoid}h3{break-after:avoid}
tr,.chart,p{break-inside:avoid}thead{display:table-header-group}.charts{display:block}.charts svg{display:block;max-width:100%;height:auto}th{background:none}nav a{color:inherit}}`;

const sections: { id: string; key: string; render: (v: Voice, d: ClientReportData) => string }[] = [
  { id: 'sources', key: 'clientReport.sources.title', render: sourcesSection },
  { id: 'quality', key: 'clientReport.quality.title', render: qualitySection },
  { id: 'fixes', key: 'clientReport.fixes.title', render: fixesSection },
  { id: 'duplicates', key: 'clientReport.duplicates.title', render: duplicatesSection },
  { id: 'segments', key: 'clientReport.segments.title', render: segmentsSection },
  { id: 'rfm', key: 'clientReport.rfm.title', render: rfmSection },
];

export function renderClientReport(data: ClientReportData, opts: ClientReportOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const v: Voice = { lang, t: makeTranslate(clientReportText[lang]), mask: opts.mask === true };
  const title = esc(v.t('clientReport.title'));
  const meta = esc(v.t('clientReport.meta', { project: data.project, when: formatDateTime(lang, data.writtenAt, 'long') }));
  const contents = sections.map((s) => `<li><a href="#${s.id}">${esc(v.t(s.key))}</a></li>`).join('');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title} · ${esc(data.project)}</title><style>${css}</style></head><body>
<h1>${title}</h1>
<p class="meta">${meta}</p>${v.mask ? `\n<p class="masked" id="masked">${esc(v.t('clientReport.masked'))}</p>` : ''}
<nav><h3>${esc(v.t('clientReport.contents'))}</h3><ol>${contents}</ol></nav>
${sections.map((s) => section(s.id, v.t(s.key), s.render(v, data))).join('\n')}
</body></html>
`;
}

/** Writes a rendered report (owner-only, as every file with customer data; its folder made if missing); returns its size in bytes. */
export function saveReport(outPath: string, html: string): number {
  // The folder proposed (browser mode's projects folder) may not exist yet.
  ensurePrivateDir(dirname(outPath));
  writePrivateFile(outPath, html);
  return Buffer.byteLength(html);
}

/** Reads the project and writes its report; returns the file's size in bytes. */
export function writeClientReport(db: Db, projectPath: string, outPath: string, opts: ClientReportOptions = {}): number {
  return saveReport(outPath, renderClientReport(readClientReport(db, projectPath), opts));
}
