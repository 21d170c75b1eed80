/**
 * What the benchmarks that run the crm-steward command share: the messy
 * export they import (generated once into bench/.data), the compiled
 * command as a user runs it, and timing a child process with its CPU time
 * and peak memory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { bundlePath, whyFromSource } from '../bin/cli-bundle.mjs';

export { benchDataDir as dataDir, importBenchCsv as benchCsv } from './datasets/import-csv.ts';
export const bin = join(import.meta.dirname, '..', 'bin', 'crm-steward.mjs');
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const load = (): string => loadavg()[0].toFixed(2);

/** The environment a user's command runs in: the compiled command, built from these sources first if it is stale. */
export function compiledCommandEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.CRM_STEWARD_FROM_SOURCE;
  const stale = whyFromSource(env);
  if (stale !== null) {
    console.log(`building the compiled command first (${stale})`);
    if (spawnSync('npm', ['run', '-s', 'build:cli'], { stdio: 'inherit' }).status !== 0) process.exit(1);
  }
  return env;
}

export { bundlePath };

export interface Timed {
  ms: number;
  stdout: string;
  stderr: string;
  /** ", CPU … s (… user, … system), peak RSS … MB" where GNU time is installed, else ''. */
  usage: string;
  peakMb: number | null;
  /** User plus system CPU seconds where GNU time is installed, else NaN. */
  cpu: number;
}

/** Wall time of a child process, with its CPU time and peak memory where GNU time is installed. */
export function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): Timed {
  const gnuTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const res = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '\n%U %S %M', cmd, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 28 })
    : spawnSync(cmd, args, { encoding: 'utf8', env, maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${res.status}: ${res.stderr.slice(-2000)}`);
  if (!gnuTime) return { ms, stdout: res.stdout, stderr: res.stderr, usage: '', peakMb: null, cpu: Number.NaN };
  const [user, system, kb] = res.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  const peakMb = kb / 1024;
  return { ms, stdout: res.stdout, stderr: res.stderr, peakMb, cpu: user + system, usage: `, CPU ${(user + system).toFixed(1)} s (${user.toFixed(1)} user, ${system.toFixed(1)} system), peak RSS ${peakMb.toFixed(0)} MB` };
}
