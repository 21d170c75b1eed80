import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../shared/contract.ts';

/** `stepText` words the step where the job's area has its own words for it; `testId` tells two bars on one view apart. */
export function ProgressBar({ progress, onCancel, cancelling, stepText, testId = 'job-progress' }: { progress: JobProgress | null; onCancel?: () => void; cancelling?: boolean; stepText?: string; testId?: string }) {
  const { t } = useTranslation();
  const share = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  return (
    <div className="progress" data-testid={testId}>
      <div className="progress-text">
        <span>{stepText ?? (progress ? t(`job.step.${progress.step}`, { file: progress.file ?? '' }) : t('job.starting'))}</span>
        <span data-testid="job-rows">{progress ? t('job.rows', { count: progress.rows, formatted: progress.rows.toLocaleString() }) : ''}</span>
        <span>{Math.round(share * 100)}%</span>
      </div>
      <div className="progress-track" role="progressbar" aria-valuenow={Math.round(share * 100)} aria-valuemin={0} aria-valuemax={100}>
        <div className="progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
      {onCancel && (
        <button className="secondary" data-testid={testId === 'job-progress' ? 'cancel-job' : `${testId}-cancel`} disabled={cancelling} onClick={onCancel}>
          {cancelling ? t('job.cancelling') : t('common.cancel')}
        </button>
      )}
    </div>
  );
}
