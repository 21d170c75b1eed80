import { describe, expect, it } from 'vitest';
import { charDiff } from '../../../renderer/src/components/char-diff.ts';

/** Both sides put back together from the parts: what a reader sees struck through and marked. */
const sides = (before: string, after: string) => {
  const parts = charDiff(before, after);
  return {
    before: parts.filter((p) => p.kind !== 'added').map((p) => p.text).join(''),
    after: parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join(''),
    removed: parts.filter((p) => p.kind === 'removed').map((p) => p.text),
    added: parts.filter((p) => p.kind === 'added').map((p) => p.text),
  };
};

describe('character diff of a value before and after a fix', () => {
  it('marks what a phone standardisation removes and adds (worked out by hand)', () => {
    // "030 1234567" → "+49301234567": the leading 0 goes, "+49" comes, the space goes.
    const d = sides('030 1234567', '+49301234567');
    expect(d.before).toBe('030 1234567');
    expect(d.after).toBe('+49301234567');
    expect(d.removed.join('')).toBe('0 ');
    expect(d.added.join('')).toBe('+49');
  });

  it('keeps common prefix and suffix as they are', () => {
    expect(charDiff('Hauptstr. 5', 'Hauptstraße 5')).toEqual([
      { kind: 'same', text: 'Hauptstr' },
      { kind: 'removed', text: '.' },
      { kind: 'added', text: 'aße' },
      { kind: 'same', text: ' 5' },
    ]);
  });

  it('handles equal, emptied and filled values, and characters outside the BMP', () => {
    expect(charDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
    expect(charDiff('', 'x')).toEqual([{ kind: 'added', text: 'x' }]);
    expect(charDiff('x', '')).toEqual([{ kind: 'removed', text: 'x' }]);
    expect(sides('𠀋a', '𠀋b')).toMatchObject({ removed: ['a'], added: ['b'] });
  });

  it('shows a middle too long to align as wholly removed and added, still rebuilding both sides', () => {
    const a = 'x'.repeat(400) + 'a'.repeat(400);
    const b = 'y'.repeat(400) + 'b'.repeat(400);
    const d = sides(a, b);
    expect(d).toMatchObject({ before: a, after: b, removed: [a], added: [b] });
  });
});
