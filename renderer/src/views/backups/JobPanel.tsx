import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../../shared/contract.ts';

/** A running backup or restore: what it is doing, how far, and Cancel. */
export function JobPanel({ progress, cancelling, onCancel }: { progress: JobProgress | null; cancelling: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  const share = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const step = progress?.step || 'starting';
  return (
    <div className="progress" data-testid="backup-progress">
      <div className="progress-text">
        <span data-testid="backup-step">{t(`backups.step.${step}`, { defaultValue: t('backups.step.starting') })}</span>
        <span>{Math.round(share * 100)}%</span>
      </div>
      <div className="progress-track" role="progressbar" aria-valuenow={Math.round(share * 100)} aria-valuemin={0} aria-valuemax={100}>
        <div className="progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
      <button className="secondary" data-testid="backup-cancel" disabled={cancelling} onClick={onCancel}>
        {cancelling ? t('backups.cancelling') : t('backups.cancel')}
      </button>
    </div>
  );
}
