import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { parseVerification, verificationField } from '../../../../shared/domain/verification.ts';
import { CharDiff } from '../../components/CharDiff.tsx';
import { cellText } from '../../components/ValueInput.tsx';

type Cell = string | number | null;

/** A verification as the log stores it (a JSON text, or null), said in words: "verified (2 values)", "not verified". */
export function verificationWords(t: TFunction, text: Cell): string {
  const state = parseVerification(text);
  const own = state.values.filter((v) => v.origin === 'steward').length;
  if (state.verified) return t('history.verification.verified', { count: own });
  if (state.values.length > 0) return t('history.verification.reference', { count: state.values.length });
  return t('history.verification.none');
}

/** One value of a change (what a batch left, what is there now): a customer's value as it is, a verification in words. */
export function changeValueText(t: TFunction, field: string, value: Cell): string {
  return field === verificationField ? verificationWords(t, value) : cellText(value);
}

/** A change's before → after: a customer value with the changed characters marked, a verification in words. */
export function ChangeDiff({ field, before, after }: { field: string; before: Cell; after: Cell }) {
  const { t } = useTranslation();
  if (field !== verificationField) return <CharDiff before={before} after={after} />;
  return (
    <span className="diff" data-testid="diff">
      <span className="diff-before" data-testid="diff-before">{verificationWords(t, before)}</span>
      <span className="diff-arrow" aria-hidden="true">→</span>
      <span className="diff-after" data-testid="diff-after">{verificationWords(t, after)}</span>
    </span>
  );
}
