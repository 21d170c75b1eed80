/**
 * A finished import must survive a power cut, not only a crash: its commit
 * is synced (synchronous = FULL), while everyday edits keep the cheaper
 * NORMAL. Power loss itself cannot be staged here; what is checked is the
 * setting SQLite applies to the import's own transaction, read from inside it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const FULL = 2;
const NORMAL = 1;

describe('durable imports', () => {
  it('commit an import with synchronous = FULL and leave the connection at NORMAL afterwards', async () => {
    const dir = tempDir();
    const csv = join(dir, 'c.csv');
    writeFileSync(csv, 'id,name\n1,Ada\n2,Grace\n');
    const db = openProject(join(dir, 'p.crmsteward'), { create: true });
    expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);
    const during: number[] = [];
    await importFiles(db, [{ path: csv }], {
      onProgress: (p) => {
        if (p.step === 'link') during.push(db.pragma('synchronous', { simple: true }) as number);
      },
    });
    expect(db.inTransaction).toBe(false);
    expect(during).toEqual([FULL]);
    expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);
    db.close();
  });
});
