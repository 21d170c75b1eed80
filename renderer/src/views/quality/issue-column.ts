import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { IssueFilter, RecordIssue } from '../../../../shared/channels/quality.ts';
import { api } from '../../api/client.ts';
import { issueText } from '../../../../shared/i18n/issue-text.ts';
import { asTranslate } from '../../i18n/as-translate.ts';

/** Row property holding the matching issues' text, filled by withIssues. */
export const issueKey = '_quality_issue';
/** Row property set by withIssues when the row has no matching issue. */
const noIssueKey = '_quality_none';

/** The drill-down grid's first column: which rule each record broke and why. */
export function issueColumn(t: TFunction): ColDef {
  return { colId: issueKey, field: issueKey, headerName: t('quality.drill.issueColumn'), sortable: false, filter: false, pinned: 'left', width: 360, tooltipField: issueKey, cellClass: 'issue-cell', cellClassRules: { 'issue-none': (p) => p.data?.[noIssueKey] === true } };
}

/** Adds the matching issues to a page of grid rows (one request per page of up to 1,000 rows). */
export async function withIssues<R extends Record<string, unknown>>(t: TFunction, rows: R[], filter: IssueFilter): Promise<R[]> {
  const ids = rows.map((r) => Number(r.id));
  const issues = await api.invoke('quality:issues-for-customers', { ids, filter });
  const byId = new Map<number, RecordIssue[]>();
  for (const i of issues) byId.set(i.customerId, [...(byId.get(i.customerId) ?? []), i]);
  const said = (i: RecordIssue) => `${t(`quality.ruleName.${i.rule}`, { defaultValue: i.rule })} (${t(`quality.fieldName.${i.field}`, { defaultValue: i.field })}): ${issueText(asTranslate(t), i.field, i.message)}`;
  // Verified records show how they differ from their verified values, or that they agree.
  const none = filter.verified ? t('quality.drill.agrees') : '';
  return rows.map((r) => {
    const found = byId.get(Number(r.id)) ?? [];
    return { ...r, [issueKey]: found.length ? found.map(said).join(' · ') : none, [noIssueKey]: found.length === 0 };
  });
}
