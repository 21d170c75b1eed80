/**
 * Where a customer's verification lives (the steward's marker in
 * quality_verified and the reference values in quality_reference), read and
 * written as one JSON text (shared/domain/verification.ts, null for none):
 * the 'verification' kind of the change history (entity-stores.ts), so undo,
 * redo and revert treat a verification as they treat any other value.
 */
import { verificationText, type ReferenceEntry, type VerificationState } from '../../shared/domain/verification.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from './open-project.ts';

/** When the reference last changed (a file imported, a verification made or reversed), so the dashboard can tell whether the last profile saw it. */
const referenceChangedKey = 'quality_reference_changed_at';

export function touchReference(db: Db, at: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(referenceChangedKey, at);
}

export function referenceChangedAt(db: Db): string | null {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(referenceChangedKey) as string | undefined) ?? null;
}

/** A customer's verification as stored now. */
export function readVerification(db: Db, customerId: number): VerificationState {
  const marker = db.prepare('SELECT verified_at at, verified_by by FROM quality_verified WHERE customer_id = ?').get(customerId) as { at: string; by: string | null } | undefined;
  const values = db
    .prepare('SELECT field, value, origin, origin_detail detail, verified_at at FROM quality_reference WHERE customer_id = ? ORDER BY field')
    .all(customerId) as ReferenceEntry[];
  return { verified: marker ?? null, values };
}

/** A customer's verification as the change history's text (null when it has none). */
export function readVerificationText(db: Db, customerId: number): string | null {
  return verificationText(readVerification(db, customerId));
}

/**
 * Replaces the customer's marker and reference values with the state the
 * text describes (null: none). Called by the one write path, which logs it.
 */
export function writeVerification(db: Db, customerId: number, text: string | null): void {
  if (!db.prepare('SELECT 1 FROM customer_records WHERE id = ?').pluck().get(customerId)) throw new AppError('not_found', `Customer ${customerId} does not exist in this project.`);
  const s = statements(db);
  s.clearMarker.run(customerId);
  s.clearValues.run(customerId);
  if (text === null) return;
  const state = JSON.parse(text) as VerificationState;
  if (state.verified) s.insertMarker.run(customerId, state.verified.at, state.verified.by);
  for (const v of state.values) s.insertValue.run(customerId, v.field, v.value, v.origin, v.detail, v.at);
}

const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();
const prepare = (db: Db) => ({
  clearMarker: db.prepare('DELETE FROM quality_verified WHERE customer_id = ?'),
  clearValues: db.prepare('DELETE FROM quality_reference WHERE customer_id = ?'),
  insertMarker: db.prepare('INSERT INTO quality_verified (customer_id, verified_at, verified_by) VALUES (?, ?, ?)'),
  insertValue: db.prepare('INSERT INTO quality_reference (customer_id, field, value, origin, origin_detail, verified_at) VALUES (?, ?, ?, ?, ?, ?)'),
});
function statements(db: Db): ReturnType<typeof prepare> {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = prepare(db)));
  return s;
}
