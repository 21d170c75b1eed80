/**
 * Findings are stored as message codes and parameters since migration 006.
 * A project profiled by an earlier version (findings stored as English
 * sentences) must still show them after the upgrade: its sentences as they
 * were written, its flag-stored findings (missing values, formats, staleness,
 * exact duplicates) with codes, so in the reader's language; the next profile
 * replaces them all with coded findings.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, migrate } from '../../../main/store/migrate.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { issuesOfCustomer } from '../../../main/quality/issues-query.ts';
import { profileProject } from '../../../main/quality/profile.ts';
import { fieldBit, viewSql } from '../../../main/quality/flag-schema.ts';
import { issueText } from '../../../shared/i18n/issue-text.ts';
import { makeTranslate } from '../../../shared/i18n/translate.ts';
import { qualityText } from '../../../shared/i18n/quality-text.ts';
import { addSource } from './test-db.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const en = makeTranslate(qualityText.en);
const zh = makeTranslate(qualityText['zh-CN']);

/** A project file with the schema of the version before message codes (migrations before 006). */
function olderProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-legacy-'));
  dirs.push(dir);
  const older = join(dir, 'migrations');
  mkdirSync(older);
  for (const f of readdirSync(defaultMigrationsDir)) if (/^\d+-.*\.sql$/.test(f) && Number.parseInt(f, 10) < 6) copyFileSync(join(defaultMigrationsDir, f), join(older, f));
  const path = join(dir, 'old.crmsteward');
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  db.pragma('application_id = 1129467219'); // 'CRMS', as openProject marks projects
  migrate(db, older);
  return path;
}

describe('findings stored by an earlier version', () => {
  it('still show after the upgrade: their sentences as written, flag-stored findings in the reader language', async () => {
    const path = olderProject();
    const old = new Database(path);
    const { ids } = addSource(old, 'crm.csv', ['source_record_id', 'full_name', 'email'], [{ source_record_id: 'A1', full_name: 'n/a', email: null }]);
    // What the earlier profiler wrote: a current run, one issue row with its sentence, one flag row (email missing).
    old.prepare("INSERT INTO quality_runs (id, started_at, finished_at, status, options_json) VALUES (1, '2026-01-01', '2026-01-01', 'current', '{\"timelinessDays\":365}')").run();
    old.prepare(
      "INSERT INTO quality_issues (run_id, customer_id, source_id, field, dimension, rule, severity, message) VALUES (1, ?, 1, 'full_name', 'completeness', 'placeholder', 'warning', '\"n/a\" is a placeholder, not a value')",
    ).run(ids[0]);
    old.prepare('INSERT INTO quality_flags (run_id, customer_id, source_id, missing, format, timely) VALUES (1, ?, 1, ?, 0, 3)').run(ids[0], fieldBit('email'));
    old.close();

    const db = openProject(path);
    try {
      const issues = issuesOfCustomer(db, ids[0]);
      expect(issues.map((i) => [i.field, i.rule, i.message])).toEqual([
        ['email', 'missing', { code: 'missing', params: {} }],
        ['full_name', 'placeholder', { code: 'legacyText', params: { text: '"n/a" is a placeholder, not a value' } }],
      ]);
      expect(issues.map((i) => issueText(en, i.field, i.message))).toEqual(['email is empty', '"n/a" is a placeholder, not a value']);
      // Nothing is left to translate an old sentence from, so it stays as written; the flag row is said in Chinese.
      expect(issues.map((i) => issueText(zh, i.field, i.message))).toEqual(['邮箱为空', '"n/a" is a placeholder, not a value']);

      await profileProject(db, { now: new Date('2026-06-01T00:00:00Z') });
      const placeholder = issuesOfCustomer(db, ids[0]).find((i) => i.rule === 'placeholder')!;
      expect(placeholder.message).toEqual({ code: 'placeholder', params: { value: 'n/a' } });
      expect(issueText(zh, placeholder.field, placeholder.message)).toBe('“n/a”是占位值，不是真实值');
      expect((db.prepare("SELECT count(*) FROM quality_issues WHERE code = 'legacyText'").pluck().get() as number)).toBe(0);
    } finally {
      db.close();
    }
  });

  it('a migrated project has exactly the view the code describes (flag-schema.ts)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-view-'));
    dirs.push(dir);
    const db = openProject(join(dir, 'p.crmsteward'), { create: true });
    try {
      const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'quality_current_issues'").pluck().get();
      expect(`${sql};`).toBe(viewSql());
    } finally {
      db.close();
    }
  });
});
