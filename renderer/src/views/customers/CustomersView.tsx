import type { CellKeyDownEvent, GridApi, RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../../../shared/contract.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { customerDatasource } from '../../grid/customer-datasource.ts';
import { gridLocale } from '../../grid/locale.ts';
import { gridTheme } from '../../grid/theme.ts';
import { ColumnChooser } from './ColumnChooser.tsx';
import { columnDefs, defaultVisible } from './columns.ts';
import { CustomerDetail } from './CustomerDetail.tsx';
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

/** Every customer in the project, paged from SQL; click or Enter opens the record beside its source row. */
export function CustomersView({ project, onImport, drill = null, onClearDrill }: { project: ProjectInfo; onImport: () => void; drill?: Drill | null; onClearDrill?: () => void }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [quick, setQuick] = useState('');
  const [visible, setVisible] = useState<string[]>(storedVisible);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const gridApi = useRef<GridApi | null>(null);

  // Debounced: a keystroke should not start a scan of a million rows.
  useEffect(() => {
    const timer = setTimeout(() => setQuick(search), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const datasource = useMemo(
    () => customerDatasource({ quickFilter: quick, issue: drill?.filter, decorate: drill ? (rows) => withIssues(t, rows, drill.filter) : undefined, onError: setError, onCount: setCount, onLoading: (d) => setInFlight((n) => n + d) }),
    [quick, project.customers, project.sources, drill, t],
  );
  const defs = useMemo(() => (drill ? [issueColumn(t), ...columnDefs(t, visible)] : columnDefs(t, visible)), [t, visible, drill]);
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
      <div className="view-head">
        <h1>{t('customers.title')}</h1>
        <span className="muted" data-testid="customer-count">{count === null ? '' : t('customers.count', { count, formatted: count.toLocaleString() })}</span>
        {inFlight > 0 && <span className="loading-dot" data-testid="grid-loading">{t('app.loading')}</span>}
        <input className="search" type="search" data-testid="quick-search" placeholder={t('customers.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <ColumnChooser visible={visible} onChange={changeVisible} />
      </div>
      {drill && <DrillBanner drill={drill} count={count} onClear={onClearDrill} />}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="grid-and-detail">
        <div className="grid-wrap" data-testid="customers-grid">
          <AgGridReact
            key={`${i18n.language}-${drill ? JSON.stringify(drill.filter) : ''}`}
            theme={gridTheme}
            localeText={localeText}
            rowModelType="infinite"
            datasource={datasource}
            columnDefs={defs}
            cacheBlockSize={100}
            maxBlocksInCache={50}
            infiniteInitialRowCount={100}
            rowBuffer={20}
            getRowId={(p) => String(p.data.id)}
            rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
            onGridReady={(e) => (gridApi.current = e.api)}
            onRowClicked={(e: RowClickedEvent) => e.data && setSelected(Number(e.data.id))}
            onCellKeyDown={(e: CellKeyDownEvent) => {
              const key = (e.event as KeyboardEvent | undefined)?.key;
              if (key === 'Enter' && e.data) setSelected(Number(e.data.id));
              if (key === 'Escape') setSelected(null);
            }}
            overlayNoRowsTemplate={t('customers.noMatch')}
          />
        </div>
        {selected !== null && <CustomerDetail id={selected} onClose={() => (setSelected(null), gridApi.current?.getFocusedCell() && gridApi.current.setFocusedCell(gridApi.current.getFocusedCell()!.rowIndex, gridApi.current.getFocusedCell()!.column))} />}
      </div>
    </div>
  );
}
