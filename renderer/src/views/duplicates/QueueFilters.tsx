import { useTranslation } from 'react-i18next';
import type { QueueView } from '../../../../shared/channels/merge.ts';
import { pct } from './merge-text.ts';

type Filter = QueueView['filter'];
const statuses = ['review', 'merged', 'rejected', 'all'] as const;
const sorts = ['uncertainty', 'size', 'probability', 'id'] as const;
/** Score bands as "at least" (≥) or "below" (<) bounds on the weakest link. */
const scores = ['min:0.99', 'min:0.95', 'min:0.9', 'max:0.95', 'max:0.9', 'max:0.8'] as const;
const sizes = [3, 5, 10] as const;

/** Which groups the list shows (status, source, score, size) and in what order. */
export function QueueFilters({ view, sources, onChange }: { view: QueueView; sources: { id: number; fileName: string }[]; onChange: (v: QueueView) => void }) {
  const { t, i18n } = useTranslation();
  const f = view.filter;
  const set = (patch: Partial<Filter>): void => {
    const next: Filter = { ...f, ...patch };
    for (const k of Object.keys(next) as (keyof Filter)[]) if (next[k] === undefined) delete next[k];
    onChange({ ...view, filter: next });
  };
  const score = f.minProbability !== undefined ? `min:${f.minProbability}` : f.maxProbability !== undefined ? `max:${f.maxProbability}` : '';
  const setScore = (v: string): void => {
    const [kind, x] = v.split(':');
    set({ minProbability: kind === 'min' ? Number(x) : undefined, maxProbability: kind === 'max' ? Number(x) : undefined });
  };
  const filtered = f.sourceIds || f.minProbability !== undefined || f.maxProbability !== undefined || f.minSize;
  return (
    <div className="suggestion-filters queue-filters" data-testid="queue-filters">
      <label>
        {t('merge.filter.status')}
        <select data-testid="filter-status" value={f.status} onChange={(e) => set({ status: e.target.value as Filter['status'] })}>
          {statuses.map((s) => <option key={s} value={s}>{t(`merge.status.${s}`)}</option>)}
        </select>
      </label>
      <label>
        {t('merge.filter.source')}
        <select data-testid="filter-source" value={f.sourceIds?.[0] ?? ''} onChange={(e) => set({ sourceIds: e.target.value ? [Number(e.target.value)] : undefined })}>
          <option value="">{t('merge.filter.any')}</option>
          {sources.map((s) => <option key={s.id} value={s.id}>{s.fileName}</option>)}
        </select>
      </label>
      <label>
        {t('merge.filter.score')}
        <select data-testid="filter-score" value={score} onChange={(e) => setScore(e.target.value)}>
          <option value="">{t('merge.filter.any')}</option>
          {scores.map((s) => {
            const [kind, x] = s.split(':');
            return <option key={s} value={s}>{t(kind === 'min' ? 'merge.filter.scoreAtLeast' : 'merge.filter.scoreBelow', { pct: pct(Number(x), i18n.language) })}</option>;
          })}
        </select>
      </label>
      <label>
        {t('merge.filter.size')}
        <select data-testid="filter-size" value={f.minSize ?? ''} onChange={(e) => set({ minSize: e.target.value ? Number(e.target.value) : undefined })}>
          <option value="">{t('merge.filter.any')}</option>
          {sizes.map((n) => <option key={n} value={n}>{t('merge.filter.sizeAtLeast', { n })}</option>)}
        </select>
      </label>
      <label>
        {t('merge.filter.sort')}
        <select data-testid="queue-sort" value={view.sort} onChange={(e) => onChange({ ...view, sort: e.target.value as QueueView['sort'] })}>
          {sorts.map((s) => <option key={s} value={s}>{t(`merge.sort.${s}`)}</option>)}
        </select>
      </label>
      {filtered && <button className="link" data-testid="filter-clear" onClick={() => onChange({ ...view, filter: { status: f.status } })}>{t('merge.filter.clear')}</button>}
    </div>
  );
}
