import type { CellFocusedEvent, ColDef, GridApi, IDatasource, ValueFormatterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow, QueueView } from '../../../../shared/channels/merge.ts';
import { api } from '../../api/client.ts';
import { gridLocale } from '../../grid/locale.ts';
import { gridTheme } from '../../grid/theme.ts';
import { pct } from './merge-text.ts';

// Grid options that must not change between renders (a new object resets the grid's state).
const defaultColDef: ColDef<QueueRow> = { sortable: false, resizable: true };
const rowSelection = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;
const rowId = (p: { data: QueueRow }): string => String(p.data.id);

/**
 * The review queue as a list, paged from SQL in the order and filter the
 * reviewer chose. Arrow keys and clicks open a group; the open one is
 * selected and scrolled into view wherever it was opened from.
 */
export function QueueGrid({ view, refreshToken, openId, openIndex, onOpen, onCount, onRows, onLoading, onError }: {
  view: QueueView; refreshToken: number; openId: number | null;
  /** The open group's place in the list, when known: scrolled to when its page is not loaded yet. */
  openIndex: number | null;
  onOpen: (id: number) => void; onCount: (n: number) => void;
  /** Each page as it arrives (the view keeps a rejected group's batch, which opening it needs). */
  onRows: (rows: QueueRow[]) => void; onLoading: (delta: 1 | -1) => void; onError: (e: Error) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const grid = useRef<GridApi<QueueRow> | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const shownToken = useRef(refreshToken);
  const openRef = useRef(openId);
  openRef.current = openId;
  const indexRef = useRef(openIndex);
  indexRef.current = openIndex;

  const datasource = useMemo<IDatasource>(() => ({
    getRows: (p) => {
      onLoading(1);
      api.invoke('merge:queue-page', { ...view, startRow: p.startRow, endRow: p.endRow }).finally(() => onLoading(-1)).then(
        (page) => (onRows(page.rows), onCount(page.lastRow), p.successCallback(page.rows, page.lastRow)),
        (e: Error) => (onError(e), p.failCallback()),
      );
    },
  }), [view, onCount, onRows, onError, onLoading]);

  const columns = useMemo<ColDef<QueueRow>[]>(() => [
    { field: 'label', headerName: t('merge.grid.name'), flex: 1, minWidth: 200, tooltipField: 'label' },
    { field: 'size', headerName: t('merge.grid.size'), width: 92, type: 'numericColumn' },
    { field: 'weakest', headerName: t('merge.grid.weakest'), width: 96, type: 'numericColumn', valueFormatter: (p: ValueFormatterParams<QueueRow>) => (typeof p.value === 'number' ? pct(p.value, lng) : '—') },
    { field: 'status', headerName: t('merge.grid.status'), width: 92, hide: view.filter.status !== 'all', valueFormatter: (p: ValueFormatterParams<QueueRow>) => (p.value ? t(`merge.status.${p.value as string}`) : '') },
  ], [t, lng, view.filter.status]);

  /** Marks the open group in the list; moves the keyboard focus with it only when the list has it. */
  const showOpen = (): void => {
    const g = grid.current;
    const id = openRef.current;
    if (!g || id === null) return;
    const node = g.getRowNode(String(id));
    if (!node || node.rowIndex === null) {
      g.deselectAll();
      // Its page loads when scrolled to; the model update that follows selects it.
      if (indexRef.current !== null) g.ensureIndexVisible(indexRef.current);
      return;
    }
    node.setSelected(true, true);
    g.ensureIndexVisible(node.rowIndex);
    if (box.current?.contains(document.activeElement) && g.getFocusedCell()?.rowIndex !== node.rowIndex) g.setFocusedCell(node.rowIndex, 'label');
  };

  useEffect(showOpen, [openId, openIndex]);
  useEffect(() => {
    if (shownToken.current === refreshToken) return;
    shownToken.current = refreshToken;
    grid.current?.refreshInfiniteCache();
  }, [refreshToken]);

  const onFocused = (e: CellFocusedEvent<QueueRow>): void => {
    if (e.rowIndex === null || e.rowPinned) return;
    const row = e.api.getDisplayedRowAtIndex(e.rowIndex)?.data;
    if (row && row.id !== openRef.current) onOpen(row.id);
  };

  return (
    <div className="grid-wrap queue-grid" data-testid="queue-grid" ref={box}>
      <AgGridReact<QueueRow>
        key={lng}
        theme={gridTheme}
        localeText={gridLocale(lng)}
        rowModelType="infinite"
        datasource={datasource}
        columnDefs={columns}
        defaultColDef={defaultColDef}
        cacheBlockSize={100}
        maxBlocksInCache={50}
        infiniteInitialRowCount={20}
        getRowId={rowId}
        rowSelection={rowSelection}
        tooltipShowDelay={500}
        onGridReady={(e) => (grid.current = e.api)}
        onCellFocused={onFocused}
        onRowClicked={(e) => e.data && e.data.id !== openRef.current && onOpen(e.data.id)}
        onModelUpdated={showOpen}
      />
    </div>
  );
}
