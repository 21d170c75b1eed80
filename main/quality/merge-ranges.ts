/**
 * Joins the results of the id ranges (in id order) into one, as if a single
 * thread had checked every customer: arrays are concatenated, record indexes
 * of issues shifted, and each range's local format codes renumbered into one
 * table per field.
 */
import type { Confusion, RangeResult } from './accumulators.ts';

export function mergeRanges(parts: RangeResult[]): RangeResult {
  if (parts.length === 1) return parts[0];
  const count = parts.reduce((n, p) => n + p.count, 0);
  const offsets = parts.map((_, i) => parts.slice(0, i).reduce((n, p) => n + p.count, 0));
  const cat = <T extends Float64Array | Int32Array>(make: (n: number) => T, pick: (p: RangeResult) => T): T => {
    const out = make(count);
    parts.forEach((p, i) => out.set(pick(p).subarray(0, p.count) as never, offsets[i]));
    return out;
  };
  const merged: RangeResult = {
    count,
    ids: cat((n) => new Float64Array(n), (p) => p.ids),
    sourceOf: cat((n) => new Int32Array(n), (p) => p.sourceOf),
    missing: cat((n) => new Int32Array(n), (p) => p.missing),
    ageDays: cat((n) => new Int32Array(n), (p) => p.ageDays),
    incomes: cat((n) => new Float64Array(n), (p) => p.incomes),
    phoneKeys: cat((n) => new Float64Array(n), (p) => p.phoneKeys),
    mobileKeys: cat((n) => new Float64Array(n), (p) => p.mobileKeys),
    emailKeys: cat((n) => new Float64Array(n), (p) => p.emailKeys),
    formats: {},
    confusion: {},
    issues: { record: [], field: [], rule: [], message: [], suggestion: [] },
  };
  for (const field of Object.keys(parts[0].formats)) merged.formats[field] = mergeFormats(parts, offsets, count, field);
  parts.forEach((p, i) => {
    const from = p.issues;
    const to = merged.issues;
    for (let k = 0; k < from.record.length; k++) {
      to.record.push(from.record[k] + offsets[i]);
      to.field.push(from.field[k]);
      to.rule.push(from.rule[k]);
      to.message.push(from.message[k]);
      to.suggestion.push(from.suggestion[k]);
    }
    for (const [source, byField] of Object.entries(p.confusion)) {
      const target = (merged.confusion[source] ??= {});
      for (const [field, c] of Object.entries(byField)) target[field] = addConfusion(target[field], c);
    }
  });
  return merged;
}

function mergeFormats(parts: RangeResult[], offsets: number[], count: number, field: string): RangeResult['formats'][string] {
  const names = [''];
  const index = new Map<string, number>();
  const codes = new Uint16Array(count);
  parts.forEach((p, i) => {
    const local = p.formats[field];
    const remap = local.names.map((name, code) => {
      if (code === 0) return 0;
      let global = index.get(name);
      if (global === undefined) {
        global = names.length;
        names.push(name);
        index.set(name, global);
      }
      return global;
    });
    for (let r = 0; r < p.count; r++) codes[offsets[i] + r] = remap[local.codes[r]];
  });
  return { names, codes };
}

function addConfusion(a: Confusion | undefined, b: Confusion): Confusion {
  return a ? { tp: a.tp + b.tp, tn: a.tn + b.tn, fp: a.fp + b.fp, fn: a.fn + b.fn } : { ...b };
}
