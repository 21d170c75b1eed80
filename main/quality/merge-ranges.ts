/**
 * Joins the results of the checking threads into one, as if a single thread
 * had checked every customer in id order: each thread's chunks are put back
 * in chunk order, arrays concatenated, record indexes of issues shifted, and
 * the threads' local format codes renumbered into one table per field, in
 * the order the formats first appear.
 */
import { emptyIssues, nanColumns, type Confusion, type NanColumn, type RangeResult } from './accumulators.ts';

interface Piece {
  part: RangeResult;
  /** First record and record count in the part, first issue and issue count in the part. */
  start: number;
  count: number;
  issueStart: number;
  issues: number;
}

/** Every chunk of every part, in chunk (so id) order. */
function pieces(parts: RangeResult[]): Piece[] {
  const out: (Piece & { index: number })[] = [];
  for (const p of parts) {
    const c = p.chunks;
    for (let k = 0; k < c.index.length; k++) {
      const end = k + 1 < c.index.length ? c.start[k + 1] : p.count;
      const issueEnd = k + 1 < c.index.length ? c.issueStart[k + 1] : p.issues.record.length;
      out.push({ index: c.index[k], part: p, start: c.start[k], count: end - c.start[k], issueStart: c.issueStart[k], issues: issueEnd - c.issueStart[k] });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

export function mergeRanges(parts: RangeResult[]): RangeResult {
  if (parts.length === 1) return parts[0];
  const list = pieces(parts);
  const count = list.reduce((n, p) => n + p.count, 0);
  const cat = <T extends Float64Array | Int32Array>(make: (n: number) => T, pick: (p: RangeResult) => T): T => {
    const out = make(count);
    let at = 0;
    for (const piece of list) {
      out.set(pick(piece.part).subarray(piece.start, piece.start + piece.count) as never, at);
      at += piece.count;
    }
    return out;
  };
  const merged: RangeResult = {
    count,
    ids: cat((n) => new Float64Array(n), (p) => p.ids),
    sourceOf: cat((n) => new Int32Array(n), (p) => p.sourceOf),
    missing: cat((n) => new Int32Array(n), (p) => p.missing),
    ageDays: cat((n) => new Int32Array(n), (p) => p.ageDays),
    ...(Object.fromEntries(nanColumns.map((c) => [c, cat((n) => new Float64Array(n), (p) => p[c])])) as Record<NanColumn, Float64Array>),
    formats: {},
    confusion: {},
    issues: emptyIssues(),
    chunks: { index: [0], start: [0], issueStart: [0] },
  };
  for (const field of Object.keys(parts[0].formats)) merged.formats[field] = mergeFormats(parts, list, count, field);
  const to = merged.issues;
  let at = 0;
  for (const piece of list) {
    const from = piece.part.issues;
    const shift = at - piece.start;
    for (let k = piece.issueStart; k < piece.issueStart + piece.issues; k++) {
      to.record.push(from.record[k] + shift);
      to.field.push(from.field[k]);
      to.rule.push(from.rule[k]);
      to.code.push(from.code[k]);
      to.params.push(from.params[k]);
      to.suggestion.push(from.suggestion[k]);
    }
    at += piece.count;
  }
  for (const p of parts) {
    for (const [source, byField] of Object.entries(p.confusion)) {
      const target = (merged.confusion[source] ??= {});
      for (const [field, c] of Object.entries(byField)) target[field] = addConfusion(target[field], c);
    }
  }
  return merged;
}

function mergeFormats(parts: RangeResult[], list: Piece[], count: number, field: string): RangeResult['formats'][string] {
  const names = [''];
  const index = new Map<string, number>();
  const codes = new Uint16Array(count);
  // Per part, local code → merged code (0 = not yet seen).
  const remaps = new Map(parts.map((p) => [p, new Uint16Array(p.formats[field].names.length)]));
  let at = 0;
  for (const piece of list) {
    const local = piece.part.formats[field];
    const remap = remaps.get(piece.part)!;
    for (let r = piece.start; r < piece.start + piece.count; r++, at++) {
      const code = local.codes[r];
      if (code === 0) continue;
      let global = remap[code];
      if (global === 0) {
        const name = local.names[code];
        let g = index.get(name);
        if (g === undefined) {
          g = names.length;
          names.push(name);
          index.set(name, g);
        }
        remap[code] = global = g;
      }
      codes[at] = global;
    }
  }
  return { names, codes };
}

function addConfusion(a: Confusion | undefined, b: Confusion): Confusion {
  return a ? { tp: a.tp + b.tp, tn: a.tn + b.tn, fp: a.fp + b.fp, fn: a.fn + b.fn } : { ...b };
}
