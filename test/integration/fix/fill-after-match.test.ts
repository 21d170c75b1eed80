/**
 * Finding fixes after duplicate matching: values missing in one record are
 * proposed from the others of its entity. The proposals are written while
 * the entities are read, on one connection; with dozens of them a run used
 * to fail with "This database connection is busy executing a query".
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../../main/store/open-project.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { threeSourceProject } from './fix-fixture.ts';

const tempDir = useTempDir();

describe('finding fixes after matching', () => {
  it('proposes values from duplicates, however many, and the run succeeds', async () => {
    const dir = tempDir();
    const { service, waitForJob, projectPath } = await threeSourceProject(dir, 300);
    const match = await service.invoke('match:start', { scope: 'all', threshold: 0.9 });
    expect((await waitForJob(match.jobId)).status).toBe('succeeded');
    while (service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 20));
    const run = await service.invoke('fix:run', {});
    const done = await waitForJob(run.jobId);
    expect(done.error).toBeUndefined();
    expect(done.status).toBe('succeeded');
    await service.invoke('project:close', {});
    const db = openProject(join(projectPath), {});
    const filled = db.prepare("SELECT count(*) FROM fix_suggestions WHERE rule = 'fill_from_duplicate'").pluck().get() as number;
    db.close();
    // More than one INSERT's worth (32 rows), so the inserter wrote while entities were still being read.
    expect(filled).toBeGreaterThan(32);
  }, 120_000);
});
