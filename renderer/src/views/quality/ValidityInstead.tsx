import { useTranslation } from 'react-i18next';
import type { QualityMetrics } from '../../../../shared/channels/quality.ts';
import { pct } from './drill.ts';

/**
 * While accuracy is not measured the dashboard says validity is shown in its
 * place, and here it is: the share of present values that pass the checks,
 * named as validity (it is not an accuracy figure).
 */
export function ValidityInstead({ validity, lng }: { validity: QualityMetrics['overall']['validity']; lng: string }) {
  const { t } = useTranslation();
  if (validity.value === null) return null;
  return (
    <div className="score-instead" data-testid="accuracy-instead">
      {t('quality.validityInstead', { value: pct(validity.value), good: validity.numerator.toLocaleString(lng), total: validity.denominator.toLocaleString(lng) })}
    </div>
  );
}
