/**
 * The HTML audit report as a consultant hands it over: the time it was
 * profiled written the way its language writes a date (never the stored ISO
 * text), validity shown where it says it is shown instead of accuracy, and
 * print styles so it prints on A4 without cutting cards, charts or rows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profileProject } from '../../../main/quality/profile.ts';
import { renderAuditReport } from '../../../main/quality/report/audit-html.ts';
import { addSource, openTestDb, type TestDb } from './test-db.ts';

let t: TestDb;
const zone = process.env.TZ;
beforeEach(() => {
  // The report writes the reader's local time; the expected texts below are for UTC.
  process.env.TZ = 'UTC';
  t = openTestDb();
});
afterEach(() => {
  t.cleanup();
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const now = new Date('2026-12-05T14:03:00.000Z');

async function report(lang: 'en' | 'zh-CN'): Promise<string> {
  addSource(t.db, 'crm.csv', ['id', 'email', 'city'], [
    { source_record_id: 'A1', email: 'ann.lee@gmail.com', city: 'Leeds' },
    { source_record_id: 'A2', email: 'not an email', city: 'York' },
    { source_record_id: 'A3', email: 'cy.xu@gmail.com', city: null },
  ]);
  const result = await profileProject(t.db, { now });
  return renderAuditReport(t.db, result, { lang });
}

describe('the audit report', () => {
  it('writes when it was profiled in English the way English writes a date and time', async () => {
    const html = await report('en');
    expect(html).toContain('profiled December 5, 2026 at 2:03 PM');
    expect(html).not.toContain('2026-12-05T14:03');
  });

  it('writes it in Chinese the way Chinese does', async () => {
    const html = await report('zh-CN');
    expect(html).toContain('2026年12月5日 14:03');
    expect(html).not.toContain('2026-12-05T14:03');
    expect(html).toContain('<html lang="zh-CN">');
  });

  it('shows validity where it says validity is shown instead of accuracy, in the report’s language', async () => {
    // Validity checks the emails (a city has no validity rule): two of the three are valid → 66.7%.
    const en = await report('en');
    expect(en).toContain('Validity is shown instead.');
    expect(en).toContain('Shown instead: validity 66.7% (2 of 3 values valid)');
    t.cleanup();
    t = openTestDb();
    const zh = await report('zh-CN');
    expect(zh).toContain('改为显示有效性：66.7%（3 个值中 2 个有效）');
    expect(zh).not.toContain('not measured');
  });

  it('has print styles: A4 pages, nothing cut in two, table heads repeated, charts within the page', async () => {
    const html = await report('en');
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    expect(css).toMatch(/@page\{[^}]*size:A4/);
    const print = /@media print\{([\s\S]*)\}/.exec(css)![1];
    expect(print).toMatch(/\.card,\.chart,tr\{break-inside:avoid\}/);
    expect(print).toMatch(/thead\{display:table-header-group\}/);
    expect(print).toMatch(/\.charts svg\{[^}]*max-width:100%/);
  });
});
