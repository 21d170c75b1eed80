import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentationView } from '../../../../shared/channels/segment.ts';
import { segmentColors } from './segment-charts.ts';
import { featureLabel, segmentLabel } from './SegmentBanner.tsx';

/**
 * The segments of the current segmentation: colour, name (a steward types
 * one; saved when the field is left or Enter pressed), size, centroid in each
 * feature's own units, and a button that opens the Customers grid on them.
 */
export function SegmentList({ view, onRename, onOpen }: { view: SegmentationView; onRename: (segment: number, name: string) => void; onOpen: (segment: number | null, name: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const num = (v: number): string => v.toLocaleString(i18n.language, { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 1 });
  return (
    <table className="segment-table" data-testid="segment-table">
      <thead>
        <tr>
          <th>{t('segments.name')}</th>
          <th className="num">{t('segments.size')}</th>
          {view.features.map((f) => <th key={f.name} className="num">{featureLabel(t, f.name)}</th>)}
          <th />
        </tr>
      </thead>
      <tbody>
        {view.segments.map((s) => (
          <tr key={`${view.id}-${s.segment}`} data-testid={`segment-row-${s.segment}`}>
            <td>
              <span className="segment-swatch" style={{ background: segmentColors[(s.segment - 1) % segmentColors.length] }} />
              <NameField initial={s.name ?? ''} placeholder={segmentLabel(t, s.segment, null)} testId={`segment-name-${s.segment}`} onSave={(name) => onRename(s.segment, name)} />
            </td>
            <td className="num">{num(s.size)} <span className="muted">({((s.size / Math.max(1, view.records - view.missing)) * 100).toFixed(1)}%)</span></td>
            {s.centroid.map((c, i) => <td key={i} className="num" title={`z = ${s.centroidZ[i].toFixed(2)}`}>{num(c)}</td>)}
            <td><button className="link" data-testid={`segment-open-${s.segment}`} onClick={() => onOpen(s.segment, s.name)}>{t('segments.openCustomers')}</button></td>
          </tr>
        ))}
        {view.missing > 0 && (
          <tr data-testid="segment-row-missing" className="muted">
            <td>{t('segments.missingLabel')}</td>
            <td className="num">{num(view.missing)}</td>
            {view.features.map((f) => <td key={f.name} className="num">{t('segments.lacking', { count: view.missingByFeature[f.name] ?? 0, formatted: num(view.missingByFeature[f.name] ?? 0) })}</td>)}
            <td><button className="link" data-testid="segment-open-missing" onClick={() => onOpen(null, null)}>{t('segments.openCustomers')}</button></td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function NameField({ initial, placeholder, testId, onSave }: { initial: string; placeholder: string; testId: string; onSave: (name: string) => void }) {
  const [value, setValue] = useState(initial);
  const save = (): void => {
    if (value.trim() !== initial) onSave(value.trim());
  };
  return (
    <input className="segment-name" data-testid={testId} value={value} placeholder={placeholder} maxLength={80}
      onChange={(e) => setValue(e.target.value)} onBlur={save} onKeyDown={(e) => e.key === 'Enter' && (e.currentTarget as HTMLInputElement).blur()} />
  );
}
