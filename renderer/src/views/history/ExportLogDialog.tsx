import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../../../shared/contract.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SavePathField } from '../../components/SavePathField.tsx';

const today = (): string => new Date().toISOString().slice(0, 10);

/** The whole change log as CSV (one row per change, with its batch, who and why) to a path the user chooses. */
export function ExportLogDialog({ project, onClose }: { project: ProjectInfo; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [path, setPath] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<{ path: string; rows: number } | null>(null);
  const save = (): void => {
    setSaving(true);
    setError(null);
    api.invoke('history:export', { path: path.trim() }).then(setSaved, setError).finally(() => setSaving(false));
  };
  return (
    <Dialog title={t('history.exportLog')} testId="export-log-dialog" onClose={onClose}>
      <SavePathField testId="export-log-path" defaultName={`${project.name}-history-${today()}.csv`} format="csv" value={path} onChange={setPath} disabled={saving} />
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {saved && <div className="success" role="status" data-testid="export-log-saved">{t('history.exported', { count: saved.rows, formatted: saved.rows.toLocaleString(i18n.language), path: saved.path })}</div>}
      <div className="toolbar end">
        <button className="secondary" onClick={onClose}>{t('export.close')}</button>
        <button data-testid="export-log-save" disabled={saving || !path.trim()} onClick={save}>{t('export.start')}</button>
      </div>
    </Dialog>
  );
}
