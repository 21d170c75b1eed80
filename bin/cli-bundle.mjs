// Where the compiled crm-steward command lives and whether it may run: shared
// by bin/crm-steward.mjs and the test of the bundle, so both apply one rule.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
/** Built by `npm run build:cli` (cli.vite.config.ts), which npm install, npm ci and npm run build run. */
export const bundlePath = join(root, 'out', 'cli', 'crm-steward.js');
/** The folders the bundle is compiled from (packages are not bundled: Node loads them from node_modules). */
const sourceDirs = ['main', 'shared'];

/**
 * The rule: the bundle runs when it exists and no file under main/ or shared/
 * is newer than it; otherwise the TypeScript sources run through tsx, which
 * is correct but slow to start. CRM_STEWARD_FROM_SOURCE=1 always runs the
 * sources (the tests set it, so a stale bundle can never make them pass or
 * fail). Returns null when the bundle may run, else why not ('' when asked).
 */
export function whyFromSource(env = process.env) {
  if (env.CRM_STEWARD_FROM_SOURCE === '1') return '';
  if (!existsSync(bundlePath)) return 'there is no compiled build yet';
  const built = statSync(bundlePath).mtimeMs;
  for (const dir of sourceDirs) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      if (entry.isFile() && statSync(path).mtimeMs > built) return `${relative(root, path)} changed since the last build`;
    }
  }
  return null;
}
