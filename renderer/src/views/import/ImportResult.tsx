import { useTranslation } from 'react-i18next';
import type { JobDone } from '../../../../shared/contract.ts';
import type { ViewName } from '../../App.tsx';

interface FileOutcome {
  file: string;
  rows: number;
  imported: number;
  quarantined: number;
  skipped: boolean;
  encoding: string | null;
  delimiter: string | null;
  recordsKey?: string | null;
}

const shownDelimiter = (d: string | null): string => (d === '\t' ? 'TAB' : (d ?? '—'));

export function ImportResult({ done, onShow, onAgain }: { done: JobDone; onShow: (v: ViewName) => void; onAgain: () => void }) {
  const { t } = useTranslation();
  if (done.status !== 'succeeded') {
    return (
      <div className={done.status === 'cancelled' ? 'note' : 'error-banner'} data-testid="import-outcome" role="status">
        <strong>{done.status === 'cancelled' ? t('import.cancelled') : t('import.failed')}</strong>
        <span>{done.status === 'cancelled' ? t('import.nothingChanged') : done.error?.message}</span>
        <button className="secondary" onClick={onAgain}>{t('import.again')}</button>
      </div>
    );
  }
  const files = (done.result ?? []) as FileOutcome[];
  const quarantined = files.reduce((n, f) => n + f.quarantined, 0);
  return (
    <div data-testid="import-outcome">
      <div className="success">{t('import.succeeded', { count: files.reduce((n, f) => n + f.imported, 0), formatted: files.reduce((n, f) => n + f.imported, 0).toLocaleString() })}</div>
      <table className="table">
        <thead>
          <tr><th>{t('import.file')}</th><th>{t('import.rows')}</th><th>{t('import.imported')}</th><th>{t('import.quarantined')}</th><th>{t('import.encoding')}</th><th>{t('import.delimiter')}</th></tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.file} data-testid={`outcome-${f.file}`}>
              <td>
                {f.file}
                {f.recordsKey && <span className="tag" data-testid="records-key">{t('import.fromKey', { key: f.recordsKey })}</span>}
                {f.skipped && <span className="tag">{t('import.skipped')}</span>}
              </td>
              <td className="num">{f.rows.toLocaleString()}</td>
              <td className="num">{f.imported.toLocaleString()}</td>
              <td className={f.quarantined ? 'num warn' : 'num'}>{f.quarantined.toLocaleString()}</td>
              <td>{f.encoding ?? '—'}</td>
              <td>{shownDelimiter(f.delimiter)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        <button data-testid="show-customers" onClick={() => onShow('customers')}>{t('import.showCustomers')}</button>
        {quarantined > 0 && <button className="secondary" data-testid="show-quarantine" onClick={() => onShow('quarantine')}>{t('import.showQuarantine', { count: quarantined })}</button>}
        <button className="secondary" onClick={onAgain}>{t('import.again')}</button>
      </div>
    </div>
  );
}
