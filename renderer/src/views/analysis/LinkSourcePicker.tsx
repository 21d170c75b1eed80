import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';

/**
 * For each transactions (or needs) file, which customers file its customer
 * ids belong to, when ids repeat across sources. Changing it relinks.
 */
export function LinkSourcePicker({ entity, onChanged, onError }: { entity: 'transaction' | 'need'; onChanged: () => void; onError: (e: Error) => void }) {
  const { t } = useTranslation();
  const sources = useLoad(() => api.invoke('sources:list', {}), []);
  const files = (sources.data ?? []).filter((s) => s.entity === entity && s.withdrawnAt === null);
  const customerFiles = (sources.data ?? []).filter((s) => s.entity === 'customer' && s.withdrawnAt === null);
  if (files.length === 0 || customerFiles.length < 2) return null; // one customers file: nothing to choose
  const pick = (sourceId: number, value: string): void => {
    api.invoke('activity:link-source', { sourceId, customerSourceId: value === '' ? null : Number(value) }).then(() => (sources.reload(), onChanged()), onError);
  };
  return (
    <div className="link-sources muted small" data-testid="link-sources" title={t('activity.linkSourceHelp')}>
      {files.map((f) => (
        <label key={f.id} className="inline">
          {f.fileName} — {t('activity.linkSource')}{' '}
          <select data-testid={`link-source-${f.id}`} value={f.linkSourceId ?? ''} onChange={(e) => pick(f.id, e.target.value)}>
            <option value="">{t('activity.linkAuto')}</option>
            {customerFiles.map((c) => <option key={c.id} value={c.id}>{c.fileName}</option>)}
          </select>
        </label>
      ))}
    </div>
  );
}
