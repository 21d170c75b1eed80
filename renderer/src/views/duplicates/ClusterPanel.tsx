import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { MembersTable } from './MembersTable.tsx';
import { Waterfall } from './Waterfall.tsx';
import { blockingRuleLabel } from './match-labels.ts';

/** One suggested group: its records side by side, and for each stored pair the waterfall of why. */
export function ClusterPanel({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const cluster = useLoad(() => api.invoke('match:cluster', { id }), [id]);
  const [pairIndex, setPairIndex] = useState(0);
  useEffect(() => setPairIndex(0), [id]);
  const c = cluster.data;
  const label = (recordId: number): string => c?.members.find((m) => m.id === recordId)?.sourceRecordId ?? String(recordId);
  const pair = c?.pairs[pairIndex];
  return (
    <section className="cluster-panel" data-testid="cluster-panel" aria-label={t('duplicates.group', { id })}>
      <div className="detail-head">
        <h2>{t('duplicates.group', { id })}{c && <span className="tag">{t('duplicates.members', { count: c.members.length })}</span>}</h2>
        <button className="link" onClick={onClose}>{t('common.close')}</button>
      </div>
      {cluster.error && <ErrorBanner error={cluster.error} />}
      {cluster.loading && !c && <p className="muted">{t('app.loading')}</p>}
      {c && (
        <>
          <p className="muted small">{t('duplicates.differs')}</p>
          <MembersTable cluster={c} />
          <h3>{t('duplicates.pairs')}</h3>
          <label className="pair-pick">
            {t('duplicates.pair')}
            <select data-testid="pair-select" value={pairIndex} onChange={(e) => setPairIndex(Number(e.target.value))}>
              {c.pairs.map((p, i) => (
                <option key={`${p.a}-${p.b}`} value={i}>
                  {t('duplicates.pairTitle', { a: label(p.a), b: label(p.b) })} · {(p.probability * 100).toFixed(1)}%
                </option>
              ))}
            </select>
          </label>
          {pair && (
            <div className="pair-explain" data-testid="pair-explain">
              <div className="pair-meta">
                <strong>{t('duplicates.probability')} {(pair.probability * 100).toFixed(2)}%</strong>
                <span className={pair.linked ? 'tag ok' : 'tag warnTag'}>{pair.linked ? t('duplicates.linked') : t('duplicates.notLinked')}</span>
                <span className="muted small">{t('duplicates.foundBy', { rule: pair.rule ? blockingRuleLabel(t, pair.rule) : '—' })}</span>
              </div>
              <Waterfall pair={pair} />
              <p className="muted small">{t('duplicates.waterfallHelp')}</p>
            </div>
          )}
        </>
      )}
    </section>
  );
}
