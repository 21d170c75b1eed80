import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp.ts';
import { matchedProject } from './merge-fixture.ts';

const tempDir = useTempDir();

describe('new data after merging', () => {
  it('re-importing the same export queues nothing; a later export queues only the golden record a new record joins, ids kept', async () => {
    const dir = tempDir();
    const { service, waitForJob, csv, lines } = await matchedProject(dir);
    const bulk = await service.invoke('merge:bulk-accept', { threshold: 0.9 });
    expect((await waitForJob(bulk.jobId)).status).toBe('succeeded');
    const merged = await service.invoke('merge:summary', {});
    expect(merged.review).toBe(0);
    const goldenRows = (await service.invoke('merge:queue-page', { startRow: 0, endRow: 1000, filter: { status: 'merged' } })).rows;

    const again = await waitForJob((await service.invoke('import:start', { files: [{ path: csv, onDuplicate: 'import' }] })).jobId);
    expect((again.result as { update: unknown }[])[0].update).toMatchObject({ new: 0, changed: 0, gone: 0, unchanged: merged.customers });
    expect((await waitForJob((await service.invoke('match:start', { scope: 'new' })).jobId)).status).toBe('succeeded');
    expect(await service.invoke('merge:summary', {})).toMatchObject({ review: 0, merged: merged.merged, goldenRecords: merged.goldenRecords, customers: merged.customers });

    // Next month: the same records and one more, a copy of a merged customer under a new id.
    const golden = goldenRows[0];
    const member = (await service.invoke('merge:golden', { id: golden.id })).members[0];
    const copy = lines.find((l) => l.startsWith(`${member.sourceRecordId},`))!.replace(/^[^,]+/, 'CUST-9999999');
    const later = join(dir, 'customers-next-month.csv');
    writeFileSync(later, [...lines, copy].join('\n') + '\n');
    const next = await waitForJob((await service.invoke('import:start', { files: [{ path: later }] })).jobId);
    expect((next.result as { update: unknown }[])[0].update).toMatchObject({ new: 1, changed: 0, gone: 0 });
    expect((await waitForJob((await service.invoke('match:start', { scope: 'new' })).jobId)).status).toBe('succeeded');
    const queued = await service.invoke('merge:queue-page', { startRow: 0, endRow: 1000 });
    expect(queued.rows).toHaveLength(1);
    expect(queued.rows[0]).toMatchObject({ id: golden.id, size: golden.size + 1 });
    // Every other golden record is still merged under its id.
    const stillMerged = (await service.invoke('merge:queue-page', { startRow: 0, endRow: 1000, filter: { status: 'merged' } })).rows.map((r) => r.id);
    expect(stillMerged).toEqual(goldenRows.map((r) => r.id).filter((id) => id !== golden.id));
    const accepted = await service.invoke('merge:accept', { clusterId: golden.id });
    expect(accepted.goldenId).toBe(golden.id);
    service.dispose();
  }, 180_000);
});
