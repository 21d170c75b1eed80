import type { CellKeyDownEvent, GridApi, RowClickedEvent, SelectionChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../../../shared/contract.ts';
import { api } from '../../api/client.ts';
import { useDataVersion } from '../../api/data-version.tsx';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { unsavedText, type SaveOutcome } from '../../components/ValueInput.tsx';

type Unsaved = Exclude<SaveOutcome, { kind: 'saved' }>;
import { editorKeys } from '../../grid/ValueCellEditor.tsx';
import { customerDatasource } from '../../grid/customer-datasource.ts';
import { gridLocale } from '../../grid/locale.ts';
import { gridTheme } from '../../grid/theme.ts';
import { ColumnChooser } from './ColumnChooser.tsx';
import { columnDefs } from './columns.ts';
import { CustomerDetail } from './CustomerDetail.tsx';
import { customerEditor } from './customer-edits.ts';
import { ExportDialog, type ExportQuery } from './ExportDialog.tsx';
import { verifiedColumn, withVerified } from './verified-column.ts';
import { DrillBanner } from '../quality/DrillBanner.tsx';
import { SegmentBanner as RfmSegmentBanner } from '../analysis/SegmentBanner.tsx';
import { rfmDrillQuery, type RfmDrill } from '../analysis/segment-name.ts';
import { issueColumn, withIssues } from '../quality/issue-column.ts';
import type { Drill } from '../quality/drill.ts';
import { SegmentBanner, type SegmentDrill } from '../segments/SegmentBanner.tsx';
import { SegmentSelect } from '../segments/SegmentSelect.tsx';

/**
 * Every customer in the project, paged from SQL; click or Enter opens the
 * record beside its source row, and looking never changes anything: only
 * ticking a row's box (or Space on a row) selects it, and the selection is
 * marked verified only by its own button, as a batch in the change history
 * (undo takes it back). Values are edited in place (double-click, F2 or
 * typing), checked as they are typed; the grid's current filter (or
 * everything) can be exported.
 */
export function CustomersView({ project, onImport, drill = null, onClearDrill, onShowQuality, segment = null, onClearSegment, onSegment, rfmSegment = null, onClearRfmSegment }: {
  project: ProjectInfo; onImport: () => void; drill?: Drill | null; onClearDrill?: () => void; onShowQuality?: () => void; segment?: SegmentDrill | null; onClearSegment?: () => void; onSegment?: (d: SegmentDrill | null) => void;
  rfmSegment?: RfmDrill | null; onClearRfmSegment?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [quick, setQuick] = useState('');
  // The columns: the user's choice for this project, else those its records fill (read again after an import).
  const columnChoice = useLoad(() => api.invoke('customers:columns', {}), [project.path, project.sources]);
  const [picked, setPicked] = useState<string[] | null>(null);
  const visible = picked ?? columnChoice.data?.visible ?? null;
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const gridApi = useRef<GridApi | null>(null);
  const [checked, setChecked] = useState<number[]>([]);
  const [marking, setMarking] = useState(false);
  const [marked, setMarked] = useState<number | null>(null);
  // An edit that could not be saved after its editor closed: worded when shown, in the language of the moment.
  const [lateProblem, setLateProblem] = useState<Unsaved | null>(null);
  const [exporting, setExporting] = useState<ExportQuery | null | false>(false);
  const { version, bump } = useDataVersion();

  // Records changed elsewhere (an undo, accepted fixes, an edit in the detail panel): read the pages again where they are.
  const shownVersion = useRef(version);
  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    gridApi.current?.refreshInfiniteCache();
  }, [version]);

  const markChecked = async (): Promise<void> => {
    setMarking(true);
    setError(null);
    try {
      const { verified } = await api.invoke('quality:mark-verified', { ids: checked });
      setMarked(verified);
      // Done with these rows: the ticks in the Verified column now show them, and a second click cannot re-mark them by accident.
      clearChecked();
      // A batch in the history: the grid, the record panel and Undo's label read again.
      bump();
    } catch (err) {
      setError(err as Error);
    } finally {
      setMarking(false);
    }
  };
  const clearChecked = (): void => {
    gridApi.current?.deselectAll();
    setChecked([]);
  };

  // Debounced: a keystroke should not start a scan of a million rows.
  useEffect(() => {
    const timer = setTimeout(() => setQuick(search), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const datasource = useMemo(
    () => customerDatasource({ quickFilter: quick, issue: drill?.filter, segment: segment?.filter, rfm: rfmDrillQuery(rfmSegment), decorate: async (rows) => withVerified(drill ? await withIssues(t, rows, drill.filter) : rows), onError: setError, onCount: setCount, onLoading: (d) => setInFlight((n) => n + d) }),
    [quick, project.customers, project.sources, drill, segment, rfmSegment, t],
  );
  const editor = useMemo(() => customerEditor(bump, setLateProblem), [bump]);
  const defs = useMemo(() => (visible ? [verifiedColumn(t), ...(drill ? [issueColumn(t)] : []), ...columnDefs(t, i18n.language, visible, editor)] : []), [t, i18n.language, visible, drill, editor]);
  /** What the grid shows now, for an export of exactly that (null: no filter, everything). */
  const currentQuery = (): ExportQuery | null => {
    const filterModel = (gridApi.current?.getFilterModel() ?? {}) as ExportQuery['filterModel'];
    const any = quick !== '' || Object.keys(filterModel ?? {}).length > 0 || drill !== null || segment !== null || rfmSegment !== null;
    return any ? { quickFilter: quick, filterModel, issue: drill?.filter, segment: segment?.filter, ...rfmDrillQuery(rfmSegment) } : null;
  };
  const localeText = useMemo(() => gridLocale(i18n.language), [i18n.language]);

  /** Kept in the project, so the grid opens with them next time (in any window, after any restart). */
  const changeVisible = (v: string[]): void => {
    setPicked(v);
    api.invoke('customers:columns', { visible: v }).catch(setError);
  };

  if (project.customers === 0) {
    return (
      <div className="view" data-testid="customers-view">
        <h1>{t('customers.title')}</h1>
        <div className="empty" data-testid="customers-empty">
          <p>{t('customers.empty')}</p>
          <button onClick={onImport}>{t('customers.importNow')}</button>
        </div>
      </div>
    );
  }
  return (
    <div className="view grid-view" data-testid="customers-view">
      <div className="view-head customers-head">
        <h1>{t('customers.title')}</h1>
        <span className="muted" data-testid="customer-count">{count === null ? '' : t('customers.count', { count, formatted: count.toLocaleString() })}</span>
        {inFlight > 0 && <span className="loading-dot" data-testid="grid-loading">{t('app.loading')}</span>}
        {checked.length > 0 && (
          <span className="selection-bar" data-testid="selection-bar">
            <span data-testid="selection-count">{t('quality.verify.selected', { count: checked.length, formatted: checked.length.toLocaleString() })}</span>
            <button data-testid="mark-selected-verified" disabled={marking} onClick={() => void markChecked()}>{marking ? t('quality.verify.marking') : t('quality.verify.markSelected')}</button>
            <button className="link" data-testid="clear-selection" onClick={clearChecked}>{t('quality.verify.clearSelection')}</button>
          </span>
        )}
        <input className="search" type="search" data-testid="quick-search" placeholder={t('customers.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        {onSegment && <SegmentSelect value={segment} onChange={onSegment} />}
        <ColumnChooser visible={visible ?? []} onChange={changeVisible} />
        <button className="secondary" data-testid="export-open" onClick={() => setExporting(currentQuery())}>{t('export.button')}</button>
      </div>
      {exporting !== false && <ExportDialog project={project} query={exporting} filteredCount={count} onClose={() => setExporting(false)} />}
      {drill && <DrillBanner drill={drill} count={count} onClear={onClearDrill} />}
      {segment && <SegmentBanner segment={segment} count={count} onClear={onClearSegment} />}
      {rfmSegment && <RfmSegmentBanner segment={rfmSegment} count={count} onClear={onClearRfmSegment} />}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {columnChoice.error && <ErrorBanner error={columnChoice.error} />}
      {lateProblem && (
        <div className="error-banner" role="alert" data-testid="edit-problem">
          <span>{unsavedText(t, i18n.language, lateProblem)}</span>
          <button className="link" onClick={() => setLateProblem(null)}>{t('common.dismiss')}</button>
        </div>
      )}
      {marked !== null && (
        <div className="success verify-done" role="status" data-testid="verify-done">
          <span>{t('quality.verify.marked', { count: marked, formatted: marked.toLocaleString() })} {t('quality.verify.measureNext')}</span>
          {onShowQuality && <button className="link" data-testid="open-quality" onClick={onShowQuality}>{t('quality.verify.openQuality')}</button>}
          <button className="link" onClick={() => setMarked(null)}>{t('common.dismiss')}</button>
        </div>
      )}
      <div className="grid-and-detail">
        <div className="grid-wrap" data-testid="customers-grid">
          {!visible ? <p className="muted" data-testid="grid-columns-loading">{t('app.loading')}</p> : <AgGridReact
            key={`${i18n.language}-${drill ? JSON.stringify(drill.filter) : ''}-${segment ? JSON.stringify(segment.filter) : ''}-${rfmSegment ? JSON.stringify(rfmSegment) : ''}`}
            theme={gridTheme}
            localeText={localeText}
            rowModelType="infinite"
        // The cell editor's popup (with its message and suggestion) may reach past the grid's edge.
        popupParent={document.body}
            datasource={datasource}
            columnDefs={defs}
            cacheBlockSize={100}
            maxBlocksInCache={50}
            infiniteInitialRowCount={100}
            rowBuffer={20}
            getRowId={(p) => String(p.data.id)}
            // Enter opens the record (F2, a double-click or typing edits); while editing, Enter and Escape belong to the editor.
            defaultColDef={{ suppressKeyboardEvent: (p) => editorKeys(p) || (!p.editing && p.event.key === 'Enter') }}
            // Only the box (or Space) selects: a click is for looking, and must not offer "Mark verified" for a row nobody chose.
            rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false }}
            selectionColumnDef={{ pinned: 'left', width: 44, headerTooltip: t('quality.verify.selectHelp') }}
            onGridReady={(e) => (gridApi.current = e.api)}
            onSelectionChanged={(e: SelectionChangedEvent) => setChecked(e.api.getSelectedRows().map((r: { id: unknown }) => Number(r.id)))}
            // Ticking a box selects; it does not open the record.
            onRowClicked={(e: RowClickedEvent) => e.data && !(e.event?.target as HTMLElement | null)?.closest?.('.ag-selection-checkbox') && setSelected(Number(e.data.id))}
            onCellKeyDown={(e: CellKeyDownEvent) => {
              const key = (e.event as KeyboardEvent | undefined)?.key;
              if (key === 'Enter' && e.data) setSelected(Number(e.data.id));
              if (key === 'Escape') setSelected(null);
            }}
            overlayNoRowsTemplate={t('customers.noMatch')}
          />}
        </div>
        {selected !== null && <CustomerDetail id={selected} version={version} onEdited={bump} onClose={() => (setSelected(null), gridApi.current?.getFocusedCell() && gridApi.current.setFocusedCell(gridApi.current.getFocusedCell()!.rowIndex, gridApi.current.getFocusedCell()!.column))} />}
      </div>
    </div>
  );
}
