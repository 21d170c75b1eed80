import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName, JobDone, JobProgress } from '../../../shared/contract.ts';
import { createService } from '../../../main/service/create-service.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

function makeService() {
  const dir = tempDir();
  const events: { event: EventName; payload: unknown }[] = [];
  const service = createService({
    dataDir: join(dir, 'data'),
    projectsDir: join(dir, 'projects'),
    demoDir: join(dir, 'no-demo'),
    mode: 'cli',
    version: 'test',
    emit: (event, payload) => events.push({ event, payload }),
  });
  return { service, dir, events };
}

async function waitForJob(events: { event: EventName; payload: unknown }[], jobId: string): Promise<JobDone> {
  for (;;) {
    const done = events.find((e) => e.event === 'job:done' && (e.payload as JobDone).jobId === jobId);
    if (done) return done.payload as JobDone;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const csv = ['id,First Name,Last Name,Email,City,Income', '1,Ann,Zed,ann@x.com,Leeds,100', '2,Bob,Young,bob@y.org,York,300', '3,Cy,Xu,cy@x.com,Leeds,200', '4,Di,Wu,,Hull,', '5,Ed,Vo,ed@qq.com,York,50'].join('\n');

describe('service', () => {
  it('rejects invalid payloads by schema with a readable message', async () => {
    const { service } = makeService();
    await expect(service.invokeUnknown('project:open', { path: 42 })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('path') });
    await expect(service.invokeUnknown('customers:page', { startRow: -1, endRow: 10 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(service.invokeUnknown('customers:page', { startRow: 0, endRow: 10, sortModel: [{ colId: 'id; DROP TABLE customers', sort: 'asc' }] })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(service.invokeUnknown('no:such', {})).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(service.invoke('sources:list', {})).rejects.toMatchObject({ code: 'no_project' });
  });

  it('creates a project, imports in a worker with progress, pages with sort, filter and search, and shows the source row', async () => {
    const { service, dir, events } = makeService();
    const info = await service.invoke('project:create', { path: join(dir, 'projects', 'Acme') });
    expect(info.name).toBe('Acme');
    expect((await service.invoke('project:recent', {}))[0].path).toBe(info.path);
    const file = join(dir, 'contacts.csv');
    writeFileSync(file, csv);
    const [preview] = await service.invoke('import:preview', { path: file });
    expect(preview.mapping).toMatchObject({ 'First Name': 'given_name', City: 'city' });
    const { jobId } = await service.invoke('import:start', { files: [{ path: file, mapping: { ...preview.mapping, City: 'region' } }] });
    const done = await waitForJob(events, jobId);
    expect(done.status).toBe('succeeded');
    expect(events.some((e) => e.event === 'job:progress' && (e.payload as JobProgress).jobId === jobId)).toBe(true);
    expect((await service.invoke('project:info', {}))!.customers).toBe(5);

    const byIncome = await service.invoke('customers:page', { startRow: 0, endRow: 3, sortModel: [{ colId: 'income', sort: 'desc' }] });
    expect(byIncome.lastRow).toBe(5);
    expect(byIncome.rows.map((r) => r.given_name)).toEqual(['Bob', 'Cy', 'Ann']);
    const leeds = await service.invoke('customers:page', { startRow: 0, endRow: 10, filterModel: { region: { filterType: 'text', type: 'equals', filter: 'leeds' } } });
    expect(leeds.rows.map((r) => r.given_name)).toEqual(['Ann', 'Cy']);
    const noEmail = await service.invoke('customers:page', { startRow: 0, endRow: 10, filterModel: { email: { filterType: 'text', type: 'blank' } } });
    expect(noEmail.rows.map((r) => r.given_name)).toEqual(['Di']);
    const either = await service.invoke('customers:page', { startRow: 0, endRow: 10, filterModel: { income: { filterType: 'number', operator: 'OR', conditions: [{ type: 'lessThan', filter: 60 }, { type: 'greaterThan', filter: 250 }] } } });
    expect(either.rows.map((r) => r.given_name)).toEqual(['Bob', 'Ed']);
    const quick = await service.invoke('customers:page', { startRow: 0, endRow: 10, quickFilter: 'x.com zed' });
    expect(quick.rows.map((r) => r.given_name)).toEqual(['Ann']);
    const literalPercent = await service.invoke('customers:page', { startRow: 0, endRow: 10, quickFilter: '%' });
    expect(literalPercent.lastRow).toBe(0);

    const detail = await service.invoke('customers:get', { id: Number(byIncome.rows[0].id) });
    expect(detail.customer).toMatchObject({ given_name: 'Bob', region: 'York', city: null });
    expect(detail.raw).toEqual({ rowNumber: 2, lineNumber: 3, cells: ['2', 'Bob', 'Young', 'bob@y.org', 'York', '300'] });
    expect(detail.source.headers).toEqual(['id', 'First Name', 'Last Name', 'Email', 'City', 'Income']);
    service.dispose();
  });

  it('cancels an import job and leaves the project unchanged', async () => {
    const { service, dir, events } = makeService();
    await service.invoke('project:create', { path: join(dir, 'p') });
    const big = join(dir, 'big.csv');
    writeFileSync(big, `id,name,email\n${Array.from({ length: 300_000 }, (_, i) => `${i},Person ${i},p${i}@example.com`).join('\n')}\n`);
    const { jobId } = await service.invoke('import:start', { files: [{ path: big }] });
    await service.invoke('job:cancel', { jobId });
    const done = await waitForJob(events, jobId);
    expect(done.status).toBe('cancelled');
    expect(await service.invoke('project:info', {})).toMatchObject({ customers: 0, sources: 0, quarantined: 0 });
    service.dispose();
  });
});

describe('jobs', () => {
  it('run one at a time: a second job waits in the queue and can be cancelled before it starts', async () => {
    const { service, dir, events } = makeService();
    await service.invoke('project:create', { path: join(dir, 'q') });
    const big = join(dir, 'big.csv');
    writeFileSync(big, `id,name\n${Array.from({ length: 200_000 }, (_, i) => `${i},Person ${i}`).join('\n')}\n`);
    const first = service.context.startJob('import', { files: [{ path: big }] });
    const second = service.context.startJob('profile', {});
    expect(events.some((e) => e.event === 'job:progress' && (e.payload as JobProgress).jobId === second && (e.payload as JobProgress).step === 'queued')).toBe(true);
    await service.invoke('job:cancel', { jobId: second });
    expect((await waitForJob(events, second)).status).toBe('cancelled');
    expect((await waitForJob(events, first)).status).toBe('succeeded');
    expect((await service.invoke('project:info', {}))!.customers).toBe(200_000);
    service.dispose();
  });

  it('switching projects stops the profile the service started by itself, but never a job the user started', async () => {
    const { service, dir, events } = makeService();
    await service.invoke('project:create', { path: join(dir, 'a') });
    const file = join(dir, 'people.csv');
    writeFileSync(file, `id,name,email\n${Array.from({ length: 100_000 }, (_, i) => `${i},Person ${i},p${i}@example.com`).join('\n')}\n`);
    const imported = await service.invoke('import:start', { files: [{ path: file }] });
    expect((await waitForJob(events, imported.jobId)).status).toBe('succeeded');
    // The import queued a profile of its own; opening another project now cancels it instead of refusing.
    const profileProgress = () => events.find((e) => e.event === 'job:progress' && (e.payload as JobProgress).kind === 'profile');
    while (!profileProgress()) await new Promise((r) => setTimeout(r, 5));
    const auto = profileProgress();
    const other = await service.invoke('project:create', { path: join(dir, 'b') });
    expect(other.name).toBe('b');
    expect((await waitForJob(events, (auto!.payload as JobProgress).jobId)).status).toBe('cancelled');

    const { jobId } = await service.invoke('quality:profile-start', {});
    await expect(service.invoke('project:open', { path: join(dir, 'a.crmsteward') })).rejects.toMatchObject({ message: expect.stringContaining('Wait for the running job') });
    await waitForJob(events, jobId);
    service.dispose();
  });
});
