import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deadRules, type RfmRule } from '../../../../shared/domain/rfm-rules.ts';
import { segmentName } from './segment-name.ts';

type Letter = 'r' | 'f' | 'm';
const letters: Letter[] = ['r', 'f', 'm'];

/**
 * The ordered segment rules, edited as a table: a name and three score
 * ranges per rule, moved up and down, added and removed. A rule that earlier
 * rules cover entirely is flagged as the steward types, before saving.
 */
export function RulesEditor({ rules, onSave, onReset, saving }: { rules: RfmRule[]; onSave: (rules: RfmRule[]) => void; onReset: () => void; saving: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<RfmRule[]>(rules);
  useEffect(() => setDraft(rules), [rules]);
  const dead = new Map(deadRules(draft).map((d) => [d.index, d.coveredBy]));
  const change = (i: number, next: Partial<RfmRule>): void => setDraft((d) => d.map((r, j) => (j === i ? { ...r, ...next } : r)));
  const setBound = (i: number, letter: Letter, end: 0 | 1, value: number): void => {
    const range: [number, number] = [...draft[i][letter]];
    range[end] = value;
    if (range[0] > range[1]) range[end === 0 ? 1 : 0] = value; // keeps low ≤ high as either end moves
    change(i, { [letter]: range });
  };
  const move = (i: number, by: -1 | 1): void => setDraft((d) => {
    const next = [...d];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    return next;
  });
  const score = (i: number, letter: Letter, end: 0 | 1) => (
    <select data-testid={`rule-${i}-${letter}-${end ? 'hi' : 'lo'}`} aria-label={`${t(`rfm.rule.${letter}`)} ${end ? '≤' : '≥'}`} value={draft[i][letter][end]} onChange={(e) => setBound(i, letter, end, Number(e.target.value))}>
      {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n}</option>)}
    </select>
  );
  const changed = JSON.stringify(draft) !== JSON.stringify(rules);
  return (
    <section className="rfm-rules" data-testid="rfm-rules">
      <h2>{t('rfm.rules')}</h2>
      <p className="muted small">{t('rfm.rulesHelp')}</p>
      <table className="table small">
        <thead><tr><th>{t('rfm.rule.order')}</th><th>{t('rfm.rule.name')}</th>{letters.map((l) => <th key={l}>{t(`rfm.rule.${l}`)}</th>)}<th /></tr></thead>
        <tbody>
          {draft.map((rule, i) => (
            <tr key={i} data-testid={`rule-${i}`} className={dead.has(i) ? 'dead-rule' : undefined}>
              <td className="num">{i + 1}</td>
              <td>
                <input data-testid={`rule-${i}-name`} aria-label={t('rfm.rule.name')} value={segmentName(t, rule)} onChange={(e) => change(i, { name: e.target.value, preset: undefined })} />
                {dead.has(i) && <div className="warn-text" role="alert" data-testid={`rule-${i}-dead`}>{t('rfm.dead', { rules: dead.get(i)!.map((j) => `${j + 1}. ${segmentName(t, draft[j])}`).join(', ') })}</div>}
              </td>
              {letters.map((l) => <td key={l} className="range">{score(i, l, 0)}–{score(i, l, 1)}</td>)}
              <td className="rule-actions">
                <button className="link" disabled={i === 0} aria-label={t('rfm.up')} title={t('rfm.up')} onClick={() => move(i, -1)}>↑</button>
                <button className="link" disabled={i === draft.length - 1} aria-label={t('rfm.down')} title={t('rfm.down')} onClick={() => move(i, 1)}>↓</button>
                <button className="link" disabled={draft.length === 1} data-testid={`rule-${i}-remove`} onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}>{t('rfm.remove')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="rfm-rule-buttons">
        <button className="secondary" data-testid="rule-add" onClick={() => setDraft((d) => [...d, { name: t('rfm.newRule'), r: [1, 5], f: [1, 5], m: [1, 5] }])}>{t('rfm.add')}</button>
        <button data-testid="rules-save" disabled={!changed || saving || draft.some((r) => r.name.trim() === '')} onClick={() => onSave(draft)}>{t('rfm.save')}</button>
        <button className="link" data-testid="rules-reset" disabled={saving} onClick={onReset}>{t('rfm.reset')}</button>
      </div>
    </section>
  );
}
