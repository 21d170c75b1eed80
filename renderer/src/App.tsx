import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../shared/contract.ts';
import { api } from './api/client.ts';
import { DataVersionProvider } from './api/data-version.tsx';
import { useEvent } from './api/hooks.ts';
import { ErrorBanner } from './components/ErrorBanner.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { ActivityView } from './views/analysis/ActivityView.tsx';
import { RfmView } from './views/analysis/RfmView.tsx';
import type { RfmDrill } from './views/analysis/segment-name.ts';
import { BackupsView } from './views/backups/BackupsView.tsx';
import { CustomersView } from './views/customers/CustomersView.tsx';
import { ImportView } from './views/import/ImportView.tsx';
import { DuplicatesView } from './views/duplicates/DuplicatesView.tsx';
import { FixesView } from './views/fixes/FixesView.tsx';
import { HistoryView } from './views/history/HistoryView.tsx';
import { UndoRedoProvider } from './views/history/undo-redo.tsx';
import { QuarantineView } from './views/quarantine/QuarantineView.tsx';
import { QualityView } from './views/quality/QualityView.tsx';
import type { Drill } from './views/quality/drill.ts';
import { SourcesView } from './views/sources/SourcesView.tsx';
import type { SegmentDrill } from './views/segments/SegmentBanner.tsx';
import { SegmentsView } from './views/segments/SegmentsView.tsx';
import { StartView } from './views/start/StartView.tsx';
import { LockIcon } from './views/protect/LockIcon.tsx';
import { PassphraseDialog } from './views/protect/PassphraseDialog.tsx';

export type ViewName = 'customers' | 'import' | 'sources' | 'quarantine' | 'duplicates' | 'quality' | 'fixes' | 'segments' | 'history' | 'backups' | 'activity' | 'rfm';

export function App() {
  const { t } = useTranslation();
  const [project, setProject] = useState<ProjectInfo | null>(null);
  const [view, setView] = useState<ViewName>('customers');
  const [startError, setStartError] = useState<Error | null>(null);
  const [ready, setReady] = useState(false);
  const [pendingJob, setPendingJob] = useState<string | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [segmentDrill, setSegmentDrill] = useState<SegmentDrill | null>(null);
  const [rfmSegment, setRfmSegment] = useState<RfmDrill | null>(null);
  const [canRemember, setCanRemember] = useState(false);
  const [passphraseOpen, setPassphraseOpen] = useState(false);

  useEffect(() => {
    api.invoke('app:info', {}).then(
      (info) => (setProject(info.project), setCanRemember(info.canRememberPassphrase), setReady(true)),
      (err: Error) => (setStartError(err), setReady(true)),
    );
  }, []);
  useEvent('project:changed', useCallback((info: ProjectInfo | null) => setProject(info), []));

  const opened = (info: ProjectInfo, jobId: string | null = null): void => {
    setProject(info);
    setPendingJob(jobId);
    setView(jobId ? 'import' : info.customers === 0 ? 'import' : 'customers');
  };

  if (!ready) return <div className="splash" data-testid="loading">{t('app.loading')}</div>;
  if (startError) return <ErrorBanner error={startError} />;
  if (!project) return <StartView onOpened={opened} />;

  const nav: { key: ViewName; label: string; count?: number }[] = [
    { key: 'customers', label: t('nav.customers'), count: project.customers },
    { key: 'import', label: t('nav.import') },
    { key: 'quality', label: t('quality.nav') },
    { key: 'fixes', label: t('nav.fixes') },
    { key: 'duplicates', label: t('duplicates.title') },
    { key: 'segments', label: t('segments.nav') },
    { key: 'activity', label: t('activity.nav'), count: project.transactions },
    { key: 'rfm', label: t('rfm.nav') },
    { key: 'history', label: t('nav.history') },
    { key: 'sources', label: t('nav.sources'), count: project.sources },
    { key: 'quarantine', label: t('nav.quarantine'), count: project.quarantined },
    { key: 'backups', label: t('backups.nav') },
  ];
  return (
    // Undo and redo (Ctrl+Z anywhere) and the views that must read again after a write need the open project.
    <DataVersionProvider key={project.path}>
    <UndoRedoProvider>
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">CRM Steward</div>
        <div className="project-name" data-testid="project-name" title={project.path}>{project.name}</div>
        <nav>
          {nav.map((n) => (
            <button key={n.key} className={view === n.key ? 'nav-item active' : 'nav-item'} data-testid={`nav-${n.key}`} onClick={() => setView(n.key)}>
              <span>{n.label}</span>
              {n.count !== undefined && <span className={n.key === 'quarantine' && n.count > 0 ? 'badge warn' : 'badge'}>{n.count.toLocaleString()}</span>}
            </button>
          ))}
        </nav>
        <div className="sidebar-foot">
          <span className="protect-state" data-testid="protect-state">
            {project.encrypted && <LockIcon label={t('protect.encrypted')} />}
            {t(project.encrypted ? 'protect.encrypted' : 'protect.notEncrypted')}
          </span>
          <button className="link" data-testid="passphrase-settings" onClick={() => setPassphraseOpen(true)}>{t('protect.settings')}</button>
          <LanguageSwitch />
          <button className="link" data-testid="close-project" onClick={() => void api.invoke('project:close', {})}>{t('nav.closeProject')}</button>
        </div>
      </aside>
      <main className="content">
        {view === 'customers' && <CustomersView project={project} onImport={() => setView('import')} drill={drill} onClearDrill={() => setDrill(null)} onShowQuality={() => setView('quality')}
          segment={segmentDrill} onClearSegment={() => setSegmentDrill(null)} onSegment={setSegmentDrill} rfmSegment={rfmSegment} onClearRfmSegment={() => setRfmSegment(null)} />}
        {view === 'quality' && <QualityView project={project} onDrill={(d) => (setDrill(d), setSegmentDrill(null), setRfmSegment(null), setView('customers'))} onShowCustomers={() => (setDrill(null), setSegmentDrill(null), setRfmSegment(null), setView('customers'))} />}
        {view === 'activity' && <ActivityView project={project} />}
        {view === 'rfm' && <RfmView project={project} onOpen={(s) => (setRfmSegment(s), setSegmentDrill(null), setDrill(null), setView('customers'))} />}
        {view === 'import' && <ImportView initialJobId={pendingJob} onShow={setView} />}
        {view === 'sources' && <SourcesView onShowQuarantine={() => setView('quarantine')} />}
        {view === 'quarantine' && <QuarantineView />}
        {view === 'duplicates' && <DuplicatesView />}
        {view === 'fixes' && <FixesView />}
        {view === 'segments' && <SegmentsView onOpenSegment={(d) => (setSegmentDrill(d), setRfmSegment(null), setDrill(null), setView('customers'))} />}
        {view === 'history' && <HistoryView project={project} />}
        {view === 'backups' && <BackupsView projectEncrypted={project.encrypted} />}
      </main>
      {passphraseOpen && <PassphraseDialog project={project} canRemember={canRemember} onClose={() => setPassphraseOpen(false)} />}
    </div>
    </UndoRedoProvider>
    </DataVersionProvider>
  );
}
