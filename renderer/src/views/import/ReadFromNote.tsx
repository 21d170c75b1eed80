import { useTranslation } from 'react-i18next';
import type { FilePreview } from '../../../../shared/contract.ts';

/**
 * Where in the file this source's rows come from: which sheet of a workbook
 * (and what became of the others), or which array of a JSON wrapper (and
 * which arrays are left out). Nothing the file holds goes unmentioned.
 */
export function ReadFromNote({ preview }: { preview: FilePreview }) {
  const { t } = useTranslation();
  if (preview.sheets && preview.sheets.length > 1) {
    const list = preview.sheets
      .map((s) => (s.name === preview.sheet || s.dataRows ? s.name : t(s.header ? 'import.sheetHeaderOnly' : 'import.sheetEmpty', { name: s.name })))
      .join(', ');
    return (
      <p className="muted small" data-testid="read-from">
        {t('import.sheetOf', { sheet: preview.sheet, file: preview.fileName })} {t('import.workbookSheets', { list })}
      </p>
    );
  }
  if (preview.json?.recordsKey) {
    const others = preview.json.otherArrays.map((a) => t('import.jsonArray', { key: a.key, count: a.elements })).join(', ');
    return (
      <p className="muted small" data-testid="read-from">
        {t('import.jsonRecordsFrom', { key: preview.json.recordsKey })} {others && t('import.jsonOthers', { list: others })}
      </p>
    );
  }
  return null;
}
