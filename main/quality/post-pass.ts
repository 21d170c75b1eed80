/**
 * Findings that need the whole project first: income outliers (the median and
 * MAD come from every income) and values written differently from the rest of
 * their column (the dominant format is known only at the end).
 */
import type { RecordIssue } from './types.ts';
import { rules } from './rules.ts';
import type { Accumulators } from './accumulators.ts';
import { robustStats, robustZ, outlierThreshold, type RobustStats } from './validators/income.ts';

type Sink = (issue: RecordIssue) => void;

export function flagIncomeOutliers(acc: Accumulators, sink: Sink): RobustStats | undefined {
  const stats = robustStats(acc.incomes, acc.incomeCount);
  if (!stats || stats.mad === 0) return stats;
  const median = 10 ** stats.median;
  for (let i = 0; i < acc.incomeCount; i++) {
    const z = robustZ(acc.incomes[i], stats);
    if (z === undefined || Math.abs(z) <= outlierThreshold) continue;
    const r = acc.incomeRecord[i];
    sink({
      customerId: acc.ids[r],
      sourceId: acc.sourceOf[r],
      field: 'income',
      dimension: rules.income_outlier.dimension,
      rule: 'income_outlier',
      severity: rules.income_outlier.severity,
      message: `income ${fmt(acc.incomes[i])} is far ${z > 0 ? 'above' : 'below'} the project's median of ${fmt(median)} (robust z ${z.toFixed(1)})`,
    });
  }
  return stats;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** The most common format of each field in each source; ties go to the format seen first. */
export function dominantFormats(acc: Accumulators): Map<number, Map<string, number>> {
  const result = new Map<number, Map<string, number>>();
  for (const [sourceId, byField] of acc.formatCounts) {
    const dom = new Map<string, number>();
    for (const [field, counts] of byField) {
      let best = 0;
      let bestCount = -1;
      counts.forEach((c, code) => {
        if (code > 0 && c > bestCount) {
          best = code;
          bestCount = c;
        }
      });
      dom.set(field, best);
    }
    result.set(sourceId, dom);
  }
  return result;
}

export function flagFormatInconsistencies(acc: Accumulators, records: number, sink: Sink): void {
  const dominant = dominantFormats(acc);
  for (const [field, codes] of acc.formatCodes) {
    const names = acc.formatNames.get(field)!;
    for (let i = 0; i < records; i++) {
      const code = codes[i];
      if (code === 0) continue;
      const dom = dominant.get(acc.sourceOf[i])?.get(field) ?? code;
      if (code === dom) continue;
      sink({
        customerId: acc.ids[i],
        sourceId: acc.sourceOf[i],
        field,
        dimension: rules.format_inconsistent.dimension,
        rule: 'format_inconsistent',
        severity: rules.format_inconsistent.severity,
        message: `written as "${names[code]}"; most of this column is "${names[dom]}"`,
      });
    }
  }
}
