import { useTranslation } from 'react-i18next';

/**
 * The export dialog's "mask personal details for sharing" checkbox; its
 * value goes to export:start as `mask` (standardize/mask-personal.ts says
 * what is masked and how). The hint says it in the user's words.
 */
export function MaskPersonalOption({ checked, onChange, disabled = false }: { checked: boolean; onChange: (mask: boolean) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <label className="check">
        <input type="checkbox" data-testid="export-mask" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
        {t('privacy.mask')}
      </label>
      <p className="muted small" data-testid="export-mask-hint">{t('privacy.maskHint')}</p>
    </>
  );
}
