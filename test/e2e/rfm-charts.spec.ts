import { chartBar } from './pages/chart-bars.ts';
import { StartPage } from './pages/start-page.ts';
import { expect, test } from './fixtures.ts';
import { screenshotPath } from './screenshot-path.ts';

/**
 * The RFM charts, in English and in Chinese: an empty project first (each
 * chart says why it is empty), then the demo with RFM calculated with rates;
 * a heat-map cell opens its customers in the Customers grid, a purchase bar
 * that month's buyers and a refund bar its refunders, each with a banner
 * saying what the grid shows.
 */
const words = {
  en: { cell: /^RFM score cell: recency \d, frequency \d$/, bought: /^Customers with a purchase in \d{4}-\d{2}$/, refunded: /^Customers with a refund in \d{4}-\d{2}$/ },
  'zh-CN': { cell: /^RFM 得分格：最近度 \d，频率 \d$/, bought: /^\d{4}-\d{2} 有购买的客户$/, refunded: /^\d{4}-\d{2} 有退款的客户$/ },
} as const;

for (const lang of ['en', 'zh-CN'] as const) {
  test(`RFM charts open their customers in the grid (${lang})`, async ({ page, steward }) => {
    test.setTimeout(240_000);
    const w = words[lang];
    const shot = (name: string) => page.screenshot({ path: screenshotPath('views', `${lang}-${name}`), fullPage: true });
    const start = new StartPage(page);
    await start.open(steward.url, lang);

    await start.createProject(lang === 'en' ? 'Empty shop' : '空项目');
    await page.getByTestId('nav-rfm').click();
    await expect(page.getByTestId('rfm-heat-empty')).toBeVisible();
    await expect(page.getByTestId('rfm-months-empty')).toBeVisible();
    await shot('rfm-charts-empty');
    await page.getByTestId('close-project').click();

    await page.getByTestId('open-demo').click();
    await expect(page.getByTestId('import-outcome')).toBeVisible({ timeout: 120_000 });
    // The Segments view offers recency, frequency and monetary value only once RFM has been calculated, and says so.
    await page.getByTestId('nav-segments').click();
    await expect(page.getByTestId('segment-rfm-unavailable')).toBeVisible();
    await expect(page.getByTestId('feature-recency')).toBeDisabled();
    await shot('segments-rfm-unavailable');
    await page.getByTestId('nav-rfm').click();
    // Before a calculation: revenue per currency, no heat map yet.
    await expect(page.getByTestId('rfm-revenue')).toBeVisible();
    await expect(page.getByTestId('rfm-heat-empty')).toBeVisible();
    await page.getByTestId('rfm-charts').scrollIntoViewIfNeeded();
    await shot('rfm-charts-before-run');
    await page.getByTestId('rfm-as-of').fill('2026-10-01');
    await page.getByTestId('rfm-currency').fill('EUR');
    await page.getByTestId('rfm-rates').fill('USD=0.92, CNY=0.13, GBP=1.17');
    await page.getByTestId('rfm-run').click();
    await expect(page.getByTestId('rfm-heat')).toBeVisible();
    await expect(page.getByTestId('rfm-charts')).toContainText(lang === 'en' ? 'Recency × frequency scores' : '最近度 × 频率得分');
    await page.getByTestId('rfm-charts').scrollIntoViewIfNeeded();
    await shot('rfm-charts');
    await page.getByTestId('nav-segments').click();
    await expect(page.getByTestId('segment-rfm-unavailable')).toHaveCount(0);
    await page.getByTestId('feature-recency').check();
    await page.getByTestId('feature-monetary').check();
    await shot('segments-rfm-features');
    await page.getByTestId('nav-rfm').click();
    await expect(page.getByTestId('rfm-heat')).toBeVisible();

    // A heat-map cell: the grid shows exactly the customers the cell counts.
    const heat = await chartBar(page, 'rfm-heat', 0);
    await heat.host.click({ position: heat.bar });
    await expect(page.getByTestId('segment-what')).toHaveText(w.cell);
    await expect(page.getByTestId('customers-grid').locator('.ag-row').first()).toBeVisible();
    await expect(page.getByTestId('segment-count')).not.toHaveText('0');
    await shot('rfm-cell-customers');

    // The month with the most purchases: its buyers.
    await page.getByTestId('nav-rfm').click();
    await expect(page.getByTestId('rfm-purchases')).toBeVisible();
    const busiest = async (series: number): Promise<number> => {
      const host = page.getByTestId('rfm-purchases').locator('[data-bars]');
      await host.waitFor();
      const bars = JSON.parse((await host.getAttribute('data-bars')) ?? '[]') as { s: number; i: number; y: number }[];
      return bars.filter((b) => b.s === series).sort((a, b) => a.y - b.y)[0].i;
    };
    const bought = await chartBar(page, 'rfm-purchases', await busiest(0), 0);
    await bought.host.click({ position: bought.bar });
    await expect(page.getByTestId('segment-what')).toHaveText(w.bought);
    await expect(page.getByTestId('customers-grid').locator('.ag-row').first()).toBeVisible();
    await shot('rfm-month-customers');

    // A refund bar: that month's refunders.
    await page.getByTestId('nav-rfm').click();
    const refunded = await chartBar(page, 'rfm-purchases', await busiest(1), 1);
    await refunded.host.click({ position: refunded.bar });
    await expect(page.getByTestId('segment-what')).toHaveText(w.refunded);
    await expect(page.getByTestId('customers-grid').locator('.ag-row').first()).toBeVisible();
    await page.getByTestId('segment-clear').click();
    await expect(page.getByTestId('segment-banner')).toHaveCount(0);
  });
}
