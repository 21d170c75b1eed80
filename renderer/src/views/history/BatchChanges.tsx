import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchInfo } from '../../../../shared/channels/fix.ts';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Pager } from '../../components/Pager.tsx';
import { fieldName, ruleName } from '../fixes/fix-text.ts';
import { batchSentence } from './batch-text.ts';
import { ChangeDiff } from './change-value.tsx';
import { useUndoRedo } from './undo-redo.tsx';

const PAGE = 100;

/** One batch: what it did, each change (whose record, which field, before → after, why), and reverting the batch or one change. */
export function BatchChanges({ batch, version }: { batch: BatchInfo; version: number }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { revertBatch, revertChange, busy } = useUndoRedo();
  const [offset, setOffset] = useState(0);
  const changes = useLoad(() => api.invoke('history:changes', { batchId: batch.id, offset, limit: PAGE }), [batch.id, offset, version]);
  const reason = (r: string): string => t(`history.reason.${r}`, { defaultValue: ruleName(t, r) });
  return (
    <section className="batch-changes" data-testid="batch-changes" aria-label={t('history.changes.title', { id: batch.id })}>
      <div className="detail-head">
        <h2>{t('history.changes.title', { id: batch.id })}</h2>
        <button className="secondary" data-testid="revert-batch" disabled={busy || !batch.active} onClick={() => revertBatch(batch)}>{t('history.changes.revertBatch')}</button>
      </div>
      <p data-testid="batch-detail-sentence">{batchSentence(t, lng, batch)}</p>
      <p className="muted small">
        {formatDateTime(lng, batch.at)} · {t(`history.actor.${batch.actor}`, { defaultValue: batch.actor })} · {t('history.changes.count', { count: batch.changes, formatted: batch.changes.toLocaleString(lng) })}
      </p>
      {changes.error && <ErrorBanner error={changes.error} />}
      {changes.loading && !changes.data && <p className="muted">{t('app.loading')}</p>}
      {changes.data && (
        <>
          <table className="table compact" data-testid="change-list">
            <thead>
              <tr>
                <th>{t('history.changes.customer')}</th><th>{t('history.changes.field')}</th>
                <th>{t('history.changes.change')}</th><th>{t('history.changes.reason')}</th><th />
              </tr>
            </thead>
            <tbody>
              {changes.data.rows.map((c) => (
                <tr key={c.id} data-testid="change-row">
                  <td>
                    {c.label || t('fixes.grid.unnamed')} <span className="muted small">#{c.customerId}</span>
                    <div className="muted small" title={t('history.changes.source')}>{c.source}</div>
                  </td>
                  <td className="nowrap">{fieldName(t, c.field)}</td>
                  <td><ChangeDiff field={c.field} before={c.before} after={c.after} /></td>
                  <td className="nowrap">{reason(c.reason)}{c.undoes !== null && <div className="muted small">{t('history.changes.undoesChange', { id: c.undoes })}</div>}</td>
                  <td className="nowrap">
                    <button className="link" data-testid="revert-change" disabled={busy || !batch.active} title={t('history.changes.revertChange')} onClick={() => revertChange(c)}>
                      {t('history.changes.revertChangeShort')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} limit={PAGE} total={changes.data.total} onChange={setOffset} />
        </>
      )}
    </section>
  );
}
