import type { CellKeyDownEvent, GridApi, RowClickedEvent, SelectionChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../../../shared/contract.ts';
import { api } from '../../api/client.ts';
import { useDataVersion } from '../../api/data-version.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { cellText, type SaveOutcome } from '../../components/ValueInput.tsx';
import { editorKeys } from '../../grid/ValueCellEditor.tsx';
import { customerDatasource } from '../../grid/customer-datasource.ts';
import { gridLocale } from '../../grid/locale.ts';
import { gridTheme } from '../../grid/theme.ts';
import { ColumnChooser } from './ColumnChooser.tsx';
import { columnDefs, defaultVisible } from './columns.ts';
import { CustomerDetail } from './CustomerDetail.tsx';
import { customerEditor } from './customer-edits.ts';
import { ExportDialog, type ExportQuery } from './ExportDialog.tsx';
import { verifiedColumn, withVerified } from './verified-column.ts';
import { DrillBanner } from '../quality/DrillBanner.tsx';
import { issueColumn, withIssues } from '../quality/issue-column.ts';
import type { Drill } from '../quality/drill.ts';

const VISIBLE_KEY = 'steward-visible-columns';

function storedVisible(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(VISIBLE_KEY) ?? 'null') as unknown;
    return Array.isArray(v) ? (v as string[]) : defaultVisible;
  } catch {
    return defaultVisible;
  }
}

/**
 * Every customer in the project, paged from SQL; click or Enter opens the
 * record beside its source row. Rows can be ticked (or Space on a row) and
 * the selection marked verified, the reference accuracy is measured against.
 * Values are edited in place (double-click, F2 or typing), checked as they
 * are typed; the grid's current filter (or everything) can be exported.
 */
export function CustomersView({ project, onImport, drill = null, onClearDrill, onShowQuality }: { project: ProjectInfo; onImport: () => void; drill?: Drill | null; onClearDrill?: () => void; onShowQuality?: () => void }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [quick, setQuick] = useState('');
  const [visible, setVisible] = useState<string[]>(storedVisible);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const gridApi = useRef<GridApi | null>(null);
  const [checked, setChecked] = useState<number[]>([]);
  const [marking, setMarking] = useState(false);
  const [marked, setMarked] = useState<number | null>(null);
  const [verifyTick, setVerifyTick] = useState(0);
  const [lateProblem, setLateProblem] = useState<string | null>(null);
  const [exporting, setExporting] = useState<ExportQuery | null | false>(false);
  const { version, bump } = useDataVersion();

  // Records changed elsewhere (an undo, accepted fixes, an edit in the detail panel): read the pages again where they are.
  const shownVersion = useRef(version);
  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    gridApi.current?.refreshInfiniteCache();
  }, [version]);

  /** The verified ticks come with each page: reload the pages so they show what changed. */
  const verifiedChanged = (): void => {
    gridApi.current?.refreshInfiniteCache();
  };
  const markChecked = async (): Promise<void> => {
    setMarking(true);
    setError(null);
    try {
      const { verified } = await api.invoke('quality:mark-verified', { ids: checked });
      setMarked(verified);
      setVerifyTick((n) => n + 1);
      // Done with these rows: the ticks in the Verified column now show them, and a second click cannot re-mark them by accident.
      clearChecked();
      verifiedChanged();
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
    () => customerDatasource({ quickFilter: quick, issue: drill?.filter, decorate: async (rows) => withVerified(drill ? await withIssues(t, rows, drill.filter) : rows), onError: setError, onCount: setCount, onLoading: (d) => setInFlight((n) => n + d) }),
    [quick, project.customers, project.sources, drill, t],
  );
  const editor = useMemo(() => customerEditor(t, bump, (o: Exclude<SaveOutcome, { kind: 'saved' }>) => setLateProblem(o.kind === 'failed' ? o.message : o.current === null ? t('edit.staleEmpty') : t('edit.stale', { current: cellText(o.current) }))), [t, bump]);
  const defs = useMemo(() => (drill ? [verifiedColumn(t), issueColumn(t), ...columnDefs(t, visible, editor)] : [verifiedColumn(t), ...columnDefs(t, visible, editor)]), [t, visible, drill, editor]);
  /** What the grid shows now, for an export of exactly that (null: no filter, everything). */
  const currentQuery = (): ExportQuery | null => {
    const filterModel = (gridApi.current?.getFilterModel() ?? {}) as ExportQuery['filterModel'];
    const any = quick !== '' || Object.keys(filterModel ?? {}).length > 0 || drill !== null;
    return any ? { quickFilter: quick, filterModel, issue: drill?.filter } : null;
  };
  const localeText = useMemo(() => gridLocale(i18n.language), [i18n.language]);

  const changeVisible = (v: string[]): void => {
    setVisible(v);
    localStorage.setItem(VISIBLE_KEY, JSON.stringify(v));
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
        <ColumnChooser visible={visible} onChange={changeVisible} />
        <button className="secondary" data-testid="export-open" onClick={() => setExporting(currentQuery())}>{t('export.button')}</button>
      </div>
      {exporting !== false && <ExportDialog project={project} query={exporting} filteredCount={count} onClose={() => setExporting(false)} />}
      {drill && <DrillBanner drill={drill} count={count} onClear={onClearDrill} />}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {lateProblem && (
        <div className="error-banner" role="alert" data-testid="edit-problem">
          <span>{lateProblem}</span>
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
          <AgGridReact
            key={`${i18n.language}-${drill ? JSON.stringify(drill.filter) : ''}`}
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
            rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: true }}
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
          />
        </div>
        {selected !== null && <CustomerDetail id={selected} refresh={verifyTick} version={version} onEdited={bump} onVerifiedChanged={verifiedChanged} onClose={() => (setSelected(null), gridApi.current?.getFocusedCell() && gridApi.current.setFocusedCell(gridApi.current.getFocusedCell()!.rowIndex, gridApi.current.getFocusedCell()!.column))} />}
      </div>
    </div>
  );
}
