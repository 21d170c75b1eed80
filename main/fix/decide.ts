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
  return accept(db, w, opts, () => describe(db, w, sel.ids ? undefined : sel.filter?.rule));
}

/** Suggestions read per page while the batch is written. */
const PAGE = 10_000;

/**
 * The selection's open change suggestions, as (customer, id) keys sorted by
 * customer then id: the write path reads and writes each record once when
 * its requests are adjacent. Found along the run's review index and sorted
 * here, so a selection of one rule reads that rule's rows only (walking the
 * customer index instead read every suggestion of every rule, once per rule).
 */
function openChangeKeys(db: Db, w: { sql: string; params: (string | number)[] }): BigUint64Array {
  const rows = db.prepare(`SELECT g.customer_id, g.id FROM fix_suggestions g ${w.sql} AND g.status = 'open' AND g.kind = 'change'`).raw().iterate(...w.params) as IterableIterator<[number, number]>;
  const keys: bigint[] = [];
  for (const [customerId, id] of rows) keys.push((BigInt(customerId) << 32n) | BigInt(id));
  return BigUint64Array.from(keys).sort();
}

const idOf = (key: bigint): number => Number(key & 0xffffffffn);

function accept(
  db: Db, w: { sql: string; params: (string | number)[] }, opts: DecideOptions, describeWhat: () => { description: string; params: Record<string, string | number> },
): DecideOutcome {
  const byId = db.prepare('SELECT g.id, g.customer_id, g.field, g.before, g.after, g.rule FROM fix_suggestions g WHERE g.id IN (SELECT value FROM json_each(?))').raw();
  // Only stale ones are marked one by one (they are few); the rest in one statement after the batch row exists.
  // (Setting a foreign-key column row by row costs far more through better-sqlite3 than one set-based UPDATE.)
  const markStale = db.prepare("UPDATE fix_suggestions SET status = 'stale' WHERE id = ?");
  const requests = function* (keys: BigUint64Array): Generator<ChangeRequest> {
    for (let from = 0; from < keys.length; from += PAGE) {
      const ids = Array.from(keys.subarray(from, from + PAGE), idOf);
      const rows = new Map((byId.all(JSON.stringify(ids)) as [number, number, string, CellValue, CellValue, string][]).map((r) => [r[0], r]));
      for (const id of ids) {
        const [, customerId, field, before, after, rule] = rows.get(id)!;
        yield { customerId, field: field as ChangeRequest['field'], after, reason: rule, expectBefore: before, tag: id };
      }
    }
  };
  let stale = 0;
  const result = db.transaction(() => {
    const keys = openChangeKeys(db, w);
    if (keys.length === 0) return null;
    const total = keys.length;
    const what = describeWhat();
    const r = writeBatch(db, { kind: 'fix', actor: opts.actor, description: what.description, params: { ...what.params, suggestions: total } }, requests(keys), {
      signal: opts.signal,
      onProgress: (done) => opts.onProgress?.({ step: 'apply', done, total }),
      onOutcome: (req, outcome) => {
        if (outcome === 'stale') (markStale.run(req.tag!), stale++);
      },
    });
    // Every suggestion still open in the selection was applied now (or already held its value).
    db.prepare(`UPDATE fix_suggestions AS g SET status = 'accepted', batch_id = ? ${w.sql} AND g.status = 'open' AND g.kind = 'change'`).run(r.batchId, ...w.params);
    return { ...r, total };
  }).immediate();
  if (!result) return { accepted: 0, rejected: 0, reopened: 0, stale: 0, batchId: null };
  return { accepted: result.total - stale, rejected: 0, reopened: 0, stale: result.stale, batchId: result.batchId };
}

/** "Applied 1,204 suggestions (phone_e164)": the batch's summary, naming the rule when there is one. */
function describe(db: Db, w: { sql: string; params: (string | number)[] }, rule: string | undefined): { description: string; params: Record<string, string | number> } {
  // Called only when the selection holds open changes: a selection of one rule holds that rule's
  // (asking SQLite for its distinct rules would read every one of them, up to a million rows).
  const rules = rule !== undefined ? [rule] : (db.prepare(`SELECT DISTINCT g.rule FROM fix_suggestions g ${w.sql} AND g.status = 'open' AND g.kind = 'change' LIMIT 4`).pluck().all(...w.params) as string[]);
  const named = rules.length > 0 && rules.length <= 3 ? ` (${rules.join(', ')})` : '';
  return { description: `Applied suggestions${named}`, params: { rules: rules.slice(0, 3).join(',') } };
}

/** Applies the open suggestions of the safe rules the project turned on; returns how many. */
export function applyAutomaticRules(db: Db, opts: { signal?: Cancellation }): number {
  const { autoApply } = fixSettings(db);
  let applied = 0;
  for (const rule of autoApply) {
    applied += accept(db, suggestionWhere({ rule, kind: 'change', status: 'open' }), { actor: 'automatic', signal: opts.signal }, () => ({
      description: `Applied safe rule ${rule} automatically`, params: { rules: rule, automatic: 1 },
    })).accepted;
  }
  return applied;
}
