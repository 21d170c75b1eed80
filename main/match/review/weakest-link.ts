/**
 * The weakest link of a cluster: clustering joins groups strongest link
 * first, so the pair that joined the last two groups is the weakest edge of
 * a maximum spanning tree of the members' links. That pair is the
 * cluster's least certain decision: the review opens its explanation there,
 * and the queue sorts by it.
 */
export interface Link {
  a: number;
  b: number;
  probability: number;
}

/** Links grouped by cluster → the weakest spanning link of each (absent when the links do not connect the members). */
export function weakestLinks(links: readonly (Link & { cluster: number })[], sizes: ReadonlyMap<number, number>): Map<number, Link> {
  const sorted = [...links].sort((x, y) => y.probability - x.probability || x.a - y.a || x.b - y.b);
  const parent = new Map<number, number>();
  const find = (i: number): number => {
    let r = i;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    let j = i;
    while (j !== r) {
      const next = parent.get(j) ?? j;
      parent.set(j, r);
      j = next;
    }
    return r;
  };
  const unions = new Map<number, number>();
  const last = new Map<number, Link>();
  for (const l of sorted) {
    const ra = find(l.a);
    const rb = find(l.b);
    if (ra === rb) continue;
    parent.set(ra, rb);
    if (!parent.has(rb)) parent.set(rb, rb);
    unions.set(l.cluster, (unions.get(l.cluster) ?? 0) + 1);
    last.set(l.cluster, { a: l.a, b: l.b, probability: l.probability });
  }
  // A spanning tree of n members has n - 1 links; fewer means the links leave the members apart.
  for (const cluster of [...last.keys()]) if (unions.get(cluster) !== (sizes.get(cluster) ?? 0) - 1) last.delete(cluster);
  return last;
}

/** 1 − |2p − 1|: 1 for a coin toss, 0 for certainty either way. */
export function uncertainty(p: number | null): number {
  return p === null ? 1 : 1 - Math.abs(2 * p - 1);
}
