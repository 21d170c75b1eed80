// `npm test`: type-check, unit and integration tests (vitest), then e2e
// (Playwright in Debian's Chromium against browser mode). Ends with one line
// "tests: N passed, N failed" counting both runners.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const step = (name, cmd, args, env = {}) => {
  console.log(`\n== ${name}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status === 0;
};
const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);

let passed = 0;
let failed = 0;
let skipped = 0;
let ok = step('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
if (!ok) failed++;

if (ok) {
  ok = step('unit and integration (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
  const v = readJson('test-results/vitest.json');
  if (v) {
    passed += v.numPassedTests;
    failed += v.numFailedTests;
    skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  } else if (!ok) failed++;
}

if (ok && process.env.SKIP_E2E !== '1') {
  ok = step('build the renderer', 'npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  if (!ok) failed++;
  else {
    ok = step('e2e (Playwright, Chromium, browser mode)', 'npx', ['playwright', 'test', '--project=e2e', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json' });
    const p = readJson('test-results/playwright.json');
    if (p) {
      passed += p.stats.expected + (p.stats.flaky ?? 0);
      failed += p.stats.unexpected;
      skipped += p.stats.skipped;
    } else if (!ok) failed++;
  }
}

console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok && failed === 0 ? 0 : 1);
