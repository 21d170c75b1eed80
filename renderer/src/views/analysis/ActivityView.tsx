import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../../../shared/contract.ts';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { gridLocale } from '../../grid/locale.ts';
import { gridTheme } from '../../grid/theme.ts';
import { activityColumns, type ActivityKind } from './activity-columns.ts';
import { LinkSourcePicker } from './LinkSourcePicker.tsx';
import './analysis.css';

/**
 * Transactions and needs as grids of their own, paged, sorted and filtered
 * in SQL like the Customers grid. Rows not linked to a customer are listed
 * with the reason, and can be shown alone.
 */
export function ActivityView({ project }: { project: ProjectInfo }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<ActivityKind>('transactions');
  const [unlinkedOnly, setUnlinkedOnly] = useState(false);
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [linkVersion, setLinkVersion] = useState(0);
  const counts = useLoad(() => api.invoke('activity:link-counts', {}), [project.path, project.sources, linkVersion]);
  const entity = kind === 'transactions' ? 'transaction' : 'need';
  const linked = (counts.data ?? []).filter((c) => c.entity === entity && c.status === 'linked').reduce((a, c) => a + c.count, 0);
  const unlinked = (counts.data ?? []).filter((c) => c.entity === entity && c.status !== 'linked').reduce((a, c) => a + c.count, 0);

  const datasource = useMemo((): IDatasource => ({
    getRows(params: IGetRowsParams) {
      const request = {
        startRow: params.startRow,
        endRow: params.endRow,
        sortModel: params.sortModel.slice(0, 3).map((s) => ({ colId: s.colId, sort: s.sort as 'asc' | 'desc' })),
        filterModel: params.filterModel,
        unlinkedOnly,
      };
      const page = kind === 'transactions' ? api.invoke('activity:transactions-page', request as never) : api.invoke('activity:needs-page', request as never);
      page.then((p) => (setCount(p.lastRow), params.successCallback(p.rows, p.lastRow)), (err: Error) => (setError(err), params.failCallback()));
    },
  }), [kind, unlinkedOnly, project.sources, linkVersion]);
  const defs = useMemo(() => activityColumns(t, i18n.language, kind), [t, i18n.language, kind]);

  if (project.transactions === 0 && project.needs === 0) {
    return (
      <div className="view" data-testid="activity-view">
        <h1>{t('activity.title')}</h1>
        <div className="empty" data-testid="activity-empty"><p>{t('activity.empty')}</p></div>
      </div>
    );
  }
  return (
    <div className="view grid-view activity-view" data-testid="activity-view">
      <div className="view-head">
        <h1>{t('activity.title')}</h1>
        <div className="activity-tabs" role="tablist">
          {(['transactions', 'needs'] as const).map((k) => (
            <button key={k} role="tab" aria-selected={kind === k} className={kind === k ? 'active' : 'secondary'} data-testid={`activity-tab-${k}`} onClick={() => setKind(k)}>{t(`activity.${k}`)}</button>
          ))}
        </div>
        <span className="muted" data-testid="activity-count">{count === null ? '' : t('activity.count', { formatted: count.toLocaleString(i18n.language) })}</span>
        <span className="muted" data-testid="link-summary">{t('activity.linkSummary', { linked: linked.toLocaleString(i18n.language), unlinked: unlinked.toLocaleString(i18n.language) })}</span>
        <label className="inline"><input type="checkbox" data-testid="unlinked-only" checked={unlinkedOnly} onChange={(e) => setUnlinkedOnly(e.target.checked)} /> {t('activity.unlinkedOnly')}</label>
      </div>
      <LinkSourcePicker entity={entity} onChanged={() => setLinkVersion((v) => v + 1)} onError={setError} />
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="grid-wrap" data-testid="activity-grid">
        <AgGridReact
          key={`${kind}-${i18n.language}`}
          theme={gridTheme}
          localeText={gridLocale(i18n.language)}
          rowModelType="infinite"
          datasource={datasource}
          columnDefs={defs}
          cacheBlockSize={100}
          maxBlocksInCache={50}
          getRowId={(p) => String(p.data.id)}
        />
      </div>
    </div>
  );
}
