/** Long-running duplicate matching (issue 4), merged into job-kinds.ts. */
export const matchJobs = {};
