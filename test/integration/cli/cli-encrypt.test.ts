/**
 * crm-steward encrypt / decrypt, and every other command on an encrypted
 * project: the passphrase from the environment or typed at a terminal
 * without echo; any refusal exits 1 with one sentence and changes nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileEncryption } from '../../../main/store/project-key.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const fixture = join(process.cwd(), 'test/fixtures/messy-contacts.csv');

function cli(args: string[], env: Record<string, string> = {}) {
  const base = { ...process.env };
  delete base.CRM_STEWARD_PASSPHRASE;
  delete base.CRM_STEWARD_NEW_PASSPHRASE;
  return spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8', env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** One line on stderr and exit code 1: how every refusal looks. */
function refused(r: ReturnType<typeof cli>, sentence: string | RegExp): void {
  expect(r.status).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  if (typeof sentence === 'string') expect(lines[0]).toBe(sentence);
  else expect(lines[0]).toMatch(sentence);
}

const OLD = { CRM_STEWARD_PASSPHRASE: 'first passphrase' };

describe('crm-steward on encrypted projects', () => {
  it('imports into a new encrypted project and runs every command with the passphrase from the environment', () => {
    const dir = tempDir();
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', fixture, '--project', project, '--encrypt'], OLD).status).toBe(0);
    expect(fileEncryption(project)).toBe('encrypted');
    expect(readFileSync(project).includes(Buffer.from('Müller'))).toBe(false);

    refused(cli(['profile', '--project', project]), 'crm-steward profile: p.crmsteward is encrypted: set CRM_STEWARD_PASSPHRASE, or run the command at a terminal to type the passphrase.');
    refused(cli(['profile', '--project', project], { CRM_STEWARD_PASSPHRASE: 'first passphrasE' }), 'crm-steward profile: The passphrase does not open p.crmsteward: it is wrong, or the file is damaged.');
    expect(cli(['profile', '--project', project, '--json'], OLD).status).toBe(0);
    expect(cli(['dedupe', '--project', project, '--out', join(dir, 'clusters.csv')], OLD).status).toBe(0);
    expect(cli(['fix', '--project', project, '--apply-all'], OLD).status).toBe(0);
    expect(cli(['undo', '--project', project, '--all'], OLD).status).toBe(0);
    const exported = cli(['export', '--project', project, '--out', join(dir, 'out.csv')], OLD);
    expect(exported.status).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toContain('Müller');
    // --encrypt is for a new project only.
    refused(cli(['import', fixture, '--project', project, '--encrypt', '--reimport'], OLD), /exists already; --encrypt protects a new project/);
  }, 120_000);

  it('encrypts, changes the passphrase and decrypts, refusing with one sentence whatever it cannot do', () => {
    const dir = tempDir();
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', fixture, '--project', project]).status).toBe(0);

    refused(cli(['decrypt', '--project', project], OLD), 'crm-steward decrypt: p.crmsteward is not encrypted; there is nothing to decrypt.');
    refused(cli(['encrypt', '--project', project, '--new-passphrase'], OLD), /^crm-steward encrypt: p\.crmsteward is not encrypted, so it has no passphrase to change;/);
    refused(cli(['encrypt', '--project', project], { CRM_STEWARD_PASSPHRASE: 'short' }), 'crm-steward encrypt: Choose a passphrase of at least 8 characters; nothing was changed.');
    refused(cli(['encrypt', '--project', project]), 'crm-steward encrypt: Set CRM_STEWARD_NEW_PASSPHRASE or CRM_STEWARD_PASSPHRASE to protect the project, or run the command at a terminal to type it.');
    refused(cli(['encrypt', '--project', join(dir, 'missing.crmsteward')], OLD), `crm-steward encrypt: No project file at ${join(dir, 'missing.crmsteward')}.`);
    expect(fileEncryption(project)).toBe('plain');
    expect(existsSync(join(dir, 'missing.crmsteward-lock'))).toBe(false);

    const enc = cli(['encrypt', '--project', project, '--json'], OLD);
    expect(enc.status).toBe(0);
    expect(JSON.parse(enc.stdout)).toEqual({ project, encrypted: true });

    const bytes = readFileSync(project);
    refused(cli(['encrypt', '--project', project], { CRM_STEWARD_PASSPHRASE: 'wrong passphrase', CRM_STEWARD_NEW_PASSPHRASE: 'second passphrase' }), 'crm-steward encrypt: The passphrase does not open p.crmsteward: it is wrong, or the file is damaged.');
    expect(readFileSync(project).equals(bytes)).toBe(true);
    const changed = cli(['encrypt', '--project', project, '--new-passphrase'], { ...OLD, CRM_STEWARD_NEW_PASSPHRASE: 'second passphrase' });
    expect(changed.stdout.trim()).toBe('Changed the passphrase of p.crmsteward.');
    refused(cli(['history', '--project', project], OLD), /does not open p\.crmsteward/);
    expect(cli(['history', '--project', project], { CRM_STEWARD_PASSPHRASE: 'second passphrase' }).status).toBe(0);

    const dec = cli(['decrypt', '--project', project], { CRM_STEWARD_PASSPHRASE: 'second passphrase' });
    expect(dec.stdout.trim()).toBe('Decrypted p.crmsteward: it opens without a passphrase now.');
    expect(fileEncryption(project)).toBe('plain');
    expect(cli(['history', '--project', project]).status).toBe(0);
  }, 120_000);

  it('asks at a terminal without echoing what is typed', async () => {
    if (spawnSync('script', ['--version']).status !== 0) throw new Error('util-linux `script` is needed to give the command a terminal');
    const dir = tempDir();
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', fixture, '--project', project]).status).toBe(0);
    const secret = 'typed-at-the-terminal';
    // `script` gives the command a pseudo-terminal; what the test writes is what a person types.
    const child = spawn('script', ['-q', '-e', '-c', `${process.execPath} bin/crm-steward.mjs encrypt --project '${project}'`, '/dev/null'], {
      env: { ...process.env, CRM_STEWARD_PASSPHRASE: '', CRM_STEWARD_NEW_PASSPHRASE: '' },
    });
    let screen = '';
    const shown = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`"${text}" never appeared; the terminal shows: ${screen}`)), 60_000);
        const check = () => screen.includes(text) && (clearTimeout(timer), resolve());
        child.stdout.on('data', check);
        check();
      });
    child.stdout.on('data', (d: Buffer) => (screen += d.toString()));
    await shown('New passphrase: ');
    child.stdin.write(`${secret}\r`);
    await shown('The same passphrase again: ');
    child.stdin.write(`${secret}\r`);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(screen).toContain('Encrypted p.crmsteward');
    expect(screen).not.toContain(secret);
    expect(cli(['history', '--project', project], { CRM_STEWARD_PASSPHRASE: secret }).status).toBe(0);
  }, 120_000);
});
