/**
 * The change history's second entity: a customer's verification (the
 * steward's marker in quality_verified and the reference values in
 * quality_reference). change-writer.ts's writeBatch hands it the requests
 * whose entity is 'verification'; like a customer field, each change is
 * logged with its before and after (shared/domain/verification.ts's JSON
 * text, null for none) in the batch's transaction, so undo, redo and revert
 * treat a verification as they treat any other value.
 */
import type Database from 'better-sqlite3';
import { verificationEntity, verificationText, type ReferenceEntry, type VerificationState } from '../../shared/domain/verification.ts';
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

export interface VerificationRequest {
  customerId: number;
  /** The verification text the customer should have (null: none). */
  after: string | null;
  reason: string;
  /** Apply only while the verification is still this text. */
  expectBefore?: string | null;
  undoes?: number;
}

/** Applies verification changes inside writeBatch's transaction and logs each. */
export class VerificationWriter {
  changed = 0;
  private readonly log: Database.Statement<unknown[]>;
  private readonly clearMarker: Database.Statement<unknown[]>;
  private readonly clearValues: Database.Statement<unknown[]>;
  private readonly insertMarker: Database.Statement<unknown[]>;
  private readonly insertValue: Database.Statement<unknown[]>;
  private readonly exists: Database.Statement<unknown[]>;

  constructor(private readonly db: Db, private readonly batchId: number, private readonly actor: string, private readonly at: string) {
    this.log = db.prepare(
      `INSERT INTO change_log (at, batch_id, entity, entity_id, field, before, after, reason, undoes, actor) VALUES (?, ?, '${verificationEntity}', ?, 'verified', ?, ?, ?, ?, ?)`,
    );
    this.clearMarker = db.prepare('DELETE FROM quality_verified WHERE customer_id = ?');
    this.clearValues = db.prepare('DELETE FROM quality_reference WHERE customer_id = ?');
    this.insertMarker = db.prepare('INSERT INTO quality_verified (customer_id, verified_at, verified_by) VALUES (?, ?, ?)');
    this.insertValue = db.prepare('INSERT INTO quality_reference (customer_id, field, value, origin, origin_detail, verified_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.exists = db.prepare('SELECT 1 FROM customers WHERE id = ?').pluck();
  }

  add(req: VerificationRequest): 'changed' | 'unchanged' | 'stale' {
    if (!this.exists.get(req.customerId)) throw new AppError('not_found', `Customer ${req.customerId} does not exist in this project.`);
    const before = verificationText(readVerification(this.db, req.customerId));
    if (req.expectBefore !== undefined && before !== req.expectBefore) return 'stale';
    if (before === req.after) return 'unchanged';
    this.apply(req.customerId, req.after);
    this.log.run(this.at, this.batchId, req.customerId, before, req.after, req.reason, req.undoes ?? null, this.actor);
    this.changed++;
    return 'changed';
  }

  /** The dashboard compares this time with its last profile's. */
  finish(): void {
    if (this.changed > 0) touchReference(this.db, this.at);
  }

  /** Replaces the customer's marker and reference values with the state the text describes. */
  private apply(customerId: number, text: string | null): void {
    this.clearMarker.run(customerId);
    this.clearValues.run(customerId);
    if (text === null) return;
    const state = JSON.parse(text) as VerificationState;
    if (state.verified) this.insertMarker.run(customerId, state.verified.at, state.verified.by);
    for (const v of state.values) this.insertValue.run(customerId, v.field, v.value, v.origin, v.detail, v.at);
  }
}
