import { useTranslation } from 'react-i18next';
import type { FilePreview } from '../../../../shared/contract.ts';
import { unmappedWarnings, type UnmappedWarning as Warning } from '../../../../shared/domain/expected-fields.ts';
import type { Entity } from '../../../../shared/domain/fields.ts';
import { withField } from '../../../../shared/domain/mapping.ts';

type Mapping = FilePreview['mapping'];

/**
 * Warns when a field the quality figures lean on (record id, name, email,
 * phone, last update) is left unmapped while a column looks like it, and
 * offers to map that column.
 */
export function UnmappedWarning({ preview, entity, mapping, idColumn, onMap, onIdColumn }: {
  preview: FilePreview;
  entity: Entity;
  mapping: Mapping;
  idColumn: string | null;
  onMap: (m: Mapping) => void;
  onIdColumn: (column: string) => void;
}) {
  const { t } = useTranslation();
  const warnings = unmappedWarnings(entity, mapping, idColumn, preview.likely);
  if (warnings.length === 0) return null;
  const mapIt = (w: Warning): void => (w.field === 'source_record_id' ? onIdColumn(w.headers[0]) : onMap(withField(preview.headers, mapping, w.headers[0], w.field)));
  return (
    <div className="warning" data-testid="unmapped-warning">
      <ul>
        {warnings.map((w) => (
          <li key={w.field} data-testid={`unmapped-${w.field}`}>
            {t('import.unmapped', { field: t(`field.${w.field}`), columns: w.headers.map((h) => `“${h}”`).join(', ') })}{' '}
            <button className="link" data-testid={`map-likely-${w.field}`} onClick={() => mapIt(w)}>{t('import.mapIt', { column: w.headers[0] })}</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
