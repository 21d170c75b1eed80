import { z } from 'zod';

/**
 * k-means segmentation (issue 12): features standardised to z-scores with
 * the population standard deviation (scikit-learn's StandardScaler), k chosen
 * by the user with an elbow chart of inertia and mean silhouette, several
 * seeded starts keeping the lowest inertia. The current segmentation is
 * saved; its segments are named by the user, filter the Customers grid
 * (GridQuery.segment) and export through the customer export.
 */

const Id = z.number().int();
const FeatureName = z.string().min(1).max(200);
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD.');

export const SegmentFeature = z.object({
  name: z.string(),
  /** builtin: age (from the birth date) or income; rfm: recency, frequency or monetary of the newest per-customer RFM run; extra: a numeric column of the customers' extra data. */
  kind: z.enum(['builtin', 'rfm', 'extra']),
});

export const FeatureScale = z.object({ name: z.string(), mean: z.number(), sd: z.number() });

export const SegmentView = z.object({
  /** 1 … k, the largest segment first. */
  segment: z.number(),
  /** The name a steward gave it; null shows "Segment n". */
  name: z.string().nullable(),
  size: z.number(),
  /** In each feature's own units (years, income), in `features` order. */
  centroid: z.array(z.number()),
  centroidZ: z.array(z.number()),
});
export type SegmentView = z.infer<typeof SegmentView>;

export const SegmentationView = z.object({
  id: z.number(),
  createdAt: z.string(),
  /** Ages are counted as of this day. */
  asOf: z.string(),
  k: z.number(),
  seed: z.number(),
  starts: z.number(),
  features: z.array(FeatureScale),
  /** Sum of squared distances to the centroids, in z-scores. */
  inertia: z.number(),
  silhouette: z.number().nullable(),
  /** How many customers the silhouette was computed on (all of them up to a few thousand, else a seeded sample). */
  silhouetteSample: z.number(),
  /** Customers read (every one in the project). */
  records: z.number(),
  /** Customers lacking at least one feature: listed (GridQuery.segment with segment null), not segmented. */
  missing: z.number(),
  missingByFeature: z.record(z.string(), z.number()),
  segments: z.array(SegmentView),
  /** A seeded sample of segmented customers for the scatter plot: [segment, value of each feature…]. */
  sample: z.array(z.array(z.number())),
});
export type SegmentationView = z.infer<typeof SegmentationView>;

export const ElbowPoint = z.object({ k: z.number(), inertia: z.number(), silhouette: z.number().nullable() });
export const ElbowResult = z.object({ points: z.array(ElbowPoint), records: z.number(), silhouetteSample: z.number() });
export type ElbowResult = z.infer<typeof ElbowResult>;

export const SegmentRequest = z.object({
  features: z.array(FeatureName).min(1, 'Choose at least one feature.').max(20),
  k: z.number().int().min(2, 'k must be at least 2.').max(20, 'k can be at most 20.').default(3),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
  starts: z.number().int().min(1).max(50).default(4),
  /** Ages as of this day; default today. */
  asOf: IsoDay.optional(),
});
export type SegmentRequest = z.input<typeof SegmentRequest>;

export const ElbowRequest = SegmentRequest.omit({ k: true }).extend({
  kMax: z.number().int().min(2).max(20).default(10),
  starts: z.number().int().min(1).max(50).default(2),
});
export type ElbowRequest = z.input<typeof ElbowRequest>;

/** The grid's restriction to one segment of a segmentation, or (segment null) to the customers it could not segment. */
export const SegmentFilter = z.object({ segmentationId: Id, segment: Id.nullable() });

export const segmentChannels = {
  /** rfmUnavailable: why the RFM features cannot be chosen yet (no RFM run, or the newest is per golden record), null when they can. */
  'segment:features': { input: z.object({}).strict().default({}), output: z.object({ features: z.array(SegmentFeature), rfmUnavailable: z.enum(['no_run', 'per_golden']).nullable() }) },
  'segment:current': { input: z.object({}).strict().default({}), output: SegmentationView.nullable() },
  /** A job (kind 'segment', result SegmentationView): the new segmentation becomes current when it ends. */
  'segment:run': { input: SegmentRequest, output: z.object({ jobId: z.string() }) },
  /** A job (kind 'segment-elbow', result ElbowResult): inertia and mean silhouette for k = 2 … kMax; nothing is saved. */
  'segment:elbow': { input: ElbowRequest, output: z.object({ jobId: z.string() }) },
  'segment:rename': {
    input: z.object({ segmentationId: Id, segment: Id, name: z.string().trim().max(80, 'Keep the name under 80 characters.').nullable() }),
    output: SegmentationView,
  },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
