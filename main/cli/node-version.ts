/** better-sqlite3 13 needs Node 22 or later; on older Node it crashes with an unhelpful native error. */
export function assertNodeVersion(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) {
    process.stderr.write(
      `CRM Steward needs Node.js 22 or later; this is Node ${process.versions.node}.\n` +
        'Run it through npm (npx crm-steward … or npm run …), which uses the Node 24 installed with the project, or install a newer Node.\n',
    );
    process.exit(1);
  }
}
