/**
 * Every issue message the engine writes can be said in Chinese: a generated
 * messy export in two files is imported, matched and profiled through the
 * service, and each distinct stored message must be read back by the UI's
 * templates (shared/i18n/issue-message.ts). Rebuilt in English
 * it must be exactly the stored text, so a template that reads a message
 * wrongly, or an engine message that changed, fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { localizeIssueMessage } from '../../../shared/i18n/issue-message.ts';
import { makeTranslate } from '../../../shared/i18n/translate.ts';
import { qualityText } from '../../../shared/i18n/quality-text.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { csvPart, makeService } from '../match/match-fixture.ts';

const tempDir = useTempDir();

describe('issue messages in the UI language', () => {
  it('reads every message of a matched, profiled messy export back: exactly in English, translated in Chinese', async () => {
    const dir = tempDir();
    const whole = join(dir, 'all.csv');
    await writeCsvExport({ out: whole, rows: 3000, seed: 5, preset: 'generic', quotedNewlineRate: 0, generate: { duplicateRate: 0.3, errorRate: 0.3 } });
    const lines = readFileSync(whole, 'utf8').trimEnd().split('\n');
    const files = [csvPart(dir, 'crm.csv', lines, 0, 1500), csvPart(dir, 'shop.csv', lines, 1500, 3000)];

    const { service, waitForJob, events } = makeService(dir);
    const profiles = () => events.filter((e) => e.event === 'job:done' && (e.payload as { kind: string }).kind === 'profile').length;
    const project = join(dir, 'p.crmsteward');
    await service.invoke('project:create', { path: project });
    expect((await waitForJob((await service.invoke('import:start', { files: files.map((path) => ({ path })) })).jobId)).status).toBe('succeeded');
    while (profiles() < 1) await new Promise((r) => setTimeout(r, 20));
    expect((await waitForJob((await service.invoke('match:start', {})).jobId)).status).toBe('succeeded');
    while (profiles() < 2) await new Promise((r) => setTimeout(r, 20));

    const db = new Database(project, { readonly: true });
    const stored = db.prepare('SELECT rule, message FROM quality_current_issues GROUP BY rule, message').all() as { rule: string; message: string }[];
    db.close();

    const en = makeTranslate(qualityText.en);
    const zh = makeTranslate(qualityText['zh-CN']);
    const wrongInEnglish = stored.filter((s) => localizeIssueMessage(en, s.message) !== s.message);
    const untranslated = stored.filter((s) => {
      const said = localizeIssueMessage(zh, s.message);
      return said === undefined || said.includes('issueMessage.') || /\b(is|has|the|of|not)\b/.test(said.replace(/"[^"]*"|“[^”]*”/g, ''));
    });
    expect(wrongInEnglish).toEqual([]);
    expect(untranslated).toEqual([]);
    // The export really produced the kinds of message the grid shows most, so the checks above were not vacuous.
    for (const rule of ['missing', 'format_inconsistent', 'stale', 'duplicate_email', 'placeholder', 'email_syntax', 'phone_invalid', 'probable_duplicate', 'differs_across_sources', 'income_outlier']) {
      expect(stored.some((s) => s.rule === rule), rule).toBe(true);
    }
  }, 120_000);
});
