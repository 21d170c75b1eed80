import { resolve } from 'node:path';
import { allowedDirs, appVersion, defaultPaths } from '../server/app-paths.ts';
import { startBrowserServer } from '../server/http-server.ts';
import { stringOption, type ParsedArgs } from './args.ts';

/** `crm-steward serve`: browser mode, the same as `npm run serve` without the build step. */
export async function serveCommand(args: ParsedArgs): Promise<number> {
  const paths = defaultPaths();
  const allowed = allowedDirs(process.env, args.repeated.get('allow') ?? []).map((d) => resolve(d));
  const server = await startBrowserServer({ ...paths, allowedDirs: allowed, version: appVersion(), port: Number(stringOption(args, 'port') ?? 0) });
  console.log(`CRM Steward is running in browser mode. Open this address (it includes your session token):\n\n  ${server.url}\n`);
  console.log(`It reads and writes files only in ${[paths.projectsDir, paths.dataDir, ...allowed].join(', ')} and files you upload (--allow <folder> adds one).`);
  console.log('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
  await server.close();
  return 0;
}
