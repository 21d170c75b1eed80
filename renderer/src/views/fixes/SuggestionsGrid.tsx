import type { CellKeyDownEvent, ColDef, GridApi, IDatasource, RowSelectionOptions, SelectionColumnDef, SuppressKeyboardEventParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecideResult, SuggestionFilter, SuggestionRow } from '../../../../shared/channels/fix.ts';
import { api } from '../../api/client.ts';
import { editorKeys, type ValueEditorParams } from '../../grid/ValueCellEditor.tsx';
import { gridLocale } from '../../grid/locale.ts';
import { gridTheme } from '../../grid/theme.ts';
import { suggestionColumns } from './suggestion-columns.tsx';
import type { SuggestionSort } from './SuggestionFilters.tsx';
import type { Decision } from './use-decide.ts';

const decisionKeys: Record<string, Decision> = { a: 'accept', r: 'reject', o: 'reopen' };
const plain = (e: KeyboardEvent): boolean => !e.ctrlKey && !e.metaKey && !e.altKey;

/** A suggestion's state after a decision, as the service applies it (only from the states the decision acts on). */
function decided(row: SuggestionRow, action: Decision): SuggestionRow['status'] {
  if (action === 'accept') return row.status === 'open' && row.kind === 'change' ? 'accepted' : row.status;
  if (action === 'reject') return row.status === 'open' ? 'rejected' : row.status;
  return row.status === 'rejected' || row.status === 'stale' ? 'open' : row.status;
}

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

// Options the grid re-applies whenever they are new objects (a column refresh mid-keystroke can drop focus).
const defaultColDef: ColDef<SuggestionRow> = { sortable: false, suppressKeyboardEvent: ownKeys };
const rowSelection: RowSelectionOptions<SuggestionRow> = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false };
const selectionColumnDef: SelectionColumnDef = { pinned: 'left', width: 44 };

/**
 * The suggestions the filter matches, paged from SQL. Arrows move, Space
 * selects, Shift+arrows extend the selection, A/R/O accept, reject or reopen
 * the selection (or the focused row), Enter/F2 edit the proposed value.
 * A decision shows in the rows themselves (their status changes, focus
 * moves to the next row) rather than by reading every page again, which on
 * a million suggestions takes seconds per key; the list is read again on
 * request, when the filter changes, or when something was out of date.
 */
export function SuggestionsGrid({ filter, sort, refreshToken, editor, onDecide, onDecidedInPlace, onCount, onLoading, onSelection, onError }: {
  filter: SuggestionFilter; sort: SuggestionSort; refreshToken: number; editor: ValueEditorParams<SuggestionRow>;
  /** Decides; answers with the outcome, or null when it failed. */
  onDecide: (action: Decision, ids: number[]) => Promise<DecideResult | null>;
  onDecidedInPlace: () => void; onCount: (n: number) => void; onSelection: (ids: number[]) => void; onError: (e: Error) => void;
  /** A page is being read (the first one of a new filter over a million suggestions takes seconds). */
  onLoading: (delta: 1 | -1) => void;
}) {
  const { t, i18n } = useTranslation();
  const grid = useRef<GridApi<SuggestionRow> | null>(null);
  const anchor = useRef<number | null>(null);
  const pendingFocus = useRef<{ row: number; col: string } | null>(null);
  const shownToken = useRef(refreshToken);

  const datasource = useMemo<IDatasource>(() => ({
    getRows: (p) => {
      onLoading(1);
      api.invoke('fix:page', { startRow: p.startRow, endRow: p.endRow, filter, sort }).finally(() => onLoading(-1)).then(
        (page) => (onCount(page.lastRow), p.successCallback(page.rows, page.lastRow)),
        (e: Error) => (onError(e), p.failCallback()),
      );
    },
  }), [filter, sort, onCount, onError, onLoading]);
  const columns = useMemo(() => suggestionColumns(t, editor), [t, editor]);

  // A new filter or order shows other rows: a selection made among the old ones would act unseen.
  useEffect(() => {
    grid.current?.deselectAll();
    anchor.current = null;
  }, [filter, sort]);

  useEffect(() => {
    if (shownToken.current === refreshToken) return;
    shownToken.current = refreshToken;
    grid.current?.deselectAll();
    grid.current?.refreshInfiniteCache();
  }, [refreshToken]);

  const decide = async (action: Decision): Promise<void> => {
    const g = grid.current;
    if (!g) return;
    const selected = g.getSelectedRows().map((r) => r.id);
    const focused = g.getFocusedCell();
    const row = focused ? g.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
    const ids = selected.length > 0 ? selected : row ? [row.id] : [];
    if (ids.length === 0) return;
    const result = await onDecide(action, ids);
    if (!result) return;
    if (result.jobId || result.stale > 0) {
      // Read again (some values changed since the suggestion): focus stays where it was.
      if (focused) pendingFocus.current = { row: focused.rowIndex, col: focused.column.getColId() };
      return;
    }
    for (const id of ids) {
      const node = g.getRowNode(String(id));
      if (node?.data) node.setData({ ...node.data, status: decided(node.data, action) });
    }
    onDecidedInPlace();
    if (selected.length > 0) g.deselectAll();
    else if (focused && focused.rowIndex + 1 < g.getDisplayedRowCount()) {
      g.ensureIndexVisible(focused.rowIndex + 1);
      g.setFocusedCell(focused.rowIndex + 1, focused.column.getColId());
    }
  };

  /**
   * Shift+arrow: the rows from where the extension began to the row the key
   * moves to are selected. The target is worked out from the row the key was
   * pressed on, not read back from the grid's focus, so keys typed faster
   * than the grid draws still each count once.
   */
  const extend = (key: string, at: number): void => {
    const g = grid.current;
    if (!g) return;
    const to = Math.max(0, Math.min(g.getDisplayedRowCount() - 1, key === 'ArrowDown' ? at + 1 : at - 1));
    const from = (anchor.current ??= at);
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
    if (action) return void decide(action);
    if ((ev.key === 'Enter' || ev.key === 'F2') && e.data?.status === 'open' && e.rowIndex !== null) {
      return e.api.startEditingCell({ rowIndex: e.rowIndex, colKey: 'after' });
    }
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (ev.shiftKey && e.rowIndex !== null) extend(ev.key, e.rowIndex);
      else anchor.current = null;
    }
    // Space marks where a Shift+arrow extension starts.
    if (ev.key === ' ') anchor.current = e.rowIndex;
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
        defaultColDef={defaultColDef}
        cacheBlockSize={100}
        maxBlocksInCache={50}
        infiniteInitialRowCount={50}
        rowBuffer={20}
        getRowId={(p) => String(p.data.id)}
        rowSelection={rowSelection}
        selectionColumnDef={selectionColumnDef}
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
