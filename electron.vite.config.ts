import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { chunkFileNames, copyMigrations, workerEntries } from './node-bundle.ts';

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
        input: { index: resolve('main/electron/main.ts'), ...workerEntries },
        output: { chunkFileNames },
      },
    },
    plugins: [copyMigrations('out/main')],
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
