/**
 * How every command that works on a project opens it: a command that
 * writes takes the project's lock first (another program that has it open
 * is named, and the command stops before it changes anything); one that
 * only reads does not, so it works while the app has the project open. An
 * encrypted project's passphrase comes from the environment or the terminal.
 */
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { openProject, type Db } from '../store/open-project.ts';
import { claimProject, type ProjectLock } from '../store/project-lock.ts';
import { fileEncryption, keyForFile, newKey, type ProjectKey } from '../store/project-key.ts';
import { requireOption, type ParsedArgs } from './args.ts';
import { chosenPassphrase, currentPassphrase, PASSPHRASE_ENV } from './passphrase.ts';

export interface SessionOptions {
  /** The command's name, shown to a program refused the lock ("crm-steward fix"). */
  command: string;
  /** 'read' opens read-only and takes no lock. */
  access: 'read' | 'write';
  /** Create the project when it does not exist (import); encrypted when `--encrypt` was given. */
  create?: boolean;
}

export interface Session {
  path: string;
  db: Db;
  /** The project did not exist before this command. */
  created: boolean;
}

export async function withProject<T>(args: ParsedArgs, opts: SessionOptions, run: (session: Session) => Promise<T> | T): Promise<T> {
  const path = resolve(requireOption(args, 'project'));
  if (!opts.create && fileEncryption(path) === 'missing') throw new AppError('project_not_found', `No project file at ${path}.`);
  const lock = opts.access === 'write' ? claimProject(path, `crm-steward ${opts.command}`) : null;
  let db: Db | null = null;
  try {
    noteTakeover(lock);
    const state = fileEncryption(path);
    const created = state === 'missing' && opts.create === true;
    if (args.options.has('encrypt') && !created) throw new AppError('invalid_input', `${path} exists already; --encrypt protects a new project (use crm-steward encrypt for an existing one).`);
    const key = created ? await keyForNewProject(args) : state === 'encrypted' ? await keyForFile(await currentPassphrase(path), path) : null;
    db = openProject(path, { create: created, key, readonly: opts.access === 'read' });
    return await run({ path, db, created });
  } finally {
    db?.close();
    lock?.release();
  }
}

async function keyForNewProject(args: ParsedArgs): Promise<ProjectKey | null> {
  if (!args.options.has('encrypt')) return null;
  return newKey(await chosenPassphrase([PASSPHRASE_ENV], 'protect the new project'));
}

/** A person at a terminal is told when a killed program's lock was taken over; scripts' output stays clean. */
function noteTakeover(lock: ProjectLock | null): void {
  const previous = lock?.tookOverFrom;
  if (previous && process.stderr.isTTY) process.stderr.write(`(${previous.program}, process ${previous.pid}, had stopped without closing the project; its lock was taken over.)\n`);
}
