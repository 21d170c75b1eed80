import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../main/quality/metrics.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { makeService } from '../match/match-fixture.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

describe('quality:overview', () => {
  it('shows the metrics the profile stored with its snapshot, equal to counting the run again', async () => {
    const dir = tempDir();
    const { service, waitForJob } = makeService(dir);
    await service.invoke('project:create', { path: join(dir, 'p.crmsteward') });
    const file = join(dir, 'export.csv');
    await writeCsvExport({ out: file, rows: 400, seed: 5, preset: 'salesforce', quotedNewlineRate: 0, generate: { duplicateRate: 0.2 } });
    expect((await waitForJob((await service.invoke('import:start', { files: [{ path: file }] })).jobId)).status).toBe('succeeded');
    const { jobId } = await service.invoke('quality:profile-start', {}).catch(async () => {
      while (service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 20));
      return service.invoke('quality:profile-start', {});
    });
    expect((await waitForJob(jobId)).status).toBe('succeeded');
    const overview = (await service.invoke('quality:overview', {}))!;
    // As the renderer receives both: through JSON.
    const counted = JSON.parse(JSON.stringify(computeMetrics(service.context.project().db, overview.runId)));
    expect(overview.metrics).toEqual(counted);
    expect(overview.metrics.byRule.length).toBeGreaterThan(3);
    service.dispose();
  }, 60_000);
});
