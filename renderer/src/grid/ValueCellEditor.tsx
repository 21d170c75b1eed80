import type { ColDef, SuppressKeyboardEventParams } from 'ag-grid-community';
import { useGridCellEditor, type CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef } from 'react';
import { cellText, ValueInput, type Cell, type SaveOutcome } from '../components/ValueInput.tsx';

/** What a grid tells the editor: whose value a row's cell is, and how to save it (returning the row as stored now). */
export interface ValueEditorParams<R> {
  target: (row: R, colId: string) => { customerId: number; field: string; value: Cell };
  save: (row: R, colId: string, text: string, expectBefore: Cell) => Promise<{ outcome: SaveOutcome; row?: R }>;
  /** A save that ended after the editor closed (Tab, a click elsewhere) and did not go through. */
  onLateProblem: (outcome: Exclude<SaveOutcome, { kind: 'saved' }>) => void;
}

/**
 * The grid's editor for a customer value: the checked input in a popup over
 * the cell, saving through the service itself. The grid never writes the
 * value (isCancelAfterEnd): the row is replaced by what the service stored,
 * so the cell always shows the record as it is. Enter saves and closes;
 * when the save is refused the editor stays open with the reason. Leaving
 * the cell otherwise (Tab, a click elsewhere) saves a changed value too.
 */
export function ValueCellEditor<R>(props: CustomCellEditorProps<R> & ValueEditorParams<R>) {
  useGridCellEditor({ isCancelAfterEnd: () => true });
  const colId = props.column.getColId();
  const target = props.target(props.data, colId);
  const printable = props.eventKey !== null && props.eventKey.length === 1 ? props.eventKey : undefined;
  const deleting = props.eventKey === 'Backspace' || props.eventKey === 'Delete';
  const startText = deleting ? '' : printable;
  // Whether the edit ended by Enter or Escape; if not, what was typed is saved when the editor goes.
  const settled = useRef(false);
  const pending = useRef<{ text: string; expectBefore: Cell } | null>(startText !== undefined ? { text: startText, expectBefore: target.value } : null);
  const latestProps = useRef(props);
  latestProps.current = props;

  useEffect(() => () => {
    const p = latestProps.current;
    if (settled.current || !pending.current || pending.current.text === cellText(pending.current.expectBefore)) return;
    const { text, expectBefore } = pending.current;
    void p.save(p.data, colId, text, expectBefore).then(({ outcome, row }) => {
      if (row) p.node.setData(row);
      if (outcome.kind !== 'saved') p.onLateProblem(outcome);
    }, (e: Error) => p.onLateProblem({ kind: 'failed', error: e }));
  }, []);

  return (
    <div className="cell-editor" style={{ minWidth: Math.max(props.eGridCell.offsetWidth, 320) }}>
      <ValueInput
        customerId={target.customerId}
        field={target.field}
        initial={target.value}
        startText={startText}
        testId="cell-editor"
        onTextChange={(text, expectBefore) => (pending.current = { text, expectBefore })}
        onCancel={() => {
          settled.current = true;
          props.stopEditing();
        }}
        onSave={async (text, expectBefore) => {
          const { outcome, row } = await props.save(props.data, colId, text, expectBefore).catch((e: Error) => ({ outcome: { kind: 'failed', error: e } as SaveOutcome, row: undefined }));
          if (row) props.node.setData(row);
          if (outcome.kind === 'saved') {
            settled.current = true;
            props.stopEditing();
          }
          return outcome;
        }}
      />
    </div>
  );
}

/**
 * While the editor is open the grid leaves Enter and Escape to it (Enter
 * saves through the service, which may refuse; Escape cancels).
 */
export function editorKeys(p: SuppressKeyboardEventParams): boolean {
  return p.editing && (p.event.key === 'Enter' || p.event.key === 'Escape');
}

/** Column settings of a cell edited with ValueCellEditor. */
export function valueEditorColumn<R>(params: ValueEditorParams<R>): Pick<ColDef<R>, 'cellEditor' | 'cellEditorParams' | 'cellEditorPopup' | 'cellEditorPopupPosition'> {
  return { cellEditor: ValueCellEditor, cellEditorParams: params, cellEditorPopup: true, cellEditorPopupPosition: 'over' };
}
