import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { chunkFileNames, copyMigrations, workerEntries } from './node-bundle.ts';

/** Where the compiled crm-steward command goes; bin/cli-bundle.mjs looks for it there. */
const outDir = 'out/cli';

/**
 * The crm-steward command compiled to plain JavaScript (`npm run build:cli`,
 * run by `prepare` on every npm install and npm ci, and by npm run build), so
 * it starts without compiling TypeScript. An SSR build: packages stay in
 * node_modules as imports Node resolves at run time. The commands stay
 * separate chunks, so --help loads none of them. The output is two folders
 * deep like main/cli, so app-paths.ts finds the repository root the same way.
 */
export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node22',
    outDir,
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: { 'crm-steward': resolve('main/cli/index.ts'), ...workerEntries },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames },
    },
  },
  plugins: [copyMigrations(outDir)],
});
