import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Six customers; C6's email is the placeholder "n/a".
export const accuracyCustomers = ['Customer ID,Email,City', 'C1,ann.lee@gmail.com,Leeds', 'C2,bob.young@gmail.com,York', 'C3,,Hull', 'C4,di.wu@gmail.com,Bath', 'C5,,Ely', 'C6,n/a,Wells'].join('\n');
// email: C1 TP · C2 FP (differs) · C3 FN · C4 FP (reference empty) · C5 TN; city: 5 TP → TP 6, TN 1, FP 2, FN 1 → 7 / 10.
export const accuracyReference = ['Customer ID,Email,City', 'C1,ann.lee@gmail.com,Leeds', 'C2,robert.young@gmail.com,York', 'C3,cy.xu@gmail.com,Hull', 'C4,,Bath', 'C5,,Ely', 'C9,zed@gmail.com,Ely'].join('\n');

/** A folder with the six customers imported and profiled with the CLI, the verified reference file and a file without record ids. */
export function accuracyProject(dir: string): { project: string; reference: string; noIds: string } {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'customers.csv'), accuracyCustomers);
  writeFileSync(join(dir, 'verified.csv'), accuracyReference);
  writeFileSync(join(dir, 'names.csv'), 'Name,Email\nAnn,ann.lee@gmail.com\nBob,bob.young@gmail.com');
  const project = join(dir, 'accuracy.crmsteward');
  execFileSync(process.execPath, ['bin/crm-steward.mjs', 'import', join(dir, 'customers.csv'), '--project', project]);
  execFileSync(process.execPath, ['bin/crm-steward.mjs', 'profile', '--project', project]);
  return { project, reference: join(dir, 'verified.csv'), noIds: join(dir, 'names.csv') };
}
