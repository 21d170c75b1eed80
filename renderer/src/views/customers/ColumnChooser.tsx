import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allColumnIds, columnLabel } from './columns.ts';

export function ColumnChooser({ visible, onChange }: { visible: string[]; onChange: (v: string[]) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="popover-anchor">
      <button className="secondary" data-testid="column-chooser" aria-expanded={open} onClick={() => setOpen(!open)}>{t('customers.columns')}</button>
      {open && (
        <div className="popover" role="dialog" data-testid="column-list">
          {allColumnIds.map((id) => (
            <label key={id} className="check">
              <input type="checkbox" data-testid={`col-${id}`} checked={visible.includes(id)} onChange={(e) => onChange(e.target.checked ? [...visible, id] : visible.filter((v) => v !== id))} />
              {columnLabel(t, id)}
            </label>
          ))}
          <div className="toolbar">
            <button className="link" onClick={() => onChange(allColumnIds)}>{t('customers.showAll')}</button>
            <button className="link" onClick={() => setOpen(false)}>{t('common.close')}</button>
          </div>
        </div>
      )}
    </div>
  );
}
