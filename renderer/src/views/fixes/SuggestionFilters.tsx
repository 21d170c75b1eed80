import { useTranslation } from 'react-i18next';
import type { SuggestionFilter } from '../../../../shared/channels/fix.ts';
import { customerFieldKeys } from '../../../../shared/domain/fields.ts';
import { fieldName, ruleName } from './fix-text.ts';

export type SuggestionSort = 'record' | 'confidence_asc' | 'confidence_desc' | 'field' | 'rule';
const sorts: SuggestionSort[] = ['record', 'confidence_asc', 'confidence_desc', 'field', 'rule'];
const statuses = ['open', 'accepted', 'rejected', 'stale'] as const;

/** The review grid's filters (rule, field, source, status, minimum confidence) and its order. */
export function SuggestionFilters({ filter, sort, rules, sources, onFilter, onSort }: {
  filter: SuggestionFilter; sort: SuggestionSort; rules: string[]; sources: { id: number; fileName: string }[];
  onFilter: (f: SuggestionFilter) => void; onSort: (s: SuggestionSort) => void;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof SuggestionFilter>(key: K, value: SuggestionFilter[K] | undefined): void => {
    const next = { ...filter, [key]: value };
    if (value === undefined) delete next[key];
    onFilter(next);
  };
  const fields = customerFieldKeys.filter((f) => f !== 'source_record_id');
  return (
    <div className="suggestion-filters" data-testid="suggestion-filters">
      <label>
        {t('fixes.filter.rule')}
        <select data-testid="filter-rule" value={filter.rule ?? ''} onChange={(e) => set('rule', e.target.value || undefined)}>
          <option value="">{t('fixes.filter.any')}</option>
          {rules.map((r) => <option key={r} value={r}>{ruleName(t, r)}</option>)}
        </select>
      </label>
      <label>
        {t('fixes.filter.field')}
        <select data-testid="filter-field" value={filter.field ?? ''} onChange={(e) => set('field', e.target.value || undefined)}>
          <option value="">{t('fixes.filter.any')}</option>
          {fields.map((f) => <option key={f} value={f}>{fieldName(t, f)}</option>)}
        </select>
      </label>
      <label>
        {t('fixes.filter.source')}
        <select data-testid="filter-source" value={filter.sourceId ?? ''} onChange={(e) => set('sourceId', e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">{t('fixes.filter.any')}</option>
          {sources.map((s) => <option key={s.id} value={s.id}>{s.fileName}</option>)}
        </select>
      </label>
      <label>
        {t('fixes.filter.status')}
        <select data-testid="filter-status" value={filter.status ?? ''} onChange={(e) => set('status', (e.target.value || undefined) as SuggestionFilter['status'])}>
          <option value="">{t('fixes.filter.all')}</option>
          {statuses.map((s) => <option key={s} value={s}>{t(`fixes.status.${s}`)}</option>)}
        </select>
      </label>
      <label>
        {t('fixes.filter.minConfidence')}
        <select data-testid="filter-confidence" value={filter.minConfidence ?? ''} onChange={(e) => set('minConfidence', e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">{t('fixes.filter.any')}</option>
          {[0.5, 0.8, 0.9, 0.95, 1].map((c) => <option key={c} value={c}>{`${Math.round(c * 100)}%`}</option>)}
        </select>
      </label>
      <label>
        {t('fixes.filter.sort')}
        <select data-testid="suggestion-sort" value={sort} onChange={(e) => onSort(e.target.value as SuggestionSort)}>
          {sorts.map((s) => <option key={s} value={s}>{t(`fixes.sort.${s}`)}</option>)}
        </select>
      </label>
      {Object.keys(filter).length > 0 && <button className="link" data-testid="filter-clear" onClick={() => onFilter({})}>{t('fixes.filter.clear')}</button>}
    </div>
  );
}
