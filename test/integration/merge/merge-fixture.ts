import { join } from 'node:path';
import { expect } from 'vitest';
import { generatedCsv, makeService } from '../match/match-fixture.ts';

/** A service with a generated, imported and matched project (a third of the people repeated). */
export async function matchedProject(dir: string, rows = 400, seed = 11) {
  const { service, waitForJob, events } = makeService(dir);
  const { path, lines } = await generatedCsv(dir, rows, seed);
  const projectPath = join(dir, 'p.crmsteward');
  await service.invoke('project:create', { path: projectPath });
  expect((await waitForJob((await service.invoke('import:start', { files: [{ path }] })).jobId)).status).toBe('succeeded');
  expect((await waitForJob((await service.invoke('match:start', {})).jobId)).status).toBe('succeeded');
  return { service, waitForJob, events, lines, csv: path, projectPath };
}
