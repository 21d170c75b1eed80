import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp.ts';
import { threeSourceProject } from './fix-fixture.ts';

const tempDir = useTempDir();

describe('what the history keeps for the UI to word, and what counts as changed since a fix run', () => {
  it('an edit names whose record it was; its undo and redo carry the edit they are about', async () => {
    const { service } = await threeSourceProject(tempDir(), 30);
    const first = (await service.invoke('customers:page', { startRow: 0, endRow: 1 })).rows[0];
    const name = String(first.full_name ?? '').trim() || [first.given_name, first.family_name].filter(Boolean).join(' ');
    const edit = await service.invoke('customers:update', { id: Number(first.id), field: 'city', value: 'Springfield', expectBefore: first.city });
    await service.invoke('history:undo', { mode: 'check' });
    await service.invoke('history:redo', { mode: 'check' });
    const [redo, undo, edited] = (await service.invoke('history:page', {})).rows;
    expect(edited.params).toEqual({ field: 'city', customer: Number(first.id), label: name });
    expect(undo.params).toMatchObject({ targetKind: 'edit', rootId: edit.batchId, rootKind: 'edit', root_field: 'city', root_label: name });
    // The redo reverses the undo, but is about the edit.
    expect(redo.params).toMatchObject({ targetKind: 'undo', rootId: edit.batchId, rootKind: 'edit', root_customer: Number(first.id) });
    service.dispose();
  }, 60_000);

  it('accepting, undoing and redoing the run’s own suggestions does not make them out of date; an edit does', async () => {
    const { service, waitForJob } = await threeSourceProject(tempDir(), 30);
    expect((await waitForJob((await service.invoke('fix:run', {})).jobId)).status).toBe('succeeded');
    const [one] = (await service.invoke('fix:page', { startRow: 0, endRow: 1, filter: { kind: 'change', status: 'open' } })).rows;
    await service.invoke('fix:decide', { action: 'accept', ids: [one.id] });
    await service.invoke('history:undo', { mode: 'check' });
    await service.invoke('history:redo', { mode: 'check' });
    expect((await service.invoke('fix:summary', {})).changedSince).toBe(0);
    const other = (await service.invoke('customers:page', { startRow: 5, endRow: 6 })).rows[0];
    await service.invoke('customers:update', { id: Number(other.id), field: 'city', value: 'Elsewhere', expectBefore: other.city });
    expect((await service.invoke('fix:summary', {})).changedSince).toBe(1);
    service.dispose();
  }, 60_000);
});
