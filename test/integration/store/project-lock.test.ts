/**
 * One program writes a project at a time. The lock is held by a live
 * process only: a process killed with SIGKILL leaves nothing that blocks the
 * next one, and whoever takes it over learns whose it was.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { claimProject, lockOwner } from '../../../main/store/project-lock.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Starts a process holding the lock; resolves once it says it holds it. */
function holder(path: string, program: string): Promise<{ child: ChildProcess; said: string }> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/helpers/hold-lock.ts', path, program], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.endsWith('\n')) resolve({ child, said: out.trim() });
    });
    child.on('error', reject);
  });
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
}

describe('the project lock', () => {
  it('refuses a second holder, naming the first, until the first lets go', () => {
    const path = join(tempDir(), 'p.crmsteward');
    const first = claimProject(path, 'CRM Steward (browser mode)');
    const err = refusal(() => claimProject(path, 'crm-steward fix'));
    expect(err.code).toBe('project_in_use');
    expect(err.message).toMatch(new RegExp(`^p\\.crmsteward is in use by CRM Steward \\(browser mode\\) \\(process ${process.pid}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\); close it there and try again\\.$`));
    expect(lockOwner(path)).toMatchObject({ pid: process.pid, program: 'CRM Steward (browser mode)' });
    first.release();
    expect(lockOwner(path)).toBeNull();
    const second = claimProject(path, 'crm-steward fix');
    // A lock let go properly is not reported as taken over.
    expect(second.tookOverFrom).toBeNull();
    second.release();
  });

  it('tells another process who has the project, and lets it take over once that process is killed', async () => {
    const path = join(tempDir(), 'p.crmsteward');
    const { child, said } = await holder(path, 'crm-steward import');
    expect(said).toBe('held');
    const err = refusal(() => claimProject(path, 'CRM Steward (desktop app)'));
    expect(err.message).toContain(`in use by crm-steward import (process ${child.pid},`);
    // The other process cannot have it either.
    // Nor another process, even after the holder has collected its garbage many times (it keeps no reference).
    await new Promise((r) => setTimeout(r, 300));
    const second = await holder(path, 'crm-steward undo');
    expect(second.said).toContain(`in use by crm-steward import (process ${child.pid},`);

    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const lock = claimProject(path, 'CRM Steward (desktop app)');
    expect(lock.tookOverFrom).toMatchObject({ pid: child.pid, program: 'crm-steward import' });
    lock.release();
  });
});
