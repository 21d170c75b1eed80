/**
 * The engines that start threads of their own from a connection they were
 * given (profiling's second checker, matching's second preparer, the fix
 * run's standardiser) and the grid's read thread hand those
 * threads the project's key: on an encrypted project the second thread
 * opens its own connection and does its share, rather than failing (a
 * profile would fail) or being quietly replaced by this thread (matching
 * would prepare both halves itself).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestFixes } from '../../../main/fix/suggest-fixes.ts';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { maxCustomerId } from '../../../main/match/project/load-records.ts';
import { prepareProject } from '../../../main/match/project/prepare-project.ts';
import { profileProject } from '../../../main/quality/profile.ts';
import { IdQueryThread } from '../../../main/store/id-query-thread.ts';
import { openProject, projectAccess } from '../../../main/store/open-project.ts';
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

      // The grid's read thread runs its id queries on a read-only connection of its own, keyed.
      const reads = new IdQueryThread(projectAccess(db));
      try {
        const ids = await reads.run("SELECT c.id FROM customers c WHERE c.email LIKE ? ORDER BY c.id", ['p4999%']);
        expect(Array.from(ids)).toEqual(db.prepare("SELECT id FROM customers WHERE email LIKE 'p4999%' ORDER BY id").pluck().all());
        expect(ids.length).toBeGreaterThan(0);
      } finally {
        reads.close();
      }

      // A fix run standardises in a second thread, keyed too, with the same suggestions as on this thread.
      const inWorker = await suggestFixes(db, { parallelFrom: 0, now: new Date('2026-12-01T00:00:00Z') });
      const here = await suggestFixes(db, { parallelFrom: Number.MAX_SAFE_INTEGER, now: new Date('2026-12-01T00:00:00Z') });
      expect(inWorker.records).toBe(rows);
      expect({ suggestions: inWorker.suggestions, flags: inWorker.flags }).toEqual({ suggestions: here.suggestions, flags: here.flags });
    } finally {
      db.close();
    }
  }, 180_000);
});
