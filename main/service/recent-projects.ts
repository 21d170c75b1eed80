import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ensurePrivateDir, writePrivateFile } from '../lib/private-files.ts';
import { fileEncryption } from '../store/project-key.ts';

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
  /** Opening it will ask for its passphrase (unless the keychain remembers it). */
  encrypted: boolean;
}

const MAX_RECENT = 12;

/**
 * The recent-projects list lives in the app's data folder, outside any
 * project. It says where customer data is, so the folder and the list are
 * readable by the owner only.
 */
export class RecentProjects {
  private readonly file: string;

  constructor(dataDir: string) {
    ensurePrivateDir(dataDir, true);
    this.file = join(dataDir, 'recent-projects.json');
  }

  list(): RecentProject[] {
    return this.read().map((i) => ({ ...i, name: projectName(i.path), exists: existsSync(i.path), encrypted: fileEncryption(i.path) === 'encrypted' }));
  }

  private read(): { path: string; openedAt: string }[] {
    try {
      return (JSON.parse(readFileSync(this.file, 'utf8')) as { path: string; openedAt: string }[]).map(({ path, openedAt }) => ({ path, openedAt }));
    } catch {
      return []; // first launch, or a damaged list: start over rather than refuse to start
    }
  }

  touch(path: string): void {
    const items = this.read().filter((i) => i.path !== path);
    items.unshift({ path, openedAt: new Date().toISOString() });
    writePrivateFile(this.file, JSON.stringify(items.slice(0, MAX_RECENT), null, 2));
  }
}

export function projectName(path: string): string {
  return basename(path).replace(/\.crmsteward$/i, '');
}
