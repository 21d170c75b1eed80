import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { backupProject } from '../../../main/backup/create-backup.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import type { BackupEntry } from '../../../shared/channels/backup.ts';

export const PASSPHRASE = 'plum orchard lantern 42';

/** A project of `rows` generated customers, imported in this process; closed when returned. */
export async function smallProject(dir: string, rows = 200, name = 'acme.crmsteward'): Promise<string> {
  const csv = join(dir, `export-${rows}.csv`);
  await writeCsvExport({ out: csv, rows, seed: 5, preset: 'salesforce', quotedNewlineRate: 0, generate: { duplicateRate: 0.2 } });
  const path = join(dir, name);
  const db = openProject(path, { create: true });
  try {
    await importFiles(db, [{ path: csv }], {});
  } finally {
    db.close();
  }
  return path;
}

/** A backup of the project to `out`, made the way the app makes them. */
export async function backupOf(projectPath: string, out: string, passphrase = PASSPHRASE): Promise<BackupEntry> {
  const db = openProject(projectPath);
  try {
    return await backupProject(db, projectPath, out, passphrase, 'manual');
  } finally {
    db.close();
  }
}

/** The project file's bytes (its connections closed, so nothing waits in a WAL) and the folder's names. */
export function fileState(projectPath: string, folder: string): { sha256: string; names: string[] } {
  return { sha256: createHash('sha256').update(readFileSync(projectPath)).digest('hex'), names: readdirSync(folder).sort() };
}
