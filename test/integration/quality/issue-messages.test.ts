/**
 * Every finding the engine stores can be said in English and in Chinese: a
 * generated messy export in two files is imported, matched and profiled
 * through the service, and each distinct finding (its code, parameters and
 * field, as quality_current_issues gives them) is put into words the way the
 * app does it (i18next with the shared dictionaries) and the way the report
 * and the CLI do it (makeTranslate). A code without a template, a template
 * naming a parameter the finding lacks, or a Chinese template left in English
 * fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { IssueCode } from '../../../shared/domain/issue-message.ts';
import { issueText, type SayableMessage } from '../../../shared/i18n/issue-text.ts';
import { languages, makeTranslate, type Translate } from '../../../shared/i18n/translate.ts';
import { qualityText } from '../../../shared/i18n/quality-text.ts';
import { parseIssueParams } from '../../../main/quality/issues-query.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { csvPart, makeService } from '../match/match-fixture.ts';

const tempDir = useTempDir();

/** The app's translator: an i18next instance set up as renderer/src/i18n/index.ts sets it up. */
async function appTranslate(lng: string): Promise<Translate> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: qualityText.en }, 'zh-CN': { translation: qualityText['zh-CN'] } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return (key, vars) => i18n.t(key, vars ?? {});
}

/** What is wrong with a finding said in words: a template missing, a parameter not filled in. */
function faults(said: string): string[] {
  const found: string[] = [];
  if (said.includes('issueMessage.')) found.push('no template');
  if (/\{\{|\}\}/.test(said)) found.push('parameter left unfilled');
  if (said.includes('undefined')) found.push('parameter missing');
  return found;
}

describe('issue messages in the UI language', () => {
  it('says every finding of a matched, profiled messy export in English and in Chinese, every template found and filled', async () => {
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
    const rows = db.prepare('SELECT DISTINCT field, rule, code, params FROM quality_current_issues').all() as { field: string; rule: string; code: IssueCode; params: string | null }[];
    db.close();
    const findings: (SayableMessage & { field: string; rule: string })[] = rows.map((r) => ({ field: r.field, rule: r.rule, code: r.code, params: parseIssueParams(r.params) }));

    // Each kind of problem once ("zh-CN app missing: no template"), with an example of what was said.
    const problems = new Map<string, string>();
    const note = (lang: string, how: string, code: string, fault: string, said: string) => {
      if (!problems.has(`${lang} ${how} ${code}: ${fault}`)) problems.set(`${lang} ${how} ${code}: ${fault}`, said);
    };
    for (const lang of languages) {
      const ways = { report: makeTranslate(qualityText[lang]), app: await appTranslate(lang) };
      for (const f of findings) {
        const said = { report: issueText(ways.report, f.field, f), app: issueText(ways.app, f.field, f) };
        for (const how of ['report', 'app'] as const) {
          for (const fault of faults(said[how])) note(lang, how, f.code, fault, said[how]);
          // Chinese with the quoted values taken out must have no English sentence left in it.
          if (lang === 'zh-CN' && /\b(is|has|the|of|not|same|than)\b/.test(said[how].replace(/"[^"]*"|“[^”]*”/g, ''))) note(lang, how, f.code, 'English in Chinese', said[how]);
        }
        // The app and the report say it in the same words.
        if (said.app !== said.report) note(lang, 'app', f.code, 'differs from the report', `${said.app} | ${said.report}`);
        // Every parameter the finding carries is said (nothing the engine found is dropped on the way).
        for (const [name, value] of Object.entries(f.params)) if (!said.report.includes(String(value))) note(lang, 'report', f.code, `${name} not said`, said.report);
      }
    }
    expect(Object.fromEntries(problems)).toEqual({});

    // The export really produced the kinds of finding the grid shows most, so the checks above were not vacuous.
    for (const rule of ['missing', 'format_inconsistent', 'stale', 'duplicate_email', 'placeholder', 'email_syntax', 'phone_invalid', 'probable_duplicate', 'differs_across_sources', 'income_outlier']) {
      expect(findings.some((f) => f.rule === rule), rule).toBe(true);
    }
    expect(new Set(findings.map((f) => f.code)).size).toBeGreaterThanOrEqual(20);
    expect(findings.some((f) => f.code === 'legacyText')).toBe(false);
  }, 120_000);
});
