import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../../../shared/contract.ts';
import { api, ApiError } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { formatDateTime } from '../../components/format.ts';
import { NewPassphraseFields, passphraseProblem, type NewPassphrase } from '../protect/NewPassphraseFields.tsx';
import { LockIcon } from '../protect/LockIcon.tsx';
import { UnlockDialog } from '../protect/UnlockDialog.tsx';

function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return `${folder.replace(/[\\/]+$/, '')}${sep}${name.trim()}.crmsteward`;
}

/** First screen when no project is open: new, open, recent, or the bundled demo. */
export function StartView({ onOpened }: { onOpened: (info: ProjectInfo, jobId?: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const info = useLoad(() => api.invoke('app:info', {}), []);
  const recent = useLoad(() => api.invoke('project:recent', {}), []);
  const [name, setName] = useState('');
  const [folder, setFolder] = useState<string | null>(null);
  const [openPath, setOpenPath] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [protect, setProtect] = useState(false);
  const [passphrase, setPassphrase] = useState<NewPassphrase>({ value: '', repeat: '' });
  const [remember, setRemember] = useState(false);
  // An encrypted project the user asked to open: its passphrase is asked for in a dialog.
  const [locked, setLocked] = useState<{ path: string; name: string } | null>(null);
  const canRemember = info.data?.canRememberPassphrase ?? false;
  const projectFolder = folder ?? info.data?.defaultProjectDir ?? '';

  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const create = () =>
    run(async () => onOpened(await api.invoke('project:create', { path: joinPath(projectFolder, name), ...(protect ? { passphrase: passphrase.value, remember: canRemember ? remember : undefined } : {}) })));
  const open = (path: string) =>
    run(async () => {
      try {
        onOpened(await api.invoke('project:open', { path }));
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 'passphrase_required')) throw err;
        setLocked({ path, name: path.split(/[\\/]/).pop()!.replace(/\.crmsteward$/i, '') });
      }
    });
  const createReady = name.trim() !== '' && projectFolder !== '' && (!protect || passphraseProblem(passphrase) === null);
  const demo = () => run(async () => {
    const { project, jobId } = await api.invoke('project:open-demo', {});
    onOpened(project, jobId);
  });

  return (
    <div className="start" data-testid="start-view">
      <header className="start-head">
        <div>
          <h1>CRM Steward</h1>
          <p className="muted">{t('start.tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="start-grid">
        <section className="card">
          <h2>{t('start.newProject')}</h2>
          <label className="field">
            <span>{t('start.projectName')}</span>
            <input data-testid="new-project-name" value={name} placeholder={t('start.projectNamePlaceholder')} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('start.folder')}</span>
            <input data-testid="new-project-folder" value={projectFolder} onChange={(e) => setFolder(e.target.value)} />
          </label>
          {name.trim() && <p className="muted small">{t('start.willCreate', { path: joinPath(projectFolder, name) })}</p>}
          <label className="check">
            <input type="checkbox" data-testid="new-project-protect" checked={protect} onChange={(e) => setProtect(e.target.checked)} />
            {t('protect.createProtected')}
          </label>
          {protect && (
            <>
              <p className="muted small">{t('protect.createHint')}</p>
              <NewPassphraseFields value={passphrase} onChange={setPassphrase} label={t('protect.passphrase')} testid="new-project" />
              {canRemember && (
                <label className="check">
                  <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
                  {t('protect.remember')}
                </label>
              )}
            </>
          )}
          <button data-testid="create-project" disabled={busy || !createReady} onClick={() => void create()}>{t('start.create')}</button>
        </section>
        <section className="card">
          <h2>{t('start.openProject')}</h2>
          <label className="field">
            <span>{t('start.projectFile')}</span>
            <input data-testid="open-project-path" value={openPath} placeholder="/path/to/customers.crmsteward" onChange={(e) => setOpenPath(e.target.value)} />
          </label>
          <button className="secondary" data-testid="open-project" disabled={busy || !openPath.trim()} onClick={() => void open(openPath.trim())}>{t('start.open')}</button>
          <h3>{t('start.recent')}</h3>
          {recent.loading && <p className="muted">{t('app.loading')}</p>}
          {recent.data && recent.data.length === 0 && <p className="muted" data-testid="no-recent">{t('start.noRecent')}</p>}
          <ul className="recent">
            {recent.data?.map((r) => (
              <li key={r.path}>
                <button className="link" disabled={!r.exists || busy} title={r.path} data-testid={`recent-${r.name}`} onClick={() => void open(r.path)}>
                  {r.encrypted && <LockIcon label={t('protect.encrypted')} />}
                  {r.name}
                </button>
                <span className="muted small">{r.exists ? formatDateTime(i18n.language, r.openedAt) : t('start.missing')}</span>
              </li>
            ))}
          </ul>
        </section>
        {info.data?.demoAvailable && (
          <section className="card demo">
            <h2>{t('start.demoTitle')}</h2>
            <p>{t('start.demoText')}</p>
            <button data-testid="open-demo" disabled={busy} onClick={() => void demo()}>{t('start.openDemo')}</button>
          </section>
        )}
      </div>
      {locked && <UnlockDialog path={locked.path} name={locked.name} canRemember={canRemember} onOpened={onOpened} onCancel={() => setLocked(null)} />}
    </div>
  );
}
