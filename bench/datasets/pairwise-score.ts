/**
 * Pairwise precision and recall of a clustering against truth labels, as the
 * datasets README defines them: a pair is two records in one cluster. Counted
 * through the contingency table, so no pair is ever listed.
 */
export interface PairwiseScore {
  precision: number;
  recall: number;
  f1: number;
  predictedPairs: number;
  truePairs: number;
  found: number;
}

function pairsIn(counts: Map<string, number>): number {
  let s = 0;
  for (const c of counts.values()) s += (c * (c - 1)) / 2;
  return s;
}

function tally(labels: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

export function pairwiseScore(predicted: readonly (string | number)[], truth: readonly string[]): PairwiseScore {
  const pred = predicted.map(String);
  const both = pred.map((p, i) => `${p}\u0000${truth[i]}`);
  const found = pairsIn(tally(both));
  const predictedPairs = pairsIn(tally(pred));
  const truePairs = pairsIn(tally(truth));
  const precision = predictedPairs ? found / predictedPairs : 1;
  const recall = truePairs ? found / truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, predictedPairs, truePairs, found };
}
