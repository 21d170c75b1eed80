/** The quality module's public surface: profiling, metrics, drill-down, references, snapshots and the audit outputs. */
export { profileProject, projectFields } from './profile.ts';
export { computeMetrics, formulaOf } from './metrics.ts';
export { queryIssues, listIssues, issuesOfCustomer, issuesForCustomers } from './issues-query.ts';
export { addReferenceValues, markVerified, type ReferenceRow } from './reference.ts';
export { listSnapshots, type Snapshot } from './snapshots.ts';
export { writeAuditReport, renderAuditReport, type ReportOptions } from './report/audit-html.ts';
export { writeAuditJson, type AuditIssue } from './report/audit-json.ts';
export { rules, type RuleId } from './rules.ts';
export * from './types.ts';
