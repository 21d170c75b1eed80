import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp.ts';
import { dedupeProject } from '../../../main/match/project/dedupe-project.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { csvPart, generatedCsv, makeService } from './match-fixture.ts';

const tempDir = useTempDir();

async function importedProject(rows = 400) {
  const dir = tempDir();
  const { service, waitForJob, events } = makeService(dir);
  const { path, lines } = await generatedCsv(dir, rows);
  await service.invoke('project:create', { path: join(dir, 'p.crmsteward') });
  const imp = await service.invoke('import:start', { files: [{ path }] });
  expect((await waitForJob(imp.jobId)).status).toBe('succeeded');
  return { dir, service, waitForJob, events, lines, projectPath: join(dir, 'p.crmsteward') };
}

function membership(rows: { id: number; members: number[] }[]): Map<number, number> {
  return new Map(rows.flatMap((c) => c.members.map((m) => [m, c.id] as [number, number])));
}

describe('dedupe through the service', () => {
  it('runs as a job, stores entities with stable ids and explains every stored pair', async () => {
    const { service, waitForJob, events } = await importedProject();
    expect((await service.invoke('match:summary', {})).run).toBeNull();
    const { jobId } = await service.invoke('match:start', {});
    expect((await waitForJob(jobId)).status).toBe('succeeded');
    expect(events.some((e) => e.event === 'job:progress' && (e.payload as { kind: string }).kind === 'match')).toBe(true);

    const summary = await service.invoke('match:summary', {});
    expect(summary.run?.records).toBe(400);
    expect(summary.clusters).toBeGreaterThan(10);
    expect(summary.blocking.reduce((s, b) => s + b.comparisons, 0)).toBe(summary.run?.comparisons);

    const page = await service.invoke('match:clusters-page', { startRow: 0, endRow: 1000 });
    expect(page.lastRow).toBe(summary.clusters);
    const clusters = await Promise.all(page.rows.map(async (r) => ({ id: r.id, members: (await service.invoke('match:cluster', { id: r.id })).members.map((m) => m.id) })));
    const detail = await service.invoke('match:cluster', { id: page.rows[0].id });
    expect(detail.pairs.length).toBeGreaterThan(0);
    for (const pair of detail.pairs) {
      // The waterfall adds up: prior plus every contribution is the final weight.
      const sum = pair.prior + pair.steps.reduce((s, x) => s + x.log2BayesFactor, 0);
      expect(sum).toBeCloseTo(pair.weight, 6);
      expect(pair.steps.map((s) => s.comparison)).toEqual(summary.run?.comparisonNames);
    }
    // The cluster id is the smallest member id.
    for (const c of clusters) expect(c.id).toBe(Math.min(...c.members));
    const again = await service.invoke('match:pair-explain', { a: detail.pairs[0].b, b: detail.pairs[0].a });
    expect(again.weight).toBeCloseTo(detail.pairs[0].weight, 6);

    // Re-run: the same records land in the same entities with the same ids.
    const second = await service.invoke('match:start', {});
    expect((await waitForJob(second.jobId)).status).toBe('succeeded');
    const page2 = await service.invoke('match:clusters-page', { startRow: 0, endRow: 1000 });
    const clusters2 = await Promise.all(page2.rows.map(async (r) => ({ id: r.id, members: (await service.invoke('match:cluster', { id: r.id })).members.map((m) => m.id) })));
    expect(membership(clusters2)).toEqual(membership(clusters));
    service.dispose();
  }, 60_000);

  it('a cancelled run leaves the previous results in place', async () => {
    const { service, waitForJob, projectPath } = await importedProject(300);
    const first = await service.invoke('match:start', {});
    await waitForJob(first.jobId);
    const before = await service.invoke('match:summary', {});
    const { jobId } = await service.invoke('match:start', { threshold: 0.6 });
    await service.invoke('job:cancel', { jobId });
    expect((await waitForJob(jobId)).status).toBe('cancelled');
    expect(await service.invoke('match:summary', {})).toEqual(before);

    // Cancelled in the middle of the engine (after some chunks) rather than before it starts.
    const db = openProject(projectPath);
    let checks = 0;
    const signal = { throwIfAborted: () => { if (++checks > 3) throw new Error('stop'); } };
    await expect(dedupeProject(db, { threshold: 0.6 }, { signal })).rejects.toThrow('stop');
    db.close();
    expect(await service.invoke('match:summary', {})).toEqual(before);
    service.dispose();
  }, 60_000);

  it('matches records imported later against the existing entities without a full run', async () => {
    const dir = tempDir();
    const { service, waitForJob } = makeService(dir);
    const { lines } = await generatedCsv(dir, 500, 21);
    await service.invoke('project:create', { path: join(dir, 'p.crmsteward') });
    const first = await service.invoke('import:start', { files: [{ path: csvPart(dir, 'a.csv', lines, 0, 400) }] });
    await waitForJob(first.jobId);
    await waitForJob((await service.invoke('match:start', {})).jobId);
    const before = await service.invoke('match:summary', {});
    const oldPage = await service.invoke('match:clusters-page', { startRow: 0, endRow: 1000 });

    const second = await service.invoke('import:start', { files: [{ path: csvPart(dir, 'b.csv', lines, 400, 500) }] });
    await waitForJob(second.jobId);
    expect((await service.invoke('match:summary', {})).newRecords).toBe(100);
    const inc = await service.invoke('match:start', { scope: 'new' });
    expect((await waitForJob(inc.jobId)).status).toBe('succeeded');

    const after = await service.invoke('match:summary', {});
    expect(after.run?.kind).toBe('incremental');
    expect(after.run?.records).toBe(500);
    expect(after.newRecords).toBe(0);
    // Only pairs with a new record were compared: far fewer than a full run.
    expect(after.run!.comparisons).toBeLessThan(before.run!.comparisons);
    expect(after.clusters).toBeGreaterThanOrEqual(before.clusters);
    // Earlier entities keep their ids; some new records joined existing entities.
    const newPage = await service.invoke('match:clusters-page', { startRow: 0, endRow: 1000 });
    const ids = new Set(newPage.rows.map((r) => r.id));
    expect(oldPage.rows.filter((r) => !ids.has(r.id))).toEqual([]);
    const grown = newPage.rows.filter((r) => (oldPage.rows.find((o) => o.id === r.id)?.size ?? r.size) < r.size);
    expect(grown.length).toBeGreaterThan(0);
    service.dispose();
  }, 60_000);

  it('matches records a steward changed again: an edited record leaves its entity and its old pairs go', async () => {
    const { service, waitForJob } = await importedProject(300);
    while (service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 20));
    await waitForJob((await service.invoke('match:start', {})).jobId);
    const page = await service.invoke('match:clusters-page', { startRow: 0, endRow: 1000 });
    const cluster = await service.invoke('match:cluster', { id: page.rows[0].id });
    const member = cluster.members[cluster.members.length - 1];
    // Make it somebody else entirely.
    for (const [field, value] of [['given_name', 'Zebediah'], ['family_name', 'Quarrington'], ['full_name', 'Zebediah Quarrington'], ['email', 'zq@example.net'], ['phone', '+61 2 9374 4000'], ['mobile', null], ['birth_date', '1901-02-03'], ['street', '1 Nowhere Lane'], ['postcode', '2000'], ['city', 'Sydney']] as const) {
      await service.invoke('customers:update', { id: member.id, field, value });
    }
    expect((await service.invoke('match:summary', {})).newRecords).toBe(1);
    const inc = await service.invoke('match:start', { scope: 'new' });
    expect((await waitForJob(inc.jobId)).error).toBeUndefined();
    expect((await service.invoke('match:summary', {})).newRecords).toBe(0);
    const members = async (id: number) => (await service.invoke('match:cluster', { id }).catch(() => ({ members: [] as { id: number }[] }))).members.map((m) => m.id);
    expect(await members(cluster.id)).not.toContain(member.id);
    const explained = await service.invoke('match:pair-explain', { a: cluster.members[0].id, b: member.id });
    expect(explained.linked).toBe(false);
    service.dispose();
  }, 60_000);
});
