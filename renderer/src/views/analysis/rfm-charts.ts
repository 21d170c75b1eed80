/**
 * Chart options of the RFM view: the R×F heat map (customers per recency and
 * frequency score, their mean monetary value in the tooltip), revenue per
 * month (purchases minus refunds, one series per currency that was not
 * converted) and purchases against refunds per month. Bars and cells, so a
 * click lands on one month or one cell.
 */
import type { EChartsOption } from 'echarts';
import type { RfmCharts } from '../../../../shared/channels/analysis.ts';

const SCORES = ['1', '2', '3', '4', '5'];
const money = (lang: string, v: number): string => v.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export interface HeatWords { recency: string; frequency: string; customers: string; meanMonetary: string }

export function heatOption(charts: RfmCharts, words: HeatWords, lang: string): EChartsOption {
  const max = Math.max(1, ...charts.heat.map((c) => c.count));
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 16, bottom: 88 },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const cell = charts.heat[(p as { dataIndex: number }).dataIndex];
        if (!cell) return '';
        return `${words.recency} ${cell.r} · ${words.frequency} ${cell.f}<br/>${words.customers}: ${cell.count.toLocaleString(lang)}<br/>${words.meanMonetary}: ${money(lang, cell.meanMonetary)}${charts.currency ? ` ${charts.currency}` : ''}`;
      },
    },
    xAxis: { type: 'category', data: SCORES, name: words.frequency, nameLocation: 'middle', nameGap: 26, splitArea: { show: true } },
    yAxis: { type: 'category', data: SCORES, name: words.recency, nameLocation: 'middle', nameGap: 30, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: false, text: [max.toLocaleString(lang), '0'], orient: 'horizontal', left: 'center', bottom: 4, itemHeight: 160, inRange: { color: ['#eff6ff', '#93c5fd', '#1d4ed8'] }, formatter: (v: unknown) => Math.round(Number(v)).toLocaleString(lang) },
    series: [{
      type: 'heatmap',
      data: charts.heat.map((c) => [c.f - 1, c.r - 1, c.count]),
      label: { show: true, formatter: (p: unknown) => Number((p as { value: number[] }).value[2]).toLocaleString(lang) },
      emphasis: { itemStyle: { borderColor: '#0f172a', borderWidth: 1 } },
    }],
  };
}

/** A revenue series' name: its currency, "converted" when every currency with a rate was converted into it. */
export type SeriesName = (s: RfmCharts['revenue'][number]) => string;

export function revenueOption(charts: RfmCharts, name: SeriesName, lang: string): EChartsOption {
  return {
    animation: false,
    grid: { left: 72, right: 16, top: 36, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => money(lang, Number(v)) },
    xAxis: { type: 'category', data: charts.months },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => v.toLocaleString(lang, { notation: 'compact' }) } },
    series: charts.revenue.map((s) => ({ type: 'bar', name: name(s), data: s.values })),
  };
}

export function purchasesOption(charts: RfmCharts, purchasesWord: string, refundsWord: string, lang: string): EChartsOption {
  return {
    animation: false,
    grid: { left: 64, right: 16, top: 36, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => Number(v).toLocaleString(lang) },
    xAxis: { type: 'category', data: charts.months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: purchasesWord, data: charts.purchases, itemStyle: { color: '#2563eb' } },
      { type: 'bar', name: refundsWord, data: charts.refunds, itemStyle: { color: '#b45309' } },
    ],
  };
}
