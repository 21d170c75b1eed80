import react from '@vitejs/plugin-react';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

/**
 * Builds the desktop app: the main process with its worker entries side by
 * side (jobs find them with siblingModule), the sandboxed preload as
 * CommonJS, and the same renderer browser mode serves.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('main/electron/main.ts'),
          'job-worker': resolve('main/jobs/job-worker.ts'),
          'read-worker': resolve('main/ingest/read-worker.ts'),
          'compare-worker': resolve('main/match/compare-worker.ts'),
          'prepare-worker': resolve('main/match/project/prepare-worker.ts'),
          'check-worker': resolve('main/quality/check-worker.ts'),
        },
        // Shared chunks sit beside the entries: import.meta.url-relative paths (migrations, workers) must resolve there.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
    plugins: [
      {
        name: 'copy-migrations',
        closeBundle() {
          cpSync(resolve('main/store/migrations'), resolve('out/main/migrations'), { recursive: true });
        },
      },
    ],
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else into it.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: { input: { preload: resolve('main/electron/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    build: { outDir: 'out/renderer', rollupOptions: { input: resolve('renderer/index.html') } },
    plugins: [react()],
  },
});
