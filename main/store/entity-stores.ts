/**
 * Where the change history's entity kinds other than 'customer' keep their
 * values (008-golden-records.sql), and how the one write path reads and sets
 * one of them. A change to any of them is a change_log row like a customer
 * field's: (entity, entity_id, field, before, after), so undo, redo and
 * revert treat them alike (main/history/entity-kinds.ts). Each store is
 * plain SQL: what a value means is the engines' business.
 *
 * Field names never repeat a customer field's, so one record's changes of
 * different kinds never share an (entity_id, field) key in a batch.
 */
import { AppError } from '../../shared/errors.ts';
import type { Db } from './open-project.ts';
import { readVerificationText, touchReference, writeVerification } from './verification-store.ts';

export type CellValue = string | number | null;

export interface EntityStore {
  /** change_log.entity */
  readonly entity: string;
  /** Whether `field` names a value of this kind (anything else is refused before it is written). */
  accepts(field: string): boolean;
  /** The value now; null when there is none. */
  read(db: Db, id: number, field: string): CellValue;
  write(db: Db, id: number, field: string, value: CellValue): void;
  /** Once per batch that changed values of this kind, inside its transaction. */
  afterBatch?(db: Db, at: string): void;
}

/** Prepared statements per connection: a batch writes hundreds of thousands of values. */
function statements<T>(make: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let s = cache.get(db);
    if (!s) cache.set(db, (s = make(db)));
    return s;
  };
}

const golden = statements((db) => ({
  read: db.prepare('SELECT golden_id FROM golden_members WHERE customer_id = ?').pluck(),
  set: db.prepare('INSERT INTO golden_members (customer_id, golden_id) VALUES (?, ?) ON CONFLICT(customer_id) DO UPDATE SET golden_id = excluded.golden_id'),
  clear: db.prepare('DELETE FROM golden_members WHERE customer_id = ?'),
  // The suggestion holding this customer may now be merged, or no longer: the queue recomputes it when read.
  dirty: db.prepare('UPDATE match_clusters SET dirty = 1 WHERE id = (SELECT cluster_id FROM match_members WHERE customer_id = ?) AND dirty = 0'),
}));

const picks = statements((db) => ({
  read: db.prepare('SELECT picked_at FROM golden_picks WHERE customer_id = ? AND field = ?').pluck(),
  set: db.prepare('INSERT INTO golden_picks (customer_id, field, picked_at) VALUES (?, ?, ?) ON CONFLICT(customer_id, field) DO UPDATE SET picked_at = excluded.picked_at'),
  clear: db.prepare('DELETE FROM golden_picks WHERE customer_id = ? AND field = ?'),
}));

const labels = statements((db) => ({
  read: db.prepare('SELECT label FROM match_labels WHERE a = ? AND b = ?').pluck(),
  set: db.prepare('INSERT INTO match_labels (a, b, label) VALUES (?, ?, ?) ON CONFLICT(a, b) DO UPDATE SET label = excluded.label'),
  clear: db.prepare('DELETE FROM match_labels WHERE a = ? AND b = ?'),
}));

const suggestions = statements((db) => ({
  read: db.prepare('SELECT cluster_id FROM match_members WHERE customer_id = ?').pluck(),
  set: db.prepare('INSERT INTO match_members (customer_id, cluster_id, probability) VALUES (?, ?, 0) ON CONFLICT(customer_id) DO UPDATE SET cluster_id = excluded.cluster_id'),
  clear: db.prepare('DELETE FROM match_members WHERE customer_id = ?'),
  // A cluster a customer joins or leaves is recomputed when the queue is read next (its row may be new).
  dirty: db.prepare(`INSERT INTO match_clusters (id, size, sources, min_probability, max_probability, dirty) VALUES (?, 0, 0, 0, 0, 1)
    ON CONFLICT(id) DO UPDATE SET dirty = 1`),
}));

const presence = statements((db) => ({
  read: db.prepare('SELECT gone_since FROM customer_records WHERE id = ?').pluck(),
  set: db.prepare('UPDATE customer_records SET gone_since = ? WHERE id = ?'),
}));

const withdrawals = statements((db) => ({
  read: db.prepare('SELECT withdrawn_at FROM withdrawn_sources WHERE source_id = ?').pluck(),
  set: db.prepare('INSERT INTO withdrawn_sources (source_id, withdrawn_at) VALUES (?, ?) ON CONFLICT(source_id) DO UPDATE SET withdrawn_at = excluded.withdrawn_at'),
  clear: db.prepare('DELETE FROM withdrawn_sources WHERE source_id = ?'),
  // The suggestions holding the source's records are recomputed when the queue is read next (members appear or vanish).
  // A cluster left with one visible member was dropped from the queue: bringing the source back makes its row again.
  dirty: db.prepare(`INSERT INTO match_clusters (id, size, sources, min_probability, max_probability, dirty)
    SELECT DISTINCT m.cluster_id, 0, 0, 0, 0, 1 FROM match_members m JOIN customer_records c ON c.id = m.customer_id WHERE c.source_id = ? AND true
    ON CONFLICT(id) DO UPDATE SET dirty = 1`),
}));

export const PICK_PREFIX = 'pick:';
export const PAIR_PREFIX = 'pair:';

/** The customer field a pick's change_log field names ('pick:email' → 'email'). */
export function pickedField(field: string): string {
  return field.slice(PICK_PREFIX.length);
}

/** The other customer of a label's change_log row ('pair:42' → 42; entity_id is the smaller one). */
export function pairPartner(field: string): number {
  return Number(field.slice(PAIR_PREFIX.length));
}

const text = (v: CellValue): string | null => (v === null ? null : String(v));

export const entityStores: Readonly<Record<string, EntityStore>> = {
  // The steward's marker and the reference values accuracy is measured against, as one JSON text (shared/domain/verification.ts).
  verification: {
    entity: 'verification',
    accepts: (field) => field === 'verified',
    read: (db, id) => readVerificationText(db, id),
    write: (db, id, _field, value) => writeVerification(db, id, text(value)),
    afterBatch: (db, at) => touchReference(db, at),
  },
  golden: {
    entity: 'golden',
    accepts: (field) => field === 'golden_id',
    read: (db, id) => (golden(db).read.get(id) as number | undefined) ?? null,
    write(db, id, _field, value) {
      const s = golden(db);
      if (value === null) s.clear.run(id);
      else s.set.run(id, Number(value));
      s.dirty.run(id);
    },
  },
  golden_pick: {
    entity: 'golden_pick',
    accepts: (field) => field.startsWith(PICK_PREFIX),
    read: (db, id, field) => (picks(db).read.get(id, pickedField(field)) as string | undefined) ?? null,
    write(db, id, field, value) {
      const s = picks(db);
      if (value === null) s.clear.run(id, pickedField(field));
      else s.set.run(id, pickedField(field), text(value));
    },
  },
  match_label: {
    entity: 'match_label',
    accepts: (field) => field.startsWith(PAIR_PREFIX) && pairPartner(field) > 0,
    read: (db, id, field) => (labels(db).read.get(id, pairPartner(field)) as string | undefined) ?? null,
    write(db, id, field, value) {
      const s = labels(db);
      if (value === null) s.clear.run(id, pairPartner(field));
      else s.set.run(id, pairPartner(field), text(value));
    },
  },
  match_cluster: {
    entity: 'match_cluster',
    accepts: (field) => field === 'cluster_id',
    read: (db, id) => (suggestions(db).read.get(id) as number | undefined) ?? null,
    write(db, id, _field, value) {
      const s = suggestions(db);
      const before = s.read.get(id) as number | undefined;
      if (before !== undefined) s.dirty.run(before);
      if (value === null) s.clear.run(id);
      else (s.set.run(id, Number(value)), s.dirty.run(Number(value)));
    },
  },
  presence: {
    entity: 'presence',
    accepts: (field) => field === 'gone_since',
    read: (db, id) => (presence(db).read.get(id) as string | null | undefined) ?? null,
    write(db, id, _field, value) {
      if (presence(db).set.run(text(value), id).changes === 0) throw new AppError('not_found', `Customer ${id} does not exist in this project.`);
    },
  },
  // A source's withdrawal (009-withdrawn-sources.sql): entity_id is the source's id, the value the time it was withdrawn.
  source: {
    entity: 'source',
    accepts: (field) => field === 'withdrawn',
    read: (db, id) => (withdrawals(db).read.get(id) as string | undefined) ?? null,
    write(db, id, _field, value) {
      const s = withdrawals(db);
      if (value === null) s.clear.run(id);
      else s.set.run(id, text(value));
      s.dirty.run(id);
    },
  },
};

export function entityStore(entity: string): EntityStore {
  const store = Object.hasOwn(entityStores, entity) ? entityStores[entity] : undefined;
  if (!store) throw new AppError('invalid_input', `The change history has no entity kind "${entity}".`);
  return store;
}
