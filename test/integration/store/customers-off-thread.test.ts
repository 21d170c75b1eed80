import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { CustomersRepo, type PageQuery } from '../../../main/store/customers-repo.ts';
import { IdQueryThread } from '../../../main/store/id-query-thread.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

/**
 * The grid's heavy queries (searches, sorts whose index does not exist yet)
 * run on the read thread for big projects. Differential: every page must be
 * exactly the page the plain path, on the service's own connection, gives.
 */
describe('customers pages computed on the read thread', () => {
  it('equal the pages computed on the connection itself, for sorts without an index, searches and filters', async () => {
    const dir = tempDir();
    const file = join(dir, 'export.csv');
    await writeCsvExport({ out: file, rows: 3000, seed: 11, preset: 'salesforce', quotedNewlineRate: 0, generate: { duplicateRate: 0.2 } });
    const path = join(dir, 'p.crmsteward');
    const db = openProject(path, { create: true });
    await importFiles(db, [{ path: file }]);
    const thread = new IdQueryThread({ path, key: null });
    const noIndexes = { requestSortIndexes: () => {} };
    const plain = new CustomersRepo(db, noIndexes);
    const offThread = new CustomersRepo(db, { ...noIndexes, offThread: { run: (sql, params) => thread.run(sql, params), worthIt: () => true } });
    const queries: Partial<PageQuery>[] = [
      { sortModel: [{ colId: 'family_name', sort: 'asc' }] },
      { sortModel: [{ colId: 'email', sort: 'desc' }, { colId: 'city', sort: 'asc' }], startRow: 1500, endRow: 1600 },
      { sortModel: [{ colId: 'source', sort: 'asc' }] },
      { quickFilter: 'gmail' },
      { quickFilter: 'a', sortModel: [{ colId: 'birth_date', sort: 'desc' }], startRow: 200, endRow: 260 },
      { filterModel: { email: { filterType: 'text', type: 'blank' } } },
    ];
    try {
      for (const q of queries) {
        const query: PageQuery = { startRow: 0, endRow: 100, sortModel: [], filterModel: {}, quickFilter: '', ...q };
        const expected = await plain.page(query);
        expect(expected.rows.length, JSON.stringify(q)).toBeGreaterThan(0);
        expect(await offThread.page(query), JSON.stringify(q)).toEqual(expected);
      }
      // No index was made on the way: these pages were sorted without one.
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'customers_sort_%'").pluck().get()).toBe(0);
    } finally {
      thread.close();
      db.close();
    }
  }, 60_000);
});
