import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundlePath, whyFromSource } from '../../../bin/cli-bundle.mjs';
import { useTempDir } from '../../helpers/temp.ts';

/**
 * The compiled command (out/cli) that `crm-steward` runs after npm install.
 * The other CLI tests run the TypeScript sources (vitest sets
 * CRM_STEWARD_FROM_SOURCE); these run bin/crm-steward.mjs as a user does and
 * record every module it loads, so they know the bundle ran and what it
 * pulled in.
 */
const tempDir = useTempDir();

/** A module hook that writes every resolved module URL to $MODULES_LOG at exit. */
const recorder = `
import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';
const seen = [];
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen.push(r.url); return r; } });
process.on('exit', () => writeFileSync(process.env.MODULES_LOG, seen.join('\\n')));
`;

/** Runs bin/crm-steward.mjs as a user does (the bundle when it is current), or from the sources when asked. */
function runAsUser(dir: string, args: string[], from: 'bundle' | 'source' = 'bundle'): { status: number | null; stdout: string; stderr: string; modules: string[] } {
  const hook = join(dir, 'record-modules.mjs');
  writeFileSync(hook, recorder);
  const log = join(dir, 'modules.log');
  const env: NodeJS.ProcessEnv = { ...process.env, MODULES_LOG: log };
  if (from === 'bundle') delete env.CRM_STEWARD_FROM_SOURCE;
  else env.CRM_STEWARD_FROM_SOURCE = '1';
  const res = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, 'bin/crm-steward.mjs', ...args], { encoding: 'utf8', env });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, modules: existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [] };
}

describe('the compiled crm-steward command', () => {
  beforeAll(() => {
    // npm install and npm ci build it (the `prepare` script): a missing bundle is a broken install.
    expect(existsSync(bundlePath), `${bundlePath} is missing: npm install / npm ci should have built it (npm run build:cli)`).toBe(true);
    // After editing sources it is rebuilt, so what is tested is always the bundle of these sources.
    if (whyFromSource({}) !== null) expect(spawnSync('npm', ['run', '-s', 'build:cli'], { stdio: 'inherit' }).status).toBe(0);
  }, 120_000);

  it('answers --help from the bundle without loading any package', () => {
    const res = runAsUser(tempDir(), ['--help']);
    expect(res.status).toBe(0);
    for (const command of ['import', 'profile', 'reference', 'audit', 'dedupe', 'fix', 'history', 'undo', 'redo', 'export', 'serve']) expect(res.stdout).toContain(`crm-steward ${command} `);
    expect(res.modules).toContain(pathToFileURL(bundlePath).href);
    // No TypeScript loader, no SQLite, no engine dependencies: only the bin, the bundle's entry and Node built-ins.
    expect(res.modules.filter((url) => url.includes('/node_modules/'))).toEqual([]);
    // No TypeScript source either (the repository's own path may contain "/main/", so it is cut off first).
    const root = pathToFileURL(process.cwd()).href;
    expect(res.modules.filter((url) => url.startsWith(`${root}/main/`) || url.endsWith('.ts'))).toEqual([]);
  });

  it('imports a file large enough for the reader thread, then profiles it as the sources do', () => {
    const dir = tempDir();
    const csv = join(dir, 'customers.csv');
    const rows = ['Customer ID,First Name,Last Name,Email,Phone,Country,Notes'];
    // Over 4 MB (the size from which a reader thread parses) in few rows: long notes.
    for (let i = 1; i <= 15_000; i++) rows.push(`${i},Ann${i % 97},Lee${i % 89},ann${i}@example.com,+49 30 ${1_000_000 + i},DE,${'note '.repeat(56)}`);
    rows.push('15001,"never closed,x,y,DE,z');
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const project = join(dir, 'p.crmsteward');

    const imported = runAsUser(dir, ['import', csv, '--project', project, '--json']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).files[0]).toMatchObject({ rows: 15_001, imported: 15_000, quarantined: 1, idColumn: 'Customer ID' });
    expect(imported.modules.some((url) => /\/out\/cli\/import-command-[\w-]+\.js$/.test(url))).toBe(true);
    expect(imported.modules.some((url) => url.endsWith('.ts'))).toBe(false);

    const profile = (from: 'bundle' | 'source') => {
      const res = runAsUser(dir, ['profile', '--project', project, '--json'], from);
      expect(res.status, res.stderr).toBe(0);
      expect(res.modules.some((url) => url.endsWith('/main/cli/index.ts'))).toBe(from === 'source');
      const { issueCount, metrics } = JSON.parse(res.stdout) as { issueCount: number; metrics: { records: number } };
      return { issueCount, metrics };
    };
    const fromBundle = profile('bundle');
    expect(fromBundle.metrics.records).toBe(15_000);
    expect(fromBundle).toEqual(profile('source'));
  });
});
