/**
 * Charts as inline SVG strings, so the audit report needs no script and no
 * network to show them. Plain horizontal bars: one label, one value in 0..1
 * (or null for "not measured").
 */

export interface Bar {
  label: string;
  value: number | null;
  note?: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function colour(v: number): string {
  if (v >= 0.95) return '#2e7d32';
  if (v >= 0.8) return '#f9a825';
  return '#c62828';
}

/** `na` is how the report's language says "not measured". */
export function barChart(title: string, bars: Bar[], na: string, width = 560): string {
  const labelW = 170;
  const rowH = 22;
  const chartW = width - labelW - 70;
  const h = bars.length * rowH + 30;
  const rows = bars
    .map((b, i) => {
      const y = 24 + i * rowH;
      const label = `<text x="${labelW - 8}" y="${y + 14}" text-anchor="end">${escapeHtml(b.label)}</text>`;
      if (b.value === null) {
        return `${label}<text x="${labelW + 4}" y="${y + 14}" class="na">${escapeHtml(na)}${b.note ? ` (${escapeHtml(b.note)})` : ''}</text>`;
      }
      const w = Math.max(1, Math.round(b.value * chartW));
      return `${label}<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 8}" fill="${colour(b.value)}"><title>${escapeHtml(b.label)}: ${(b.value * 100).toFixed(1)}%</title></rect><text x="${labelW + w + 6}" y="${y + 14}">${(b.value * 100).toFixed(1)}%</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" class="chart"><text x="0" y="14" class="title">${escapeHtml(title)}</text>${rows}</svg>`;
}

/** Grouped bars: one group per dimension, one bar per series (sources). */
export function groupedBars(title: string, groups: string[], series: { name: string; values: (number | null)[] }[], width = 720): string {
  const palette = ['#1565c0', '#6a1b9a', '#00838f', '#ef6c00', '#558b2f', '#ad1457', '#4e342e', '#37474f'];
  const plotH = 160;
  const top = 30;
  const groupW = (width - 40) / Math.max(1, groups.length);
  const barW = Math.max(4, Math.min(28, (groupW - 12) / Math.max(1, series.length)));
  let body = '';
  groups.forEach((g, gi) => {
    const x0 = 40 + gi * groupW;
    series.forEach((s, si) => {
      const v = s.values[gi];
      const x = x0 + 6 + si * barW;
      if (v === null || v === undefined) {
        body += `<text x="${x + barW / 2}" y="${top + plotH - 4}" text-anchor="middle" class="na">–</text>`;
        return;
      }
      const bh = Math.round(v * plotH);
      body += `<rect x="${x}" y="${top + plotH - bh}" width="${barW - 2}" height="${bh}" fill="${palette[si % palette.length]}"><title>${escapeHtml(s.name)} · ${escapeHtml(g)}: ${(v * 100).toFixed(1)}%</title></rect>`;
    });
    body += `<text x="${x0 + groupW / 2}" y="${top + plotH + 16}" text-anchor="middle">${escapeHtml(g)}</text>`;
  });
  const axis = [0, 0.5, 1].map((t) => `<text x="34" y="${top + plotH - t * plotH + 4}" text-anchor="end">${t * 100}%</text><line x1="38" x2="${width}" y1="${top + plotH - t * plotH}" y2="${top + plotH - t * plotH}" class="grid"/>`).join('');
  // The legend wraps onto as many rows as the sources need, so none is drawn past the edge.
  const perRow = Math.max(1, Math.floor((width - 40) / 160));
  const legend = series.map((s, si) => {
    const x = 40 + (si % perRow) * 160;
    const y = top + plotH + 28 + Math.floor(si / perRow) * 16;
    return `<rect x="${x}" y="${y}" width="10" height="10" fill="${palette[si % palette.length]}"/><text x="${x + 14}" y="${y + 9}">${escapeHtml(s.name.length > 22 ? `${s.name.slice(0, 21)}…` : s.name)}</text>`;
  }).join('');
  const h = top + plotH + 32 + Math.ceil(series.length / perRow) * 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" class="chart"><text x="0" y="14" class="title">${escapeHtml(title)}</text>${axis}${body}${legend}</svg>`;
}

/** Horizontal bars of counts (segment sizes): one neutral colour, each bar's count and share written after it. */
export function countBars(title: string, bars: { label: string; count: number; text: string }[], width = 560): string {
  const labelW = 170;
  const rowH = 22;
  const chartW = width - labelW - 130;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const h = bars.length * rowH + 30;
  const rows = bars
    .map((b, i) => {
      const y = 24 + i * rowH;
      const w = Math.max(1, Math.round((b.count / max) * chartW));
      const label = b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label;
      return `<text x="${labelW - 8}" y="${y + 14}" text-anchor="end">${escapeHtml(label)}</text><rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 8}" fill="#1565c0"/><text x="${labelW + w + 6}" y="${y + 14}">${escapeHtml(b.text)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" class="chart"><text x="0" y="14" class="title">${escapeHtml(title)}</text>${rows}</svg>`;
}
