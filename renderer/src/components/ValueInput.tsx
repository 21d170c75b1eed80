import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueText } from '../../../shared/i18n/issue-text.ts';
import { asTranslate } from '../i18n/as-translate.ts';
import { errorText } from './error-text.ts';
import { useValueCheck } from './use-value-check.ts';

export type Cell = string | number | null;

/** How a save ended: written, refused because the value changed meanwhile (with what it holds now), or refused with a reason. */
/** What became of a save; the error is kept as it came, to be worded in the language of the moment it is shown. */
export type SaveOutcome = { kind: 'saved' } | { kind: 'stale'; current: Cell } | { kind: 'failed'; error: Error };

/** A save that did not happen, said: the service's refusal, or what the value holds now. */
export function unsavedText(t: TFunction, lng: string, o: Exclude<SaveOutcome, { kind: 'saved' }>): string {
  if (o.kind === 'failed') return t('edit.failed', { message: errorText(t, lng, o.error) });
  return o.current === null ? t('edit.staleEmpty') : t('edit.stale', { current: cellText(o.current) });
}

export const cellText = (v: Cell | undefined): string => (v === null || v === undefined ? '' : String(v));

/**
 * Typing a value of one customer's field: checked as it is typed (a red
 * outline and the problem in the UI language when it is not valid), the
 * canonical form offered with one click or Ctrl+Enter, Enter saves, Escape
 * cancels. When the save finds the value changed meanwhile it says what is
 * there now, and Enter again replaces that.
 */
export function ValueInput({ customerId, field, initial, startText, onSave, onCancel, onTextChange, testId = 'value-input' }: {
  customerId: number;
  field: string;
  /** The value as shown when editing began (what the save expects to replace). */
  initial: Cell;
  /** What the input starts with, when not the initial value (a typed first character). */
  startText?: string;
  onSave: (text: string, expectBefore: Cell) => Promise<SaveOutcome>;
  onCancel: () => void;
  onTextChange?: (text: string, expectBefore: Cell) => void;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(startText ?? cellText(initial));
  const [expectBefore, setExpectBefore] = useState<Cell>(initial);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const { check, checking } = useValueCheck(customerId, field, text);
  const input = useRef<HTMLInputElement>(null);

  const change = (next: string): void => {
    setText(next);
    setOutcome(null);
    onTextChange?.(next, expectBefore);
  };
  const save = async (value: string): Promise<void> => {
    if (saving) return;
    if (value === cellText(expectBefore) && outcome?.kind !== 'stale') return onCancel();
    setSaving(true);
    const result = await onSave(value, expectBefore);
    setSaving(false);
    setOutcome(result);
    if (result.kind === 'stale') {
      setExpectBefore(result.current);
      onTextChange?.(value, result.current);
    }
    input.current?.focus();
  };
  const suggestion = check?.suggestion !== null && check?.suggestion !== undefined && cellText(check.suggestion) !== text ? cellText(check.suggestion) : null;
  const useSuggestion = (): void => {
    if (suggestion === null) return;
    change(suggestion);
    void save(suggestion);
  };
  const invalid = check !== null && !check.valid && !checking;

  return (
    <div className="value-input" data-testid={testId}>
      <input
        ref={input}
        autoFocus
        className={invalid ? 'invalid' : ''}
        aria-invalid={invalid}
        data-testid={`${testId}-field`}
        value={text}
        disabled={saving}
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) (e.preventDefault(), useSuggestion());
          else if (e.key === 'Enter') (e.preventDefault(), void save(text));
          else if (e.key === 'Escape') (e.preventDefault(), onCancel());
        }}
      />
      <div className="value-status" aria-live="polite" data-testid={`${testId}-status`}>
        {saving && <span className="muted">{t('edit.saving')}</span>}
        {!saving && outcome?.kind === 'failed' && <span className="problem">{unsavedText(t, i18n.language, outcome)}</span>}
        {!saving && outcome?.kind === 'stale' && <span className="stale" data-testid={`${testId}-stale`}>{unsavedText(t, i18n.language, outcome)}</span>}
        {!saving && !outcome && checking && <span className="muted">{t('edit.checking')}</span>}
        {!saving && !outcome && !checking && check?.problem && (
          <span className={invalid ? 'problem' : 'muted'} data-testid={`${testId}-problem`}>
            {t('edit.problem', { rule: t(`quality.ruleName.${check.problem.rule}`, { defaultValue: check.problem.rule }), message: issueText(asTranslate(t), field, check.problem.message) })}
          </span>
        )}
        {!saving && suggestion !== null && (
          <button type="button" className="suggestion" data-testid={`${testId}-suggestion`} onMouseDown={(e) => e.preventDefault()} onClick={useSuggestion}>
            {t('edit.useSuggestion', { value: suggestion })} <kbd>{t('edit.useSuggestionKey')}</kbd>
          </button>
        )}
        <span className="muted hint">{t('edit.hint')}</span>
      </div>
    </div>
  );
}
