/**
 * npm run bench:rfm-charts [-- --customers N] (default 1,000,000)
 *
 * The RFM view's charts and their drill-downs at scale (issue 12), on the
 * project bench:rfm builds and keeps: run `npm run bench:rfm -- --customers N
 * --keep` first (N customers, 5·N transactions over three years, its
 * per-customer RFM run stored). Timed: the charts' data (monthly sums over
 * the transactions_month index, the R×F cells), the first grid page of the
 * biggest heat-map cell and of a month's buyers and refunders (the grid asks
 * for a page and its count), and reading recency and monetary as k-means
 * features.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { heatCellCustomers, monthCustomers, rfmCharts } from '../main/analysis/rfm-charts.ts';
import { resolveFeatures } from '../main/segment/features.ts';
import { readFeatures } from '../main/segment/read-features.ts';
import { CustomersRepo } from '../main/store/customers-repo.ts';
import type { WhereClause } from '../main/store/grid-query.ts';
import { openProject } from '../main/store/open-project.ts';
import { monthlyActivity } from '../main/store/rfm-charts-repo.ts';

const arg = process.argv.indexOf('--customers');
const customers = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;

function timed<T>(label: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  console.log(`${label.padEnd(52)} ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s`);
  return result;
}

async function main(): Promise<void> {
  const file = join(import.meta.dirname, '.data', `bench-rfm-${customers}`, 'p.crmsteward');
  if (!existsSync(file)) {
    console.error(`No bench project at ${file}: run \`npm run bench:rfm -- --customers ${customers} --keep\` first.`);
    process.exit(2);
  }
  // A project from before migration 015 gets the transactions_month index here.
  const db = timed('open (builds transactions_month if missing)', () => openProject(file));
  const transactions = db.prepare('SELECT count(*) FROM transactions').pluck().get() as number;
  console.log(`RFM charts bench: ${customers.toLocaleString('en-US')} customers, ${transactions.toLocaleString('en-US')} transactions`);
  timed('monthly sums (purchases, refunds, revenue)', () => monthlyActivity(db, '2026-10-01'));
  const charts = timed('rfm:charts (heat map + monthly series)', () => rfmCharts(db));
  console.log(`  ${charts.heat.length} heat-map cells, ${charts.months.length} months`);
  const repo = new CustomersRepo(db);
  const page = async (label: string, restrictTo: WhereClause): Promise<void> => {
    const started = performance.now();
    const p = await repo.page({ startRow: 0, endRow: 100, sortModel: [], filterModel: {}, quickFilter: '', restrictTo });
    console.log(`${label.padEnd(52)} ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s`);
    console.log(`  ${p.lastRow.toLocaleString('en-US')} customers`);
  };
  const biggest = charts.heat.reduce((a, b) => (b.count > a.count ? b : a));
  await page(`grid page of heat-map cell r${biggest.r} f${biggest.f}`, heatCellCustomers(db, biggest.r, biggest.f));
  const month = charts.months[charts.months.length - 2];
  await page(`grid page of ${month}'s buyers`, monthCustomers(db, month, false));
  await page(`grid page of ${month}'s refunders`, monthCustomers(db, month, true));
  const table = timed('k-means features recency, monetary (read)', () => readFeatures(db, resolveFeatures(db, ['recency', 'monetary']), { now: new Date() }));
  console.log(`  ${table.values[0].filter((v) => !Number.isNaN(v)).length.toLocaleString('en-US')} customers with RFM scores`);
  db.close();
}

await main();
