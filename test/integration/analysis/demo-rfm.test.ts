import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeRfm } from '../../../main/analysis/rfm.ts';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { customerIdentities } from '../../../main/store/rfm-repo.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { expectedRfm } from '../../helpers/rfm-truth.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const DEMO = 'resources/demo';

describe('the demo project', () => {
  it('imports its orders and needs with the customers, and RFM agrees with the demo\'s truth', async () => {
    const db = openProject(join(tempDir(), 'demo.crmsteward'), { create: true });
    const files = readdirSync(DEMO).filter((f) => /\.(csv|xlsx)$/.test(f)).map((f) => ({ path: join(DEMO, f) }));
    const imported = await importFiles(db, files);
    expect(imported.filter((f) => f.entity !== 'customer').map((f) => [f.file, f.entity])).toEqual([['needs.csv', 'need'], ['orders.csv', 'transaction']]);
    const rates = { EUR: 1, USD: 0.92, CNY: 0.13, GBP: 1.17 };
    const run = computeRfm(db, { asOf: '2026-10-01', per: 'customer', currency: 'EUR', rates });
    const names = customerIdentities(db);
    const got = run.rows.map((x) => ({ recordId: names.get(x.entityId)!.recordId, recency: x.recencyDays, frequency: x.frequency, monetary: x.monetary, r: x.r, f: x.f, m: x.m }))
      .sort((a, b) => a.recordId!.localeCompare(b.recordId!));
    expect(got).toEqual(expectedRfm(join(DEMO, 'truth', 'rfm.truth.csv'), '2026-10-01', rates));
    const manifest = JSON.parse(readFileSync(join(DEMO, 'manifest.json'), 'utf8')) as { activity: { unknownReferences: number } };
    expect(run.unlinked).toBe(manifest.activity.unknownReferences);
    expect(db.prepare("SELECT count(*) FROM needs WHERE link_status = 'linked'").pluck().get()).toBeGreaterThan(800);
  }, 120_000);
});
