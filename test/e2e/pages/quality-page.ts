import type { Locator, Page } from '@playwright/test';
import { chartBar } from './chart-bars.ts';

/** The Data quality view: profile, read the scores, click a bar or a score to drill down. */
export class QualityPage {
  constructor(readonly page: Page) {}

  async go(): Promise<void> {
    await this.page.getByTestId('nav-quality').click();
    await this.page.getByTestId('quality-view').waitFor();
  }

  async profileNow(): Promise<void> {
    await this.page.getByTestId('profile-now').click();
    await this.page.getByTestId('score-cards').waitFor({ timeout: 60_000 });
  }

  card(dimension: string): Locator {
    return this.page.getByTestId(`card-${dimension}`);
  }

  /** Clicks bar `index` of series `series` in a chart, at the centre echarts drew it. */
  async clickBar(chartTestId: string, index: number, series = 0): Promise<void> {
    const { host, bar } = await this.bar(chartTestId, index, series);
    await host.click({ position: bar });
  }

  /** Moves the mouse over a bar, as a person does to read its tooltip. */
  async hoverBar(chartTestId: string, index: number, series = 0): Promise<void> {
    const { host, bar } = await this.bar(chartTestId, index, series);
    await host.hover({ position: bar });
  }

  private bar(chartTestId: string, index: number, series: number): Promise<{ host: Locator; bar: { x: number; y: number } }> {
    return chartBar(this.page, chartTestId, index, series);
  }

  /** Imports a verified reference file through the real file chooser (uploaded in browser mode), as the Import view does. */
  async importReference(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('reference-import').click();
    await (await chooser).setFiles(path);
  }

  accuracy(): Locator {
    return this.page.getByTestId('score-accuracy');
  }

  /** The accuracy card's TP, TN, FP and FN as shown. */
  async confusion(): Promise<{ tp: string; tn: string; fp: string; fn: string }> {
    const text = async (k: string) => (await this.page.getByTestId(`confusion-${k}`).textContent()) ?? '';
    return { tp: await text('tp'), tn: await text('tn'), fp: await text('fp'), fn: await text('fn') };
  }

  banner(): Locator {
    return this.page.getByTestId('drill-banner');
  }
}
