import { useTranslation } from 'react-i18next';
import type { FilePreview, ImportFileRequest } from '../../../../shared/contract.ts';
import type { Entity } from '../../../../shared/domain/fields.ts';
import { problemText } from '../../components/problem-text.ts';
import { MappingTable } from './MappingTable.tsx';
import { ReadFromNote } from './ReadFromNote.tsx';
import { UnmappedWarning } from './UnmappedWarning.tsx';
import { formatDateTime } from '../../components/format.ts';

export interface FilePlan {
  preview: FilePreview;
  request: ImportFileRequest & { entity: Entity };
}

const encodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'gb18030', 'big5', 'shift_jis', 'euc-kr'] as const;
const delimiterNames: Record<string, string> = { ',': 'import.delim.comma', ';': 'import.delim.semicolon', '\t': 'import.delim.tab', '|': 'import.delim.pipe' };

/** Everything the user can check and change about one file before it is written. */
export function FileReview({ plan, onChange, onReread, onRemove }: {
  plan: FilePlan;
  onChange: (request: FilePlan['request']) => void;
  onReread: (opts: { encoding?: string; delimiter?: string }) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { preview, request } = plan;
  const mapping = request.mapping ?? preview.mapping;
  return (
    <section className="card file-review" data-testid={`review-${preview.sourceName}`}>
      <header className="file-head">
        <h3>{preview.sourceName}</h3>
        <span className="muted small">{t('import.fileFacts', { format: preview.format.toUpperCase(), size: (preview.size / 1024).toFixed(1) })}</span>
        {preview.preset && <span className="tag">{t('import.preset', { name: preview.preset })}</span>}
        <button className="link" onClick={onRemove}>{t('common.remove')}</button>
      </header>
      <div className="file-options">
        {preview.format === 'csv' && (
          <>
            <label className="field inline">
              <span>{t('import.encoding')}</span>
              <select data-testid="encoding" value={preview.encoding ?? ''} onChange={(e) => onReread({ encoding: e.target.value, delimiter: preview.delimiter ?? undefined })}>
                {encodings.map((e) => <option key={e} value={e}>{e}</option>)}
              </select>
            </label>
            <label className="field inline">
              <span>{t('import.delimiter')}</span>
              <select data-testid="delimiter" value={preview.delimiter ?? ','} onChange={(e) => onReread({ delimiter: e.target.value, encoding: preview.encoding ?? undefined })}>
                {Object.entries(delimiterNames).map(([d, key]) => <option key={d} value={d}>{t(key)}</option>)}
              </select>
            </label>
          </>
        )}
        <label className="field inline">
          <span>{t('import.entity')}</span>
          <select data-testid="entity" value={request.entity} onChange={(e) => onChange({ ...request, entity: e.target.value as Entity, mapping: undefined })}>
            {(['customer', 'transaction', 'need'] as const).map((k) => <option key={k} value={k}>{t(`entity.${k}`)}</option>)}
          </select>
        </label>
        <label className="field inline">
          <span>{t('import.idColumn')}</span>
          <select data-testid="id-column" value={request.idColumn ?? ''} onChange={(e) => onChange({ ...request, idColumn: e.target.value || null })}>
            <option value="">{t('import.noIdColumn')}</option>
            {preview.headers.map((h) => <option key={h} value={h}>{h}</option>)}
          </select>
        </label>
      </div>
      <ReadFromNote preview={preview} />
      {preview.alreadyImported && (
        <div className="warning" data-testid="already-imported">
          <p>{t('import.alreadyImported', { date: formatDateTime(i18n.language, preview.alreadyImported.importedAt), id: preview.alreadyImported.id })}</p>
          <label><input type="radio" name={`dup-${preview.path}-${preview.sheet ?? ''}`} checked={request.onDuplicate !== 'import'} onChange={() => onChange({ ...request, onDuplicate: 'skip' })} /> {t('import.skipIt')}</label>
          <label><input type="radio" data-testid="import-again" name={`dup-${preview.path}-${preview.sheet ?? ''}`} checked={request.onDuplicate === 'import'} onChange={() => onChange({ ...request, onDuplicate: 'import' })} /> {t('import.importAgain')}</label>
        </div>
      )}
      {preview.sampleProblems.length > 0 && (
        <div className="note" data-testid="sample-problems">
          {t('import.sampleProblems', { count: preview.sampleProblems.length })}
          <ul>{preview.sampleProblems.slice(0, 5).map((p) => <li key={p.rowNumber}>{t('import.problemAt', { line: p.lineNumber })}: {problemText(t, p.reason, p.detail)}</li>)}</ul>
        </div>
      )}
      <UnmappedWarning
        preview={preview}
        entity={request.entity}
        mapping={mapping}
        idColumn={request.idColumn ?? null}
        onMap={(m) => onChange({ ...request, mapping: m })}
        onIdColumn={(column) => onChange({ ...request, idColumn: column })}
      />
      <MappingTable preview={preview} mapping={mapping} entity={request.entity} onChange={(m) => onChange({ ...request, mapping: m })} />
    </section>
  );
}
