import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '../../../../shared/channels/match.ts';
import type { JobProgress } from '../../../../shared/contract.ts';
import { blockingRuleLabel } from './match-labels.ts';
import { formatDateTime } from '../../components/format.ts';

/** Run controls, progress with cancel, and what the last run did: threshold and comparisons per blocking rule. */
export function RunPanel({ summary, progress, running, cancelling, onRun, onCancel }: {
  summary: MatchSummary; progress: JobProgress | null; running: boolean; cancelling: boolean;
  onRun: (scope: 'all' | 'new', threshold: number) => void; onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [threshold, setThreshold] = useState(summary.run?.threshold ?? 0.9);
  const run = summary.run;
  const share = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const total = summary.blocking.reduce((s, b) => s + b.comparisons, 0);
  const n = (x: number): string => x.toLocaleString(i18n.language);
  return (
    <section className="run-panel" data-testid="run-panel">
      <div className="run-controls">
        <label className="threshold">
          {t('duplicates.threshold')}
          <input type="number" min={0.5} max={0.999} step={0.01} value={threshold} disabled={running} data-testid="match-threshold" onChange={(e) => setThreshold(Number(e.target.value))} />
        </label>
        <button data-testid="match-run" disabled={running || summary.customers === 0 || !(threshold > 0 && threshold < 1)} onClick={() => onRun('all', threshold)}>
          {run ? t('duplicates.rerun') : t('duplicates.run')}
        </button>
        {run && summary.newRecords > 0 && (
          <button className="secondary" data-testid="match-new" disabled={running} onClick={() => onRun('new', threshold)}>
            {t('duplicates.matchNew', { formatted: n(summary.newRecords) })}
          </button>
        )}
        {run && !running && (
          <span className="muted small" data-testid="last-run">
            {t('duplicates.lastRun', { when: formatDateTime(i18n.language, run.finishedAt), records: n(run.records), comparisons: n(run.comparisons), seconds: run.seconds.toFixed(1) })}
          </span>
        )}
      </div>
      {running && (
        <div className="progress" data-testid="match-progress">
          <div className="progress-text">
            <span>{t(`duplicates.step.${progress?.step ?? 'starting'}`, { defaultValue: progress?.step })}</span>
            <span>{Math.round(share * 100)}%</span>
          </div>
          <div className="progress-track" role="progressbar" aria-valuenow={Math.round(share * 100)} aria-valuemin={0} aria-valuemax={100}>
            <div className="progress-fill" style={{ width: `${share * 100}%` }} />
          </div>
          <button className="secondary" data-testid="match-cancel" disabled={cancelling} onClick={onCancel}>
            {cancelling ? t('duplicates.cancelling') : t('duplicates.cancel')}
          </button>
        </div>
      )}
      {run && summary.blocking.length > 0 && (
        <details className="rules" data-testid="blocking-rules">
          <summary>{t('duplicates.rules')} · {n(total)} {t('duplicates.comparisons').toLowerCase()}</summary>
          <p className="muted small">{t('duplicates.rulesHelp')}</p>
          <div className="rules-scroll">
          <table className="table compact">
            <thead><tr><th>{t('duplicates.rule')}</th><th className="num">{t('duplicates.comparisons')}</th><th className="num">{t('duplicates.skipped')}</th></tr></thead>
            <tbody>
              {summary.blocking.map((b) => (
                <tr key={b.rule}><td>{blockingRuleLabel(t, b.rule)}</td><td className="num">{n(b.comparisons)}</td><td className="num">{n(b.skippedBlocks)}</td></tr>
              ))}
              <tr className="total"><td>{t('duplicates.total')}</td><td className="num">{n(total)}</td><td /></tr>
            </tbody>
          </table>
          </div>
        </details>
      )}
    </section>
  );
}
