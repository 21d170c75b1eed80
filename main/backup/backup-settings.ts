/**
 * Backup settings live in the app's data folder, not in the project: they
 * say where backups go and when, and restoring an older project must not
 * bring back older settings (or point the list at another folder). The
 * app's settings apply to every project that has none of its own.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BackupSettings, type SettingsScope } from '../../shared/channels/backup.ts';
import { writeAtomically } from './atomic-file.ts';

export const defaultBackupSettings: BackupSettings = {
  folder: null,
  scheduleHours: 24,
  beforeRisky: true,
  keepLast: 10,
  keepDaily: 7,
  keepWeekly: 4,
};

interface SettingsFile {
  app?: BackupSettings;
  /** By the project's absolute path. */
  projects?: Record<string, BackupSettings>;
}

const fileName = 'backup-settings.json';

function read(dataDir: string): SettingsFile {
  const path = join(dataDir, fileName);
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as SettingsFile;
  } catch {
    return {}; // a damaged settings file falls back to the defaults rather than stopping backups
  }
}

function valid(s: unknown): BackupSettings | null {
  const parsed = BackupSettings.safeParse(s);
  return parsed.success ? parsed.data : null;
}

/** The settings in force for a project, and whether they are its own or the app's. */
export function backupSettingsFor(dataDir: string, projectPath: string): { settings: BackupSettings; scope: SettingsScope } {
  const file = read(dataDir);
  const own = valid(file.projects?.[resolve(projectPath)]);
  if (own) return { settings: own, scope: 'project' };
  return { settings: valid(file.app) ?? defaultBackupSettings, scope: 'app' };
}

/** Saves settings for this project only, or as the app's (the project then follows the app's). */
export async function saveBackupSettings(dataDir: string, projectPath: string, settings: BackupSettings, scope: SettingsScope): Promise<void> {
  const file = read(dataDir);
  const projects = { ...file.projects };
  delete projects[resolve(projectPath)];
  const next: SettingsFile = scope === 'app' ? { app: settings, projects } : { app: file.app, projects: { ...projects, [resolve(projectPath)]: settings } };
  mkdirSync(dataDir, { recursive: true });
  await writeAtomically(join(dataDir, fileName), async (f) => void (await f.writeFile(`${JSON.stringify(next, null, 2)}\n`)));
}
