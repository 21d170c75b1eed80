/**
 * A steward's decisions on suggestions. Accepting applies the proposed
 * values as one batch through the one write path (so it can be undone as a
 * whole) and only where the value is still the one the suggestion was made
 * for; anything changed since is marked stale, never overwritten. Rejecting
 * is remembered: a later run does not propose the same value again.
 */
import { AppError } from '../../shared/errors.ts';
import type { Cancellation } from '../lib/cancellation.ts';
import { writeBatch, type CellValue, type ChangeRequest } from '../store/change-writer.ts';
import type { Db } from '../store/open-project.ts';
import { suggestionWhere, type SuggestionFilterSql } from '../store/suggestions-repo.ts';
import { fixSettings } from './fix-settings.ts';

export type Decision = 'accept' | 'reject' | 'reopen';

export interface Selection {
  ids?: number[];
  filter?: SuggestionFilterSql;
}

export interface DecideOutcome {
  accepted: number;
  rejected: number;
  reopened: number;
  stale: number;
  batchId: number | null;
}

export interface DecideOptions {
  actor: string;
  signal?: Cancellation;
  onProgress?: (p: { step: 'apply'; done: number; total: number }) => void;
}

function selectionWhere(sel: Selection): { sql: string; params: (string | number)[] } {
  if (sel.ids) {
    // Looked up by id: the unary + keeps SQLite from walking the run's whole index instead (seconds at a million suggestions).
    return {
      sql: `WHERE g.id IN (SELECT value FROM json_each(?)) AND +g.run_id = (SELECT id FROM fix_runs WHERE status = 'current')`,
      params: [JSON.stringify(sel.ids)],
    };
  }
  if (sel.filter) return suggestionWhere(sel.filter);
  throw new AppError('invalid_input', 'Choose suggestions by id or by a filter.');
}

/** How many open change suggestions a selection holds (the service runs big ones as a job). */
export function countOpen(db: Db, sel: Selection): number {
  const w = selectionWhere(sel);
  return db.prepare(`SELECT count(*) FROM fix_suggestions g ${w.sql} AND g.status = 'open' AND g.kind = 'change'`).pluck().get(...w.params) as number;
}

export function decide(db: Db, action: Decision, sel: Selection, opts: DecideOptions): DecideOutcome {
  const none: DecideOutcome = { accepted: 0, rejected: 0, reopened: 0, stale: 0, batchId: null };
  const w = selectionWhere(sel);
  if (action === 'reject') {
    const n = db.prepare(`UPDATE fix_suggestions AS g SET status = 'rejected' ${w.sql} AND g.status = 'open'`).run(...w.params).changes;
    return { ...none, rejected: n };
  }
  if (action === 'reopen') {
    const n = db.prepare(`UPDATE fix_suggestions AS g SET status = 'open' ${w.sql} AND g.status IN ('rejected', 'stale')`).run(...w.params).changes;
    return { ...none, reopened: n };
  }
  // A few chosen ids are found by id; only a filter over many walks the customer index.
  return accept(db, w, opts, describe(db, w), sel.ids ? '' : 'INDEXED BY fix_suggestions_customer');
}

function accept(
  db: Db, w: { sql: string; params: (string | number)[] }, opts: DecideOptions, what: { description: string; params: Record<string, string | number> },
  indexHint = 'INDEXED BY fix_suggestions_customer',
): DecideOutcome {
  const total = db.prepare(`SELECT count(*) FROM fix_suggestions g ${w.sql} AND g.status = 'open' AND g.kind = 'change'`).pluck().get(...w.params) as number;
  if (total === 0) return { accepted: 0, rejected: 0, reopened: 0, stale: 0, batchId: null };
  // Paged by (customer, id) along the customer index, so the writer can write between pages.
  const page = db.prepare(
    `SELECT g.id, g.customer_id, g.field, g.before, g.after, g.rule FROM fix_suggestions g ${indexHint}
     ${w.sql} AND g.status = 'open' AND g.kind = 'change' AND (g.customer_id, g.id) > (?, ?) ORDER BY g.customer_id, g.id LIMIT 10000`,
  ).raw();
  // Only stale ones are marked one by one (they are few); the rest in one statement after the batch row exists.
  // (Setting a foreign-key column row by row costs far more through better-sqlite3 than one set-based UPDATE.)
  const markStale = db.prepare("UPDATE fix_suggestions SET status = 'stale' WHERE id = ?");
  const requests = function* (): Generator<ChangeRequest> {
    let at: [number, number] = [0, 0];
    for (;;) {
      const rows = page.all(...w.params, at[0], at[1]) as [number, number, string, CellValue, CellValue, string][];
      if (rows.length === 0) return;
      for (const [id, customerId, field, before, after, rule] of rows) {
        yield { customerId, field: field as ChangeRequest['field'], after, reason: rule, expectBefore: before, tag: id };
      }
      const last = rows[rows.length - 1];
      at = [last[1], last[0]];
    }
  };
  let stale = 0;
  const result = db.transaction(() => {
    const r = writeBatch(db, { kind: 'fix', actor: opts.actor, description: what.description, params: { ...what.params, suggestions: total } }, requests(), {
      signal: opts.signal,
      onProgress: (done) => opts.onProgress?.({ step: 'apply', done, total }),
      onOutcome: (req, outcome) => {
        if (outcome === 'stale') (markStale.run(req.tag!), stale++);
      },
    });
    // Every suggestion still open in the selection was applied now (or already held its value).
    db.prepare(`UPDATE fix_suggestions AS g SET status = 'accepted', batch_id = ? ${w.sql} AND g.status = 'open' AND g.kind = 'change'`).run(r.batchId, ...w.params);
    return r;
  }).immediate();
  const accepted = total - stale;
  return { accepted, rejected: 0, reopened: 0, stale: result.stale, batchId: result.batchId };
}

/** "Applied 1,204 suggestions (phone_e164)": the batch's summary, naming the rule when there is one. */
function describe(db: Db, w: { sql: string; params: (string | number)[] }): { description: string; params: Record<string, string | number> } {
  const rules = db.prepare(`SELECT DISTINCT g.rule FROM fix_suggestions g ${w.sql} AND g.status = 'open' AND g.kind = 'change' LIMIT 4`).pluck().all(...w.params) as string[];
  const named = rules.length > 0 && rules.length <= 3 ? ` (${rules.join(', ')})` : '';
  return { description: `Applied suggestions${named}`, params: { rules: rules.slice(0, 3).join(',') } };
}

/** Applies the open suggestions of the safe rules the project turned on; returns how many. */
export function applyAutomaticRules(db: Db, opts: { signal?: Cancellation }): number {
  const { autoApply } = fixSettings(db);
  let applied = 0;
  for (const rule of autoApply) {
    applied += accept(db, suggestionWhere({ rule, kind: 'change', status: 'open' }), { actor: 'automatic', signal: opts.signal }, {
      description: `Applied safe rule ${rule} automatically`, params: { rules: rule, automatic: 1 },
    }).accepted;
  }
  return applied;
}
