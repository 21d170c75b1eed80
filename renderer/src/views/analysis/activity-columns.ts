import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { formatStoredDate } from '../../../../shared/i18n/dates.ts';

export type ActivityKind = 'transactions' | 'needs';

const columns: Record<ActivityKind, string[]> = {
  transactions: ['id', 'source', 'customer_ref', 'customer_id', 'customer_name', 'txn_day', 'refund', 'amount_value', 'currency', 'product', 'link_status', 'txn_date', 'amount', 'txn_kind'],
  needs: ['id', 'source', 'customer_ref', 'customer_id', 'customer_name', 'need_day', 'need_kind', 'need_description', 'link_status', 'need_date'],
};
const numeric = new Set(['id', 'customer_id', 'amount_value', 'refund']);
const days = new Set(['txn_day', 'need_day']);

/** The grid's columns: what was read from the file first, the cells as given after it. */
export function activityColumns(t: TFunction, lng: string, kind: ActivityKind): ColDef[] {
  return columns[kind].map((id) => ({
    colId: id,
    field: id,
    headerName: t(`activity.col.${id}`),
    sortable: true,
    filter: numeric.has(id) ? 'agNumberColumnFilter' : 'agTextColumnFilter',
    filterParams: { buttons: ['apply', 'reset'], closeOnApply: true, maxNumConditions: 2 },
    type: numeric.has(id) ? 'rightAligned' : undefined,
    width: id === 'id' || id === 'refund' ? 90 : id === 'need_description' || id === 'source' ? 200 : 140,
    valueFormatter: (p: { value: unknown }) => {
      const v = p.value;
      if (v === null || v === undefined) return '';
      if (id === 'refund') return t(v === 1 ? 'activity.refundYes' : 'activity.refundNo');
      if (id === 'link_status') return t(`activity.status.${String(v)}`, { defaultValue: String(v) });
      if (days.has(id) && typeof v === 'string') return formatStoredDate(lng, v);
      if (id === 'amount_value' && typeof v === 'number') return v.toLocaleString(lng, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return String(v);
    },
  }));
}
