#!/usr/bin/env node
// The crm-steward command. Plain JavaScript that any Node can read, so that on
// an old Node it can hand over to the project's own Node (or refuse with a
// clear message) before anything that needs Node 22+ is loaded.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundlePath, root, whyFromSource } from './cli-bundle.mjs';

/**
 * better-sqlite3 needs Node 22+. Started from a shell on an older Node (no
 * npx to put the project's Node first on the PATH), the command re-runs
 * itself on the Node 24 that the `node` devDependency installed, or says what
 * to do.
 */
function ensureNode22() {
  if (Number(process.versions.node.split('.')[0]) >= 22) return;
  const projectNode = join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (existsSync(projectNode)) {
    const child = spawnSync(projectNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(child.status ?? 1);
  }
  process.stderr.write(
    `crm-steward needs Node.js 22 or later; this is Node ${process.versions.node}.\n` +
      'Run `npm install` in the project folder (it installs Node 24 for the project) and then `npx crm-steward …`, or install a newer Node.\n',
  );
  process.exit(1);
}

/** The compiled bundle when it is current (see cli-bundle.mjs), else the TypeScript sources. */
async function loadMain() {
  const why = whyFromSource();
  if (why === null) return (await import(pathToFileURL(bundlePath).href)).main;
  if (why && process.stderr.isTTY) process.stderr.write(`crm-steward: ${why}, so it runs from the TypeScript sources (slow to start); \`npm run build:cli\` makes it fast again.\n`);
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../main/cli/index.ts')).main;
}

ensureNode22();
const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
