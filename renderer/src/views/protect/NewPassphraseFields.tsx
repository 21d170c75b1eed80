import { useTranslation } from 'react-i18next';

/** Passphrases are chosen at least this long (the service refuses shorter ones too). */
export const MIN_PASSPHRASE = 8;

export interface NewPassphrase {
  value: string;
  repeat: string;
}

/** Why a chosen passphrase cannot be used yet, or null when it can. */
export function passphraseProblem(p: NewPassphrase): 'tooShort' | 'differ' | null {
  if (p.value.length < MIN_PASSPHRASE) return 'tooShort';
  if (p.repeat !== p.value) return 'differ';
  return null;
}

/** A passphrase typed twice, with what is wrong with it said as it is typed. */
export function NewPassphraseFields({ value, onChange, label, testid }: { value: NewPassphrase; onChange: (v: NewPassphrase) => void; label: string; testid: string }) {
  const { t } = useTranslation();
  const problem = passphraseProblem(value);
  const show = problem === 'tooShort' ? value.value.length > 0 : problem === 'differ' && value.repeat.length > 0;
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <input type="password" autoComplete="new-password" data-testid={`${testid}-passphrase`} value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('protect.repeat')}</span>
        <input type="password" autoComplete="new-password" data-testid={`${testid}-repeat`} value={value.repeat} onChange={(e) => onChange({ ...value, repeat: e.target.value })} />
      </label>
      {show && problem && <p className="small warn" data-testid={`${testid}-problem`}>{t(`protect.${problem}`, { count: MIN_PASSPHRASE })}</p>}
    </>
  );
}
