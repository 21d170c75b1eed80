import { useState } from 'react';
import { WordsError } from '../../i18n/words.ts';
import { useTranslation } from 'react-i18next';
import type { MergeSummary } from '../../../../shared/channels/merge.ts';
import { api } from '../../api/client.ts';
import { useDataVersion } from '../../api/data-version.tsx';
import { useRunningJob } from '../../api/use-running-job.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';

/** Unmerge every golden record at once, after saying how many; many run as a job with progress and cancel. */
export function UnmergeAll({ summary, onDone, onError }: { summary: MergeSummary; onDone: (text: string) => void; onError: (e: Error) => void }) {
  const { t, i18n } = useTranslation();
  const { bump } = useDataVersion();
  const [asking, setAsking] = useState(false);
  const job = useRunningJob((done) => {
    setAsking(false);
    if (done.status === 'succeeded') onDone(t('merge.unmergedAll'));
    else if (done.status === 'failed') onError(new WordsError((t) => done.error?.message ?? t('error.internal')));
    bump();
  }, onError);
  const golden = summary.goldenRecords - (summary.customers - summary.mergedCustomers);
  const start = (): void => {
    api.invoke('merge:unmerge-all', {}).then((r) => {
      if (r.jobId) return job.follow(r.jobId);
      setAsking(false);
      onDone(t('merge.unmergedAll'));
      bump();
    }, (e: Error) => (setAsking(false), onError(e)));
  };
  return (
    <>
      <button className="secondary" data-testid="unmerge-all" onClick={() => setAsking(true)}>{t('merge.unmergeAll')}</button>
      {asking && (
        <Dialog title={t('merge.unmergeAll')} testId="unmerge-all-dialog" onClose={() => !job.running && setAsking(false)}>
          <p>{t('merge.unmergeAllConfirm', { golden: golden.toLocaleString(i18n.language), records: summary.mergedCustomers.toLocaleString(i18n.language) })}</p>
          {job.running && <ProgressBar progress={job.progress} onCancel={job.cancel} cancelling={job.cancelling} />}
          <div className="toolbar end">
            <button className="secondary" data-autofocus disabled={job.running} onClick={() => setAsking(false)}>{t('common.cancel')}</button>
            <button data-testid="unmerge-all-confirm" disabled={job.running} onClick={start}>{t('merge.actions.unmerge')}</button>
          </div>
        </Dialog>
      )}
    </>
  );
}
