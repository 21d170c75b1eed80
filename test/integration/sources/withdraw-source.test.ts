import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobDone } from '../../../shared/contract.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { exportCsv, threeSourceProject } from '../fix/fix-fixture.ts';

const tempDir = useTempDir();

const idle = async (service: { context: { jobs: { busy(): boolean } } }) => {
  while (service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 20));
};

describe('withdrawing an imported source', () => {
  it('hides its customers from the grid, counts, quality, matching and export; undo brings back a byte-identical export; raw rows stay', async () => {
    const dir = tempDir();
    const { service, waitForJob, projectPath } = await threeSourceProject(dir, 120);
    const sources = await service.invoke('sources:list', {});
    expect(sources).toHaveLength(3);
    const hubspot = sources[1];
    const total = (await service.invoke('project:info', {}))!.customers;
    const kept = total - hubspot.imported;
    const before = await exportCsv(service, waitForJob, join(dir, 'before.csv'));
    const rawBefore = new Database(projectPath, { readonly: true }).prepare('SELECT count(*) FROM raw_rows').pluck().get() as number;

    const preview = await service.invoke('sources:withdrawal-preview', { sourceId: hubspot.id });
    expect(preview).toMatchObject({ sourceId: hubspot.id, fileName: 'hubspot.csv', withdrawnAt: null, customers: hubspot.imported, rawRows: hubspot.imported });

    const done = await service.invoke('sources:withdraw', { sourceId: hubspot.id });
    expect(done.withdrawnAt).not.toBeNull();
    expect(done.batchId).not.toBeNull();
    // Counts and the grid.
    expect((await service.invoke('project:info', {}))!).toMatchObject({ customers: kept, sources: 2 });
    expect((await service.invoke('customers:page', { startRow: 0, endRow: 1000 })).lastRow).toBe(kept);
    const grid = await service.invoke('customers:page', { startRow: 0, endRow: 1000 });
    expect(grid.rows.some((r) => r.source === 'hubspot.csv')).toBe(false);
    // The sources list says which is withdrawn.
    expect((await service.invoke('sources:list', {})).map((s) => s.withdrawnAt !== null)).toEqual([false, true, false]);
    // Export: the header and the kept records only.
    const withdrawn = await exportCsv(service, waitForJob, join(dir, 'withdrawn.csv'));
    expect(withdrawn.toString('utf8').trimEnd().split(/\r?\n/)).toHaveLength(kept + 1);
    // Quality: the service measured again without the source.
    await idle(service);
    const overview = (await service.invoke('quality:overview', {}))!;
    expect(overview.sources.map((s) => s.fileName)).toEqual(['salesforce.csv', 'erp.csv']);
    expect(overview.metrics.records).toBe(kept);
    expect(overview.newCustomers).toBe(0);
    // Matching sees only what is left.
    const match = await service.invoke('match:start', {});
    expect((await waitForJob(match.jobId)).status).toBe('succeeded');
    await idle(service);
    const summary = await service.invoke('match:summary', {});
    expect(summary.customers).toBe(kept);
    expect(summary.run!.records).toBe(kept);
    // History: one batch of kind withdraw with one change.
    const history = await service.invoke('history:page', {});
    expect(history.rows.find((b) => b.kind === 'withdraw')).toMatchObject({ changes: 1, actor: 'steward' });
    // Raw rows are all there.
    const check = new Database(projectPath, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM raw_rows').pluck().get()).toBe(rawBefore);
    expect(check.prepare('SELECT count(*) FROM customer_records').pluck().get()).toBe(total);
    check.close();

    // Undo the withdrawal (the match run wrote no batch): everything is back, byte for byte.
    expect((await service.invoke('history:page', {})).undo?.kind).toBe('withdraw');
    const undone = await service.invoke('history:undo', { mode: 'check' });
    expect(undone.batchId).not.toBeNull();
    expect((await service.invoke('project:info', {}))!.customers).toBe(total);
    const restored = await exportCsv(service, waitForJob, join(dir, 'restored.csv'));
    expect(restored.equals(before)).toBe(true);
    expect((await service.invoke('sources:list', {})).every((s) => s.withdrawnAt === null)).toBe(true);
    // Redo hides it again; Bring back is a revert batch that shows it again.
    await service.invoke('history:redo', { mode: 'check' });
    expect((await service.invoke('project:info', {}))!.customers).toBe(kept);
    const back = await service.invoke('sources:bring-back', { sourceId: hubspot.id });
    expect(back.withdrawnAt).toBeNull();
    expect((await service.invoke('history:page', {})).rows[0].kind).toBe('revert');
    expect((await exportCsv(service, waitForJob, join(dir, 'back.csv'))).equals(before)).toBe(true);
    await idle(service);
    service.dispose();
  }, 120_000);

  it('says how many golden-record members and fixed customers a withdrawal hides, and undo restores the golden export exactly', async () => {
    const dir = tempDir();
    const { service, waitForJob } = await threeSourceProject(dir, 120);
    const fixRun = await service.invoke('fix:run', {});
    expect((await waitForJob(fixRun.jobId)).status).toBe('succeeded');
    await idle(service);
    const accepted = await service.invoke('fix:decide', { action: 'accept', filter: { kind: 'change' } });
    if (accepted.jobId) expect((await waitForJob(accepted.jobId)).status).toBe('succeeded');
    await idle(service);
    const match = await service.invoke('match:start', {});
    expect((await waitForJob(match.jobId)).status).toBe('succeeded');
    await idle(service);
    const bulk = await service.invoke('merge:bulk-accept', { threshold: 0.5 });
    expect(((await waitForJob(bulk.jobId)) as JobDone).status).toBe('succeeded');
    await idle(service);
    const goldenPath = join(dir, 'golden-before.csv');
    const exportGolden = async (path: string) => {
      const { jobId } = await service.invoke('merge:export-start', { path, format: 'csv', layout: 'golden' });
      expect((await waitForJob(jobId)).status).toBe('succeeded');
      return (await import('node:fs')).readFileSync(path);
    };
    const goldenBefore = await exportGolden(goldenPath);
    const mergeBefore = await service.invoke('merge:summary', {});

    const [, hubspot] = await service.invoke('sources:list', {});
    const preview = await service.invoke('sources:withdrawal-preview', { sourceId: hubspot.id });
    expect(preview.inGoldenRecords).toBeGreaterThan(0);
    expect(preview.goldenRecords).toBeGreaterThan(0);
    expect(preview.changedCustomers).toBeGreaterThan(0);

    await service.invoke('sources:withdraw', { sourceId: hubspot.id });
    const mergeHidden = await service.invoke('merge:summary', {});
    expect(mergeHidden.customers).toBe(mergeBefore.customers - hubspot.imported);
    expect(mergeHidden.mergedCustomers).toBeLessThan(mergeBefore.mergedCustomers);
    // Every visible customer is in exactly one golden record.
    const goldenHidden = (await exportGolden(join(dir, 'golden-hidden.csv'))).toString('utf8');
    expect(goldenHidden).not.toContain('hubspot.csv');
    await idle(service);

    await service.invoke('history:undo', { mode: 'check' });
    expect(await service.invoke('merge:summary', {})).toEqual(mergeBefore);
    expect((await exportGolden(join(dir, 'golden-after.csv'))).equals(goldenBefore)).toBe(true);
    await idle(service);
    service.dispose();
  }, 180_000);

  it('refuses payloads the contract does not allow, and an unknown source', async () => {
    const dir = tempDir();
    const { service } = await threeSourceProject(dir, 20);
    for (const bad of [{}, { sourceId: 'x' }, { sourceId: 1.5 }, { sourceId: -1 }, { sourceId: 1, extra: true }]) {
      await expect(service.invokeUnknown('sources:withdraw', bad)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(service.invoke('sources:withdraw', { sourceId: 99 })).rejects.toMatchObject({ code: 'not_found' });
    // Withdrawing twice writes one batch.
    await service.invoke('sources:withdraw', { sourceId: 1 });
    expect((await service.invoke('sources:withdraw', { sourceId: 1 })).batchId).toBeNull();
    expect((await service.invoke('history:page', {})).rows.filter((b) => b.kind === 'withdraw')).toHaveLength(1);
    await idle(service);
    service.dispose();
  }, 60_000);
});
