/**
 * Marking records verified is a change in the history: a batch of kind
 * 'verify' that undo, redo and revert reverse like an edit, through the
 * service on a real project, with accuracy measured by real profiles.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobDone } from '../../../shared/contract.ts';
import { makeService } from '../match/match-fixture.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

const customers = ['Customer ID,Email,City', 'C1,ann.lee@gmail.com,Leeds', 'C2,bob.young@gmail.com,York', 'C3,,Hull', 'C4,di.wu@gmail.com,Bath', 'C5,,Ely', 'C6,n/a,Wells'].join('\n');
// Worked out by hand (as in reference-import.test.ts): email C1 TP · C2 FP · C3 FN · C4 FP · C5 TN; city 5 TP → TP 6, TN 1, FP 2, FN 1.
const reference = ['Customer ID,Email,City', 'C1,ann.lee@gmail.com,Leeds', 'C2,robert.young@gmail.com,York', 'C3,cy.xu@gmail.com,Hull', 'C4,,Bath', 'C5,,Ely'].join('\n');
const fromFile = { tp: 6, tn: 1, fp: 2, fn: 1 };
// C2 and C6 verified by a steward: C2's frozen values replace the file's (its email is now TP, not FP), C6 adds email TN ("n/a"
// is verified empty) and city TP → TP 8, TN 2, FP 1, FN 1.
const withVerified = { tp: 8, tn: 2, fp: 1, fn: 1 };

async function project() {
  const dir = tempDir();
  const { service, events, waitForJob } = makeService(dir);
  const file = (name: string, text: string): string => (writeFileSync(join(dir, name), text), join(dir, name));
  await service.invoke('project:create', { path: join(dir, 'p.crmsteward') });
  const imp = await service.invoke('import:start', { files: [{ path: file('customers.csv', customers) }] });
  expect((await waitForJob(imp.jobId)).status).toBe('succeeded');
  while (!events.some((e) => e.event === 'job:done' && (e.payload as JobDone).kind === 'profile')) await new Promise((r) => setTimeout(r, 20));
  const page = await service.invoke('customers:page', { startRow: 0, endRow: 10, sortModel: [{ colId: 'source_record_id', sort: 'asc' }] });
  const idOf = Object.fromEntries(page.rows.map((r) => [String(r.source_record_id), Number(r.id)]));
  await service.invoke('quality:reference-import', { path: file('verified.csv', reference) });
  const accuracy = async () => {
    const { jobId } = await service.invoke('quality:profile-start', {});
    expect((await waitForJob(jobId)).status).toBe('succeeded');
    return (await service.invoke('quality:overview', {}))!.metrics.overall.accuracy;
  };
  const verified = () => service.invoke('quality:verified-among', { ids: Object.values(idOf) });
  return { service, idOf, accuracy, verified };
}

describe('verifying records in the change history', () => {
  it('verify → undo: unverified and accuracy counts drop; redo: verified again, with the same counts', async () => {
    const { service, idOf, accuracy, verified } = await project();
    expect((await accuracy()).confusion).toEqual(fromFile);

    expect(await service.invoke('quality:mark-verified', { ids: [idOf.C2, idOf.C6] })).toEqual({ verified: 2 });
    const history = await service.invoke('history:page', { offset: 0, limit: 10 });
    expect(history.total).toBe(1);
    expect(history.rows[0]).toMatchObject({ kind: 'verify', actor: 'steward', changes: 2, active: true, params: { verified: 2 } });
    expect(history.undo?.id).toBe(history.rows[0].id);
    const changes = await service.invoke('history:changes', { batchId: history.rows[0].id, offset: 0, limit: 10 });
    expect(changes.rows.map((c) => [c.customerId, c.field, c.before === null])).toEqual([[idOf.C2, 'verified', false], [idOf.C6, 'verified', true]]);
    expect(await verified()).toEqual([idOf.C2, idOf.C6]);
    const marked = await accuracy();
    expect(marked.confusion).toEqual(withVerified);
    expect(marked.denominator).toBe(12);

    const undone = await service.invoke('history:undo', { mode: 'check' });
    expect(undone).toMatchObject({ conflicts: 0, changed: 2 });
    expect(await verified()).toEqual([]);
    // C2's reference is the file's again, not nothing: the marking had replaced it.
    expect((await service.invoke('quality:reference-of-customer', { id: idOf.C2 })).values).toEqual([
      expect.objectContaining({ field: 'city', value: 'York', origin: 'reference_file' }),
      expect.objectContaining({ field: 'email', value: 'robert.young@gmail.com', origin: 'reference_file' }),
    ]);
    expect((await service.invoke('quality:reference-of-customer', { id: idOf.C6 })).values).toEqual([]);
    const summary = await service.invoke('quality:reference-summary', {});
    expect(summary.verifiedCustomers).toBe(0);
    const afterUndo = await accuracy();
    expect(afterUndo.confusion).toEqual(fromFile);
    expect(afterUndo.denominator).toBe(10);

    const redone = await service.invoke('history:redo', { mode: 'check' });
    expect(redone).toMatchObject({ conflicts: 0, changed: 2 });
    expect(await verified()).toEqual([idOf.C2, idOf.C6]);
    expect((await accuracy()).confusion).toEqual(withVerified);
    const kinds = (await service.invoke('history:page', { offset: 0, limit: 10 })).rows.map((b) => [b.kind, b.params.rootKind ?? null]);
    expect(kinds).toEqual([['redo', 'verify'], ['undo', 'verify'], ['verify', null]]);
  });

  it('taking a verification back is a batch too: undoing it verifies the record again with the values it had', async () => {
    const { service, idOf, verified } = await project();
    await service.invoke('quality:mark-verified', { ids: [idOf.C6] });
    const before = await service.invoke('quality:reference-of-customer', { id: idOf.C6 });
    expect(await service.invoke('quality:unmark-verified', { ids: [idOf.C6] })).toEqual({ unverified: 1 });
    expect((await service.invoke('history:page', { offset: 0, limit: 1 })).rows[0]).toMatchObject({ kind: 'verify', params: { unverified: 1, customer: idOf.C6 } });
    expect(await verified()).toEqual([]);
    await service.invoke('history:undo', { mode: 'check' });
    expect(await verified()).toEqual([idOf.C6]);
    expect(await service.invoke('quality:reference-of-customer', { id: idOf.C6 })).toEqual(before);
  });

  it('a reference file imported after the marking is a later change: reverting the marking asks first', async () => {
    const { service, idOf } = await project();
    await service.invoke('quality:mark-verified', { ids: [idOf.C2] });
    const batch = (await service.invoke('history:page', { offset: 0, limit: 1 })).rows[0];
    // The file sets C2's values again (outside the history): the marking's values are no longer what it left.
    const dir = tempDir();
    writeFileSync(join(dir, 'again.csv'), reference);
    await service.invoke('quality:reference-import', { path: join(dir, 'again.csv') });
    const check = await service.invoke('history:revert', { batchId: batch.id, mode: 'check' });
    expect(check).toMatchObject({ conflicts: 1, batchId: null, changed: 0 });
    expect(check.sample[0]).toMatchObject({ customerId: idOf.C2, field: 'verified' });
    expect(await service.invoke('quality:verified-among', { ids: [idOf.C2] })).toEqual([idOf.C2]);
    const forced = await service.invoke('history:revert', { batchId: batch.id, mode: 'overwrite' });
    expect(forced).toMatchObject({ changed: 1 });
    expect(await service.invoke('quality:verified-among', { ids: [idOf.C2] })).toEqual([]);
  });
});
