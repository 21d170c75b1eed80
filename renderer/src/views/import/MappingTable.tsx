import { useTranslation } from 'react-i18next';
import type { FilePreview } from '../../../../shared/contract.ts';
import { allFields, type Entity, type TargetField } from '../../../../shared/domain/fields.ts';
import { fieldOf, withField } from '../../../../shared/domain/mapping.ts';

type Mapping = FilePreview['mapping'];

/** One row per source column: its target field (or kept as an extra field) and sample values. */
export function MappingTable({ preview, mapping, entity, onChange }: { preview: FilePreview; mapping: Mapping; entity: Entity; onChange: (m: Mapping) => void }) {
  const { t } = useTranslation();
  const options = allFields.filter((f) => f.entity === entity);
  const set = (header: string, value: string): void => onChange(withField(preview.headers, mapping, header, (value || null) as TargetField | null));
  return (
    <table className="mapping" data-testid={`mapping-${preview.sourceName}`}>
      <thead>
        <tr>
          <th>{t('import.column')}</th>
          <th>{t('import.mapsTo')}</th>
          <th>{t('import.sampleValues')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.headers.map((h, i) => (
          <tr key={h}>
            <td className="mono">{h}</td>
            <td>
              <select aria-label={h} data-testid={`map-${h}`} value={fieldOf(mapping, h) ?? ''} onChange={(e) => set(h, e.target.value)}>
                <option value="">{t('import.keepAsExtra')}</option>
                {options.map((f) => (
                  <option key={f.key} value={f.key}>{t(f.label)}</option>
                ))}
              </select>
            </td>
            <td className="samples">
              {preview.sample.slice(0, 3).map((row, r) => (
                <span key={r} className="sample">{row[i] || '∅'}</span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
