import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobDone } from '../../../shared/contract.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { exportCsv, threeSourceProject } from './fix-fixture.ts';

const tempDir = useTempDir();

describe('fixing a messy three-source export through the service', () => {
  it('suggests, applies every suggestion, and undoing everything gives a byte-identical export', async () => {
    const dir = tempDir();
    const { service, waitForJob } = await threeSourceProject(dir);
    const before = await exportCsv(service, waitForJob, join(dir, 'before.csv'));

    const run = await service.invoke('fix:run', {});
    const done = (await waitForJob(run.jobId)) as JobDone;
    expect(done.status).toBe('succeeded');
    const summary = await service.invoke('fix:summary', {});
    const open = summary.byRule.filter((r) => r.kind === 'change').reduce((s, r) => s + r.open, 0);
    expect(open).toBeGreaterThan(100);
    expect(summary.byRule.map((r) => r.rule)).toEqual(expect.arrayContaining(['phone_e164', 'country_iso']));

    // Every open change suggestion: more than fit inline, so it runs as a job.
    const decided = await service.invoke('fix:decide', { action: 'accept', filter: { kind: 'change' } });
    if (decided.jobId) expect((await waitForJob(decided.jobId)).status).toBe('succeeded');
    const after = await exportCsv(service, waitForJob, join(dir, 'after.csv'));
    expect(after.equals(before)).toBe(false);
    const accepted = (await service.invoke('fix:summary', {})).byRule.reduce((s, r) => s + r.accepted, 0);
    expect(accepted).toBe(open);

    // The history holds one batch for the whole accept; undo it.
    const history = await service.invoke('history:page', {});
    expect(history.undo?.kind).toBe('fix');
    const undone = await service.invoke('history:undo', { mode: 'skip' });
    if (undone.jobId) expect((await waitForJob(undone.jobId)).status).toBe('succeeded');
    const restored = await exportCsv(service, waitForJob, join(dir, 'restored.csv'));
    expect(restored.equals(before)).toBe(true);
    // The suggestions are open again, and redo puts every value back.
    expect((await service.invoke('fix:summary', {})).byRule.reduce((s, r) => s + r.accepted, 0)).toBe(0);
    const redone = await service.invoke('history:redo', { mode: 'skip' });
    if (redone.jobId) expect((await waitForJob(redone.jobId)).status).toBe('succeeded');
    expect((await exportCsv(service, waitForJob, join(dir, 'redone.csv'))).equals(after)).toBe(true);
    expect((await service.invoke('fix:summary', {})).byRule.reduce((s, r) => s + r.accepted, 0)).toBe(open);
    service.dispose();
  }, 120_000);

  it('an edit goes through the history: undo restores the value, redo re-applies it, and both survive reopening the project', async () => {
    const dir = tempDir();
    const { service, projectPath } = await threeSourceProject(dir, 40);
    const first = (await service.invoke('customers:page', { startRow: 0, endRow: 1 })).rows[0];
    const edited = await service.invoke('customers:update', { id: Number(first.id), field: 'email', value: 'new.address@example.org', expectBefore: first.email });
    expect(edited.customer.email).toBe('new.address@example.org');
    // A second editor who saw the old value is told it changed, and nothing is overwritten.
    const late = await service.invoke('customers:update', { id: Number(first.id), field: 'email', value: 'other@example.org', expectBefore: first.email });
    expect(late.stale).toBe(true);
    expect(late.customer.email).toBe('new.address@example.org');

    await service.invoke('project:close', {});
    await service.invoke('project:open', { path: projectPath });
    const state = await service.invoke('history:page', {});
    expect(state.undo?.kind).toBe('edit');
    await service.invoke('history:undo', { mode: 'check' });
    expect((await service.invoke('customers:get', { id: Number(first.id) })).customer.email).toBe(first.email);

    await service.invoke('project:close', {});
    await service.invoke('project:open', { path: projectPath });
    expect((await service.invoke('history:page', {})).redo?.kind).toBe('undo');
    await service.invoke('history:redo', { mode: 'check' });
    expect((await service.invoke('customers:get', { id: Number(first.id) })).customer.email).toBe('new.address@example.org');
    service.dispose();
  }, 60_000);
});

describe('quality before and after fixing', () => {
  it('the dashboard compares each score with the profile taken before the first change', async () => {
    const dir = tempDir();
    const { service, waitForJob } = await threeSourceProject(dir, 120);
    expect((await service.invoke('quality:before-after', {})).before).toBeNull();
    const run = await service.invoke('fix:run', {});
    await waitForJob(run.jobId);
    const accepted = await service.invoke('fix:decide', { action: 'accept', filter: { rule: 'phone_e164' } });
    if (accepted.jobId) await waitForJob(accepted.jobId);
    let ba = await service.invoke('quality:before-after', {});
    expect(ba.firstChangeAt).not.toBeNull();
    // The profile the service took after the import is "before"; nothing has been measured since.
    expect(ba.before).not.toBeNull();
    expect(ba.after).toBeNull();
    // Changed since the last profile until the dashboard is measured again.
    expect(ba.changedSinceProfile).toBeGreaterThan(0);
    const profile = await service.invoke('quality:profile-start', {});
    await waitForJob(profile.jobId);
    ba = await service.invoke('quality:before-after', {});
    expect(ba.changedSinceProfile).toBe(0);
    // E.164 phones are one format per column: consistency rises; nothing else may fall.
    expect(ba.after!.overall.consistency!).toBeGreaterThan(ba.before!.overall.consistency!);
    expect(ba.after!.overall.validity!).toBeGreaterThanOrEqual(ba.before!.overall.validity!);
    service.dispose();
  }, 60_000);
});
