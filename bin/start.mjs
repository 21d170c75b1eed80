#!/usr/bin/env node
// `npm start`: the desktop app when the Electron runtime is available; where it
// cannot be obtained (no network to download it), browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

let binary = electronBinary();
if (!binary) {
  // The binary is fetched on first use; try once, quietly.
  run(process.execPath, [join(dirname(require.resolve('electron/package.json')), 'install.js')]);
  binary = electronBinary();
}
if (binary) {
  const built = run('npx', ['electron-vite', 'build']);
  if (built.status !== 0) process.exit(built.status ?? 1);
  spawn(binary, ['.'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron runtime could not be downloaded on this machine, so CRM Steward starts in browser mode instead.');
  console.log('Everything works the same; your data still stays on this computer.\n');
  const built = run('npm', ['run', 'build:renderer', '--silent']);
  if (built.status !== 0) process.exit(built.status ?? 1);
  spawn(process.execPath, ['--import', 'tsx', 'main/server/serve-cli.ts'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
}
