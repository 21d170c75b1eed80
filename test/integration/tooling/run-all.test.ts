import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp.ts';

/**
 * `npm test` (test/run-all.mjs) must tell the whole truth: every step runs
 * whatever failed before it, both runners' counts are reported, and any
 * failure makes it exit non-zero. The real tools are replaced by an `npx`
 * stub on the PATH that passes or fails each step as told and writes the
 * runners' JSON reports.
 */
const tempDir = useTempDir();
const runAll = resolve('test/run-all.mjs');

interface Outcome {
  typecheck: 'pass' | 'fail';
  /** Counts vitest reports, or 'crash': it fails without writing a report. */
  vitest: { passed: number; failed: number } | 'crash';
  e2e: { passed: number; failed: number };
}

function npmTest(outcome: Outcome): { status: number | null; stdout: string } {
  const dir = tempDir();
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const vitest = outcome.vitest === 'crash'
    ? 'exit 1'
    : `echo '{"numPassedTests":${outcome.vitest.passed},"numFailedTests":${outcome.vitest.failed},"numPendingTests":0}' > test-results/vitest.json; exit ${outcome.vitest.failed ? 1 : 0}`;
  const e2e = `echo '{"stats":{"expected":${outcome.e2e.passed},"unexpected":${outcome.e2e.failed},"skipped":0,"flaky":0}}' > "$PLAYWRIGHT_JSON_OUTPUT_NAME"; exit ${outcome.e2e.failed ? 1 : 0}`;
  writeFileSync(join(bin, 'npx'), `#!/bin/sh
case "$1" in
  tsc) exit ${outcome.typecheck === 'pass' ? 0 : 1} ;;
  vitest) ${vitest} ;;
  vite) exit 0 ;;
  playwright) ${e2e} ;;
esac
exit 2
`);
  chmodSync(join(bin, 'npx'), 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` };
  delete env.SKIP_E2E;
  const res = spawnSync(process.execPath, [runAll], { cwd: dir, encoding: 'utf8', env });
  return { status: res.status, stdout: res.stdout };
}

const lastLine = (out: string) => out.trim().split('\n').at(-1);

describe('npm test (test/run-all.mjs)', () => {
  it('runs the e2e tests after a failed type-check and a failed unit test, and reports every count', () => {
    const res = npmTest({ typecheck: 'fail', vitest: { passed: 40, failed: 1 }, e2e: { passed: 12, failed: 0 } });
    expect(res.stdout).toContain('== e2e (Playwright, Chromium, browser mode)');
    expect(res.stdout).toMatch(/type-check\s+FAILED/);
    expect(res.stdout).toMatch(/unit and integration\s+40 passed, 1 failed/);
    expect(res.stdout).toMatch(/e2e\s+12 passed, 0 failed/);
    expect(lastLine(res.stdout)).toBe('tests: 52 passed, 2 failed');
    expect(res.status).toBe(1);
  });

  it('counts a runner that fails without reporting a failed test as a failure', () => {
    const res = npmTest({ typecheck: 'pass', vitest: 'crash', e2e: { passed: 12, failed: 0 } });
    expect(res.stdout).toMatch(/unit and integration\s+FAILED/);
    expect(lastLine(res.stdout)).toBe('tests: 12 passed, 1 failed');
    expect(res.status).toBe(1);
  });

  it('fails on a failed e2e test and passes only when everything passes', () => {
    expect(npmTest({ typecheck: 'pass', vitest: { passed: 40, failed: 0 }, e2e: { passed: 11, failed: 1 } }).status).toBe(1);
    const green = npmTest({ typecheck: 'pass', vitest: { passed: 40, failed: 0 }, e2e: { passed: 12, failed: 0 } });
    expect(lastLine(green.stdout)).toBe('tests: 52 passed, 0 failed');
    expect(green.status).toBe(0);
  });
});
