import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../../../shared/contract.ts';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { formatDateTime } from '../../components/format.ts';

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
  const create = () => run(async () => onOpened(await api.invoke('project:create', { path: joinPath(projectFolder, name) })));
  const open = (path: string) => run(async () => onOpened(await api.invoke('project:open', { path })));
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
          <button data-testid="create-project" disabled={busy || !name.trim() || !projectFolder} onClick={() => void create()}>{t('start.create')}</button>
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
                <button className="link" disabled={!r.exists || busy} title={r.path} onClick={() => void open(r.path)}>{r.name}</button>
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
    </div>
  );
}
