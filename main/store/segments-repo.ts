/**
 * SQL of k-means segmentations (migration 011): reading the customers'
 * feature columns, writing a run beside the current one and switching to
 * it, reading the current one back. What the values mean is the segment
 * engine's (main/segment/).
 */
import type { Db } from './open-project.ts';

/** The customers table's columns a feature may read; anything else is refused before it reaches SQL. */
const readableColumns = new Set(['birth_date', 'country', 'income', 'extra_json']);

/** Every customer (withdrawn sources excluded by the view) as [id, source id, record id, …columns], in id order. */
export function iterateFeatureRows(db: Db, columns: readonly string[]): IterableIterator<unknown[]> {
  for (const c of columns) if (!readableColumns.has(c)) throw new Error(`Not a feature column: ${c}`);
  const extra = columns.map((c) => `, c.${c}`).join('');
  return db.prepare(`SELECT c.id, c.source_id, c.source_record_id${extra} FROM customers c ORDER BY c.id`).raw().iterate() as IterableIterator<unknown[]>;
}

export function sourceFileNames(db: Db): Map<number, string> {
  return new Map(db.prepare('SELECT id, file_name FROM sources').raw().all() as [number, string][]);
}

/** One column of the newest RFM run by entity id (a customer's id in a per-customer run). */
export function rfmScoreColumn(db: Db, column: 'recency_days' | 'frequency' | 'monetary'): Map<number, number> {
  return new Map(db.prepare(`SELECT entity_id, ${column} FROM rfm_scores`).raw().all() as [number, number][]);
}

/** The first `limit` customers' extra columns (JSON text), to see which extra columns hold numbers. */
export function sampleExtraJson(db: Db, limit: number): string[] {
  return db.prepare('SELECT extra_json FROM customers WHERE extra_json IS NOT NULL ORDER BY id LIMIT ?').pluck().all(limit) as string[];
}

export interface SegmentationRow {
  id: number;
  created_at: string;
  as_of: string;
  k: number;
  seed: number;
  starts: number;
  features: string;
  inertia: number;
  silhouette: number | null;
  silhouette_sample: number;
  records: number;
  missing: number;
  missing_by_feature: string;
  sample: string;
}

export interface SegmentRow {
  segment: number;
  name: string | null;
  size: number;
  centroid_z: string;
}

export type NewSegmentation = Omit<SegmentationRow, 'id'>;

export function insertSegmentation(db: Db, s: NewSegmentation, segments: SegmentRow[]): number {
  const id = Number(db.prepare(`INSERT INTO segmentations (created_at, as_of, k, seed, starts, features, inertia, silhouette, silhouette_sample, records, missing, missing_by_feature, sample)
    VALUES (@created_at, @as_of, @k, @seed, @starts, @features, @inertia, @silhouette, @silhouette_sample, @records, @missing, @missing_by_feature, @sample)`).run(s).lastInsertRowid);
  const seg = db.prepare('INSERT INTO segments (segmentation_id, segment, name, size, centroid_z) VALUES (?, ?, ?, ?, ?)');
  for (const r of segments) seg.run(id, r.segment, r.name, r.size, r.centroid_z);
  return id;
}

/**
 * Adds members given as [customer id, segment or null, missing features JSON
 * or null] rows: one statement per chunk through json_each, several times
 * faster than a statement per customer at a million.
 */
export function insertMembers(db: Db, segmentationId: number, rows: readonly (readonly [number, number | null, string | null])[]): void {
  db.prepare(`INSERT INTO segment_members (segmentation_id, customer_id, segment, missing)
    SELECT ?, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)`).run(segmentationId, JSON.stringify(rows));
}

/** The new segmentation becomes current; the older ones (and their members) go. */
export function makeCurrent(db: Db, id: number): void {
  db.prepare('DELETE FROM segmentations WHERE id <> ?').run(id);
  db.prepare('UPDATE segmentations SET is_current = 1 WHERE id = ?').run(id);
}

export function currentSegmentation(db: Db): { row: SegmentationRow; segments: SegmentRow[] } | null {
  const row = db.prepare('SELECT * FROM segmentations WHERE is_current = 1').get() as (SegmentationRow & { is_current: number }) | undefined;
  if (!row) return null;
  const segments = db.prepare('SELECT segment, name, size, centroid_z FROM segments WHERE segmentation_id = ? ORDER BY segment').all(row.id) as SegmentRow[];
  return { row, segments };
}

export function renameSegment(db: Db, segmentationId: number, segment: number, name: string | null): number {
  return db.prepare('UPDATE segments SET name = ? WHERE segmentation_id = ? AND segment = ?').run(name, segmentationId, segment).changes;
}

/** `SELECT customer_id …` of a segment's members, or of the customers missing a feature (segment null), for the grid's restriction. */
export function segmentMembersSql(segmentationId: number, segment: number | null): { sql: string; params: unknown[] } {
  return segment === null
    ? { sql: 'SELECT customer_id FROM segment_members WHERE segmentation_id = ? AND segment IS NULL', params: [segmentationId] }
    : { sql: 'SELECT customer_id FROM segment_members WHERE segmentation_id = ? AND segment = ?', params: [segmentationId, segment] };
}

