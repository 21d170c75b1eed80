/**
 * What the review grid reads: pages of the current run's suggestions with
 * whose record each is, counts per rule and state, and a steward's edit of a
 * proposed value (checked before it is kept).
 */
import type { FixSummary, SuggestionRow } from '../../shared/channels/fix.ts';
import { AppError } from '../../shared/errors.ts';
import type { CellValue } from '../store/change-writer.ts';
import type { Db } from '../store/open-project.ts';
import { suggestionWhere, type SuggestionFilterSql } from '../store/suggestions-repo.ts';

export type SuggestionSort = 'record' | 'confidence_asc' | 'confidence_desc' | 'field' | 'rule';

const ORDER: Record<SuggestionSort, string> = {
  record: 'g.customer_id, g.id',
  confidence_asc: 'g.confidence, g.customer_id, g.id',
  confidence_desc: 'g.confidence DESC, g.customer_id, g.id',
  field: 'g.field, g.customer_id, g.id',
  rule: 'g.rule, g.customer_id, g.id',
};

const rowColumns = `g.id, g.customer_id customerId, s.file_name source, g.source_id sourceId, c.source_record_id sourceRecordId,
  trim(coalesce(nullif(c.full_name, ''), trim(coalesce(c.given_name, '') || ' ' || coalesce(c.family_name, '')), '')) label,
  g.field, g.kind, g.rule, g.before, g.after, g.confidence, g.params, g.edited, g.status`;

interface RawRow extends Omit<SuggestionRow, 'params' | 'edited' | 'sourceRecordId'> {
  params: string | null;
  edited: number;
  sourceRecordId: string | number | null;
}

const toRow = (r: RawRow): SuggestionRow => ({
  ...r,
  sourceRecordId: r.sourceRecordId === null ? null : String(r.sourceRecordId),
  params: r.params ? (JSON.parse(r.params) as SuggestionRow['params']) : {},
  edited: r.edited === 1,
});

/** Sorted id lists of recent filters: a filter over millions of suggestions is sorted once, then paged. */
export class SuggestionPages {
  private results = new Map<string, number[]>();

  constructor(private readonly db: Db) {}

  invalidate(): void {
    this.results.clear();
  }

  page(q: { startRow: number; endRow: number; filter: SuggestionFilterSql; sort: SuggestionSort }): { rows: SuggestionRow[]; lastRow: number } {
    const key = JSON.stringify([q.filter, q.sort]);
    let ids = this.results.get(key);
    if (!ids) {
      const w = suggestionWhere(q.filter);
      ids = this.db.prepare(`SELECT g.id FROM fix_suggestions g ${w.sql} ORDER BY ${ORDER[q.sort]}`).pluck().all(...w.params) as number[];
      this.results.set(key, ids);
      if (this.results.size > 3) this.results.delete(this.results.keys().next().value!);
    }
    const slice = ids.slice(q.startRow, Math.min(q.endRow, q.startRow + 1000));
    return { rows: rowsByIds(this.db, slice), lastRow: ids.length };
  }
}

export function rowsByIds(db: Db, ids: number[]): SuggestionRow[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(
    `SELECT ${rowColumns} FROM fix_suggestions g JOIN customers c ON c.id = g.customer_id JOIN sources s ON s.id = g.source_id
     WHERE g.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as RawRow[];
  const byId = new Map(rows.map((r) => [r.id, toRow(r)]));
  return ids.map((id) => byId.get(id)).filter((r): r is SuggestionRow => r !== undefined);
}

/**
 * Customers changed since the run by something other than this run's own
 * suggestions: accepting them (or undoing, redoing or reverting that) keeps
 * the suggestions in step (syncSuggestionsAfterReversal), so it does not make
 * them out of date. A reversal names what it is ultimately about in
 * rootKind (older ones in targetKind).
 */
const CHANGED_SINCE = `SELECT count(DISTINCT l.entity_id) FROM change_log l
  WHERE l.id > ? AND l.entity = 'customer' AND CAST(l.batch_id AS INTEGER) IN (
    SELECT b.id FROM change_batches b
    WHERE b.kind <> 'fix' AND coalesce(json_extract(b.params, '$.rootKind'), json_extract(b.params, '$.targetKind'), '') <> 'fix')`;

export function fixSummary(db: Db): FixSummary {
  const run = db.prepare("SELECT id, finished_at, summary_json, options_json FROM fix_runs WHERE status = 'current'").get() as
    | { id: number; finished_at: string; summary_json: string; options_json: string }
    | undefined;
  const customers = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  if (!run) return { run: null, byRule: [], changedSince: 0, customers };
  const summary = JSON.parse(run.summary_json) as { records: number; seconds: number };
  const { maxChangeSeq } = JSON.parse(run.options_json) as { maxChangeSeq: number };
  const counts = db.prepare('SELECT rule, field, kind, status, count(*) n FROM fix_suggestions WHERE run_id = ? GROUP BY rule, field, kind, status').all(run.id) as
    { rule: string; field: string; kind: 'change' | 'flag'; status: 'open' | 'accepted' | 'rejected' | 'stale'; n: number }[];
  const byKey = new Map<string, FixSummary['byRule'][number]>();
  for (const c of counts) {
    const k = `${c.rule}\u0000${c.field}`;
    let entry = byKey.get(k);
    if (!entry) byKey.set(k, (entry = { rule: c.rule, field: c.field, kind: c.kind, open: 0, accepted: 0, rejected: 0, stale: 0 }));
    entry[c.status] += c.n;
  }
  return {
    run: { id: run.id, finishedAt: run.finished_at, seconds: summary.seconds, records: summary.records },
    byRule: [...byKey.values()].sort((a, b) => b.open - a.open || a.rule.localeCompare(b.rule)),
    changedSince: db.prepare(CHANGED_SINCE).pluck().get(maxChangeSeq) as number,
    customers,
  };
}

/**
 * A steward's own value for a suggestion: it replaces the proposal (marked
 * edited) and is applied like any other when accepted. Only open change
 * suggestions can be edited; `check` says whether the value is acceptable.
 */
export function editSuggestion(db: Db, id: number, after: CellValue, check: (field: string, value: CellValue) => string | null): SuggestionRow {
  const row = db.prepare('SELECT field, kind, status FROM fix_suggestions WHERE id = ?').get(id) as { field: string; kind: string; status: string } | undefined;
  if (!row) throw new AppError('not_found', `There is no suggestion ${id}.`);
  if (row.kind !== 'change' && row.kind !== 'flag') throw new AppError('invalid_input', 'This suggestion cannot be edited.');
  if (row.status !== 'open') throw new AppError('invalid_input', 'Only open suggestions can be edited; reopen it first.');
  const problem = check(row.field, after);
  if (problem) throw new AppError('invalid_input', problem);
  // An edited flag becomes a proposal: the steward supplied the value the flag could not.
  db.prepare("UPDATE fix_suggestions SET after = ?, edited = 1, kind = 'change', confidence = 1 WHERE id = ?").run(after, id);
  return rowsByIds(db, [id])[0];
}
