import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file, for resources and the built renderer when running from source. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Browser mode and the CLI keep their data in CRM_STEWARD_HOME (tests point it
 * at a temp folder), else in ~/.crm-steward; the desktop app uses Electron's
 * userData folder instead.
 */
export function defaultPaths(env: NodeJS.ProcessEnv = process.env): { dataDir: string; projectsDir: string; demoDir: string; rendererDir: string } {
  const home = env.CRM_STEWARD_HOME ?? join(homedir(), '.crm-steward');
  return {
    dataDir: home,
    projectsDir: env.CRM_STEWARD_PROJECTS ?? join(env.CRM_STEWARD_HOME ?? homedir(), 'CRM Steward'),
    demoDir: join(repoRoot, 'resources', 'demo'),
    rendererDir: join(repoRoot, 'renderer', 'dist'),
  };
}

/**
 * Folders browser mode may read and write besides its data and projects
 * folders: CRM_STEWARD_ALLOW (separated like PATH) and each `serve --allow`.
 */
export function allowedDirs(env: NodeJS.ProcessEnv = process.env, fromArgs: string[] = []): string[] {
  return [...(env.CRM_STEWARD_ALLOW ?? '').split(delimiter), ...fromArgs].filter((d) => d.trim() !== '');
}

export function appVersion(): string {
  return process.env.npm_package_version ?? '0.1.0';
}
