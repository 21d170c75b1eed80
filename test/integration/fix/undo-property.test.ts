import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../main/fix/decide.ts';
import { suggestFixes } from '../../../main/fix/suggest-fixes.ts';
import { redo, stacks, undo, undoAll } from '../../../main/history/history.ts';
import { reverseBatch, reverseChange } from '../../../main/history/reverse-batch.ts';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { addReferenceValues, markVerified, unmarkVerified } from '../../../main/quality/reference.ts';
import { editableFields, writeBatch, type CellValue } from '../../../main/store/change-writer.ts';
import { openProject, type Db } from '../../../main/store/open-project.ts';
import { mulberry32 } from '../../../resources/generator/prng.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

/** Every working value of every customer, as stored (types included), every verification and reference value, and the raw rows' fingerprint. */
function snapshot(db: Db): { customers: unknown[]; verified: unknown[]; reference: unknown[]; raw: string } {
  const customers = db.prepare(`SELECT id, ${editableFields.join(', ')} FROM customers ORDER BY id`).raw().all();
  const verified = db.prepare('SELECT customer_id, verified_at, verified_by FROM quality_verified ORDER BY customer_id').raw().all();
  const reference = db.prepare('SELECT customer_id, field, value, origin, origin_detail, verified_at FROM quality_reference ORDER BY customer_id, field').raw().all();
  const raw = createHash('sha256');
  for (const r of db.prepare('SELECT id, cells_json, raw_text FROM raw_rows ORDER BY id').raw().iterate()) raw.update(JSON.stringify(r));
  return { customers, verified, reference, raw: raw.digest('hex') };
}

const values: CellValue[] = [null, '', 'x', ' Padded ', 12345, 'MÜLLER', '=1+2', '07/03/1985', '+44 20 7946 0958'];

/**
 * Random fixes, edits, verifications and their withdrawal, reverts (with
 * every conflict mode), undos and redos, then undo of everything: every
 * record must hold exactly what it held after import, every customer its
 * verification and reference values (a reference file's among them, which
 * marking replaces), and the raw rows must never have changed.
 */
describe('undoing everything after any sequence of changes', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`restores every record exactly (seed ${seed})`, async () => {
      const dir = tempDir();
      const csv = join(dir, 'c.csv');
      await writeCsvExport({ out: csv, rows: 60, seed: 100 + seed, preset: 'hubspot', quotedNewlineRate: 0 });
      const db = openProject(join(dir, 'p.crmsteward'), { create: true });
      await importFiles(db, [{ path: csv }]);
      const ids = db.prepare('SELECT id FROM customers').pluck().all() as number[];
      const rnd = mulberry32(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
      // A reference file's values for a third of the customers: marking one of them verified replaces some, undoing it must bring them back.
      addReferenceValues(db, ids.filter(() => rnd() < 0.33).flatMap((id) => [{ customerId: id, field: 'email', value: `ref${id}@example.com` }, { customerId: id, field: 'city', value: null }]), 'verified.csv', new Date('2026-01-02T03:04:05Z'));
      const start = snapshot(db);
      // Odd seeds standardise in the second thread, even ones on this one: both must give the same suggestions.
      await suggestFixes(db, { parallelFrom: seed % 2 ? 0 : Infinity });
      for (let step = 0; step < 80; step++) {
        const op = pick(['edit', 'edit', 'fix', 'verify', 'unverify', 'undo', 'redo', 'revert', 'revert-change', 'rerun']);
        const batchIds = db.prepare('SELECT id FROM change_batches').pluck().all() as number[];
        if (op === 'edit') {
          const changes = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({ customerId: pick(ids), field: pick(editableFields), after: pick(values), reason: 'manual' }));
          writeBatch(db, { kind: 'edit', actor: 'test', description: 'random edit' }, changes);
        } else if (op === 'verify') {
          // A given time per step, so a re-marking always changes something the log must restore.
          markVerified(db, Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(ids)), { at: new Date(Date.UTC(2026, 1, 1, 0, step)), by: pick([undefined, 'ann']), actor: 'test' });
        } else if (op === 'unverify') {
          const verified = db.prepare('SELECT customer_id FROM quality_verified').pluck().all() as number[];
          if (verified.length) unmarkVerified(db, verified.filter(() => rnd() < 0.5), { actor: 'test' });
        } else if (op === 'fix') {
          const open = db.prepare("SELECT id FROM fix_suggestions WHERE status = 'open' AND kind = 'change' AND run_id = (SELECT id FROM fix_runs WHERE status = 'current')").pluck().all() as number[];
          if (open.length) decide(db, 'accept', { ids: open.filter(() => rnd() < 0.3) }, { actor: 'test' });
        } else if (op === 'undo' && stacks(db).undo.length) undo(db, 'test', pick(['check', 'skip', 'overwrite'] as const));
        else if (op === 'redo' && stacks(db).redo.length) redo(db, 'test', pick(['check', 'skip', 'overwrite'] as const));
        else if (op === 'revert' && batchIds.length) reverseBatch(db, pick(batchIds), 'revert', 'test', pick(['check', 'skip', 'overwrite'] as const));
        else if (op === 'revert-change') {
          const changeIds = db.prepare('SELECT id FROM change_log').pluck().all() as number[];
          if (changeIds.length) reverseChange(db, pick(changeIds), 'test', pick(['check', 'skip', 'overwrite'] as const));
        } else if (op === 'rerun') await suggestFixes(db);
      }
      expect(db.prepare('SELECT count(*) FROM change_batches').pluck().get()).toBeGreaterThan(10);
      expect(snapshot(db).customers).not.toEqual(start.customers);
      // The walk did verify (and the property covers it): some batches are verifications.
      expect(db.prepare("SELECT count(*) FROM change_batches WHERE kind = 'verify'").pluck().get()).toBeGreaterThan(0);
      undoAll(db, 'test');
      expect(snapshot(db)).toEqual(start);
      expect(stacks(db).undo).toEqual([]);
      db.close();
    }, 60_000);
  }
});

describe('standardising in a second thread', () => {
  it('stores exactly the suggestions the job thread would', async () => {
    const dir = tempDir();
    const csv = join(dir, 'c.csv');
    await writeCsvExport({ out: csv, rows: 300, seed: 77, preset: 'hubspot', quotedNewlineRate: 0 });
    const db = openProject(join(dir, 'p.crmsteward'), { create: true });
    await importFiles(db, [{ path: csv }]);
    const rows = (runId: number) => db.prepare('SELECT customer_id, field, kind, rule, before, after, confidence, params FROM fix_suggestions WHERE run_id = ? ORDER BY customer_id, field, rule').raw().all(runId);
    const here = await suggestFixes(db, { parallelFrom: Infinity });
    const there = await suggestFixes(db, { parallelFrom: 0 });
    expect(there.suggestions).toBe(here.suggestions);
    expect(rows(there.runId)).toEqual(rows(here.runId));
    expect(rows(here.runId).length).toBeGreaterThan(300);
    db.close();
  }, 60_000);
});
