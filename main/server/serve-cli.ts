import { assertNodeVersion } from '../cli/node-version.ts';
import { main } from '../cli/index.ts';

/** The e2e tests: browser mode through the CLI's serve command, run from the TypeScript sources. */
assertNodeVersion();
process.exitCode = await main(['serve', ...process.argv.slice(2)]);
