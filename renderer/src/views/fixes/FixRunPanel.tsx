import { useTranslation } from 'react-i18next';
import type { FixSummary } from '../../../../shared/channels/fix.ts';
import type { RunningJob } from '../../api/use-running-job.ts';
import { formatDateTime } from '../../components/format.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';

/** "Find fixes", its progress and cancel, and what the last run covered: when, how many records, how many changed since. */
export function FixRunPanel({ summary, job, onRun }: { summary: FixSummary; job: RunningJob; onRun: () => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const run = summary.run;
  const n = (x: number): string => x.toLocaleString(lng);
  return (
    <section className="run-panel" data-testid="fix-run-panel">
      <div className="run-controls">
        <button data-testid="fix-run" disabled={job.running || summary.customers === 0} onClick={onRun}>{run ? t('fixes.rerun') : t('fixes.run')}</button>
        {run && !job.running && (
          <span className="muted small" data-testid="fix-last-run">
            {t('fixes.lastRun', { when: formatDateTime(lng, run.finishedAt), records: n(run.records), seconds: run.seconds.toLocaleString(lng, { maximumFractionDigits: 1 }) })}
            {summary.changedSince > 0 && <span className="warn" data-testid="fix-changed-since"> {t('fixes.changedSince', { count: summary.changedSince, formatted: n(summary.changedSince) })}</span>}
          </span>
        )}
      </div>
      {job.running && <ProgressBar progress={job.progress} onCancel={job.cancel} cancelling={job.cancelling} />}
    </section>
  );
}
