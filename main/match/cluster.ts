/**
 * Links pairs above the threshold into entities, strongest links first.
 * Single-link clustering chains: one weak link would join two whole groups.
 * So two groups of two or more records merge only when enough of the pairs
 * between them are linked (density ≥ minDensity); a single record may join a
 * group on one link, since that is how a duplicate attaches to its original.
 * The cluster id is the smallest record id in it, so re-runs and incremental
 * runs keep ids as long as the earliest record stays.
 *
 * A steward's decisions constrain it: records of one golden record are
 * seeded together (`initial`), and two groups never merge while a pair
 * between them was marked "not the same customer" (`cannotLink`).
 */
export interface ClusterOptions {
  /** Minimum match weight (bits) for a pair to be a link. */
  thresholdWeight: number;
  /** Share of cross pairs that must be links before two groups merge. */
  minDensity?: number;
  /** Existing entities (incremental runs, golden records): record index → index of its cluster's first member, or -1. */
  initial?: Int32Array;
  /** Record index pairs that must never end in one cluster: [a0, b0, a1, b1, …]. */
  cannotLink?: Int32Array;
}

export interface EdgeList {
  count: number;
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
}

function adjacency(n: number, edges: EdgeList, keep: Int32Array): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(n + 1);
  for (const x of keep) {
    start[edges.a[x] + 1]++;
    start[edges.b[x] + 1]++;
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const list = new Int32Array(keep.length * 2);
  for (const x of keep) {
    list[fill[edges.a[x]]++] = edges.b[x];
    list[fill[edges.b[x]]++] = edges.a[x];
  }
  return { start, list };
}

class Groups {
  parent: Int32Array;
  members: (number[] | undefined)[];
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.members = new Array(n);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) [i, this.parent[i]] = [this.parent[i], r];
    return r;
  }
  list(r: number): number[] {
    return this.members[r] ?? [r];
  }
  union(ra: number, rb: number): void {
    const [big, small] = this.list(ra).length >= this.list(rb).length ? [ra, rb] : [rb, ra];
    this.parent[small] = big;
    this.members[big] = this.list(big).concat(this.list(small));
    this.members[small] = undefined;
  }
}

function crossLinks(g: Groups, adj: { start: Int32Array; list: Int32Array }, from: number[], other: number): number {
  let links = 0;
  for (const u of from) for (let e = adj.start[u]; e < adj.start[u + 1]; e++) if (g.find(adj.list[e]) === other) links++;
  return links;
}

/** Cluster of every record index, as the index of its smallest-id member. */
export function clusterIndices(n: number, ids: readonly number[], edges: EdgeList, opts: ClusterOptions): Int32Array {
  const minDensity = opts.minDensity ?? 0.3;
  const keepList: number[] = [];
  for (let x = 0; x < edges.count; x++) if (edges.weight[x] >= opts.thresholdWeight) keepList.push(x);
  keepList.sort((x, y) => edges.weight[y] - edges.weight[x]);
  const keep = Int32Array.from(keepList);
  const adj = adjacency(n, edges, keep);
  const g = new Groups(n);
  if (opts.initial) seedGroups(g, opts.initial);
  const apart = partners(opts.cannotLink);
  for (const x of keep) {
    const ra = g.find(edges.a[x]);
    const rb = g.find(edges.b[x]);
    if (ra === rb) continue;
    const la = g.list(ra);
    const lb = g.list(rb);
    if (apart && keptApart(g, apart, la.length <= lb.length ? la : lb, la.length <= lb.length ? rb : ra)) continue;
    if (la.length > 1 && lb.length > 1) {
      const [small, otherRoot] = la.length <= lb.length ? [la, rb] : [lb, ra];
      if (crossLinks(g, adj, small, otherRoot) < minDensity * la.length * lb.length) continue;
    }
    g.union(ra, rb);
  }
  return labelBySmallestId(n, ids, g);
}

/** Record index → the records it must stay apart from. */
function partners(cannot: Int32Array | undefined): Map<number, number[]> | null {
  if (!cannot || cannot.length === 0) return null;
  const out = new Map<number, number[]>();
  const add = (x: number, y: number): void => {
    const list = out.get(x);
    if (list) list.push(y);
    else out.set(x, [y]);
  };
  for (let i = 0; i + 1 < cannot.length; i += 2) (add(cannot[i], cannot[i + 1]), add(cannot[i + 1], cannot[i]));
  return out;
}

/** Whether a member of `from` must stay apart from a member of the group rooted at `other`. */
function keptApart(g: Groups, apart: Map<number, number[]>, from: number[], other: number): boolean {
  for (const u of from) for (const v of apart.get(u) ?? []) if (g.find(v) === other) return true;
  return false;
}

function seedGroups(g: Groups, initial: Int32Array): void {
  for (let i = 0; i < initial.length; i++) {
    if (initial[i] < 0) continue;
    const ra = g.find(i);
    const rb = g.find(initial[i]);
    if (ra !== rb) g.union(ra, rb);
  }
}

function labelBySmallestId(n: number, ids: readonly number[], g: Groups): Int32Array {
  const best = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = g.find(i);
    if (best[r] < 0 || ids[i] < ids[best[r]]) best[r] = i;
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = best[g.find(i)];
  return out;
}

/** Convenience over record ids: pairs with probabilities in, record id → cluster id out. */
export function clusterPairs(
  recordIds: readonly number[],
  pairs: readonly { a: number; b: number; probability: number }[],
  opts: { threshold?: number; minDensity?: number; together?: ReadonlyMap<number, number>; apart?: readonly [number, number][] } = {},
): Map<number, number> {
  const index = new Map<number, number>();
  recordIds.forEach((id, i) => index.set(id, i));
  const clamp = (p: number): number => Math.min(1 - 1e-15, Math.max(1e-15, p));
  const edges: EdgeList = {
    count: pairs.length,
    a: Int32Array.from(pairs, (p) => index.get(p.a) ?? -1),
    b: Int32Array.from(pairs, (p) => index.get(p.b) ?? -1),
    weight: Float64Array.from(pairs, (p) => Math.log2(clamp(p.probability) / (1 - clamp(p.probability)))),
  };
  if (edges.a.some((x) => x < 0) || edges.b.some((x) => x < 0)) throw new Error('pair refers to an unknown record id');
  const t = clamp(opts.threshold ?? 0.9);
  const labels = clusterIndices(recordIds.length, recordIds, edges, {
    thresholdWeight: Math.log2(t / (1 - t)), minDensity: opts.minDensity,
    initial: opts.together ? seedsOf(recordIds, opts.together) : undefined,
    cannotLink: opts.apart ? cannotLinkOf(index, opts.apart) : undefined,
  });
  return new Map(recordIds.map((id, i) => [id, recordIds[labels[i]]]));
}

/** record index → index of the first record of its group (`group`: record id → group key), -1 for records in none. */
export function seedsOf(recordIds: readonly number[], group: ReadonlyMap<number, number>): Int32Array {
  const initial = new Int32Array(recordIds.length).fill(-1);
  const first = new Map<number, number>();
  recordIds.forEach((id, i) => {
    const key = group.get(id);
    if (key === undefined) return;
    const f = first.get(key);
    if (f === undefined) first.set(key, i);
    else initial[i] = f;
  });
  return initial;
}

/** Record id pairs as index pairs (pairs naming a record not in the run are left out). */
export function cannotLinkOf(index: ReadonlyMap<number, number>, pairs: readonly [number, number][]): Int32Array {
  const out: number[] = [];
  for (const [a, b] of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i !== undefined && j !== undefined) out.push(i, j);
  }
  return Int32Array.from(out);
}

/** Two groupings (record id → group key) as one: records grouped together in either stay together. */
export function joinPartitions(x: ReadonlyMap<number, number>, y: ReadonlyMap<number, number>): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (v: number): number => {
    let r = v;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(v, r);
    return r;
  };
  const firstOf = new Map<string, number>();
  for (const [tag, map] of [['x', x], ['y', y]] as const) {
    for (const [id, key] of map) {
      if (!parent.has(id)) parent.set(id, id);
      const f = firstOf.get(`${tag}${key}`);
      if (f === undefined) firstOf.set(`${tag}${key}`, id);
      else parent.set(find(id), find(f));
    }
  }
  return new Map([...parent.keys()].map((id) => [id, find(id)]));
}
