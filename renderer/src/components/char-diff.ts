/**
 * Character-level difference between a value before and after a change, so
 * a reviewer sees at a glance what a fix removes and adds ("+33 (0)6 77…" →
 * "+33677…": the brackets, the 0 and the spaces go). Common prefix and
 * suffix are split off first; the middle is a longest-common-subsequence
 * alignment, which is quadratic, so a middle too long for that is shown as
 * wholly removed and wholly added.
 */
export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

/** Above this many cells of the alignment table the middle is not aligned (two 300-character values). */
const MAX_CELLS = 90_000;

export function charDiff(before: string, after: string): DiffPart[] {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) (endA--, endB--);
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push(parts, 'removed', midA.join(''));
    push(parts, 'added', midB.join(''));
  } else {
    for (const p of align(midA, midB)) push(parts, p.kind, p.text);
  }
  push(parts, 'same', a.slice(endA).join(''));
  return parts;
}

/** The classic LCS table walked back from the start, removals before additions where both are possible. */
function align(a: string[], b: string[]): DiffPart[] {
  const w = b.length + 1;
  // lcs[i * w + j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = new Uint16Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(out, 'same', a[i]);
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) push(out, 'removed', a[i++]);
    else push(out, 'added', b[j++]);
  }
  return out;
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}
