#!/usr/bin/env node
// `npm start`: the desktop app when the Electron runtime is available; where it
// cannot be obtained (no network to download it), browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * The runtime is downloaded on first use by electron's own install.js. Its
 * output is kept back (on failure it is a bare stack trace such as
 * "TypeError: fetch failed"); its exit code and the binary decide, and the
 * first line of its error, without the stack, becomes the reason we print.
 */
function downloadElectron() {
  const res = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (res.status === 0 && electronBinary()) return { ok: true };
  const lines = `${res.stderr ?? ''}\n${res.error?.message ?? ''}`.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at '));
  const reason = lines[0]?.replace(/^\w*Error: /, '');
  return { ok: false, reason: reason || `the download exited with code ${res.status}` };
}

let binary = electronBinary();
let reason = '';
if (!binary) {
  const download = downloadElectron();
  if (download.ok) binary = electronBinary();
  else reason = download.reason;
}
if (binary) {
  const built = run('npx', ['electron-vite', 'build']);
  if (built.status !== 0) process.exit(built.status ?? 1);
  spawn(binary, ['.'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`The Electron runtime could not be downloaded (${reason}), so CRM Steward opens in browser mode instead: the same app, and your data stays on this computer.\n`);
  const built = run('npm', ['run', 'build:renderer', '--silent', '--', '--logLevel', 'warn']);
  if (built.status !== 0) process.exit(built.status ?? 1);
  spawn(process.execPath, ['bin/crm-steward.mjs', 'serve'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
}
