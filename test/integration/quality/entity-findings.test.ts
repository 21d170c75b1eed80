/**
 * Uniqueness and consistency once duplicates are known: the matching's
 * entities make later members probable duplicates, and a customer's values
 * that disagree across sources inconsistent. Hand-computed on a fixture whose
 * entities are stored as a match run stores them; then end to end on a
 * generated export (import, dedupe, profile through the service).
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, addSource, type TestDb } from './test-db.ts';
import { profileProject } from '../../../main/quality/profile.ts';
import { listIssues } from '../../../main/quality/issues-query.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { generatedCsv, makeService } from '../match/match-fixture.ts';

const now = new Date('2025-07-01T00:00:00Z');
const fields = ['source_record_id', 'full_name', 'email', 'phone', 'country', 'birth_date'];

// crm.csv: c1 Anna Smith; c2 Anna Smith again (same source, same values); c3 Bob Jones (no duplicate).
// shop.csv: s1 Anna Smith with a different email, the same birth date written the other way round, the phone written nationally.
const crm = [
  { source_record_id: 'C1', full_name: 'Anna Smith', email: 'anna.smith@gmail.com', phone: '+1 415 555 0134', country: 'US', birth_date: '1985-03-07' },
  { source_record_id: 'C2', full_name: 'Anna Smith', email: 'Anna.Smith@gmail.com', phone: '+1 415 555 0134', country: 'US', birth_date: '1985-03-07' },
  { source_record_id: 'C3', full_name: 'Bob Jones', email: 'bob@yahoo.com', phone: '+1 212 555 0199', country: 'US', birth_date: '1970-11-30' },
];
const shop = [{ source_record_id: 'S1', full_name: 'Anna Smith', email: 'anna@smith-family.net', phone: '(415) 555-0134', country: 'USA', birth_date: '03/07/1985' }];

let t: TestDb;
let ids: number[];
beforeEach(() => {
  t = openTestDb();
  ids = [...addSource(t.db, 'crm.csv', fields, crm).ids, ...addSource(t.db, 'shop.csv', fields, shop).ids];
});
afterEach(() => t.cleanup());

/** One entity {c1, c2, s1}, as a finished match run leaves it. */
function storeEntity(): void {
  t.db.prepare(
    `INSERT INTO match_runs (kind, status, finished_at, seconds, model_json, threshold, report_threshold, blocking_json, records, comparisons, max_customer_id)
     VALUES ('full', 'current', '2025-06-30T00:00:00Z', 0.1, '{}', 0.9, 0.8, '[]', 4, 6, ?)`,
  ).run(ids[3]);
  const member = t.db.prepare('INSERT INTO match_members (customer_id, cluster_id, probability) VALUES (?, ?, ?)');
  member.run(ids[0], ids[0], 0.999);
  member.run(ids[1], ids[0], 0.999);
  member.run(ids[3], ids[0], 0.95);
  t.db.prepare('INSERT INTO match_clusters (id, size, sources, min_probability, max_probability) VALUES (?, 3, 2, 0.95, 0.999)').run(ids[0]);
}

describe('entity findings in the quality profile', () => {
  it('without a match run, probable duplicates are not measured rather than counted as none', async () => {
    const { metrics } = await profileProject(t.db, { now });
    expect(metrics.byField.record).toBeUndefined();
    expect(metrics.byRule.some((r) => r.rule === 'probable_duplicate' || r.rule === 'differs_across_sources')).toBe(false);
  });

  it('counts later members of an entity as duplicates and values that disagree across sources as inconsistent', async () => {
    storeEntity();
    const { metrics } = await profileProject(t.db, { now });
    // 4 records, 2 of them after the first member of their entity: uniqueness of the whole record = 1 − 2/4.
    expect(metrics.byField.record.uniqueness).toMatchObject({ value: 0.5, numerator: 2, denominator: 4, bad: 2 });
    expect(metrics.byField.record.completeness.value).toBeNull();

    const dupes = listIssues(t.db, { rule: 'probable_duplicate' }).issues;
    expect(dupes.map((i) => i.customerId).sort()).toEqual([ids[1], ids[3]].sort());
    expect(dupes.find((i) => i.customerId === ids[3])).toMatchObject({ message: { code: 'probableDuplicate', params: { customer: ids[0], file: 'crm.csv' } } });

    // Email: c1 and c2 agree (case does not matter), s1 differs → s1 is the minority. Phone, birth date and
    // country are the same values written differently → no finding.
    const differs = listIssues(t.db, { rule: 'differs_across_sources' }).issues;
    expect(differs.map((i) => [i.customerId, i.field])).toEqual([[ids[3], 'email']]);
    expect(differs[0].message).toMatchObject({ code: 'differsAcrossSources', params: { value: 'anna@smith-family.net', other: 'anna.smith@gmail.com' } });
    // Email consistency: 4 present emails, 1 inconsistent.
    expect(metrics.byField.email.consistency).toMatchObject({ numerator: 3, denominator: 4 });
  });
});

describe('after duplicate matching on a generated export', () => {
  const tempDir = useTempDir();
  it('the profile after matching counts every later member of every entity the matching stored', async () => {
    const dir = tempDir();
    const { service, waitForJob, events } = makeService(dir);
    const profiles = () => events.filter((e) => e.event === 'job:done' && (e.payload as { kind: string }).kind === 'profile').length;
    const { path } = await generatedCsv(dir, 400);
    await service.invoke('project:create', { path: join(dir, 'p.crmsteward') });
    expect((await waitForJob((await service.invoke('import:start', { files: [{ path }] })).jobId)).status).toBe('succeeded');
    while (profiles() < 1) await new Promise((r) => setTimeout(r, 20)); // the profile every import triggers
    expect((await waitForJob((await service.invoke('match:start', {})).jobId)).status).toBe('succeeded');
    // Matching triggers a profile of its own, so the dashboard counts the entities it found.
    while (profiles() < 2) await new Promise((r) => setTimeout(r, 20));
    const trend = await service.invoke('quality:snapshots', {});
    expect(trend.map((p) => p.reason)).toEqual(['import', 'match']);
    const overview = await service.invoke('quality:overview', {});
    const summary = await service.invoke('match:summary', {});
    expect(summary.run).not.toBeNull();
    const grouped = summary.clusteredRecords - summary.clusters;
    expect(grouped).toBeGreaterThan(0);
    expect(overview!.metrics.byField.record.uniqueness.bad).toBe(grouped);
  });
});
