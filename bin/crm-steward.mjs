#!/usr/bin/env node
// The crm-steward command. Plain JavaScript so that it can refuse an old Node
// with a clear message before anything that needs Node 22+ is loaded.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `crm-steward needs Node.js 22 or later; this is Node ${process.versions.node}.\n` +
      'Run it as `npx crm-steward …` from the project folder (npm puts the bundled Node 24 on the PATH), or install a newer Node.\n',
  );
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../main/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
