/** The current segmentation as the contract shows it: centroids back in each feature's own units. */
import type { SegmentationView } from '../../shared/channels/segment.ts';
import type { Db } from '../store/open-project.ts';
import { currentSegmentation } from '../store/segments-repo.ts';
import { fromZ, type Scale } from './standardise.ts';

export function currentView(db: Db): SegmentationView | null {
  const current = currentSegmentation(db);
  if (!current) return null;
  const { row } = current;
  const features = JSON.parse(row.features) as (Scale & { name: string })[];
  return {
    id: row.id, createdAt: row.created_at, asOf: row.as_of, k: row.k, seed: row.seed, starts: row.starts, features,
    inertia: row.inertia, silhouette: row.silhouette, silhouetteSample: row.silhouette_sample,
    records: row.records, missing: row.missing, missingByFeature: JSON.parse(row.missing_by_feature) as Record<string, number>,
    segments: current.segments.map((s) => {
      const centroidZ = JSON.parse(s.centroid_z) as number[];
      return { segment: s.segment, name: s.name, size: s.size, centroidZ, centroid: centroidZ.map((z, f) => fromZ(z, features[f])) };
    }),
    sample: JSON.parse(row.sample) as number[][],
  };
}
