import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAllTables } from '../../helpers/project-tables.ts';
import { onTerminal } from '../../helpers/terminal.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { backupOf, PASSPHRASE, smallProject } from './backup-fixture.ts';

const tempDir = useTempDir();

describe('a backup opens with the standard age tool', () => {
  it('`age -d backup | gunzip > project` gives back every row of every table', async () => {
    const age = spawnSync('age', ['--version'], { encoding: 'utf8' });
    expect(age.status, 'the age tool is not installed (Debian: apt-get install age)').toBe(0);

    const dir = tempDir();
    const project = await smallProject(dir);
    const backup = await backupOf(project, join(dir, 'with spaces', 'acme backup.crmsteward.gz.age'));
    const recovered = join(dir, 'recovered.crmsteward');
    const run = await onTerminal('age -d "$BACKUP" | gunzip > "$OUT"', { BACKUP: backup.path, OUT: recovered }, [{ prompt: /passphrase/i, answer: PASSPHRASE }]);
    expect(run.code, run.output).toBe(0);
    expect(readAllTables(recovered)).toEqual(readAllTables(project));
  }, 60_000);
});
