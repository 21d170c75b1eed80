import type { CellKeyDownEvent, GridApi, IDatasource, SuppressKeyboardEventParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestionFilter, SuggestionRow } from '../../../../shared/channels/fix.ts';
import { api } from '../../api/client.ts';
import { editorKeys, type ValueEditorParams } from '../../grid/ValueCellEditor.tsx';
import { gridLocale } from '../../grid/locale.ts';
import { gridTheme } from '../../grid/theme.ts';
import { suggestionColumns } from './suggestion-columns.tsx';
import type { SuggestionSort } from './SuggestionFilters.tsx';
import type { Decision } from './use-decide.ts';

const decisionKeys: Record<string, Decision> = { a: 'accept', r: 'reject', o: 'reopen' };
const plain = (e: KeyboardEvent): boolean => !e.ctrlKey && !e.metaKey && !e.altKey;

/**
 * Keys the review grid handles itself rather than ag-grid: A, R and O
 * decide, Enter and F2 edit the proposed value whichever column has focus,
 * and typing never starts an edit by accident (Space still selects).
 */
function ownKeys(p: SuppressKeyboardEventParams): boolean {
  if (editorKeys(p)) return true;
  if (p.editing) return false;
  const e = p.event;
  return e.key === 'Enter' || e.key === 'F2' || (plain(e) && e.key.length === 1 && e.key !== ' ');
}

/**
 * The suggestions the filter matches, paged from SQL. Arrows move, Space
 * selects, Shift+arrows extend the selection, A/R/O accept, reject or reopen
 * the selection (or the focused row), Enter/F2 edit the proposed value.
 * After a decision focus stays where it was when the decided rows leave the
 * filter (the next one moves up into place), otherwise it moves one down.
 */
export function SuggestionsGrid({ filter, sort, refreshToken, editor, onDecide, onCount, onSelection, onError }: {
  filter: SuggestionFilter; sort: SuggestionSort; refreshToken: number; editor: ValueEditorParams<SuggestionRow>;
  onDecide: (action: Decision, ids: number[]) => void; onCount: (n: number) => void; onSelection: (ids: number[]) => void; onError: (e: Error) => void;
}) {
  const { t, i18n } = useTranslation();
  const grid = useRef<GridApi<SuggestionRow> | null>(null);
  const anchor = useRef<number | null>(null);
  const pendingFocus = useRef<{ row: number; col: string } | null>(null);
  const shownToken = useRef(refreshToken);

  const datasource = useMemo<IDatasource>(() => ({
    getRows: (p) => {
      api.invoke('fix:page', { startRow: p.startRow, endRow: p.endRow, filter, sort }).then(
        (page) => (onCount(page.lastRow), p.successCallback(page.rows, page.lastRow)),
        (e: Error) => (onError(e), p.failCallback()),
      );
    },
  }), [filter, sort, onCount, onError]);
  const columns = useMemo(() => suggestionColumns(t, editor), [t, editor]);

  useEffect(() => {
    if (shownToken.current === refreshToken) return;
    shownToken.current = refreshToken;
    grid.current?.deselectAll();
    grid.current?.refreshInfiniteCache();
  }, [refreshToken]);

  const decide = (action: Decision): void => {
    const g = grid.current;
    if (!g) return;
    const selected = g.getSelectedRows().map((r) => r.id);
    const focused = g.getFocusedCell();
    const row = focused ? g.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
    const ids = selected.length > 0 ? selected : row ? [row.id] : [];
    if (ids.length === 0) return;
    if (focused) {
      const stays = selected.length > 0 || filter.status !== undefined;
      pendingFocus.current = { row: Math.min(stays ? focused.rowIndex : focused.rowIndex + 1, Math.max(0, g.getDisplayedRowCount() - 1)), col: focused.column.getColId() };
    }
    onDecide(action, ids);
  };

  /** Shift+arrow: the rows from where the extension began to the focused one are selected. */
  const extend = (key: string): void => {
    const g = grid.current;
    const to = g?.getFocusedCell()?.rowIndex;
    if (!g || to === undefined) return;
    const from = (anchor.current ??= key === 'ArrowDown' ? to - 1 : to + 1);
    const [lo, hi] = [Math.max(0, Math.min(from, to)), Math.max(from, to)];
    for (let i = lo; i <= hi; i++) g.getDisplayedRowAtIndex(i)?.setSelected(true);
    // Moving back over the anchor's far side takes the rows left behind out again.
    const behind = key === 'ArrowDown' ? to - 1 : to + 1;
    if ((key === 'ArrowDown' && to <= from) || (key === 'ArrowUp' && to >= from)) g.getDisplayedRowAtIndex(behind)?.setSelected(false);
  };

  const onKey = (e: CellKeyDownEvent<SuggestionRow>): void => {
    const ev = e.event as KeyboardEvent | undefined;
    if (!ev || e.api.getEditingCells().length > 0) return;
    const action = plain(ev) && !ev.shiftKey ? decisionKeys[ev.key.toLowerCase()] : undefined;
    if (action) return decide(action);
    if ((ev.key === 'Enter' || ev.key === 'F2') && e.data?.status === 'open' && e.rowIndex !== null) {
      return e.api.startEditingCell({ rowIndex: e.rowIndex, colKey: 'after' });
    }
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (ev.shiftKey) extend(ev.key);
      else anchor.current = null;
    }
    if (ev.key === ' ') anchor.current = null;
  };

  return (
    <div className="grid-wrap" data-testid="suggestions-grid">
      <AgGridReact<SuggestionRow>
        key={i18n.language}
        theme={gridTheme}
        localeText={gridLocale(i18n.language)}
        rowModelType="infinite"
        // The cell editor's popup (with its message and suggestion) may reach past the grid's edge.
        popupParent={document.body}
        datasource={datasource}
        columnDefs={columns}
        defaultColDef={{ sortable: false, suppressKeyboardEvent: ownKeys }}
        cacheBlockSize={100}
        maxBlocksInCache={50}
        infiniteInitialRowCount={50}
        rowBuffer={20}
        getRowId={(p) => String(p.data.id)}
        rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false }}
        selectionColumnDef={{ pinned: 'left', width: 44 }}
        tooltipShowDelay={400}
        onGridReady={(e) => (grid.current = e.api)}
        onSelectionChanged={(e) => onSelection(e.api.getSelectedRows().map((r) => r.id))}
        onCellKeyDown={onKey}
        onCellClicked={() => (anchor.current = null)}
        onModelUpdated={(e) => {
          const f = pendingFocus.current;
          if (!f || e.api.getDisplayedRowCount() === 0) return;
          pendingFocus.current = null;
          e.api.ensureIndexVisible(f.row);
          e.api.setFocusedCell(f.row, f.col);
        }}
      />
    </div>
  );
}
