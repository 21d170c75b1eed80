import { useTranslation } from 'react-i18next';
import { drillLabel, type Drill } from './drill.ts';

/** Says which quality filter the grid is showing, with how many records, and lifts it. */
export function DrillBanner({ drill, count, onClear }: { drill: Drill; count: number | null; onClear?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="drill-banner" data-testid="drill-banner">
      <span data-testid="drill-what">{t('quality.drill.showing', { what: drillLabel(t, drill.filter, drill.sourceName) })}</span>
      {count !== null && <span className="badge" data-testid="drill-count">{count.toLocaleString(i18n.language)}</span>}
      {onClear && <button className="link" data-testid="drill-clear" onClick={onClear}>{t('quality.drill.clear')}</button>}
    </div>
  );
}
