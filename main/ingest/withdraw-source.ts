/**
 * Withdrawing an imported source (issue 11): a file imported by mistake is
 * taken back. Nothing is deleted: its raw rows, quarantine and working
 * records stay, and the source is recorded in withdrawn_sources through the
 * one write path as a batch of kind 'withdraw' (entity 'source', field
 * 'withdrawn'). The `customers` view leaves its records out of every read
 * (009-withdrawn-sources.sql), so undo, redo and revert of that batch hide
 * and show them again exactly as they were.
 *
 * What the records took part in stays recorded too: golden-record
 * membership, accepted fixes, labels. While hidden they count nowhere (a
 * golden record is made of its visible members); brought back, they are
 * where they were. The preview says how many of each a withdrawal touches,
 * so the steward decides knowing it.
 */
import { AppError } from '../../shared/errors.ts';
import { writeBatch } from '../store/change-writer.ts';
import type { Db } from '../store/open-project.ts';

export interface WithdrawalPreview {
  sourceId: number;
  fileName: string;
  entity: string;
  /** When it was withdrawn; null while it is in the project. */
  withdrawnAt: string | null;
  /** The batch that withdrew it (for Bring back), when withdrawn. */
  batchId: number | null;
  /** Working records the withdrawal hides (or, once withdrawn, hides now). */
  customers: number;
  /** Of those, customers merged into golden records. */
  inGoldenRecords: number;
  /** Golden records that lose members. */
  goldenRecords: number;
  /** Of those, customers with changes accepted in the history (fixes, edits). */
  changedCustomers: number;
  /** Raw rows and quarantined rows, kept either way. */
  rawRows: number;
  quarantined: number;
}

/** A source named by its id ("3", "#3") or its file name, as the command line and the history say it. */
export function resolveSource(db: Db, ref: string): { id: number; fileName: string } {
  const trimmed = ref.trim();
  const byId = /^#?\d+$/.test(trimmed) ? (db.prepare('SELECT id, file_name fileName FROM sources WHERE id = ?').get(Number(trimmed.replace('#', ''))) as { id: number; fileName: string } | undefined) : undefined;
  if (byId) return byId;
  const byName = db.prepare('SELECT id, file_name fileName FROM sources WHERE file_name = ? ORDER BY id').all(trimmed) as { id: number; fileName: string }[];
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) throw new AppError('invalid_input', `${byName.length} sources are named "${trimmed}" (${byName.map((s) => `#${s.id}`).join(', ')}); name one by its id.`);
  throw new AppError('not_found', `This project has no source "${trimmed}".`);
}

export function withdrawalPreview(db: Db, sourceId: number): WithdrawalPreview {
  const source = db.prepare('SELECT id, file_name, entity FROM sources WHERE id = ?').get(sourceId) as { id: number; file_name: string; entity: string } | undefined;
  if (!source) throw new AppError('not_found', `This project has no source #${sourceId}.`);
  const withdrawnAt = (db.prepare('SELECT withdrawn_at FROM withdrawn_sources WHERE source_id = ?').pluck().get(sourceId) as string | undefined) ?? null;
  const one = (sql: string): number => db.prepare(sql).pluck().get(sourceId) as number;
  // Golden records the withdrawal takes members from (brought back, the members are where they were).
  const golden = db.prepare(
    'SELECT count(*) members, count(DISTINCT g.golden_id) records FROM golden_members g JOIN customer_records c ON c.id = g.customer_id WHERE c.source_id = ?',
  ).get(sourceId) as { members: number; records: number };
  return {
    sourceId,
    fileName: source.file_name,
    entity: source.entity,
    withdrawnAt,
    batchId: withdrawnAt === null ? null : withdrawingBatch(db, sourceId),
    customers: one('SELECT count(*) FROM customer_records WHERE source_id = ?'),
    inGoldenRecords: golden.members,
    goldenRecords: golden.records,
    changedCustomers: one(
      `SELECT count(*) FROM customer_records c WHERE c.source_id = ? AND EXISTS
         (SELECT 1 FROM change_log l JOIN change_batches b ON b.id = l.batch_id WHERE l.entity = 'customer' AND l.entity_id = c.id AND b.kind IN ('fix', 'edit'))`,
    ),
    rawRows: one('SELECT count(*) FROM raw_rows WHERE source_id = ?'),
    quarantined: one('SELECT count(*) FROM quarantine WHERE source_id = ?'),
  };
}

/** The newest batch that set the source's withdrawal (a withdraw, or a redo of one). */
function withdrawingBatch(db: Db, sourceId: number): number | null {
  return (db
    .prepare(`SELECT CAST(batch_id AS INTEGER) FROM change_log WHERE entity = 'source' AND entity_id = ? AND field = 'withdrawn' AND after IS NOT NULL ORDER BY id DESC LIMIT 1`)
    .pluck()
    .get(sourceId) as number | undefined) ?? null;
}

export interface WithdrawResult extends WithdrawalPreview {
  /** The history batch; null when the source was already withdrawn. */
  batchId: number | null;
}

/** Withdraws a source as one 'withdraw' batch of the change history. Withdrawing a withdrawn source changes nothing. */
export function withdrawSource(db: Db, sourceId: number, actor: string, at = new Date().toISOString()): WithdrawResult {
  const before = withdrawalPreview(db, sourceId);
  if (before.withdrawnAt !== null) return { ...before, batchId: null };
  const result = writeBatch(
    db,
    {
      kind: 'withdraw',
      actor,
      description: `Withdrew source #${sourceId} ${before.fileName} (${before.customers} customers hidden)`,
      params: { source: sourceId, fileName: before.fileName, customers: before.customers },
    },
    [{ customerId: sourceId, entity: 'source', field: 'withdrawn', after: at, reason: 'withdraw' }],
    { at },
  );
  return { ...withdrawalPreview(db, sourceId), batchId: result.batchId };
}

/** Every source's withdrawal, for the sources list. */
export function withdrawnSources(db: Db): Map<number, string> {
  const rows = db.prepare('SELECT source_id, withdrawn_at FROM withdrawn_sources').raw().all() as [number, string][];
  return new Map(rows);
}
