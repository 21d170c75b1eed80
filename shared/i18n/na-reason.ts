/**
 * Why a metric is not measured, in the reader's language: the service words
 * the reason in English (main/quality/metrics.ts) for the CLI and the JSON;
 * the app's score cards and the HTML report say it through the dictionaries.
 */
import type { Translate } from './translate.ts';

const known: Record<string, string> = {
  'no records': 'noRecords',
  'field not mapped in this project': 'notMapped',
  'timeliness is judged per record, under updated_at': 'perRecord',
  'no update or creation dates mapped': 'noDates',
  'duplicate matching has not been run': 'noMatchRun',
};

export function naReasonText(t: Translate, reason: string | undefined): string {
  if (!reason) return '';
  // metrics.ts's noReference: the whole explanation, said in the reader's words.
  if (reason.startsWith('Accuracy is not measured')) return t('quality.accuracyNone');
  if (known[reason]) return t(`quality.naReason.${known[reason]}`);
  return /^no \w+ rule for this field$/.test(reason) ? t('quality.naReason.noRule') : reason;
}
