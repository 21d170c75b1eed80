import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { WESTERN_LOCALES, type Locale } from '../../../resources/generator/types.ts';
import { makeService } from '../match/match-fixture.ts';

/**
 * A project holding a messy three-source export as the generator writes them:
 * a Salesforce CSV (UTF-8), a HubSpot CSV (Windows-1252, ';', European
 * dates) and a Chinese ERP export (GB18030), imported through the service.
 */
export async function threeSourceProject(dir: string, rows = 300) {
  const { service, events, waitForJob } = makeService(dir);
  const files = [
    { out: join(dir, 'salesforce.csv'), preset: 'salesforce' as const, seed: 31, locales: undefined as Locale[] | undefined },
    { out: join(dir, 'hubspot.csv'), preset: 'hubspot' as const, seed: 32, encoding: 'windows-1252' as const, delimiter: ';' as const, locales: [...WESTERN_LOCALES] },
    { out: join(dir, 'erp.csv'), preset: 'chinese_erp' as const, seed: 33, encoding: 'gb18030' as const, locales: undefined },
  ];
  for (const { locales, ...f } of files) await writeCsvExport({ ...f, rows, quotedNewlineRate: 0, generate: { duplicateRate: 0.2, locales } });
  const projectPath = join(dir, 'p.crmsteward');
  await service.invoke('project:create', { path: projectPath });
  const imp = await service.invoke('import:start', { files: files.map((f) => ({ path: f.out })) });
  expect((await waitForJob(imp.jobId)).status).toBe('succeeded');
  // The service profiles after every import; let it finish so the test's own writes are not refused as busy.
  while (service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 20));
  return { service, events, waitForJob, projectPath, files };
}

export async function exportCsv(service: Awaited<ReturnType<typeof threeSourceProject>>['service'], waitForJob: (id: string) => Promise<{ status: string }>, path: string): Promise<Buffer> {
  const { jobId } = await service.invoke('export:start', { path, format: 'csv' });
  expect((await waitForJob(jobId)).status).toBe('succeeded');
  return readFileSync(path);
}
