import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { segmentCustomers } from '../../../main/segment/segment-customers.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const fixture = join(import.meta.dirname, '../../fixtures/kmeans-reference/customers.csv');

describe('a cancelled segmentation', () => {
  it('leaves the previous segmentation current, with its names, and nothing of the cancelled run', async () => {
    const db = openProject(join(tempDir(), 'p.crmsteward'), { create: true });
    await importFiles(db, [{ path: fixture }]);
    const first = segmentCustomers(db, { features: ['age', 'income'], k: 3, asOf: '2026-01-01' }).view;
    db.prepare("UPDATE segments SET name = 'Young savers' WHERE segment = 1").run();
    const cancelled = new AbortController();
    cancelled.abort();
    expect(() => segmentCustomers(db, { features: ['age', 'income'], k: 4, asOf: '2026-01-01' }, { signal: cancelled.signal })).toThrow(/cancelled; the previous one is still current/);
    const current = db.prepare('SELECT id, k FROM segmentations WHERE is_current = 1').get();
    expect(current).toEqual({ id: first.id, k: 3 });
    expect(db.prepare('SELECT count(*) FROM segmentations').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM segment_members WHERE segmentation_id = ?').pluck().get(first.id)).toBe(553);
    expect(db.prepare('SELECT name FROM segments WHERE segmentation_id = ? AND segment = 1').pluck().get(first.id)).toBe('Young savers');

    // The next run that ends replaces it, members and all.
    const second = segmentCustomers(db, { features: ['age', 'income'], k: 4, asOf: '2026-01-01' }).view;
    expect(db.prepare('SELECT id FROM segmentations').pluck().all()).toEqual([second.id]);
    expect(db.prepare('SELECT count(*) FROM segment_members').pluck().get()).toBe(553);
    db.close();
  });
});
