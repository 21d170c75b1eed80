import { assertNodeVersion } from '../cli/node-version.ts';
import { appVersion, defaultPaths } from './app-paths.ts';
import { startBrowserServer } from './http-server.ts';

/** `npm run serve`: browser mode on 127.0.0.1, printing the URL with its session token. */
assertNodeVersion();
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT ?? 0);
const server = await startBrowserServer({ ...defaultPaths(), version: appVersion(), port });
console.log(`CRM Steward is running in browser mode. Open this address (it includes your session token):\n\n  ${server.url}\n`);
console.log('Press Ctrl+C to stop.');
const stop = async (): Promise<void> => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
