import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** A generated messy export (a third of the people repeated, across sources), as a steward would receive it. */
export function generatedCsv(dir: string, rows: number, seed = 3): string {
  const csv = join(dir, `customers-${rows}.csv`);
  execFileSync(process.execPath, ['--import', 'tsx', 'resources/generator/make-export.ts', '--rows', String(rows), '--seed', String(seed), '--out', csv, '--duplicate-rate', '0.3']);
  return csv;
}

/** A generated messy export imported into a new project with the CLI, as a steward's test project. */
export function generatedProject(dir: string, rows: number, seed = 3): string {
  const csv = generatedCsv(dir, rows, seed);
  const project = join(dir, `customers-${rows}.crmsteward`);
  execFileSync(process.execPath, ['bin/crm-steward.mjs', 'import', csv, '--project', project, '--json']);
  return project;
}
