import { useTranslation } from 'react-i18next';
import { charDiff } from './char-diff.ts';

type Cell = string | number | null;

/** A removed or added space would be an invisible stripe: it is shown as ␣. */
const visible = (text: string): string => text.replace(/ /g, '␣');

/**
 * A value before and after a change on one line, the removed characters
 * struck through in the first and the added ones marked in the second. An
 * empty value says so; an `after` of undefined means nothing is proposed.
 */
export function CharDiff({ before, after, noAfter }: { before: Cell; after: Cell; noAfter?: string }) {
  const { t } = useTranslation();
  const a = before === null ? '' : String(before);
  const b = after === null ? '' : String(after);
  const parts = noAfter === undefined && a && b ? charDiff(a, b) : null;
  const empty = <span className="diff-empty">{t('fixes.grid.empty')}</span>;
  return (
    <span className="diff" data-testid="diff">
      <span className="diff-before" data-testid="diff-before">
        {!a ? empty : parts ? parts.filter((p) => p.kind !== 'added').map((p, i) => (p.kind === 'removed' ? <del key={i}>{visible(p.text)}</del> : <span key={i}>{p.text}</span>)) : noAfter !== undefined ? a : <del>{a}</del>}
      </span>
      <span className="diff-arrow" aria-hidden="true">→</span>
      <span className="diff-after" data-testid="diff-after">
        {noAfter !== undefined ? <span className="diff-empty">{noAfter}</span> : !b ? empty : parts ? parts.filter((p) => p.kind !== 'removed').map((p, i) => (p.kind === 'added' ? <ins key={i}>{visible(p.text)}</ins> : <span key={i}>{p.text}</span>)) : <ins>{b}</ins>}
      </span>
    </span>
  );
}
