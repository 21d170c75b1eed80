/** Long-running data-quality work (issue 3), merged into job-kinds.ts. */
export const qualityJobs = {};
