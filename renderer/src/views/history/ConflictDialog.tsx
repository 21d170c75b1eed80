import { useTranslation } from 'react-i18next';
import type { ReversalResult } from '../../../../shared/channels/fix.ts';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { formatDateTime } from '../../components/format.ts';
import { verificationField } from '../../../../shared/domain/verification.ts';
import { fieldName } from '../fixes/fix-text.ts';
import { kindName } from './batch-text.ts';
import { changeValueText } from './change-value.tsx';

const nameOf = (row: Record<string, unknown>): string =>
  String(row.full_name ?? '').trim() || [row.given_name, row.family_name].filter((v) => typeof v === 'string' && v).join(' ');

/**
 * A reversal found values changed again after the batch it would undo:
 * says so, lists them (whose, which field, what the batch left, what is
 * there now, which later batch changed it) and asks whether to overwrite
 * those later changes, keep them and reverse the rest, or do nothing.
 */
export function ConflictDialog({ what, result, onChoose }: { what: string; result: ReversalResult; onChoose: (choice: 'overwrite' | 'skip' | 'cancel') => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const ids = [...new Set(result.sample.map((c) => c.customerId))];
  const names = useLoad(async () => {
    if (ids.length === 0) return new Map<number, string>();
    const page = await api.invoke('customers:page', { ids, startRow: 0, endRow: ids.length });
    return new Map(page.rows.map((r) => [Number(r.id), nameOf(r)]));
  }, [ids.join(',')]);
  const n = (x: number): string => x.toLocaleString(lng);
  const shown = (field: string, v: string | number | null) => (v === null || v === '' ? <span className="muted">{field === verificationField ? changeValueText(t, field, v) : t('fixes.grid.empty')}</span> : changeValueText(t, field, v));
  return (
    <Dialog title={t('history.conflict.title')} testId="conflict-dialog" wide onClose={() => onChoose('cancel')}>
      <p className="muted">{what}</p>
      <p data-testid="conflict-text">{t('history.conflict.text', { count: result.conflicts, formatted: n(result.conflicts), total: n(result.total) })}</p>
      <div className="dialog-scroll">
        <table className="table compact" data-testid="conflict-sample">
          <thead>
            <tr>
              <th>{t('history.conflict.customer')}</th><th>{t('history.conflict.field')}</th><th>{t('history.conflict.left')}</th>
              <th>{t('history.conflict.now')}</th><th>{t('history.conflict.later')}</th>
            </tr>
          </thead>
          <tbody>
            {result.sample.map((c) => (
              <tr key={`${c.customerId}-${c.field}`} data-testid="conflict-row">
                <td>{names.data?.get(c.customerId) || t('history.sentence.customer', { id: c.customerId })} <span className="muted small">#{c.customerId}</span></td>
                <td>{fieldName(t, c.field)}</td>
                <td>{shown(c.field, c.left)}</td>
                <td><strong>{shown(c.field, c.current)}</strong></td>
                <td>{c.laterBatch ? t('history.conflict.laterBatch', { id: c.laterBatch.id, kind: kindName(t, c.laterBatch.kind), when: formatDateTime(lng, c.laterBatch.at) }) : t('history.conflict.unknownLater')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.conflicts > result.sample.length && <p className="muted small">{t('history.conflict.sample', { shown: n(result.sample.length), formatted: n(result.conflicts) })}</p>}
      <div className="toolbar end wrap">
        <button className="secondary" data-testid="conflict-cancel" onClick={() => onChoose('cancel')}>{t('history.conflict.cancel')}</button>
        <button className="secondary" data-testid="conflict-skip" data-autofocus onClick={() => onChoose('skip')}>{t('history.conflict.skip')}</button>
        <button className="danger" data-testid="conflict-overwrite" onClick={() => onChoose('overwrite')}>{t('history.conflict.overwrite')}</button>
      </div>
    </Dialog>
  );
}
