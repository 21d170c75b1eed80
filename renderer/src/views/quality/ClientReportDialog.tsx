import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../../../shared/contract.ts';
import { languages, type Language } from '../../../../shared/i18n/translate.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SavePathField } from '../../components/SavePathField.tsx';

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The client report (one offline HTML file) to a path the user chooses, in
 * the language they pick (the app's by default) and, for sharing, with
 * personal details masked. The service writes it, as it writes exports.
 */
export function ClientReportDialog({ project, onClose }: { project: ProjectInfo; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<Language>((languages as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en');
  const [mask, setMask] = useState(false);
  const [path, setPath] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<{ path: string; bytes: number } | null>(null);
  const write = (): void => {
    setSaving(true);
    setError(null);
    setSaved(null);
    api.invoke('report:write', { path: path.trim(), lang, mask }).then(setSaved, setError).finally(() => setSaving(false));
  };
  const name = `${project.name}-report-${lang}${mask ? '-masked' : ''}-${today()}.html`;
  return (
    <Dialog title={t('clientReport.dialogTitle')} testId="client-report-dialog" onClose={onClose}>
      <p className="muted">{t('clientReport.dialogIntro')}</p>
      <label className="field">
        <span>{t('clientReport.language')}</span>
        <select data-testid="client-report-lang" value={lang} disabled={saving} onChange={(e) => setLang(e.target.value as Language)}>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" data-testid="client-report-mask" checked={mask} disabled={saving} onChange={(e) => setMask(e.target.checked)} /> {t('clientReport.mask')}
      </label>
      <SavePathField testId="client-report-path" defaultName={name} format="html" value={path} onChange={setPath} disabled={saving} />
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {saved && <div className="success" role="status" data-testid="client-report-saved">{t('clientReport.written', { path: saved.path, size: Math.max(1, Math.round(saved.bytes / 1024)).toLocaleString(i18n.language) })}</div>}
      <div className="toolbar end">
        <button className="secondary" onClick={onClose}>{t('clientReport.close')}</button>
        <button data-testid="client-report-write" disabled={saving || !path.trim()} onClick={write}>{saving ? t('clientReport.writing') : t('clientReport.write')}</button>
      </div>
    </Dialog>
  );
}
