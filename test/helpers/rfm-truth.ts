import { readFileSync } from 'node:fs';

export interface ExpectedRfm {
  recordId: string;
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
}

/** Scores worked out the plain way: for each value, count the customers strictly worse (O(n²), no sorting). */
function plainScores(values: number[], higherIsBetter: boolean): number[] {
  return values.map((v) => 1 + Math.floor((5 * values.filter((w) => (higherIsBetter ? w < v : w > v)).length) / values.length));
}

/**
 * RFM worked out from a generator's truth file (the generator's own numbers,
 * not the file read back): days from the last purchase, purchases, and the
 * net cents of each currency converted with `rates` (currencies in code order,
 * rounded to cents once at the end), then quintile scores.
 */
export function expectedRfm(truthPath: string, asOf: string, rates: Record<string, number>): ExpectedRfm[] {
  const rows = readFileSync(truthPath, 'utf8').trim().split('\n').slice(1).map((line) => {
    const [recordId, last, frequency, net] = line.split(',');
    const cents = net.split(';').map((p) => p.split(':')).sort(([a], [b]) => a.localeCompare(b));
    let total = 0;
    for (const [currency, n] of cents) total += Number(n) * rates[currency];
    return { recordId, recency: Math.round((Date.parse(asOf) - Date.parse(last)) / 86_400_000), frequency: Number(frequency), monetary: Math.round(total) / 100 };
  }).sort((a, b) => a.recordId.localeCompare(b.recordId));
  const r = plainScores(rows.map((t) => t.recency), false);
  const f = plainScores(rows.map((t) => t.frequency), true);
  const m = plainScores(rows.map((t) => t.monetary), true);
  return rows.map((t, i) => ({ ...t, r: r[i], f: f[i], m: m[i] }));
}
