import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { SuggestionRow } from '../../../../shared/channels/fix.ts';
import { CharDiff } from '../../components/CharDiff.tsx';
import { valueEditorColumn, type ValueEditorParams } from '../../grid/ValueCellEditor.tsx';
import { fieldName, ruleName, suggestionWhy } from './fix-text.ts';

type P = ICellRendererParams<SuggestionRow>;

function CustomerCell({ data, t }: P & { t: TFunction }) {
  if (!data) return null;
  return (
    <span className="customer-cell">
      <strong>{data.label || t('fixes.grid.unnamed')}</strong>{' '}
      <span className="muted small">{t('fixes.grid.record', { source: data.source, record: data.sourceRecordId ?? `#${data.customerId}` })}</span>
    </span>
  );
}

function ChangeCell({ data, t }: P & { t: TFunction }) {
  if (!data) return null;
  return <CharDiff before={data.before} after={data.after} noAfter={data.kind === 'flag' ? t('fixes.grid.noProposal') : undefined} />;
}

function StatusCell({ data, t }: P & { t: TFunction }) {
  if (!data) return null;
  return <span className={`status status-${data.status}`} title={data.status === 'stale' ? t('fixes.statusHelp.stale') : undefined}>{t(`fixes.status.${data.status}`)}</span>;
}

/** The review grid's columns; the proposed value (the change column) is edited in place while the suggestion is open. */
export function suggestionColumns(t: TFunction, editor: ValueEditorParams<SuggestionRow>): ColDef<SuggestionRow>[] {
  return [
    { colId: 'customer', headerName: t('fixes.grid.customer'), width: 190, cellRenderer: CustomerCell, cellRendererParams: { t }, tooltipValueGetter: (p) => p.data && `${p.data.label} · ${p.data.source} · ${p.data.sourceRecordId ?? p.data.customerId}` },
    { colId: 'field', headerName: t('fixes.grid.field'), width: 110, valueGetter: (p) => (p.data ? fieldName(t, p.data.field) : '') },
    {
      colId: 'after', headerName: t('fixes.grid.change'), flex: 3, minWidth: 220, cellRenderer: ChangeCell, cellRendererParams: { t },
      editable: (p) => p.data?.status === 'open', ...valueEditorColumn(editor),
      tooltipValueGetter: (p) => p.data && `${p.data.before ?? ''} → ${p.data.after ?? ''}`,
    },
    { colId: 'rule', headerName: t('fixes.grid.rule'), width: 160, valueGetter: (p) => (p.data ? ruleName(t, p.data.rule) : ''), tooltipValueGetter: (p) => (p.data ? ruleName(t, p.data.rule) : '') },
    { colId: 'confidence', headerName: t('fixes.grid.confidence'), width: 120, type: 'rightAligned', valueGetter: (p) => (p.data && p.data.kind === 'change' ? `${Math.round(p.data.confidence * 100)}%` : p.data ? '—' : '') },
    { colId: 'status', headerName: t('fixes.grid.status'), width: 112, cellRenderer: StatusCell, cellRendererParams: { t } },
    { colId: 'why', headerName: t('fixes.grid.why'), flex: 2, minWidth: 200, valueGetter: (p) => (p.data ? suggestionWhy(t, p.data) : ''), tooltipValueGetter: (p) => (p.data ? suggestionWhy(t, p.data) : '') },
  ];
}
