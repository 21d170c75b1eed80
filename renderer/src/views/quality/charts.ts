/**
 * Chart options for the dashboard. Bars show a score (share of records that
 * pass); the tooltip gives the count that fails, which is what a click lists.
 */
import type { EChartsOption } from 'echarts';
import type { TFunction } from 'i18next';
import type { QualityMetrics, TrendPoint } from '../../../../shared/channels/quality.ts';

type Dimension = keyof QualityMetrics['overall'];
export const chartDimensions: Dimension[] = ['completeness', 'validity', 'consistency', 'uniqueness'];
const colors: Record<string, string> = { completeness: '#2563eb', validity: '#15803d', accuracy: '#7c3aed', consistency: '#b45309', timeliness: '#0891b2', uniqueness: '#be185d' };

const percentAxis = { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } };

/**
 * Labels of a category axis that each keep to their own slot of the plot:
 * every label is shown (interval 0), each line at most as wide as its slot
 * and cut with an ellipsis beyond it (a long file name); the tooltip names it
 * whole. Without this echarts draws long labels over each other.
 */
export function fittedLabels(count: number, plotWidth: number) {
  const slot = Math.floor(plotWidth / Math.max(1, count)) - 2;
  return { interval: 0, width: Math.max(24, slot), overflow: 'truncate' as const, fontSize: 11, lineHeight: 13 };
}

/**
 * An age bucket's label with its unit on a second line ("181–365\ndays",
 * "181–365\n天"): echarts would otherwise break a label without spaces (Chinese)
 * inside its number to fit a narrow slot.
 */
const unitBelow = (label: string): string => label.replace(/\s+(?=\S+$)/, '\n');

/** The fields that have a number for this dimension, worst first. */
export function fieldsFor(m: QualityMetrics, d: Dimension): string[] {
  return Object.entries(m.byField)
    .filter(([, dm]) => dm[d].value !== null)
    .sort((a, b) => (a[1][d].value ?? 0) - (b[1][d].value ?? 0))
    .map(([f]) => f);
}

export function fieldBars(t: TFunction, m: QualityMetrics, d: Dimension): EChartsOption {
  const fields = fieldsFor(m, d);
  return {
    // No animation: the numbers are the point, and a chart is complete as soon as it is drawn.
    animation: false,
    grid: { left: 110, right: 24, top: 10, bottom: 30 },
    tooltip: { trigger: 'item', formatter: (p: unknown) => tip(t, m.byField[fields[(p as { dataIndex: number }).dataIndex]][d]) },
    xAxis: percentAxis,
    yAxis: { type: 'category', data: fields.map((f) => t(`quality.fieldName.${f}`, { defaultValue: f })), inverse: true },
    series: [{ type: 'bar', data: fields.map((f) => round(m.byField[f][d].value)), itemStyle: { color: colors[d] }, barMaxWidth: 18 }],
  };
}

export function sourceBars(t: TFunction, m: QualityMetrics, sources: { id: number; fileName: string }[], width: number): EChartsOption {
  const grid = { left: 50, right: 16, top: 36, bottom: 30 };
  return {
    // No animation: the numbers are the point, and a chart is complete as soon as it is drawn.
    animation: false,
    grid,
    legend: { top: 0 },
    tooltip: { trigger: 'item', formatter: (p: unknown) => { const q = p as { seriesIndex: number; dataIndex: number }; return `${escapeHtml(sources[q.dataIndex].fileName)}<br/>${t(`quality.dimension.${chartDimensions[q.seriesIndex]}`)}: ${tip(t, m.bySource[String(sources[q.dataIndex].id)][chartDimensions[q.seriesIndex]])}`; } },
    xAxis: { type: 'category', data: sources.map((s) => s.fileName), axisLabel: fittedLabels(sources.length, width - grid.left - grid.right) },
    yAxis: percentAxis,
    series: chartDimensions.map((d) => ({ type: 'bar', name: t(`quality.dimension.${d}`), itemStyle: { color: colors[d] }, barMaxWidth: 22, data: sources.map((s) => round(m.bySource[String(s.id)]?.[d].value ?? null)) })),
  };
}

export function trendLines(t: TFunction, points: TrendPoint[], locale: string): EChartsOption {
  const dims = Object.keys(colors) as Dimension[];
  return {
    // No animation: the numbers are the point, and a chart is complete as soon as it is drawn.
    animation: false,
    grid: { left: 50, right: 16, top: 36, bottom: 30 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => `${new Date(p.takenAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })} (${t(`quality.reason.${p.reason}`, { defaultValue: p.reason })})`) },
    yAxis: percentAxis,
    series: dims
      .filter((d) => points.some((p) => p.values[d] !== null && p.values[d] !== undefined))
      .map((d) => ({ type: 'line', name: t(`quality.dimension.${d}`), itemStyle: { color: colors[d] }, data: points.map((p) => round(p.values[d] ?? null)) })),
  };
}

export function ageBars(t: TFunction, m: QualityMetrics, width: number): EChartsOption {
  const grid = { left: 48, right: 12, top: 10, bottom: 40 };
  return {
    // No animation: the numbers are the point, and a chart is complete as soon as it is drawn.
    animation: false,
    grid,
    tooltip: { trigger: 'item', formatter: (p: unknown) => `${t(`quality.ageBucket.${(p as { dataIndex: number }).dataIndex}`)}: ${m.ageHistogram[(p as { dataIndex: number }).dataIndex].count.toLocaleString()}<br/>${t('quality.clickToList')}` },
    xAxis: { type: 'category', data: m.ageHistogram.map((_, i) => t(`quality.ageBucket.${i}`)), axisLabel: { ...fittedLabels(m.ageHistogram.length, width - grid.left - grid.right), formatter: unitBelow } },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: m.ageHistogram.map((b, i) => ({ value: b.count, itemStyle: { color: b.maxDays !== null && b.maxDays <= m.timelinessDays ? colors.timeliness : '#9ca3af' }, name: String(i) })), barMaxWidth: 40 }],
  };
}

/**
 * echarts puts a formatter's string into the tooltip as HTML. A file name
 * comes from whoever wrote the file (`<img src=x onerror=…>.csv` is a valid
 * name), so anything from the data is escaped before it joins the markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function round(v: number | null): number | null {
  return v === null ? null : Math.round(v * 1000) / 10;
}

function tip(t: TFunction, metric: { value: number | null; bad: number }): string {
  if (metric.value === null) return t('quality.notMeasured');
  return `${t('quality.score')} ${(metric.value * 100).toFixed(1)}%<br/>${t('quality.failing', { formatted: metric.bad.toLocaleString() })}<br/>${t('quality.clickToList')}`;
}
