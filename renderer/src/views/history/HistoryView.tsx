import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchInfo } from '../../../../shared/channels/fix.ts';
import type { ProjectInfo } from '../../../../shared/contract.ts';
import { api } from '../../api/client.ts';
import { useDataVersion } from '../../api/data-version.tsx';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { Pager } from '../../components/Pager.tsx';
import { BatchChanges } from './BatchChanges.tsx';
import { BatchList } from './BatchList.tsx';
import { ExportLogDialog } from './ExportLogDialog.tsx';
import { useUndoRedo } from './undo-redo.tsx';
import './history.css';

const PAGE = 50;

/**
 * The change history: every batch newest first, Undo and Redo saying what
 * they would do, a batch's changes with revert of the batch or of one
 * change, and the log as CSV.
 */
export function HistoryView({ project }: { project: ProjectInfo }) {
  const { t } = useTranslation();
  const { version } = useDataVersion();
  const { undo, redo, undoLabel, redoLabel, busy } = useUndoRedo();
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<BatchInfo | null>(null);
  const [exporting, setExporting] = useState(false);
  const page = useLoad(() => api.invoke('history:page', { offset, limit: PAGE }), [offset, version]);
  // The selected batch as the latest page has it (its state changes when it is undone).
  const current = selected && (page.data?.rows.find((b) => b.id === selected.id) ?? selected);
  return (
    <div className="view history-view" data-testid="history-view">
      <div className="view-head">
        <h1>{t('history.title')}</h1>
        <div className="undo-redo">
          <button data-testid="undo" disabled={busy || !undoLabel} title={`${undoLabel ? t('history.undoWhat', { what: undoLabel }) : t('history.nothingToUndo')} (${t('history.shortcut.undo')})`} onClick={undo}>
            {undoLabel ? t('history.undoWhat', { what: undoLabel }) : t('history.nothingToUndo')}
          </button>
          <button className="secondary" data-testid="redo" disabled={busy || !redoLabel} title={`${redoLabel ? t('history.redoWhat', { what: redoLabel }) : t('history.nothingToRedo')} (${t('history.shortcut.redo')})`} onClick={redo}>
            {redoLabel ? t('history.redoWhat', { what: redoLabel }) : t('history.nothingToRedo')}
          </button>
        </div>
        <button className="secondary push-right" data-testid="export-log" onClick={() => setExporting(true)}>{t('history.exportLog')}</button>
      </div>
      <p className="muted intro">
        {t('history.intro')} <kbd>{t('history.shortcut.undo')}</kbd> {t('history.undo')} · <kbd>{t('history.shortcut.redo')}</kbd> {t('history.redo')}
      </p>
      {exporting && <ExportLogDialog project={project} onClose={() => setExporting(false)} />}
      {page.error && <ErrorBanner error={page.error} />}
      {!page.data && page.loading && <p className="muted" data-testid="history-loading">{t('app.loading')}</p>}
      {page.data && page.data.total === 0 && <div className="empty" data-testid="history-empty">{t('history.empty')}</div>}
      {page.data && page.data.total > 0 && (
        <div className="history-panes">
          <div className="history-list">
            <BatchList rows={page.data.rows} selected={current?.id ?? null} onSelect={setSelected} />
            <Pager offset={offset} limit={PAGE} total={page.data.total} onChange={setOffset} />
          </div>
          {current ? <BatchChanges key={current.id} batch={current} version={version} /> : <div className="batch-changes placeholder muted" data-testid="batch-pick">{t('history.changes.pick')}</div>}
        </div>
      )}
    </div>
  );
}
