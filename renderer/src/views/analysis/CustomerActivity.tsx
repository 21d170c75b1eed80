import { useTranslation } from 'react-i18next';
import { formatStoredDate } from '../../../../shared/i18n/dates.ts';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';

/**
 * One customer's purchases, refunds and needs, with totals per currency;
 * a customer merged into a golden record shows the whole golden record's.
 */
export function CustomerActivity({ id, version }: { id: number; version: number }) {
  const { t, i18n } = useTranslation();
  const { data, error } = useLoad(() => api.invoke('activity:customer', { customerId: id, golden: true }), [id, version]);
  const money = (v: number): string => v.toLocaleString(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const day = (v: unknown): string => (typeof v === 'string' ? formatStoredDate(i18n.language, v) : '');
  if (error) return <ErrorBanner error={error} />;
  if (!data) return null;
  if (data.transactions.length === 0 && data.needs.length === 0) return <section data-testid="customer-activity"><h3>{t('activity.detail.title')}</h3><p className="muted small">{t('activity.detail.none')}</p></section>;
  return (
    <section className="activity-detail" data-testid="customer-activity">
      <h3>{t('activity.detail.title')}</h3>
      {data.members.length > 1 && <p className="muted small" data-testid="activity-golden">{t('activity.detail.golden', { count: data.members.length })}</p>}
      {data.totals.length > 0 && (
        <table className="table small" data-testid="activity-totals">
          <thead><tr><th>{t('activity.detail.currency')}</th><th className="num">{t('activity.detail.purchases')}</th><th className="num">{t('activity.detail.refunds')}</th><th className="num">{t('activity.detail.net')}</th></tr></thead>
          <tbody>
            {data.totals.map((c) => (
              <tr key={c.currency ?? ''}>
                <td>{c.currency ?? t('activity.detail.noCurrency')}</td>
                <td className="num">{c.purchases} · {money(c.bought)}</td>
                <td className="num">{c.refunds} · {money(c.refunded)}</td>
                <td className="num">{money(c.bought - c.refunded)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.transactions.length > 0 && (
        <table className="table small" data-testid="activity-transactions">
          <tbody>
            {data.transactions.map((r) => (
              <tr key={String(r.id)} className={r.refund === 1 ? 'refund' : undefined}>
                <td>{r.txn_day ? day(r.txn_day) : r.txn_date}</td>
                <td>{t(r.refund === 1 ? 'activity.refundYes' : 'activity.refundNo')}</td>
                <td>{r.product}</td>
                <td className="num">{typeof r.amount_value === 'number' ? money(Math.abs(r.amount_value)) : r.amount} {r.currency}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.needs.length > 0 && (
        <>
          <h3>{t('activity.detail.needs')}</h3>
          <ul data-testid="activity-needs">{data.needs.map((r) => <li key={String(r.id)}>{r.need_day ? day(r.need_day) : r.need_date} {r.need_kind}: {r.need_description}</li>)}</ul>
        </>
      )}
    </section>
  );
}
