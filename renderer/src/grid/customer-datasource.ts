import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { IssueFilter } from '../../../shared/channels/quality.ts';
import type { GridQuery } from '../../../shared/contract.ts';
import type { CustomerRow, PageRequest } from '../../../shared/contract.ts';
import { api } from '../api/client.ts';

/**
 * Feeds the infinite row model from SQL pages: the grid asks for a block of
 * rows with its sort and filter, the service answers with those rows and the
 * total, and nothing else is ever loaded into the renderer.
 */
export function customerDatasource(opts: {
  quickFilter: string;
  sourceId?: number;
  /** A quality drill-down: only matching customers, each page decorated (e.g. with the issues) before it is shown. */
  issue?: IssueFilter;
  /** A segment's customers (opened from the Segments view). */
  segment?: GridQuery['segment'];
  /** Opened from the RFM view: a segment's customers, a heat-map cell's or a month's. */
  rfm?: Pick<GridQuery, 'rfmSegment' | 'rfmCell' | 'rfmMonth'>;
  decorate?: (rows: CustomerRow[]) => Promise<CustomerRow[]>;
  onError: (e: Error) => void;
  onCount: (n: number) => void;
  onLoading: (delta: 1 | -1) => void;
}): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      const request: PageRequest = {
        startRow: params.startRow,
        endRow: params.endRow,
        sortModel: params.sortModel.slice(0, 3).map((s) => ({ colId: s.colId, sort: s.sort as 'asc' | 'desc' })),
        filterModel: params.filterModel as PageRequest['filterModel'],
        quickFilter: opts.quickFilter,
        sourceId: opts.sourceId,
        issue: opts.issue,
        segment: opts.segment,
        ...opts.rfm,
      };
      opts.onLoading(1);
      api.invoke('customers:page', request)
        .then(async (page) => ({ ...page, rows: opts.decorate ? await opts.decorate(page.rows) : page.rows }))
        .finally(() => opts.onLoading(-1))
        .then(
        (page) => {
          opts.onCount(page.lastRow);
          params.successCallback(page.rows, page.lastRow);
        },
        (err: Error) => {
          opts.onError(err);
          params.failCallback();
        },
      );
    },
  };
}
