import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithdrawalPreview } from '../../../../shared/channels/sources.ts';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';

/** Asks before withdrawing a source, counting what it will hide and what it keeps. */
export function WithdrawDialog({ sourceId, onClose, onDone }: { sourceId: number; onClose: () => void; onDone: (r: WithdrawalPreview) => void }) {
  const { t, i18n } = useTranslation();
  const n = (x: number): string => x.toLocaleString(i18n.language);
  const preview = useLoad(() => api.invoke('sources:withdrawal-preview', { sourceId }), [sourceId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const p = preview.data;
  const withdraw = async () => {
    setBusy(true);
    try {
      onDone(await api.invoke('sources:withdraw', { sourceId }));
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('withdraw.title', { file: p?.fileName ?? `#${sourceId}` })} testId="withdraw-dialog" onClose={() => !busy && onClose()}>
      {preview.error && <ErrorBanner error={preview.error} />}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {p && (
        <div data-testid="withdraw-preview">
          <p data-testid="withdraw-hides">{t('withdraw.hides', { customers: n(p.customers) })}</p>
          {p.inGoldenRecords > 0 && <p className="warn" data-testid="withdraw-golden">{t('withdraw.golden', { members: n(p.inGoldenRecords), records: n(p.goldenRecords) })}</p>}
          {p.changedCustomers > 0 && <p className="warn" data-testid="withdraw-changed">{t('withdraw.changed', { customers: n(p.changedCustomers) })}</p>}
          <p className="muted">{t('withdraw.kept', { raw: n(p.rawRows), quarantined: n(p.quarantined) })}</p>
          <p className="muted small">{t('withdraw.reimport')}</p>
        </div>
      )}
      <div className="toolbar end">
        <button className="secondary" onClick={onClose} disabled={busy}>{t('withdraw.cancel')}</button>
        <button className="danger" data-testid="withdraw-confirm" disabled={busy || !p} onClick={() => void withdraw()}>{t('withdraw.confirm')}</button>
      </div>
    </Dialog>
  );
}
