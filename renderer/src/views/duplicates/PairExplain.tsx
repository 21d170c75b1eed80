import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterView } from '../../../../shared/channels/merge.ts';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { blockingRuleLabel } from './match-labels.ts';
import { pct, recordName } from './merge-text.ts';
import { Waterfall } from './Waterfall.tsx';

/**
 * Why a group's records were put together: the waterfall of one pair,
 * opened on the weakest link (the pair that joined the last two groups: if
 * any pair is wrong, it is most likely this one); any other stored pair on request.
 */
export function PairExplain({ cluster }: { cluster: ClusterView }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const weakest = cluster.weakest;
  const [chosen, setChosen] = useState<string>(weakest ? `${weakest.a}-${weakest.b}` : cluster.pairs[0] ? `${cluster.pairs[0].a}-${cluster.pairs[0].b}` : '');
  const [a, b] = chosen.split('-').map(Number);
  const isWeakest = weakest !== null && weakest.a === a && weakest.b === b;
  const other = useLoad(() => (chosen && !isWeakest ? api.invoke('match:pair-explain', { a, b }) : Promise.resolve(null)), [chosen, isWeakest]);
  const pair = isWeakest ? weakest : other.data;
  const name = (id: number): string => {
    const m = cluster.members.find((x) => x.id === id);
    return m ? recordName(t, m) : `#${id}`;
  };
  if (cluster.pairs.length === 0 && !weakest) return null;
  return (
    <section className="pair-explain" data-testid="pair-explain">
      <h3>{t('merge.why')}</h3>
      <label className="pair-pick">
        {t('merge.pairs')}
        <select data-testid="pair-select" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {cluster.pairs.map((p) => (
            <option key={`${p.a}-${p.b}`} value={`${p.a}-${p.b}`}>
              {t('duplicates.pairTitle', { a: name(p.a), b: name(p.b) })} · {pct(p.probability, lng)}
              {p.label ? ` · ${t(`merge.pairLabel.${p.label}`)}` : ''}
              {weakest && p.a === weakest.a && p.b === weakest.b ? ` · ${t('merge.grid.weakest')}` : ''}
            </option>
          ))}
        </select>
      </label>
      {isWeakest && <p className="muted small">{t('merge.whyWeakest')}</p>}
      {other.error && <ErrorBanner error={other.error} />}
      {pair && (
        <>
          <div className="pair-meta">
            <strong data-testid="pair-probability">{t('duplicates.probability')} {pct(pair.probability, lng)}</strong>
            <span className={pair.linked ? 'tag ok' : 'tag warnTag'}>{pair.linked ? t('duplicates.linked') : t('duplicates.notLinked')}</span>
            <span className="muted small">{t('duplicates.foundBy', { rule: pair.rule ? blockingRuleLabel(t, pair.rule) : '—' })}</span>
          </div>
          <Waterfall pair={pair} />
          <p className="muted small">{t('duplicates.waterfallHelp')}</p>
        </>
      )}
    </section>
  );
}
