import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker from a module URL. In development and tests the modules are
 * TypeScript run through tsx, and a worker does not inherit the loader when
 * its parent was itself loaded some other way (vitest), so it is added here;
 * the built app points at plain .js bundles and needs nothing.
 */
export function spawnWorker(url: URL, options: WorkerOptions = {}): Worker {
  const execArgv = [...(options.execArgv ?? process.execArgv)];
  if (url.pathname.endsWith('.ts') && !execArgv.some((a) => a.includes('tsx'))) execArgv.push('--import', 'tsx');
  return new Worker(url, { ...options, execArgv });
}

/**
 * The URL of a worker module next to the calling module: `name.ts` when
 * running from source, `name.js` when running from a bundle, where every
 * worker entry is emitted beside the main bundle.
 */
export function siblingModule(metaUrl: string, name: string): URL {
  return new URL(`./${name}${metaUrl.endsWith('.ts') ? '.ts' : '.js'}`, metaUrl);
}
