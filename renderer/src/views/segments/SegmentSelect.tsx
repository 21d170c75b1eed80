import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { segmentLabel, type SegmentDrill } from './SegmentBanner.tsx';

/** The Customers grid's segment filter: every segment of the current segmentation, and those it could not place. Hidden until there is one. */
export function SegmentSelect({ value, onChange }: { value: SegmentDrill | null; onChange: (d: SegmentDrill | null) => void }) {
  const { t } = useTranslation();
  const current = useLoad(() => api.invoke('segment:current', {}), []);
  const view = current.data;
  if (!view) return null;
  const chosen = value && value.filter.segmentationId === view.id ? String(value.filter.segment ?? 'missing') : '';
  const pick = (v: string): void => {
    if (v === '') return onChange(null);
    const segment = v === 'missing' ? null : Number(v);
    onChange({ filter: { segmentationId: view.id, segment }, name: view.segments.find((s) => s.segment === segment)?.name ?? null });
  };
  return (
    <select data-testid="segment-filter" aria-label={t('segments.filter')} value={chosen} onChange={(e) => pick(e.target.value)}>
      <option value="">{t('segments.allSegments')}</option>
      {view.segments.map((s) => <option key={s.segment} value={s.segment}>{segmentLabel(t, s.segment, s.name)}</option>)}
      {view.missing > 0 && <option value="missing">{segmentLabel(t, null, null)}</option>}
    </select>
  );
}
