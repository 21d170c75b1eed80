/**
 * A steward's decisions as a matching run takes them (learn-from-labels.ts):
 * golden-record membership and the labelled pairs, read from the store.
 */
import type { Db } from '../../store/open-project.ts';
import type { Decisions } from '../learn-from-labels.ts';

export function readDecisions(db: Db): Decisions {
  const together = new Map(db.prepare('SELECT customer_id, golden_id FROM golden_members').raw().all() as [number, number][]);
  const labels = db.prepare('SELECT a, b, label FROM match_labels ORDER BY a, b').raw().all() as [number, number, 'same' | 'different'][];
  return {
    together,
    apart: labels.filter((l) => l[2] === 'different').map(([a, b]): [number, number] => [a, b]),
    labelled: labels.map(([a, b, label]) => ({ a, b, same: label === 'same' })),
  };
}
