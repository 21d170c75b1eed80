import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { openTestDb, addSource, type TestDb, type CustomerInput } from './test-db.ts';
import { profileProject } from '../../../main/quality/profile.ts';
import { queryIssues } from '../../../main/quality/issues-query.ts';
import { writeAuditReport } from '../../../main/quality/report/audit-html.ts';
import { writeAuditJson } from '../../../main/quality/report/audit-json.ts';

const now = new Date('2025-07-01T00:00:00Z');
const fields = ['source_record_id', 'full_name', 'email', 'phone', 'country', 'updated_at'];

function people(n: number, bad: (i: number) => boolean): CustomerInput[] {
  return Array.from({ length: n }, (_, i) => ({
    source_record_id: `R${i}`,
    full_name: bad(i) ? 'TEST' : `Person ${String.fromCharCode(65 + (i % 26))}`,
    email: bad(i) ? `p${i}@@mail` : `p${i}@gmail.com`,
    phone: `+49 30 ${1000000 + i}`,
    country: 'DE',
    updated_at: '2025-06-01',
  }));
}

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.cleanup());

describe('cancelling a run', () => {
  it('leaves the previous results intact', async () => {
    addSource(t.db, 'first.csv', fields, people(50, (i) => i < 5));
    const first = await profileProject(t.db, { now });
    const before = queryIssues(t.db, { field: 'email', dimension: 'validity' });
    expect(before).toHaveLength(5);
    const issuesBefore = (t.db.prepare('SELECT COUNT(*) n FROM quality_current_issues').get() as { n: number }).n;

    addSource(t.db, 'second.csv', fields, people(3000, (i) => i % 2 === 0));
    const controller = new AbortController();
    await expect(
      profileProject(t.db, { now, batchSize: 500, signal: controller.signal, onProgress: (p) => p.done >= 1000 && controller.abort() }),
    ).rejects.toMatchObject({ code: 'cancelled' });

    expect(queryIssues(t.db, { field: 'email', dimension: 'validity' })).toEqual(before);
    expect((t.db.prepare('SELECT COUNT(*) n FROM quality_current_issues').get() as { n: number }).n).toBe(issuesBefore);
    const runs = t.db.prepare('SELECT id, status FROM quality_runs ORDER BY id').all();
    expect(runs).toEqual([{ id: first.runId, status: 'current' }, { id: first.runId + 1, status: 'cancelled' }]);
    expect((t.db.prepare('SELECT COUNT(*) n FROM quality_issues WHERE run_id <> ?').get(first.runId) as { n: number }).n).toBe(0);

    const next = await profileProject(t.db, { now });
    expect(queryIssues(t.db, { field: 'email', dimension: 'validity' })).toHaveLength(5 + 1500);
    expect((t.db.prepare('SELECT COUNT(*) n FROM quality_issues WHERE run_id <> ?').get(next.runId) as { n: number }).n).toBe(0);
  });

  it('stops both threads of a big project and leaves the previous results intact', async () => {
    // 80,000 customers: enough for the worker thread to take half the chunks (parallel-check.ts minPerThread).
    addSource(t.db, 'big.csv', fields, people(80_000, (i) => i % 10 === 0));
    const first = await profileProject(t.db, { now, threads: 2 });
    const bad = queryIssues(t.db, { field: 'email', dimension: 'validity' });
    expect(bad).toHaveLength(8_000);

    addSource(t.db, 'more.csv', fields, people(2_000, () => true));
    const controller = new AbortController();
    let seen = 0;
    await expect(
      profileProject(t.db, { now, threads: 2, signal: controller.signal, onProgress: (p) => ((seen = p.done), p.done >= 20_000 && controller.abort()) }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(seen).toBeLessThan(82_000);
    expect(queryIssues(t.db, { field: 'email', dimension: 'validity' })).toEqual(bad);
    expect(t.db.prepare('SELECT id, status FROM quality_runs ORDER BY id').all()).toEqual([
      { id: first.runId, status: 'current' },
      { id: first.runId + 1, status: 'cancelled' },
    ]);

    // Nothing of the cancelled run lingers, and the next run (both threads again) counts everyone.
    await profileProject(t.db, { now, threads: 2 });
    expect(queryIssues(t.db, { field: 'email', dimension: 'validity' })).toHaveLength(8_000 + 2_000);
  }, 60_000);
});

describe('audit outputs', () => {
  it('writes a self-contained HTML report and a JSON file with every issue', async () => {
    addSource(t.db, 'crm.csv', fields, people(40, (i) => i % 4 === 0));
    const result = await profileProject(t.db, { now });
    const dir = dirname(t.path);
    const html = join(dir, 'report.html');
    writeAuditReport(t.db, result, html, { maxIssueRows: 5 });
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<svg');
    expect(page).toContain('Completeness');
    expect(page).not.toMatch(/<script|src="http|href="http|@import|url\(/);
    const total = (t.db.prepare('SELECT COUNT(*) n FROM quality_issues WHERE run_id = ?').get(result.runId) as { n: number }).n;
    expect(page).toContain(`Showing 5 of ${total} issues`);

    const json = join(dir, 'audit.json');
    const n = await writeAuditJson(t.db, result, json);
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as { metrics: { overall: { completeness: { value: number } } }; issues: Record<string, string>[] };
    expect(n).toBe(total);
    expect(parsed.issues).toHaveLength(total);
    expect(parsed.metrics.overall.completeness.value).toBeCloseTo(result.metrics.overall.completeness.value!, 10);
    expect(parsed.issues).toContainEqual({ source: 'crm.csv', recordId: 'R4', field: 'email', rule: 'email_syntax', severity: 'error', message: '"p4@@mail" has more than one @' });
    expect(Object.keys(parsed.issues[0]).sort()).toEqual(['field', 'message', 'recordId', 'rule', 'severity', 'source']);
  });
});
