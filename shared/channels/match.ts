import { z } from 'zod';

/** Duplicate-matching channels (issue 4): run, clusters, pair explanations. Filled in by the match area. */
export const matchChannels = {} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
