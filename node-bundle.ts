import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * What the Node-side bundles (the desktop app's main process and the
 * crm-steward command) share. Worker threads are started from a module URL
 * beside the module that spawns them (siblingModule), so every worker is its
 * own entry emitted into the same folder, and shared chunks sit there too.
 */
export const workerEntries: Record<string, string> = {
  'job-worker': resolve('main/jobs/job-worker.ts'),
  'read-worker': resolve('main/ingest/read-worker.ts'),
  'compare-worker': resolve('main/match/compare-worker.ts'),
  'prepare-worker': resolve('main/match/project/prepare-worker.ts'),
  'check-worker': resolve('main/quality/check-worker.ts'),
  'standardise-worker': resolve('main/fix/standardise-worker.ts'),
  'id-query-worker': resolve('main/store/id-query-worker.ts'),
  'rekey-worker': resolve('main/store/rekey-worker.ts'),
};

/** Chunks beside the entries: import.meta.url-relative paths (migrations, workers, the repository root) must resolve there. */
export const chunkFileNames = '[name]-[hash].js';

/** The store reads its migrations from `./migrations` next to its own module, so they are copied beside the bundle. */
export function copyMigrations(outDir: string): Plugin {
  return {
    name: 'copy-migrations',
    closeBundle() {
      cpSync(resolve('main/store/migrations'), resolve(outDir, 'migrations'), { recursive: true });
    },
  };
}
