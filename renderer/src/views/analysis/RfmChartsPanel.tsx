import { useTranslation } from 'react-i18next';
import type { RfmCharts } from '../../../../shared/channels/analysis.ts';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { Chart } from '../quality/Chart.tsx';
import { heatOption, purchasesOption, revenueOption } from './rfm-charts.ts';
import type { RfmDrill } from './segment-name.ts';

/**
 * The RFM view's charts: the R×F heat map of the newest run, revenue per
 * month and purchases against refunds per month. A cell opens its customers
 * in the Customers grid, a month its buyers (or, on the refund bars, its
 * refunders). `runKey` changes with each run, so the charts follow it.
 */
export function RfmChartsPanel({ runKey, onOpen }: { runKey: string; onOpen: (d: RfmDrill) => void }) {
  const { t, i18n } = useTranslation();
  const loaded = useLoad(() => api.invoke('rfm:charts', {}), [runKey]);
  const charts: RfmCharts | null = loaded.data;
  if (loaded.error) return <ErrorBanner error={loaded.error} />;
  if (!charts) return <p className="muted">{t('app.loading')}</p>;
  const lang = i18n.language;
  const month = (i: number, refund: boolean): void => {
    const m = charts.months[i];
    if (m) onOpen({ kind: 'month', month: m, refund });
  };
  const seriesName = (s: RfmCharts['revenue'][number]): string =>
    s.currency === null ? t('rfm.charts.noCurrency') : s.converted ? t('rfm.charts.converted', { currency: s.currency }) : s.currency;
  return (
    <div className="rfm-charts" data-testid="rfm-charts">
      <div className="card">
        <h2>{t('rfm.charts.heatTitle')}</h2>
        {charts.heat.length === 0
          ? <p className="muted" data-testid="rfm-heat-empty">{t('rfm.charts.heatEmpty')}</p>
          : <>
            <p className="muted small">{t('rfm.charts.heatHelp')}</p>
            <Chart testId="rfm-heat" height={300} option={heatOption(charts, { recency: t('rfm.charts.r'), frequency: t('rfm.charts.f'), customers: t('rfm.customers'), meanMonetary: t('rfm.charts.meanMonetary') }, lang)}
              onClick={(c) => { const cell = charts.heat[c.dataIndex]; if (cell) onOpen({ kind: 'cell', r: cell.r, f: cell.f }); }} />
          </>}
      </div>
      <div className="card">
        <h2>{t('rfm.charts.revenueTitle')}</h2>
        {charts.months.length === 0
          ? <p className="muted" data-testid="rfm-months-empty">{t('rfm.charts.monthsEmpty')}</p>
          : <>
            <p className="muted small">{charts.asOf ? t('rfm.charts.revenueHelpRun', { asOf: charts.asOf }) : t('rfm.charts.revenueHelpNoRun')}</p>
            <Chart testId="rfm-revenue" height={280} option={revenueOption(charts, seriesName, lang)} onClick={(c) => month(c.dataIndex, false)} />
          </>}
      </div>
      <div className="card">
        <h2>{t('rfm.charts.purchasesTitle')}</h2>
        {charts.months.length === 0
          ? <p className="muted">{t('rfm.charts.monthsEmpty')}</p>
          : <>
            <p className="muted small">{t('rfm.charts.purchasesHelp')}</p>
            <Chart testId="rfm-purchases" height={280} option={purchasesOption(charts, t('rfm.charts.purchases'), t('rfm.charts.refunds'), lang)} onClick={(c) => month(c.dataIndex, c.seriesIndex === 1)} />
          </>}
      </div>
    </div>
  );
}
