/**
 * Reference values for accuracy. Two ways in: rows from a verified reference
 * file (matched to customers by the caller), or a steward marking a customer
 * verified, which freezes the values it has now. Later edits to that customer
 * are then measured against what the steward confirmed. Marking and
 * unmarking are changes in the history (store/verification-store.ts, a kind of store/entity-stores.ts).
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { customerFieldKeys } from '../../shared/domain/fields.ts';
import { verificationText } from '../../shared/domain/verification.ts';
import { writeBatch, type BatchResult, type ChangeRequest } from '../store/change-writer.ts';
import { readVerification, referenceChangedAt, touchReference } from '../store/verification-store.ts';
import { isEmpty, type ReferenceValue } from './accuracy.ts';

export interface ReferenceRow {
  customerId: number;
  field: string;
  value: string | null;
}

// Writes take the write lock first (immediate): a deferred transaction that reads and then writes
// fails at once with "database is locked" if a job's connection committed in between, busy_timeout or not.

export function loadReferences(db: Database.Database): Map<number, ReferenceValue[]> {
  const map = new Map<number, ReferenceValue[]>();
  const rows = db.prepare('SELECT customer_id, field, value FROM quality_reference ORDER BY customer_id, field').iterate() as IterableIterator<{ customer_id: number; field: string; value: string | null }>;
  for (const r of rows) {
    let list = map.get(r.customer_id);
    if (!list) map.set(r.customer_id, (list = []));
    list.push({ field: r.field, value: r.value });
  }
  return map;
}

/** Stores values from a verified reference file; a newer value for the same customer and field replaces the older. */
export function addReferenceValues(db: Database.Database, rows: ReferenceRow[], fileName: string, at = new Date()): number {
  const upsert = db.prepare(
    `INSERT INTO quality_reference (customer_id, field, value, origin, origin_detail, verified_at) VALUES (?, ?, ?, 'reference_file', ?, ?)
     ON CONFLICT (customer_id, field) DO UPDATE SET value = excluded.value, origin = excluded.origin, origin_detail = excluded.origin_detail, verified_at = excluded.verified_at`,
  );
  db.transaction(() => {
    for (const r of rows) upsert.run(r.customerId, r.field, r.value, fileName, at.toISOString());
    if (rows.length > 0) touchReference(db, at.toISOString());
  }).immediate();
  return rows.length;
}

/** The customer fields a source maps (its record id aside): what a steward can vouch for in its records. */
function fieldsOfSource(db: Database.Database, sourceId: number): string[] {
  const row = db.prepare('SELECT mapping_json FROM sources WHERE id = ?').get(sourceId) as { mapping_json: string } | undefined;
  const all = customerFieldKeys.filter((f) => f !== 'source_record_id');
  try {
    const mapped = new Set(Object.values(JSON.parse(row?.mapping_json ?? '{}') as Record<string, string | null>));
    const fields = all.filter((f) => mapped.has(f));
    return fields.length > 0 ? fields : all;
  } catch {
    return all;
  }
}

/** Who verified, as History names the customer when a batch is about one. */
function customerLabel(row: Record<string, string | number | null>): string {
  const full = typeof row.full_name === 'string' ? row.full_name.trim() : '';
  return full || [row.given_name, row.family_name].filter((v) => typeof v === 'string' && v.trim()).join(' ');
}

/** One 'verify' batch; History words it from params (how many, and whose record when there is one). */
function verifyBatch(db: Database.Database, what: 'verified' | 'unverified', requests: ChangeRequest[], label: string, actor = 'steward'): BatchResult {
  const n = requests.length;
  const params: Record<string, string | number> = { [what]: n };
  if (n === 1) Object.assign(params, { customer: requests[0].customerId, label });
  const customers = `${n} customer${n === 1 ? '' : 's'}`;
  const description = what === 'verified' ? `Marked ${customers} verified` : `Took back the verification of ${customers}`;
  return writeBatch(db, { kind: 'verify', actor, description, params }, requests);
}

export interface VerifyOptions {
  by?: string;
  fields?: string[];
  at?: Date;
  /** Who the change history says did it: 'steward' in the app, 'cli'. */
  actor?: string;
}

/**
 * Marks customers verified by a steward: records the marker and freezes the
 * current values of `fields` (by default the fields the record's source
 * maps) as reference, replacing reference-file values for those fields. A
 * blank or placeholder value is frozen as "verified: no value" (NULL), the
 * way accuracy.ts reads the record itself, so a verified "n/a" is a TN, not
 * an FN against the text "n/a". One batch of kind 'verify' in the change
 * history, undone like any other. Returns how many customers were marked.
 */
export function markVerified(db: Database.Database, customerIds: number[], opts: VerifyOptions = {}): number {
  const given = opts.fields?.filter((f) => (customerFieldKeys as string[]).includes(f));
  const at = (opts.at ?? new Date()).toISOString();
  const by = opts.by ?? null;
  const read = db.prepare(`SELECT source_id, ${customerFieldKeys.join(', ')} FROM customers WHERE id = ?`);
  const bySource = new Map<number, string[]>();
  return db.transaction(() => {
    const requests: ChangeRequest[] = [];
    let label = '';
    for (const id of new Set(customerIds)) {
      const row = read.get(id) as ({ source_id: number } & Record<string, string | number | null>) | undefined;
      if (!row) continue;
      let fields = given ?? bySource.get(row.source_id);
      if (!fields) bySource.set(row.source_id, (fields = fieldsOfSource(db, row.source_id)));
      const frozen = new Set(fields);
      const kept = readVerification(db, id).values.filter((v) => !frozen.has(v.field));
      const values = fields.map((f) => ({ field: f, value: isEmpty(f, row[f]) ? null : String(row[f]), origin: 'steward' as const, detail: by, at }));
      requests.push({ entity: 'verification', customerId: id, field: 'verified', after: verificationText({ verified: { at, by }, values: [...kept, ...values] }), reason: 'verify' });
      label = customerLabel(row);
    }
    const r = verifyBatch(db, 'verified', requests, label, opts.actor);
    return r.changed + r.unchanged;
  }).immediate();
}

/**
 * Takes a steward's verification back: removes the marker and the values it
 * froze, as one batch of kind 'verify' (undo restores them). Values from a
 * reference file the marking had replaced are not restored here (undo the
 * marking for that, or import the file again). Returns how many customers
 * were unmarked.
 */
export function unmarkVerified(db: Database.Database, customerIds: number[], opts: { actor?: string } = {}): number {
  const label = db.prepare('SELECT full_name, given_name, family_name FROM customers WHERE id = ?');
  return db.transaction(() => {
    const requests: ChangeRequest[] = [];
    let name = '';
    for (const id of new Set(customerIds)) {
      const state = readVerification(db, id);
      if (!state.verified) continue;
      requests.push({ entity: 'verification', customerId: id, field: 'verified', after: verificationText({ verified: null, values: state.values.filter((v) => v.origin !== 'steward') }), reason: 'unverify' });
      name = customerLabel((label.get(id) as Record<string, string | null> | undefined) ?? {});
    }
    return verifyBatch(db, 'unverified', requests, name, opts.actor).changed;
  }).immediate();
}

/** What one customer is compared against: the steward's marker and every reference value, with where it came from. */
export interface CustomerReference {
  verified: { at: string; by: string | null } | null;
  values: { field: string; value: string | null; origin: 'reference_file' | 'steward'; originDetail: string | null; at: string }[];
}

export function referenceOfCustomer(db: Database.Database, customerId: number): CustomerReference {
  const marker = db.prepare('SELECT verified_at, verified_by FROM quality_verified WHERE customer_id = ?').get(customerId) as { verified_at: string; verified_by: string | null } | undefined;
  const values = db
    .prepare('SELECT field, value, origin, origin_detail AS originDetail, verified_at AS at FROM quality_reference WHERE customer_id = ? ORDER BY field')
    .all(customerId) as CustomerReference['values'];
  return { verified: marker ? { at: marker.verified_at, by: marker.verified_by } : null, values };
}

/** How much reference the project holds, for the dashboard: and when it last changed, to tell whether the last profile saw it. */
export interface ReferenceSummary {
  verifiedCustomers: number;
  customers: number;
  values: number;
  files: { fileName: string; customers: number; values: number; at: string }[];
  changedAt: string | null;
}

export function referenceSummary(db: Database.Database): ReferenceSummary {
  const verified = db.prepare('SELECT COUNT(*) n FROM quality_verified').get() as { n: number };
  const all = db.prepare('SELECT COUNT(DISTINCT customer_id) customers, COUNT(*) n FROM quality_reference').get() as { customers: number; n: number };
  const files = db
    .prepare("SELECT origin_detail AS fileName, COUNT(DISTINCT customer_id) customers, COUNT(*) \"values\", MAX(verified_at) at FROM quality_reference WHERE origin = 'reference_file' GROUP BY origin_detail ORDER BY at DESC")
    .all() as ReferenceSummary['files'];
  const changedAt = referenceChangedAt(db);
  return { verifiedCustomers: verified.n, customers: all.customers, values: all.n, files, changedAt };
}

/** Which of these customers a steward has verified (for the grid's Verified column, one query per page). */
export function verifiedAmong(db: Database.Database, customerIds: number[]): number[] {
  if (customerIds.length === 0) return [];
  return db.prepare(`SELECT customer_id FROM quality_verified WHERE customer_id IN (${customerIds.map(() => '?').join(', ')}) ORDER BY customer_id`).pluck().all(...customerIds) as number[];
}
