/**
 * What the review queue sorts and filters by, per suggested cluster: size,
 * sources, strongest links, the weakest link, and whether it is merged
 * (its members are exactly one golden record). Computed for every cluster
 * when a matching run is saved, and for the clusters a decision (or an
 * undo of one) marked dirty, before the queue is read.
 */
import type { Db } from '../../store/open-project.ts';
import { weakestLinks, type Link } from './weakest-link.ts';

interface Member {
  id: number;
  source: number;
  golden: number | null;
}

interface ClusterStats {
  id: number;
  members: Member[];
  strongest: Map<number, number>;
}

const FILTER = 'IN (SELECT value FROM json_each(?))';

function readMembers(db: Db, ids: string | null): Map<number, ClusterStats> {
  const where = ids === null ? '' : `WHERE m.cluster_id ${FILTER}`;
  const rows = db.prepare(
    `SELECT m.cluster_id, m.customer_id, c.source_id, g.golden_id FROM match_members m
     JOIN customers c ON c.id = m.customer_id LEFT JOIN golden_members g ON g.customer_id = m.customer_id ${where}`,
  ).raw().all(...(ids === null ? [] : [ids])) as [number, number, number, number | null][];
  const out = new Map<number, ClusterStats>();
  for (const [cluster, id, source, golden] of rows) {
    let c = out.get(cluster);
    if (!c) out.set(cluster, (c = { id: cluster, members: [], strongest: new Map() }));
    c.members.push({ id, source, golden });
  }
  return out;
}

/** Stored pairs inside each cluster between visible customers (not of a withdrawn source), without those a steward said are not the same customer. */
function readLinks(db: Db, ids: string | null): (Link & { cluster: number })[] {
  const where = ids === null ? '' : `AND x.cluster_id ${FILTER}`;
  const rows = db.prepare(
    `SELECT x.cluster_id, p.a, p.b, p.probability FROM match_pairs p
     JOIN match_members x ON x.customer_id = p.a JOIN match_members y ON y.customer_id = p.b
     JOIN customers ca ON ca.id = p.a JOIN customers cb ON cb.id = p.b
     WHERE x.cluster_id = y.cluster_id ${where}
       AND NOT EXISTS (SELECT 1 FROM match_labels l WHERE l.a = p.a AND l.b = p.b AND l.label = 'different')`,
  ).raw().all(...(ids === null ? [] : [ids])) as [number, number, number, number][];
  return rows.map(([cluster, a, b, probability]) => ({ cluster, a, b, probability }));
}

/** A golden record's size, for the golden records of these clusters' members. */
function goldenSizes(db: Db, clusters: Iterable<ClusterStats>): Map<number, number> {
  const ids = new Set<number>();
  for (const c of clusters) for (const m of c.members) if (m.golden !== null) ids.add(m.golden);
  const rows = db.prepare(`SELECT g.golden_id, count(*) FROM golden_members g JOIN customers c ON c.id = g.customer_id WHERE g.golden_id ${FILTER} GROUP BY g.golden_id`).raw().all(JSON.stringify([...ids])) as [number, number][];
  return new Map(rows);
}

function isMerged(c: ClusterStats, sizes: Map<number, number>): boolean {
  const g = c.members[0].golden;
  return g !== null && c.members.every((m) => m.golden === g) && sizes.get(g) === c.members.length;
}

/**
 * Recomputes the given clusters (all when `ids` is null): rows of clusters
 * left with fewer than two members go, the others are rewritten. Members'
 * probabilities (strongest link inside the cluster) are rewritten too.
 */
export function refreshClusters(db: Db, ids: readonly number[] | null): void {
  const json = ids === null ? null : JSON.stringify(ids);
  const clusters = readMembers(db, json);
  const links = readLinks(db, json);
  for (const l of links) {
    const c = clusters.get(l.cluster)!;
    for (const id of [l.a, l.b]) c.strongest.set(id, Math.max(c.strongest.get(id) ?? 0, l.probability));
  }
  const weakest = weakestLinks(links, new Map([...clusters.values()].map((c) => [c.id, c.members.length])));
  const sizes = goldenSizes(db, clusters.values());
  const update = db.prepare(
    `UPDATE match_clusters SET size = ?, sources = ?, source_ids = ?, min_probability = ?, max_probability = ?, status = ?,
       weakest = ?, weakest_a = ?, weakest_b = ?, dirty = 0 WHERE id = ?`,
  );
  const member = db.prepare('UPDATE match_members SET probability = ? WHERE customer_id = ?');
  if (ids !== null) db.prepare(`DELETE FROM match_clusters WHERE id ${FILTER}`).run(json);
  else db.prepare('DELETE FROM match_clusters').run();
  const insert = db.prepare('INSERT INTO match_clusters (id, size, sources, min_probability, max_probability) VALUES (?, 0, 0, 0, 0)');
  for (const c of clusters.values()) {
    if (c.members.length < 2) continue;
    const sources = [...new Set(c.members.map((m) => m.source))].sort((a, b) => a - b);
    const strongest = c.members.map((m) => c.strongest.get(m.id) ?? 0);
    const w = weakest.get(c.id) ?? null;
    insert.run(c.id);
    update.run(c.members.length, sources.length, `,${sources.join(',')},`, Math.min(...strongest), Math.max(...strongest),
      isMerged(c, sizes) ? 'merged' : 'review', w?.probability ?? null, w?.a ?? null, w?.b ?? null, c.id);
    c.members.forEach((m, i) => member.run(strongest[i], m.id));
  }
}

/**
 * Recomputes the clusters decisions marked dirty; cheap when there are none.
 * Called before the queue is read: when a job holds the write lock it does
 * not wait (the queue shows the last figures; the next read recomputes).
 */
export function refreshDirtyClusters(db: Db): void {
  const dirty = db.prepare('SELECT id FROM match_clusters WHERE dirty = 1').pluck().all() as number[];
  if (dirty.length === 0) return;
  if (db.inTransaction) return refreshClusters(db, dirty);
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.transaction(() => refreshClusters(db, dirty)).immediate();
  } catch (err) {
    if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
