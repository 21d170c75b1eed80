import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileProject, writeAuditJson, writeAuditReport } from '../../../main/quality/index.ts';
import { makeService } from '../match/match-fixture.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);
const csv = ['id,First Name,Last Name,Email,Phone', '1,Ann,Zed,ann@x.com,+44 20 7946 0958', '2,Bob,Young,bob@y.org,'].join('\n');

/**
 * Everything that holds customer data, or says where it is, is readable by
 * its owner only, whatever the umask: another account on the machine must
 * not read a project, its journal, an export, a report or the recent list.
 */
/** A new project in a temporary folder with a small file imported, once every job (the profile after the import) has finished. */
async function importedProject() {
  const dir = tempDir();
  const { service, waitForJob } = makeService(dir);
  await service.invoke('project:create', { path: join(dir, 'p.crmsteward') });
  writeFileSync(join(dir, 'contacts.csv'), csv);
  expect((await waitForJob((await service.invoke('import:start', { files: [{ path: join(dir, 'contacts.csv') }] })).jobId)).status).toBe('succeeded');
  while (service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 20));
  return { dir, service, waitForJob };
}

describe('files holding customer data are created owner-only (0600, folders 0700)', () => {
  it('a new project with its WAL and shared-memory files, its new folder, and the recent-projects list', async () => {
    const dir = tempDir();
    // The app's data folder existed with the usual 0755: it is ours, so it is tightened.
    mkdirSync(join(dir, 'data'), { mode: 0o755 });
    chmodSync(join(dir, 'data'), 0o755);
    const { service, waitForJob } = makeService(dir);
    const info = await service.invoke('project:create', { path: join(dir, 'projects', 'new folder', 'Acme') });
    writeFileSync(join(dir, 'contacts.csv'), csv);
    const { jobId } = await service.invoke('import:start', { files: [{ path: join(dir, 'contacts.csv') }] });
    expect((await waitForJob(jobId)).status).toBe('succeeded');
    expect(existsSync(`${info.path}-wal`)).toBe(true);
    expect({ project: mode(info.path), wal: mode(`${info.path}-wal`), shm: mode(`${info.path}-shm`), folder: mode(join(dir, 'projects', 'new folder')) })
      .toEqual({ project: '600', wal: '600', shm: '600', folder: '700' });
    expect({ recent: mode(join(dir, 'data', 'recent-projects.json')), data: mode(join(dir, 'data')) }).toEqual({ recent: '600', data: '700' });
    service.dispose();
  });

  it('exports (CSV and XLSX) and the change log, even over a file that was readable by others', async () => {
    const { dir, service, waitForJob } = await importedProject();
    for (const format of ['csv', 'xlsx'] as const) {
      const path = join(dir, `out.${format}`);
      expect((await waitForJob((await service.invoke('export:start', { path, format })).jobId)).status).toBe('succeeded');
      expect(mode(path)).toBe('600');
    }
    const log = join(dir, 'log.csv');
    writeFileSync(log, 'old', { mode: 0o644 });
    chmodSync(log, 0o644);
    await service.invoke('history:export', { path: log });
    expect(mode(log)).toBe('600');
    service.dispose();
  });

  it('the audit report (HTML) and its JSON', async () => {
    const { dir, service, waitForJob } = await importedProject();
    const db = service.context.project().db;
    const result = await profileProject(db, {});
    writeAuditReport(db, result, join(dir, 'report.html'));
    await writeAuditJson(db, result, join(dir, 'report.json'));
    expect({ html: mode(join(dir, 'report.html')), json: mode(join(dir, 'report.json')) }).toEqual({ html: '600', json: '600' });
    service.dispose();
  });
});
