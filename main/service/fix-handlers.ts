import type { Handlers } from '../../shared/contract.ts';
import { beforeAfter } from '../quality/before-after.ts';
import { countOpen, decide, type Selection } from '../fix/decide.ts';
import { fixSettings, saveFixSettings } from '../fix/fix-settings.ts';
import { fixRules } from '../fix/fix-rules.ts';
import { editSuggestion, fixSummary } from '../fix/suggestion-queries.ts';
import type { ServiceContext } from './service-context.ts';
import { checkValue } from './value-check.ts';
import { issueText } from '../../shared/i18n/issue-text.ts';
import { qualityText } from '../../shared/i18n/quality-text.ts';
import { makeTranslate } from '../../shared/i18n/translate.ts';

/** Refusals from the service are sentences in English, as every other error it sends. */
const english = makeTranslate(qualityText.en);

/** Above this many suggestions an accept runs as a job with progress and cancel rather than while the user waits. */
const INLINE_LIMIT = 5000;

export function fixHandlers(ctx: ServiceContext): Pick<Handlers, 'quality:before-after' | 'fix:rules' | 'fix:settings' | 'fix:run' | 'fix:summary' | 'fix:page' | 'fix:decide' | 'fix:edit'> {
  return {
    'quality:before-after': async () => beforeAfter(ctx.project().db),
    'fix:rules': async () => ({
      rules: fixRules.map((r) => ({ id: r.id, fields: [...r.fields], safe: r.safe, flags: r.flags })),
      settings: fixSettings(ctx.project().db),
    }),
    'fix:settings': async (input) => {
      ctx.assertCanWrite();
      return saveFixSettings(ctx.project().db, input);
    },
    'fix:run': async () => ({ jobId: ctx.startJob('fix', {}) }),
    'fix:summary': async () => fixSummary(ctx.project().db),
    'fix:page': async (q) => ctx.project().suggestions.page(q),
    'fix:decide': async ({ action, ids, filter }) => {
      ctx.assertCanWrite();
      const { db } = ctx.project();
      const selection: Selection = ids ? { ids } : { filter };
      if (action === 'accept' && countOpen(db, selection) > INLINE_LIMIT) {
        const jobId = ctx.startJob('fix-apply', { action, selection, actor: 'steward' });
        return { jobId, accepted: 0, rejected: 0, reopened: 0, stale: 0, batchId: null };
      }
      const result = decide(db, action, selection, { actor: 'steward' });
      ctx.changed();
      return { jobId: null, ...result };
    },
    'fix:edit': async ({ id, after }) => {
      ctx.assertCanWrite();
      const { db } = ctx.project();
      const row = editSuggestion(db, id, after, (field, value) => {
        const customer = db.prepare('SELECT customer_id FROM fix_suggestions WHERE id = ?').pluck().get(id) as number;
        const check = checkValue(db, ctx.sourceContexts(), customer, field as never, value === null ? '' : String(value));
        return check.valid ? null : check.problem ? issueText(english, field, check.problem.message) : 'This value is not valid.';
      });
      ctx.changed();
      return row;
    },
  };
}
