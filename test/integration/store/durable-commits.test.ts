import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../main/fix/decide.ts';
import { suggestFixes } from '../../../main/fix/suggest-fixes.ts';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { dedupeProject } from '../../../main/match/project/dedupe-project.ts';
import { bulkAccept } from '../../../main/match/review/bulk-accept.ts';
import { accept } from '../../../main/match/review/decisions.ts';
import { openProject, type Db } from '../../../main/store/open-project.ts';
import { durably } from '../../../main/store/durable-commit.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { useTempDir } from '../../helpers/temp.ts';

/**
 * An import or a merge said to be done survives a power cut: its commit runs
 * with synchronous = FULL (the WAL synced at the commit), and the project's
 * usual NORMAL is back afterwards. SQLite refuses to change the level inside
 * a transaction, so the level a write's own statements see is the level its
 * commit uses: a temporary trigger records it from inside the transaction.
 */
const tempDir = useTempDir();
const NORMAL = 1;
const FULL = 2;

/** Records the synchronous level in force whenever a row goes into `table`, from inside the writing transaction. */
function probe(db: Db, table: string): () => number[] {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS probe (level INTEGER)`);
  db.exec(`CREATE TEMP TRIGGER probe_${table} AFTER INSERT ON main.${table} BEGIN INSERT INTO probe SELECT synchronous FROM pragma_synchronous; END`);
  return () => {
    const levels = db.prepare('SELECT DISTINCT level FROM probe').pluck().all() as number[];
    db.exec('DELETE FROM probe');
    return levels;
  };
}

describe('synchronous = FULL on the commits of an import and of a merge', () => {
  it('an import, a bulk merge and one accepted merge commit with FULL; a fix batch keeps NORMAL; the level is put back', async () => {
    const dir = tempDir();
    const csv = join(dir, 'crm.csv');
    await writeCsvExport({ out: csv, rows: 300, seed: 5, preset: 'generic', quotedNewlineRate: 0, generate: { duplicateRate: 0.4 } });
    const db = openProject(join(dir, 'p.crmsteward'), { create: true });
    try {
      expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);
      const sources = probe(db, 'sources');
      const batches = probe(db, 'change_batches');

      await importFiles(db, [{ path: csv }]);
      expect(sources()).toEqual([FULL]);
      expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);

      // The probe tells the levels apart: a fix batch is not synced at its commit.
      await suggestFixes(db);
      decide(db, 'accept', { filter: { kind: 'change' } }, { actor: 'test' });
      expect(batches()).toEqual([NORMAL]);

      await dedupeProject(db, { threshold: 0.6 });
      const one = db.prepare("SELECT id FROM match_clusters WHERE status = 'review' ORDER BY weakest LIMIT 1").pluck().get() as number;
      accept(db, one, 'test');
      expect(batches()).toEqual([FULL]);
      expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);

      const r = bulkAccept(db, 0.5, {}, { actor: 'test' });
      expect(r.clusters).toBeGreaterThan(5);
      expect(batches()).toEqual([FULL]);
      expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);

      // A failed import puts the level back too.
      await expect(importFiles(db, [{ path: join(dir, 'missing.csv') }])).rejects.toThrow();
      expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);
    } finally {
      db.close();
    }
  });

  it('durably keeps a level already FULL or higher and restores after a throw or a rejected promise', async () => {
    const db = openProject(join(tempDir(), 'p.crmsteward'), { create: true });
    try {
      expect(() => durably(db, () => {
        expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
        throw new Error('no');
      })).toThrow('no');
      expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);
      await expect(durably(db, async () => {
        await Promise.resolve();
        expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
        throw new Error('later');
      })).rejects.toThrow('later');
      expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);
      db.pragma('synchronous = EXTRA');
      durably(db, () => expect(db.pragma('synchronous', { simple: true })).toBe(3));
      expect(db.pragma('synchronous', { simple: true })).toBe(3);
    } finally {
      db.close();
    }
  });
});
