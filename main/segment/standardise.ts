/**
 * Standardisation as the source documents do it (scikit-learn's
 * StandardScaler): z = (x − mean) / sd with the POPULATION standard
 * deviation (divided by n, not n − 1). A constant feature has sd 0; like
 * StandardScaler it is then divided by 1, so every z-score is 0.
 */

export interface Scale {
  mean: number;
  sd: number;
}

/** Population mean and standard deviation of the values at `rows` (two passes: the textbook formula, stable enough for ages and incomes). */
export function populationScale(values: Float64Array, rows: Int32Array): Scale {
  const n = rows.length;
  if (n === 0) return { mean: 0, sd: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[rows[i]];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[rows[i]] - mean;
    squares += d * d;
  }
  return { mean, sd: Math.sqrt(squares / n) };
}

export function zScore(x: number, s: Scale): number {
  return (x - s.mean) / (s.sd === 0 ? 1 : s.sd);
}

/** The original value of a z-score: how centroids are shown in the feature's own units. */
export function fromZ(z: number, s: Scale): number {
  return s.mean + z * (s.sd === 0 ? 1 : s.sd);
}
