import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { loadMatchRecords, maxCustomerId } from '../../../main/match/project/load-records.ts';
import { prepareProject } from '../../../main/match/project/prepare-project.ts';
import { DICT_OF, prepareRecords, valueOf, type CodeColumn } from '../../../main/match/prepare.ts';
import { generatedCsv, makeService } from './match-fixture.ts';

const tempDir = useTempDir();

describe('preparing a project on two threads', () => {
  it('gives the columns one thread gives', async () => {
    const dir = tempDir();
    const { service, waitForJob } = makeService(dir);
    const { path } = await generatedCsv(dir, 300);
    await service.invoke('project:create', { path: join(dir, 'p.crmsteward') });
    const imp = await service.invoke('import:start', { files: [{ path }] });
    expect((await waitForJob(imp.jobId)).status).toBe('succeeded');
    const db = openProject(join(dir, 'p.crmsteward'));
    try {
      const maxId = maxCustomerId(db);
      const steps: number[] = [];
      const threads: boolean[] = [];
      const two = await prepareProject(db, maxId, {
        workers: 2, parallelFrom: 0, onProgress: (e) => steps.push(e.done), onSecondThread: (used) => threads.push(used),
      });
      expect(threads).toEqual([true]);
      const one = prepareRecords(loadMatchRecords(db, { toId: maxId }));
      expect(steps.length).toBeGreaterThanOrEqual(3); // start, this thread's half, all
      expect(two.n).toBe(300);
      expect(two.ids).toEqual(one.ids);
      for (const column of Object.keys(DICT_OF) as CodeColumn[]) {
        for (let i = 0; i < one.n; i++) expect(valueOf(two, column, i)).toBe(valueOf(one, column, i));
      }
      expect(Array.from(two.mobileLast7)).toEqual(Array.from(one.mobileLast7));
    } finally {
      db.close();
    }
  }, 60_000);
});
