/**
 * Precision and recall of the current model estimated from a steward's
 * decisions: a labelled pair counts as linked when its stored probability
 * reaches the threshold (pairs below the report threshold are not stored,
 * so they count as not linked). Among the labelled pairs, precision is the
 * share of linked ones labelled 'same', recall the share of 'same' ones
 * linked. The labels come from clusters a reviewer opened, which the model
 * already suggested: recall is measured among suggestions, not among every
 * duplicate, and reads high; the view says how many decisions it rests on.
 */
import type { LabelMetrics } from '../../../shared/channels/merge.ts';
import type { Db } from '../../store/open-project.ts';
import { currentMatchRun } from '../match-repo.ts';

const CURVE = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99];

type Rates = NonNullable<LabelMetrics['current']>;

function rates(pairs: readonly { p: number; same: boolean }[], threshold: number): Rates {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const x of pairs) {
    const linked = x.p >= threshold;
    if (linked && x.same) tp++;
    else if (linked) fp++;
    else if (x.same) fn++;
  }
  return {
    threshold, truePositives: tp, falsePositives: fp, falseNegatives: fn,
    precision: tp + fp > 0 ? tp / (tp + fp) : null,
    recall: tp + fn > 0 ? tp / (tp + fn) : null,
  };
}

export function labelMetrics(db: Db): LabelMetrics {
  const rows = db.prepare(
    `SELECT l.label, coalesce(p.probability, 0) p FROM match_labels l LEFT JOIN match_pairs p ON p.a = l.a AND p.b = l.b`,
  ).raw().all() as ['same' | 'different', number][];
  const pairs = rows.map(([label, p]) => ({ p, same: label === 'same' }));
  const same = pairs.filter((x) => x.same).length;
  const run = currentMatchRun(db);
  return {
    labels: { same, different: pairs.length - same },
    current: run ? rates(pairs, run.threshold) : null,
    curve: CURVE.map((t) => rates(pairs, t)),
  };
}
