import type { CustomerRow } from '../../../../shared/contract.ts';
import { api } from '../../api/client.ts';
import type { Cell, SaveOutcome } from '../../components/ValueInput.tsx';
import type { ValueEditorParams } from '../../grid/ValueCellEditor.tsx';

/**
 * A steward's edit of one value, written only if the record still holds
 * what the steward saw (expectBefore): otherwise nothing is written and the
 * answer says what is there now. Every edit is a batch in History.
 */
export async function updateCustomerValue(id: number, field: string, text: string, expectBefore: Cell): Promise<{ outcome: SaveOutcome; customer?: CustomerRow }> {
  try {
    const r = await api.invoke('customers:update', { id, field, value: text, expectBefore });
    return { outcome: r.stale ? { kind: 'stale', current: r.customer[field] ?? null } : { kind: 'saved' }, customer: r.customer };
  } catch (err) {
    return { outcome: { kind: 'failed', error: err as Error } };
  }
}

/** The customers grid's cell editor: the row is replaced by the record as stored, and the views that show records read again. */
export function customerEditor(onSaved: () => void, onLateProblem: ValueEditorParams<CustomerRow>['onLateProblem']): ValueEditorParams<CustomerRow> {
  return {
    target: (row, colId) => ({ customerId: Number(row.id), field: colId, value: row[colId] ?? null }),
    save: async (row, colId, text, expectBefore) => {
      const { outcome, customer } = await updateCustomerValue(Number(row.id), colId, text, expectBefore);
      if (outcome.kind === 'saved') onSaved();
      return { outcome, row: customer ? { ...row, ...customer } : undefined };
    },
    onLateProblem,
  };
}
