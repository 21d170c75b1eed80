import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { CustomerRow } from '../../../../shared/contract.ts';
import { customerFields, fieldDef } from '../../../../shared/domain/fields.ts';
import { formatStoredDate } from '../../../../shared/i18n/dates.ts';
import { valueEditorColumn, type ValueEditorParams } from '../../grid/ValueCellEditor.tsx';

export const allColumnIds = ['id', 'source', ...customerFields.map((f) => f.key)];

export function columnLabel(t: TFunction, id: string): string {
  if (id === 'id') return t('field.id');
  if (id === 'source') return t('field.source');
  return t(`field.${id}`);
}

/** What identifies a record (and where it came from) is not a value a steward edits. */
export const readOnlyColumns = new Set(['id', 'source', 'source_record_id']);

/**
 * The grid's columns; with an editor, every value column is edited in place
 * (double-click, F2 or typing). Date fields read in the UI language (`lng`);
 * the editor, filters and export keep the stored text.
 */
export function columnDefs(t: TFunction, lng: string, visible: string[], editor?: ValueEditorParams<CustomerRow>): ColDef[] {
  return allColumnIds.map((id) => {
    const numeric = id === 'id' || id === 'income';
    const date = fieldDef(id)?.kind === 'date';
    const editable = editor !== undefined && !readOnlyColumns.has(id);
    return {
      ...(editable ? { editable: (p) => p.data !== undefined, ...valueEditorColumn(editor) } : {}),
      colId: id,
      field: id,
      headerName: columnLabel(t, id),
      hide: !visible.includes(id),
      sortable: true,
      filter: numeric ? 'agNumberColumnFilter' : 'agTextColumnFilter',
      filterParams: { buttons: ['apply', 'reset'], closeOnApply: true, maxNumConditions: 2 },
      type: numeric ? 'rightAligned' : undefined,
      width: id === 'id' ? 90 : id === 'email' || id === 'street' || id === 'source' ? 220 : 150,
      tooltipField: id === 'street' || id === 'email' ? id : undefined,
      ...(date ? { valueFormatter: (p: { value: unknown }) => (typeof p.value === 'string' ? formatStoredDate(lng, p.value) : p.value == null ? '' : String(p.value)) } : {}),
    } satisfies ColDef;
  });
}
