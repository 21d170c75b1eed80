/**
 * The entity kinds of the change history, and what reversing needs of each:
 * how to read the value one change's (entity_id, field) holds now, to tell
 * whether a later change touched it (a conflict). Writing goes through the
 * one write path for every kind (change-writer.ts: customer fields through
 * its record writer, the others through entity-stores.ts), so a reversal is
 * the same for all: a new batch that sets each (entity, id, field) back to
 * what it held before the reversed changes.
 *
 * A kind is one entry here. 'customer' is the working record's fields,
 * exactly as before kinds existed; the others belong to merging (issue 10).
 */
import { AppError } from '../../shared/errors.ts';
import type { CellValue } from '../store/change-writer.ts';
import { entityStores } from '../store/entity-stores.ts';
import { currentValue } from '../store/history-repo.ts';
import type { Db } from '../store/open-project.ts';

export interface EntityKind {
  /** change_log.entity */
  entity: string;
  /** The value now; undefined when the entity itself is gone (a customer that does not exist). */
  current(db: Db, entityId: number, field: string): CellValue | undefined;
}

const customer: EntityKind = { entity: 'customer', current: currentValue };

const kinds = new Map<string, EntityKind>([
  ['customer', customer],
  ...Object.values(entityStores).map((s): [string, EntityKind] => [s.entity, { entity: s.entity, current: (db, id, field) => s.read(db, id, field) }]),
]);

export function entityKind(entity: string): EntityKind {
  const kind = kinds.get(entity);
  if (!kind) throw new AppError('invalid_input', `The change history holds changes of an unknown kind "${entity}"; this version cannot reverse them.`);
  return kind;
}
