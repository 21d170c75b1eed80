import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ensurePrivateDir, writePrivateFile } from '../lib/private-files.ts';

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
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
    let items: { path: string; openedAt: string }[] = [];
    try {
      items = JSON.parse(readFileSync(this.file, 'utf8')) as typeof items;
    } catch {
      items = []; // first launch, or a damaged list: start over rather than refuse to start
    }
    return items.map((i) => ({ ...i, name: projectName(i.path), exists: existsSync(i.path) }));
  }

  touch(path: string): void {
    const items = this.list().filter((i) => i.path !== path).map(({ path: p, openedAt }) => ({ path: p, openedAt }));
    items.unshift({ path, openedAt: new Date().toISOString() });
    writePrivateFile(this.file, JSON.stringify(items.slice(0, MAX_RECENT), null, 2));
  }
}

export function projectName(path: string): string {
  return basename(path).replace(/\.crmsteward$/i, '');
}
