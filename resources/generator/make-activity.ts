/**
 * Transactions and needs for a generated export:
 *   node --import tsx resources/generator/make-activity.ts --export-truth x.csv.truth.csv --out-dir dir [--seed 1] [--as-of 2026-10-01]
 * writes dir/transactions.csv, dir/needs.csv and dir/rfm.truth.csv, and prints a summary as JSON.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeActivity } from './activity/write-activity.ts';

const { values: a } = parseArgs({ options: { 'export-truth': { type: 'string' }, 'out-dir': { type: 'string' }, seed: { type: 'string', default: '1' }, 'as-of': { type: 'string', default: '2026-10-01' } } });
if (!a['export-truth'] || !a['out-dir']) {
  process.stderr.write('--export-truth and --out-dir are required\n');
  process.exit(2);
}
mkdirSync(a['out-dir'], { recursive: true });
const dir = a['out-dir'];
const summary = writeActivity(a['export-truth'], { transactions: join(dir, 'transactions.csv'), needs: join(dir, 'needs.csv'), truth: join(dir, 'rfm.truth.csv') }, { seed: Number(a.seed), asOf: a['as-of'] });
process.stdout.write(JSON.stringify(summary) + '\n');
