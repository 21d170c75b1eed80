import { useTranslation } from 'react-i18next';

/**
 * An ordered list the user arranges: move an item up or down, take it out,
 * add one of those not in it. The survivorship rules (master record, each
 * field) and the source priority are all such lists.
 */
export function RuleOrder<T extends string | number>({ items, options, label, onChange, testId, min = 0 }: {
  items: T[]; options: T[]; label: (item: T) => string; onChange: (items: T[]) => void; testId: string; min?: number;
}) {
  const { t } = useTranslation();
  const swap = (i: number, j: number): void => {
    const next = [...items];
    [next[i], next[j]] = [next[j], next[i]];
    onChange(next);
  };
  const rest = options.filter((o) => !items.includes(o));
  return (
    <ol className="rule-order" data-testid={testId}>
      {items.map((item, i) => (
        <li key={String(item)} data-testid="rule-item">
          <span className="rule-label">{label(item)}</span>
          <button type="button" className="link" aria-label={t('merge.settings.up')} title={t('merge.settings.up')} disabled={i === 0} onClick={() => swap(i, i - 1)}>↑</button>
          <button type="button" className="link" aria-label={t('merge.settings.down')} title={t('merge.settings.down')} disabled={i === items.length - 1} onClick={() => swap(i, i + 1)}>↓</button>
          <button type="button" className="link" aria-label={t('merge.settings.remove')} title={t('merge.settings.remove')} disabled={items.length <= min} onClick={() => onChange(items.filter((x) => x !== item))}>×</button>
        </li>
      ))}
      {rest.length > 0 && (
        <li className="rule-add">
          <select
            value="" data-testid={`${testId}-add`} aria-label={t('merge.settings.add')}
            onChange={(e) => e.target.value && onChange([...items, rest.find((o) => String(o) === e.target.value)!])}
          >
            <option value="">{t('merge.settings.add')}</option>
            {rest.map((o) => <option key={String(o)} value={String(o)}>{label(o)}</option>)}
          </select>
        </li>
      )}
    </ol>
  );
}
