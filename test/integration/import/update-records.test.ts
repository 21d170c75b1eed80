import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { undo } from '../../../main/history/history.ts';
import { writeBatch } from '../../../main/store/change-writer.ts';
import { openProject, type Db } from '../../../main/store/open-project.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

const header = 'Customer ID,First Name,Last Name,Email,Phone,City,Last Modified Date';
const january = [
  'K1,Ann,Lee,ann@x.com,+44 20 7946 0958,Leeds,2024-01-02 10:00:00',
  'K2,Bob,Ray,bob@x.com,+44 20 7946 0959,York,2024-01-03 10:00:00',
  'K3,Cai,Wu,cai@x.com,+44 20 7946 0960,Hull,2024-01-04 10:00:00',
  'K4,Dee,Fox,dee@x.com,+44 20 7946 0961,Bath,2024-01-05 10:00:00',
];
// February: K1 moved (city and update time), K2 unchanged, K3 gone, K4 unchanged, K5 new.
const february = [
  'K1,Ann,Lee,ann@x.com,+44 20 7946 0958,Derby,2024-02-10 09:30:00',
  january[1],
  january[3],
  'K5,Eve,Orr,eve@x.com,+44 20 7946 0962,Wells,2024-02-11 08:00:00',
];

function file(dir: string, name: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
  return path;
}

const customers = (db: Db) =>
  db.prepare('SELECT source_record_id id, city, updated_at, gone_since FROM customers ORDER BY source_record_id').all() as { id: string; city: string; updated_at: string; gone_since: string | null }[];

describe('a later export of a source already imported', () => {
  it('updates its records through the history: changed fields with the export\'s update time, new records added, missing ones marked gone', async () => {
    const dir = tempDir();
    const db = openProject(join(dir, 'p.crmsteward'), { create: true });
    await importFiles(db, [{ path: file(dir, 'crm-2024-01.csv', january) }]);
    const [second] = await importFiles(db, [{ path: file(dir, 'crm-2024-02.csv', february) }]);
    expect(second.update).toMatchObject({ system: 1, new: 1, changed: 1, unchanged: 2, gone: 1, back: 0 });
    expect(customers(db)).toEqual([
      { id: 'K1', city: 'Derby', updated_at: '2024-02-10 09:30:00', gone_since: null },
      { id: 'K2', city: 'York', updated_at: '2024-01-03 10:00:00', gone_since: null },
      { id: 'K3', city: 'Hull', updated_at: '2024-01-04 10:00:00', gone_since: expect.any(String) },
      { id: 'K4', city: 'Bath', updated_at: '2024-01-05 10:00:00', gone_since: null },
      { id: 'K5', city: 'Wells', updated_at: '2024-02-11 08:00:00', gone_since: null },
    ]);
    // Nothing imported is lost: both files' rows are kept verbatim.
    expect(db.prepare('SELECT count(*) FROM raw_rows').pluck().get()).toBe(8);
    const log = db.prepare("SELECT entity, entity_id, field, before, after, at FROM change_log ORDER BY id").all();
    expect(log).toEqual([
      { entity: 'customer', entity_id: 1, field: 'city', before: 'Leeds', after: 'Derby', at: '2024-02-10T09:30:00' },
      { entity: 'customer', entity_id: 1, field: 'updated_at', before: '2024-01-02 10:00:00', after: '2024-02-10 09:30:00', at: '2024-02-10T09:30:00' },
      { entity: 'presence', entity_id: 3, field: 'gone_since', before: null, after: expect.any(String), at: expect.any(String) },
    ]);
    expect(db.prepare('SELECT kind FROM change_batches').pluck().all()).toEqual(['import']);

    // The update is one batch: undone, the records are as January left them.
    undo(db, 'steward', 'check');
    expect(customers(db).filter((c) => c.id !== 'K5')).toEqual(january.map((l) => {
      const [id, , , , , city, updated] = l.split(',');
      return { id, city, updated_at: updated, gone_since: null };
    }));
    db.close();
  });

  it('keeps what a steward made of a field the source did not change, and brings back a record that returns', async () => {
    const dir = tempDir();
    const db = openProject(join(dir, 'p.crmsteward'), { create: true });
    await importFiles(db, [{ path: file(dir, 'jan.csv', january) }]);
    writeBatch(db, { kind: 'edit', actor: 'steward', description: 'edit' }, [{ customerId: 2, field: 'city', after: 'York (North Yorkshire)', reason: 'manual' }]);
    await importFiles(db, [{ path: file(dir, 'feb.csv', february) }]);
    expect(customers(db).find((c) => c.id === 'K2')?.city).toBe('York (North Yorkshire)');
    // March holds K3 again, with the city it always had: back in the source, nothing else to change.
    const [march] = await importFiles(db, [{ path: file(dir, 'mar.csv', [...february, january[2]]) }]);
    expect(march.update).toMatchObject({ new: 0, changed: 0, unchanged: 5, gone: 0, back: 1 });
    expect(customers(db).find((c) => c.id === 'K3')).toMatchObject({ city: 'Hull', gone_since: null });
    expect(customers(db).find((c) => c.id === 'K2')?.city).toBe('York (North Yorkshire)');
    db.close();
  });

  it('the same export again changes nothing; an unrelated file with the same layout is a new source, and --as-new imports anew', async () => {
    const dir = tempDir();
    const db = openProject(join(dir, 'p.crmsteward'), { create: true });
    const path = file(dir, 'jan.csv', january);
    await importFiles(db, [{ path }]);
    const [again] = await importFiles(db, [{ path, onDuplicate: 'import' }]);
    expect(again.update).toMatchObject({ new: 0, changed: 0, unchanged: 4, gone: 0, batchId: null });
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(4);
    const other = file(dir, 'other-shop.csv', january.map((l) => l.replace(/^K/, 'S')));
    expect((await importFiles(db, [{ path: other }]))[0].update).toBeNull();
    await importFiles(db, [{ path, onDuplicate: 'import', update: 'never' }]);
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(12);
    db.close();
  });
});
