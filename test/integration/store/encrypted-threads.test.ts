/**
 * The engines that start threads of their own from a connection they were
 * given (profiling's second checker, matching's second preparer) hand those
 * threads the project's key: on an encrypted project the second thread
 * opens its own connection and does its share, rather than failing (a
 * profile would fail) or being quietly replaced by this thread (matching
 * would prepare both halves itself).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { maxCustomerId } from '../../../main/match/project/load-records.ts';
import { prepareProject } from '../../../main/match/project/prepare-project.ts';
import { profileProject } from '../../../main/quality/profile.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { newKey } from '../../../main/store/project-key.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

describe('threads on an encrypted project', () => {
  it('check and prepare their share with their own keyed connection', async () => {
    const dir = tempDir();
    const csv = join(dir, 'c.csv');
    // Enough customers for profiling to use two checking threads (40,000 each at least).
    const rows = 82_000;
    const lines = ['id,first_name,last_name,email,phone,country'];
    for (let i = 0; i < rows; i++) lines.push(`${i},Given${i % 500},Family${i % 3000},p${i}@example.com,+49 30 ${String(1000000 + i)},DE`);
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const db = openProject(join(dir, 'p.crmsteward'), { create: true, key: await newKey('threads passphrase') });
    try {
      await importFiles(db, [{ path: csv }]);
      const profile = await profileProject(db, { threads: 2, now: new Date('2026-12-01T00:00:00Z') });
      expect(profile.metrics.records).toBe(rows);

      const threads: boolean[] = [];
      const prepared = await prepareProject(db, maxCustomerId(db), { workers: 2, parallelFrom: 0, onSecondThread: (used) => threads.push(used) });
      expect(threads).toEqual([true]);
      expect(prepared.n).toBe(rows);
    } finally {
      db.close();
    }
  }, 180_000);
});
