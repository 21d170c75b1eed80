/**
 * Accuracy end to end through the service on a real project: a customer
 * export imported as the app imports it, a verified reference file written
 * to a temp dir and imported, a profile run as a job, and the confusion
 * counts worked out by hand below.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName, JobDone } from '../../../shared/contract.ts';
import { createService } from '../../../main/service/create-service.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

// Six customers. C6's email is the placeholder "n/a", which counts as empty.
const customers = [
  'Customer ID,Email,City',
  'C1,ann.lee@gmail.com,Leeds',
  'C2,bob.young@gmail.com,York',
  'C3,,Hull',
  'C4,di.wu@gmail.com,Bath',
  'C5,,Ely',
  'C6,n/a,Wells',
].join('\n');

// The verified reference: C1–C5 and one record id (C9) that is no customer.
//   email: C1 same → TP · C2 differs → FP · C3 empty, reference has one → FN · C4 has one, reference none → FP · C5 both empty → TN
//   city:  C1–C5 all the same → 5 TP
//   TP 6, TN 1, FP 2, FN 1 → accuracy (6 + 1) / 10 = 0.7
const reference = [
  'Customer ID,Email,City',
  'C1,ann.lee@gmail.com,Leeds',
  'C2,robert.young@gmail.com,York',
  'C3,cy.xu@gmail.com,Hull',
  'C4,,Bath',
  'C5,,Ely',
  'C9,zed@gmail.com,Ely',
].join('\n');

function setup() {
  const dir = tempDir();
  const events: { event: EventName; payload: unknown }[] = [];
  const service = createService({ dataDir: join(dir, 'data'), projectsDir: join(dir, 'projects'), demoDir: join(dir, 'no-demo'), mode: 'cli', version: 'test', emit: (event, payload) => events.push({ event, payload }) });
  const waitFor = async (jobId: string): Promise<JobDone> => {
    for (;;) {
      const done = events.find((e) => e.event === 'job:done' && (e.payload as JobDone).jobId === jobId);
      if (done) return done.payload as JobDone;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const profile = async () => {
    const { jobId } = await service.invoke('quality:profile-start', {});
    expect((await waitFor(jobId)).status).toBe('succeeded');
    return (await service.invoke('quality:overview', {}))!;
  };
  const start = async () => {
    await service.invoke('project:create', { path: join(dir, 'projects', 'Ref') });
    const { jobId } = await service.invoke('import:start', { files: [{ path: file('customers.csv', customers) }] });
    expect((await waitFor(jobId)).status).toBe('succeeded');
    // Every import is followed by a profile of its own; let it finish.
    while (!events.some((e) => e.event === 'job:done' && (e.payload as JobDone).kind === 'profile')) await new Promise((r) => setTimeout(r, 20));
    const page = await service.invoke('customers:page', { startRow: 0, endRow: 10, sortModel: [{ colId: 'source_record_id', sort: 'asc' }] });
    const idOf = Object.fromEntries(page.rows.map((r) => [String(r.source_record_id), Number(r.id)]));
    return idOf;
  };
  return { service, file, profile, start };
}

describe('accuracy against a verified reference file', () => {
  it('matches rows by record id, stores the values and measures (TP + TN) / (TP + TN + FP + FN) at the next profile', async () => {
    const { service, file, profile, start } = setup();
    const idOf = await start();
    const before = await profile();
    expect(before.metrics.overall.accuracy.value).toBeNull();
    expect(before.metrics.overall.accuracy.reason).toMatch(/not measured/);

    const result = await service.invoke('quality:reference-import', { path: file('verified.csv', reference) });
    expect(result).toEqual({ fileName: 'verified.csv', idColumn: 'Customer ID', fields: ['email', 'city'], rows: 6, matchedRows: 5, customers: 5, values: 10 });

    // The stored reference is newer than the profile, so the dashboard can ask for another.
    const summary = await service.invoke('quality:reference-summary', {});
    expect(summary).toMatchObject({ verifiedCustomers: 0, customers: 5, values: 10, files: [{ fileName: 'verified.csv', customers: 5, values: 10 }] });
    expect(summary.changedAt! > before.takenAt).toBe(true);

    const after = await profile();
    const acc = after.metrics.overall.accuracy;
    expect(acc.confusion).toEqual({ tp: 6, tn: 1, fp: 2, fn: 1 });
    expect(acc).toMatchObject({ numerator: 7, denominator: 10, bad: 3 });
    expect(acc.value).toBeCloseTo(0.7, 10);
    expect(acc.formula).toContain('(TP + TN) / (TP + TN + FP + FN)');
    expect(after.metrics.byField.email.accuracy.confusion).toEqual({ tp: 1, tn: 1, fp: 2, fn: 1 });
    expect(after.metrics.byField.city.accuracy.value).toBe(1);
    expect((await service.invoke('quality:reference-summary', {})).changedAt! < after.takenAt).toBe(true);

    // Each FP and FN is an issue on its record, with the rule saying which.
    const rulesOf = async (recordId: string) => (await service.invoke('quality:issues-of-customer', { id: idOf[recordId] })).filter((i) => i.dimension === 'accuracy').map((i) => i.rule);
    expect(await rulesOf('C1')).toEqual([]);
    expect(await rulesOf('C2')).toEqual(['reference_mismatch']);
    expect(await rulesOf('C3')).toEqual(['reference_missing']);
    expect(await rulesOf('C4')).toEqual(['reference_unexpected']);

    // The grid's "customers with verified values": the five the reference names, each with its accuracy issues only.
    const verified = await service.invoke('customers:page', { startRow: 0, endRow: 10, sortModel: [{ colId: 'source_record_id', sort: 'asc' }], issue: { verified: true } });
    expect(verified.rows.map((r) => r.source_record_id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    const shown = await service.invoke('quality:issues-for-customers', { ids: verified.rows.map((r) => Number(r.id)), filter: { verified: true } });
    expect(shown.map((i) => i.rule).sort()).toEqual(['reference_mismatch', 'reference_missing', 'reference_unexpected']);
    const c2 = await service.invoke('quality:reference-of-customer', { id: idOf.C2 });
    expect(c2.verified).toBeNull();
    expect(c2.values).toEqual([
      expect.objectContaining({ field: 'city', value: 'York', origin: 'reference_file', originDetail: 'verified.csv' }),
      expect.objectContaining({ field: 'email', value: 'robert.young@gmail.com', origin: 'reference_file' }),
    ]);
  });

  it('a steward marking a record verified freezes its values (a placeholder as verified empty) and can take it back', async () => {
    const { service, file, profile, start } = setup();
    const idOf = await start();
    await service.invoke('quality:reference-import', { path: file('verified.csv', reference) });
    expect((await profile()).metrics.overall.accuracy.confusion).toEqual({ tp: 6, tn: 1, fp: 2, fn: 1 });

    // C6 (email "n/a", city Wells): email empty on both sides → TN, city → TP: TP 7, TN 2, FP 2, FN 1 → 9 / 12.
    expect(await service.invoke('quality:mark-verified', { ids: [idOf.C6, 999_999] })).toEqual({ verified: 1 });
    const c6 = await service.invoke('quality:reference-of-customer', { id: idOf.C6 });
    expect(c6.verified).not.toBeNull();
    // Only what the record's source maps is frozen: a steward vouches for the values the record has.
    expect(c6.values.map((v) => v.field)).toEqual(['city', 'email']);
    expect(c6.values.find((v) => v.field === 'email')).toMatchObject({ value: null, origin: 'steward' });
    expect(c6.values.find((v) => v.field === 'city')).toMatchObject({ value: 'Wells', origin: 'steward' });
    expect((await service.invoke('quality:reference-summary', {})).verifiedCustomers).toBe(1);
    expect(await service.invoke('quality:verified-among', { ids: [idOf.C5, idOf.C6] })).toEqual([idOf.C6]);
    const marked = (await profile()).metrics.overall.accuracy;
    expect(marked.confusion).toEqual({ tp: 7, tn: 2, fp: 2, fn: 1 });
    expect(marked.value).toBeCloseTo(9 / 12, 10);

    // Marking C2 verified confirms the record over the file: its values become the reference, so its FP goes.
    await service.invoke('quality:mark-verified', { ids: [idOf.C2] });
    expect((await profile()).metrics.overall.accuracy.confusion).toEqual({ tp: 8, tn: 2, fp: 1, fn: 1 });

    expect(await service.invoke('quality:unmark-verified', { ids: [idOf.C6, idOf.C2] })).toEqual({ unverified: 2 });
    expect(await service.invoke('quality:reference-of-customer', { id: idOf.C6 })).toEqual({ verified: null, values: [] });
    // C2's file values were replaced by the marking, so without it C2 has no reference: TP 5, TN 1, FP 1, FN 1.
    expect((await profile()).metrics.overall.accuracy.confusion).toEqual({ tp: 5, tn: 1, fp: 1, fn: 1 });
  });

  it('refuses files it cannot match, with a sentence saying why, and stores nothing', async () => {
    const { service, file, start } = setup();
    await start();
    const refuse = (name: string, text: string) => service.invoke('quality:reference-import', { path: file(name, text) });
    await expect(refuse('names.csv', 'Name,Email\nAnn,ann.lee@gmail.com\nBob,bob.young@gmail.com')).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('names.csv has no column of record ids matching') });
    await expect(refuse('other.csv', 'Customer ID,Email\nX1,ann.lee@gmail.com\nX2,bob.young@gmail.com')).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('No record id in column "Customer ID" of other.csv') });
    await expect(refuse('ids.csv', 'Customer ID,Notes\nC1,called\nC2,emailed')).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('no columns that map to customer fields') });
    await expect(service.invoke('quality:reference-import', { path: join(tempDir(), 'missing.csv') })).rejects.toMatchObject({ code: 'file_not_found' });
    expect(await service.invoke('quality:reference-summary', {})).toMatchObject({ values: 0, changedAt: null });
  });

  it('matches by whichever column holds the record ids when its name says nothing', async () => {
    const { service, file, start } = setup();
    await start();
    const result = await service.invoke('quality:reference-import', { path: file('checked.csv', 'Ref,Email\nC1,ann.lee@gmail.com\nC2,bob.young@gmail.com') });
    expect(result).toMatchObject({ idColumn: 'Ref', fields: ['email'], rows: 2, matchedRows: 2, values: 2 });
  });

  it('reads a reference the way import reads files: an XLSX sheet, and says so when a file is empty', async () => {
    const { service, file, profile, start } = setup();
    await start();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Verified');
    for (const line of reference.split('\n')) sheet.addRow(line.split(','));
    const path = file('verified.xlsx', '');
    await wb.xlsx.writeFile(path);
    expect(await service.invoke('quality:reference-import', { path })).toMatchObject({ fileName: 'verified.xlsx', rows: 6, matchedRows: 5, values: 10 });
    expect((await profile()).metrics.overall.accuracy.confusion).toEqual({ tp: 6, tn: 1, fp: 2, fn: 1 });
    await expect(service.invoke('quality:reference-import', { path: file('empty.csv', '') })).rejects.toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('empty.csv is empty') });
  });
});
