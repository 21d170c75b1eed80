import { z } from 'zod';

/** Data-quality channels (issue 3): profile, metrics, drill-down. Filled in by the quality area. */
export const qualityChannels = {} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
