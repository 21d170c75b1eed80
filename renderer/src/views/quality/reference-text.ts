import type { TFunction } from 'i18next';
import type { ReferenceImport } from '../../../../shared/channels/quality.ts';

/**
 * The service refuses an unusable reference file with an English sentence
 * (for the CLI); the UI words the known cases in the user's language from
 * the names in that sentence, and shows anything else as it came.
 */
export function referenceErrorText(t: TFunction, error: Error): string {
  const m = error.message;
  let hit = /^(.+) has no column of record ids matching/.exec(m);
  if (hit) return t('quality.reference.error.noIdColumn', { file: hit[1] });
  hit = /^No record id in column "(.+)" of (.+?) matches/.exec(m);
  if (hit) return t('quality.reference.error.noMatch', { column: hit[1], file: hit[2] });
  hit = /^(.+) has no columns that map to customer fields/.exec(m);
  if (hit) return t('quality.reference.error.noFields', { file: hit[1] });
  return m;
}

export function referenceResultText(t: TFunction, lang: string, r: ReferenceImport): string {
  const text = t('quality.reference.result', {
    file: r.fileName,
    rows: r.rows.toLocaleString(),
    matched: r.matchedRows.toLocaleString(),
    column: r.idColumn,
    values: r.values.toLocaleString(),
    fields: new Intl.ListFormat(lang, { type: 'conjunction' }).format(r.fields.map((f) => t(`quality.fieldName.${f}`, { defaultValue: f }))),
  });
  const unmatched = r.rows - r.matchedRows;
  // Chinese sentences follow each other without a space.
  return unmatched > 0 ? `${text}${lang.startsWith('zh') ? '' : ' '}${t('quality.reference.unmatched', { count: unmatched })}` : text;
}
