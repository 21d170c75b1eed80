import { useTranslation } from 'react-i18next';
import type { BatchInfo } from '../../../../shared/channels/fix.ts';
import { formatDateTime } from '../../components/format.ts';
import { batchSentence, kindName } from './batch-text.ts';

/** Moves focus to the row above or below: the list is read with the arrow keys, Enter or Space opens a batch. */
function arrowKeys(e: React.KeyboardEvent<HTMLTableRowElement>, open: () => void): void {
  const row = e.currentTarget;
  const next = e.key === 'ArrowDown' ? row.nextElementSibling : e.key === 'ArrowUp' ? row.previousElementSibling : null;
  if (next instanceof HTMLElement) (e.preventDefault(), next.focus());
  if (e.key === 'Enter' || e.key === ' ') (e.preventDefault(), open());
}

/** The change history's batches, newest first: when, who, what (in the UI language), how many changes, whether in force. */
export function BatchList({ rows, selected, onSelect }: { rows: BatchInfo[]; selected: number | null; onSelect: (b: BatchInfo) => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <table className="table batches" data-testid="batch-list">
      <thead>
        <tr>
          <th>{t('history.col.when')}</th><th className="nowrap">{t('history.col.actor')}</th><th className="nowrap">{t('history.col.kind')}</th>
          <th>{t('history.col.what')}</th><th className="num nowrap">{t('history.col.changes')}</th><th className="nowrap">{t('history.col.state')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((b) => (
          <tr
            key={b.id}
            tabIndex={0}
            className={`clickable${b.id === selected ? ' selected' : ''}${b.active ? '' : ' undone'}`}
            aria-selected={b.id === selected}
            data-testid="batch-row"
            data-batch={b.id}
            onClick={() => onSelect(b)}
            onKeyDown={(e) => arrowKeys(e, () => onSelect(b))}
          >
            <td className="when">{formatDateTime(lng, b.at)}</td>
            <td className="nowrap">{t(`history.actor.${b.actor}`, { defaultValue: b.actor })}</td>
            <td className="nowrap"><span className={`kind kind-${b.kind}`}>{kindName(t, b.kind)}</span></td>
            <td data-testid="batch-sentence">{batchSentence(t, lng, b)} <span className="muted small">#{b.id}</span></td>
            <td className="num">{b.changes.toLocaleString(lng)}</td>
            <td className="nowrap" data-testid="batch-state">{b.active ? <span className="tag ok">{t('history.active')}</span> : <span className="tag">{t('history.undoneState')}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
