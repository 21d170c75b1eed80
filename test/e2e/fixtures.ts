import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StewardServer {
  url: string;
  home: string;
  process: ChildProcess;
}

/** Starts browser mode as a real process with its own data folder; the URL carries the session token. */
export async function startServer(env: Record<string, string> = {}): Promise<StewardServer> {
  const home = mkdtempSync(join(tmpdir(), 'steward-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/server/serve-cli.ts', '--port', '0'], {
    // Browser mode reads only its own folders and allowed ones: the tests' fixture files are allowed.
    env: { ...process.env, CRM_STEWARD_HOME: home, CRM_STEWARD_PROJECTS: join(home, 'projects'), CRM_STEWARD_ALLOW: join(process.cwd(), 'test', 'fixtures'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${stderr}`)));
    setTimeout(() => reject(new Error(`browser mode did not start: ${stderr}`)), 30_000);
  });
  return { url, home, process: child };
}

/**
 * Browser-console errors and uncaught exceptions fail the test that caused
 * them: a view that logs an error (a grid module missing, a chart throwing)
 * is broken even when it looks right. The browser's own "Failed to load
 * resource" line for a refused request is not one: the tests that cause it
 * check the message the app shows instead.
 */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return errors;
}

export const test = base.extend<{ steward: StewardServer; consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors = watchConsole(page);
      await use(errors);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
  steward: async ({}, use) => {
    const server = await startServer();
    await use(server);
    server.process.kill();
    rmSync(server.home, { recursive: true, force: true });
  },
});

export { expect };
