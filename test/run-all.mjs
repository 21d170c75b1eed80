// `npm test`: type-check, unit and integration tests (vitest), then e2e
// (Playwright in Debian's Chromium against browser mode). Every step runs
// even when an earlier one failed, so one failure never hides the rest; the
// run ends with each step's result and one line "tests: N passed, N failed"
// counting both runners (a failed type-check, or a runner that failed without
// reporting a failed test, counts as one failure), and exits non-zero on any
// failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const run = (name, cmd, args, env = {}) => {
  console.log(`\n== ${name}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
};
/** A runner's JSON report, read only if this run wrote it (an old one must not stand in for a crash). */
const freshReport = (path) => {
  rmSync(path, { force: true });
  return () => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
};

/** One line per step for the summary: { name, passed, failed, skipped, note }. */
const steps = [];
const record = (name, ok, counts) => {
  const c = counts ?? { passed: 0, failed: 0, skipped: 0 };
  // A runner that failed without a failed test (it crashed, a file did not load) still failed.
  steps.push({ name, ...c, failed: c.failed || (ok ? 0 : 1), note: counts ? '' : ok ? 'ok' : 'FAILED' });
};

record('type-check', run('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));

const vitestReport = freshReport('test-results/vitest.json');
const vitestOk = run('unit and integration (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const v = vitestReport();
record('unit and integration', vitestOk, v && { passed: v.numPassedTests, failed: v.numFailedTests, skipped: v.numPendingTests + (v.numTodoTests ?? 0) });

if (process.env.SKIP_E2E === '1') console.log('\n== e2e skipped (SKIP_E2E=1)');
else {
  const built = run('build the renderer', 'npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  if (!built) record('build the renderer (e2e not run)', false);
  else {
    const playwrightReport = freshReport('test-results/playwright.json');
    const e2eOk = run('e2e (Playwright, Chromium, browser mode)', 'npx', ['playwright', 'test', '--project=e2e', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json' });
    const p = playwrightReport();
    record('e2e', e2eOk, p && { passed: p.stats.expected + (p.stats.flaky ?? 0), failed: p.stats.unexpected, skipped: p.stats.skipped });
  }
}

const total = (key) => steps.reduce((sum, s) => sum + s[key], 0);
const counts = (s) => `${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`;
console.log('\n== summary');
for (const s of steps) console.log(`  ${s.name.padEnd(22)} ${s.note || counts(s)}`);
const failed = total('failed');
console.log(`\ntests: ${total('passed')} passed, ${failed} failed${total('skipped') ? `, ${total('skipped')} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
