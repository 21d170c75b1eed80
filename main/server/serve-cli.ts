import { assertNodeVersion } from '../cli/node-version.ts';
import { main } from '../cli/index.ts';

/** `npm run serve` and the e2e tests: browser mode through the CLI's serve command. */
assertNodeVersion();
process.exitCode = await main(['serve', ...process.argv.slice(2)]);
