import type { CellKeyDownEvent, ColDef, IDatasource, RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterRow } from '../../../../shared/channels/match.ts';
import { api } from '../../api/client.ts';
import { gridLocale } from '../../grid/locale.ts';
import { gridTheme } from '../../grid/theme.ts';

export type ClusterSort = 'size' | 'probability' | 'weakest';

const pct = (p: { value?: number }): string => (typeof p.value === 'number' ? `${(p.value * 100).toFixed(1)}%` : '');

/** Suggested groups, paged from SQL; click, or arrow keys and Enter, open one. */
export function ClustersGrid({ sort, version, onOpen, onError }: { sort: ClusterSort; version: number; onOpen: (id: number) => void; onError: (e: Error) => void }) {
  const { t, i18n } = useTranslation();
  const datasource = useMemo<IDatasource>(() => ({
    getRows: (p) => {
      api.invoke('match:clusters-page', { startRow: p.startRow, endRow: p.endRow, sort }).then(
        (page) => p.successCallback(page.rows, page.lastRow),
        (e: Error) => (onError(e), p.failCallback()),
      );
    },
  }), [sort, version, onError]);
  const columns = useMemo<ColDef<ClusterRow>[]>(() => [
    { field: 'id', headerName: t('duplicates.grid.group'), width: 80, sortable: false },
    { field: 'label', headerName: t('duplicates.grid.name'), flex: 1, minWidth: 120, sortable: false },
    { field: 'size', headerName: t('duplicates.grid.size'), width: 80, type: 'numericColumn', sortable: false },
    { field: 'sources', headerName: t('duplicates.grid.sources'), width: 80, type: 'numericColumn', sortable: false },
    { field: 'maxProbability', headerName: t('duplicates.grid.strongest'), width: 100, type: 'numericColumn', valueFormatter: pct, sortable: false },
    { field: 'minProbability', headerName: t('duplicates.grid.weakest'), width: 100, type: 'numericColumn', valueFormatter: pct, sortable: false },
  ], [t]);
  return (
    <div className="grid-wrap" data-testid="clusters-grid">
      <AgGridReact<ClusterRow>
        key={`${i18n.language}-${sort}-${version}`}
        theme={gridTheme}
        localeText={gridLocale(i18n.language)}
        rowModelType="infinite"
        datasource={datasource}
        columnDefs={columns}
        cacheBlockSize={100}
        infiniteInitialRowCount={20}
        getRowId={(p) => String(p.data.id)}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        onRowClicked={(e: RowClickedEvent<ClusterRow>) => e.data && onOpen(e.data.id)}
        onCellKeyDown={(e: CellKeyDownEvent<ClusterRow>) => {
          const key = (e.event as KeyboardEvent | undefined)?.key;
          if ((key === 'Enter' || key === ' ') && e.data) onOpen(e.data.id);
        }}
      />
    </div>
  );
}
