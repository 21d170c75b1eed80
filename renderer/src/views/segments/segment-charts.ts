/**
 * Chart options of the Segments view: segment sizes, each centroid in the
 * feature's own units, a scatter of two features coloured by segment (the
 * saved sample), and the elbow (inertia and mean silhouette by k).
 */
import type { EChartsOption } from 'echarts';
import type { ElbowResult, SegmentationView } from '../../../../shared/channels/segment.ts';

export const segmentColors = ['#2563eb', '#15803d', '#b45309', '#be185d', '#7c3aed', '#0891b2', '#dc2626', '#4d7c0f', '#9333ea', '#0f766e', '#a16207', '#1d4ed8', '#c2410c', '#047857', '#6d28d9', '#0e7490', '#b91c1c', '#65a30d', '#7e22ce', '#155e75'];
const colorOf = (segment: number): string => segmentColors[(segment - 1) % segmentColors.length];

type Names = (segment: number) => string;
const fmt = (lang: string, v: number): string => v.toLocaleString(lang, { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 1 });

export function sizesOption(view: SegmentationView, names: Names, lang: string, customersWord: string): EChartsOption {
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 16, bottom: 40 },
    tooltip: { trigger: 'item', formatter: (p: unknown) => { const q = p as { name: string; value: number }; return `${q.name}: ${fmt(lang, q.value)} ${customersWord}`; } },
    xAxis: { type: 'category', data: view.segments.map((s) => names(s.segment)), axisLabel: { interval: 0, overflow: 'truncate', width: 110 } },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: view.segments.map((s) => ({ value: s.size, itemStyle: { color: colorOf(s.segment) } })) }],
  };
}

/** One small bar chart per feature: each segment's centroid in the feature's own units, the overall mean as a dashed line. */
export function centroidOption(view: SegmentationView, feature: number, title: string, names: Names, lang: string, meanWord: string): EChartsOption {
  const f = view.features[feature];
  return {
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    grid: { left: 64, right: 16, top: 32, bottom: 40 },
    tooltip: { trigger: 'item', valueFormatter: (v) => fmt(lang, Number(v)) },
    xAxis: { type: 'category', data: view.segments.map((s) => names(s.segment)), axisLabel: { interval: 0, overflow: 'truncate', width: 90 } },
    yAxis: { type: 'value', scale: true },
    series: [{
      type: 'bar',
      data: view.segments.map((s) => ({ value: s.centroid[feature], itemStyle: { color: colorOf(s.segment) } })),
      markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#64748b' }, label: { position: 'insideEndTop', formatter: `${meanWord} ${fmt(lang, f.mean)}` }, data: [{ yAxis: f.mean }] },
    }],
  };
}

export function scatterOption(view: SegmentationView, x: number, y: number, labels: string[], names: Names): EChartsOption {
  return {
    animation: false,
    grid: { left: 64, right: 16, top: 36, bottom: 44 },
    legend: { top: 0 },
    tooltip: { trigger: 'item', formatter: (p: unknown) => { const q = p as { seriesName: string; value: number[] }; return `${q.seriesName}<br/>${labels[x]}: ${q.value[0]}<br/>${labels[y]}: ${q.value[1]}`; } },
    xAxis: { type: 'value', name: labels[x], nameLocation: 'middle', nameGap: 28, scale: true },
    yAxis: { type: 'value', name: labels[y], scale: true },
    series: view.segments.map((s) => ({
      type: 'scatter', name: names(s.segment), symbolSize: 5, itemStyle: { color: colorOf(s.segment), opacity: 0.6 },
      data: view.sample.filter((p) => p[0] === s.segment).map((p) => [p[1 + x], p[1 + y]]),
    })),
  };
}

export function elbowOption(elbow: ElbowResult, inertiaWord: string, silhouetteWord: string, chosenK: number): EChartsOption {
  return {
    animation: false,
    grid: { left: 64, right: 56, top: 36, bottom: 36 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', name: 'k', data: elbow.points.map((p) => String(p.k)) },
    yAxis: [{ type: 'value', name: inertiaWord }, { type: 'value', name: silhouetteWord, min: -1, max: 1, splitLine: { show: false } }],
    series: [
      { type: 'line', name: inertiaWord, data: elbow.points.map((p) => Number(p.inertia.toFixed(2))), markPoint: { data: elbow.points.filter((p) => p.k === chosenK).map((p) => ({ name: `k=${p.k}`, coord: [String(p.k), Number(p.inertia.toFixed(2))], value: `k=${p.k}` })) } },
      { type: 'line', name: silhouetteWord, yAxisIndex: 1, data: elbow.points.map((p) => (p.silhouette === null ? null : Number(p.silhouette.toFixed(3)))) },
    ],
  };
}
