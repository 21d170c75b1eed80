import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { api } from '../../api/client.ts';

/** Row property marking customers a steward has verified, filled by withVerified. */
export const verifiedKey = '_verified';

/** A narrow column with a tick for verified customers: the grid shows at once what marking did. */
export function verifiedColumn(t: TFunction): ColDef {
  return {
    colId: verifiedKey,
    field: verifiedKey,
    headerName: '✓',
    headerTooltip: t('quality.verify.column'),
    sortable: false,
    filter: false,
    pinned: 'left',
    width: 56,
    cellClass: 'verified-cell',
    valueFormatter: (p) => (p.value ? '✓' : ''),
    tooltipValueGetter: (p) => (p.value ? t('quality.verify.column') : ''),
  };
}

/** Adds the verified flag to a page of grid rows (one request per page). */
export async function withVerified<R extends Record<string, unknown>>(rows: R[]): Promise<R[]> {
  if (rows.length === 0) return rows;
  const verified = new Set(await api.invoke('quality:verified-among', { ids: rows.map((r) => Number(r.id)) }));
  return rows.map((r) => ({ ...r, [verifiedKey]: verified.has(Number(r.id)) }));
}
