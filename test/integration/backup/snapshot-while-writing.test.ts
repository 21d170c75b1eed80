import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupProject } from '../../../main/backup/create-backup.ts';
import { restoreProject } from '../../../main/backup/restore-backup.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { readAllTables } from '../../helpers/project-tables.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { PASSPHRASE, smallProject } from './backup-fixture.ts';

const tempDir = useTempDir();

describe('a backup taken while work continues', () => {
  it('holds the project as it was when the backup started, though another connection commits between every step of the copy', async () => {
    const dir = tempDir();
    const project = await smallProject(dir, 2000);
    const before = readAllTables(project);

    const backupDb = openProject(project);
    const writer = openProject(project); // the app's own connection, say, saving edits meanwhile
    const edit = writer.prepare("UPDATE customer_records SET email = 'edited.' || ? || '@example.org' WHERE id = ?");
    const ids = writer.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
    let steps = 0;
    let writes = 0;
    const backup = await backupProject(backupDb, project, join(dir, 'during.crmsteward.gz.age'), PASSPHRASE, 'manual', {
      pagesPerStep: 4, // many steps, each followed by a commit from the other connection
      onProgress: (p) => {
        if (p.step !== 'snapshot') return;
        steps++;
        edit.run(steps, ids[steps % ids.length]);
        writes++;
      },
    });
    backupDb.close();
    writer.close();
    expect(steps).toBeGreaterThan(20);
    // The edits are in the project...
    expect(readAllTables(project).customer_records).not.toEqual(before.customer_records);

    // ...and not in the backup: it is the project as of its start, every table of it.
    const restored = join(dir, 'restored.crmsteward');
    await restoreProject({ backupPath: backup.path, projectPath: restored, passphrase: PASSPHRASE, previous: { folder: join(dir, 'unused'), passphrase: PASSPHRASE, policy: { keepLast: 1, keepDaily: 0, keepWeekly: 0 } } });
    expect(readAllTables(restored)).toEqual(before);
    expect(writes).toBe(steps);
  }, 120_000);
});
