/**
 * A standardisation run: every customer's values go through the
 * standardisers, and what they propose (or flag) is stored as suggestions
 * for a steward to review. The run writes beside the current suggestions and
 * becomes current in one short transaction at its end, so a cancelled or
 * failed run leaves the previous suggestions exactly as they were.
 */
import { editableFields, type CellValue } from '../store/change-writer.ts';
import { throwIfCancelled, type Cancellation } from '../lib/cancellation.ts';
import type { Db } from '../store/open-project.ts';
import { rejectedKeys, rejectionKey, suggestionInserter, type NewSuggestion } from '../store/suggestions-repo.ts';
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import { standardiseRecord } from '../standardize/standardise-record.ts';
import type { FieldOutcome } from '../standardize/standardiser.ts';
import { readSourceContexts, recordCountry, type SourceContext } from './source-context.ts';
import { fillFromDuplicates } from './fill-from-duplicates.ts';
import { applyAutomaticRules } from './decide.ts';

export interface FixRunProgress {
  step: 'context' | 'suggest' | 'fill' | 'save' | 'apply';
  done: number;
  total: number;
}

export interface FixRunOptions {
  signal?: Cancellation;
  onProgress?: (p: FixRunProgress) => void;
  now?: Date;
}

export interface FixRunResult {
  runId: number;
  records: number;
  suggestions: number;
  flags: number;
  seconds: number;
  /** Suggestions applied automatically (safe rules the project turned on). */
  autoApplied: number;
}

const PAGE = 5000;
const cancelled = 'Cancelled; the previous suggestions are unchanged.';

export async function suggestFixes(db: Db, opts: FixRunOptions = {}): Promise<FixRunResult> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  const maxChangeSeq = db.prepare('SELECT coalesce(max(id), 0) FROM change_log').pluck().get() as number;
  const runId = Number(db.prepare("INSERT INTO fix_runs (started_at, status, options_json) VALUES (?, 'running', ?)")
    .run(now.toISOString(), JSON.stringify({ now: now.toISOString(), maxChangeSeq })).lastInsertRowid);
  try {
    opts.onProgress?.({ step: 'context', done: 0, total: 1 });
    const contexts = readSourceContexts(db);
    const total = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    const counts = { suggestions: 0, flags: 0 };
    db.transaction(() => {
      const insert = suggestionInserter(db, runId);
      const rejected = rejectedKeys(db);
      const store = (s: NewSuggestion): void => {
        if (s.kind === 'change' && rejected.has(rejectionKey(s.customerId, s.field, s.after))) return;
        insert(s);
        if (s.kind === 'change') counts.suggestions++;
        else counts.flags++;
      };
      suggestAll(db, contexts, now, store, total, opts);
      throwIfCancelled(opts.signal, cancelled);
      opts.onProgress?.({ step: 'fill', done: 0, total: 1 });
      fillFromDuplicates(db, contexts, now, store);
    })();
    throwIfCancelled(opts.signal, cancelled);
    const seconds = (Date.now() - started) / 1000;
    opts.onProgress?.({ step: 'save', done: 0, total: 1 });
    db.transaction(() => {
      db.prepare("UPDATE fix_runs SET status = 'superseded' WHERE status = 'current'").run();
      db.prepare("UPDATE fix_runs SET status = 'current', finished_at = ?, summary_json = ? WHERE id = ?")
        .run(new Date().toISOString(), JSON.stringify({ records: total, seconds, ...counts }), runId);
    })();
    opts.onProgress?.({ step: 'apply', done: 0, total: 1 });
    const autoApplied = applyAutomaticRules(db, { signal: opts.signal });
    return { runId, records: total, ...counts, seconds, autoApplied };
  } catch (err) {
    const failed = (err as { code?: string }).code === 'cancelled' ? 'cancelled' : 'failed';
    db.prepare('UPDATE fix_runs SET status = ?, finished_at = ? WHERE id = ?').run(failed, new Date().toISOString(), runId);
    throw err;
  }
}

function suggestAll(db: Db, contexts: Map<number, SourceContext>, now: Date, store: (s: NewSuggestion) => void, total: number, opts: FixRunOptions): void {
  const page = db.prepare(`SELECT id, source_id, ${editableFields.join(', ')} FROM customers WHERE id > ? ORDER BY id LIMIT ?`).raw();
  const countryAt = editableFields.indexOf('country') + 2;
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = page.all(after, PAGE) as CellValue[][];
    if (rows.length === 0) break;
    for (const row of rows) {
      const id = row[0] as number;
      const sourceId = row[1] as number;
      const source = contexts.get(sourceId);
      const values: Partial<Record<CustomerFieldKey, CellValue>> = {};
      for (let i = 0; i < editableFields.length; i++) values[editableFields[i]] = row[i + 2];
      const outcomes = standardiseRecord(values, {
        recordCountry: recordCountry(row[countryAt]), sourceCountry: source?.country, dateOrders: source?.dateOrders ?? {}, now,
      });
      for (const o of outcomes) {
        store(toSuggestion(id, sourceId, values[o.field] ?? null, o));
        // An amount that named its currency ("$85,000") also proposes the currency, when the record has none.
        const currency = o.outcome.kind === 'change' ? o.outcome.params?.currency : undefined;
        if (currency !== undefined && !values.income_currency) {
          store({ customerId: id, sourceId, field: 'income_currency', kind: 'change', rule: o.outcome.rule, before: values.income_currency ?? null, after: currency, confidence: o.outcome.kind === 'change' ? o.outcome.confidence : 0, params: null });
        }
      }
    }
    after = rows[rows.length - 1][0] as number;
    done += rows.length;
    throwIfCancelled(opts.signal, cancelled);
    opts.onProgress?.({ step: 'suggest', done, total });
  }
}

export function toSuggestion(customerId: number, sourceId: number, before: CellValue, o: FieldOutcome, extra?: Record<string, string | number>): NewSuggestion {
  const { outcome } = o;
  if (outcome.kind === 'flag') {
    return { customerId, sourceId, field: o.field, kind: 'flag', rule: outcome.rule, before, after: null, confidence: 0, params: JSON.stringify(outcome.params) };
  }
  const params = { ...outcome.params, ...(outcome.also?.length ? { also: outcome.also.join(',') } : {}), ...(o.group ? { group: o.group } : {}), ...extra };
  return {
    customerId, sourceId, field: o.field, kind: 'change', rule: outcome.rule, before, after: outcome.value, confidence: outcome.confidence,
    params: Object.keys(params).length ? JSON.stringify(params) : null,
  };
}
