import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ValueInput, type Cell } from '../../components/ValueInput.tsx';
import { updateCustomerValue } from './customer-edits.ts';

/**
 * One value of the detail panel: shown as a button (click, Enter or Space to
 * edit), edited with the same checked input as the grid's cells.
 */
export function EditableValue({ customerId, field, value, label, shown, onSaved }: { customerId: number; field: string; value: Cell; label: string; /** How the value reads (a date in the UI language); editing starts from the stored value. */ shown?: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <ValueInput
        customerId={customerId}
        field={field}
        initial={value}
        testId={`detail-edit-${field}`}
        onCancel={() => setEditing(false)}
        onSave={async (text, expectBefore) => {
          const { outcome } = await updateCustomerValue(customerId, field, text, expectBefore);
          if (outcome.kind === 'saved') {
            setEditing(false);
            onSaved();
          }
          return outcome;
        }}
      />
    );
  }
  return (
    <button className="value-button" data-testid={`detail-value-${field}`} title={t('edit.editHint')} aria-label={t('edit.field', { field: label })} onClick={() => setEditing(true)}>
      {value === null ? <span className="muted">—</span> : (shown ?? String(value))}
    </button>
  );
}
