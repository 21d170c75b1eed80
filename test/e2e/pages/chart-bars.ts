import type { Locator, Page } from '@playwright/test';

/** Where echarts drew bar `index` of series `series`: the chart writes each bar's centre to data-bars (renderer/src/views/quality/Chart.tsx). */
export async function chartBar(page: Page, chartTestId: string, index: number, series = 0): Promise<{ host: Locator; bar: { x: number; y: number } }> {
  const host = page.getByTestId(chartTestId).locator('[data-bars]');
  await host.waitFor();
  const bars = JSON.parse((await host.getAttribute('data-bars')) ?? '[]') as { s: number; i: number; x: number; y: number }[];
  const bar = bars.find((b) => b.s === series && b.i === index);
  if (!bar) throw new Error(`no bar ${series}/${index} in ${chartTestId}: ${JSON.stringify(bars)}`);
  return { host, bar: { x: bar.x, y: bar.y } };
}
