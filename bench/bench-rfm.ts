/**
 * npm run bench:rfm [-- --customers N] (default 1,000,000 customers, 5 transactions each)
 *
 * RFM at scale (issue 12): a project filled straight with SQL (not timed:
 * import speed is bench:import's) with N customers and 5·N transactions
 * already read (dates, amounts, three currencies, one in ten a refund), 5%
 * of the customers merged in pairs. Timed: RFM per customer and per golden
 * record (aggregate in SQL, scores in JS), storing the run, the segment
 * table, a segment's first grid page; then reading 10% of the transactions'
 * cells with the standardisers (what an import adds per row) and relinking
 * every reference.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { computeRfm } from '../main/analysis/rfm.ts';
import { rfmOverview, runRfm, segmentCustomers } from '../main/analysis/rfm-segments.ts';
import { linkReferences } from '../main/ingest/link-references.ts';
import { readActivity } from '../main/ingest/read-activity.ts';
import { CustomersRepo } from '../main/store/customers-repo.ts';
import { openProject, type Db } from '../main/store/open-project.ts';
import { mulberry32 } from '../resources/generator/prng.ts';

const arg = process.argv.indexOf('--customers');
const customers = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;
const transactions = customers * 5;
const AS_OF = '2026-10-01';

function fill(db: Db): void {
  const rand = mulberry32(7);
  db.pragma('foreign_keys = OFF');
  db.exec(`INSERT INTO sources (id, file_name, file_path, content_hash, byte_size, format, entity, headers_json, mapping_json, rows, imported, quarantined, imported_at)
    VALUES (1, 'crm.csv', '/bench/crm.csv', 'a', 0, 'csv', 'customer', '[]', '{}', 0, 0, 0, '2026-01-01'),
           (2, 'orders.csv', '/bench/orders.csv', 'b', 0, 'csv', 'transaction', '[]', '{}', 0, 0, 0, '2026-01-01')`);
  const customer = db.prepare('INSERT INTO customer_records (id, source_id, raw_row_id, source_record_id, full_name) VALUES (?, 1, ?, ?, ?)');
  const txn = db.prepare(`INSERT INTO transactions (source_id, raw_row_id, customer_ref, customer_id, txn_date, amount, currency, txn_kind, txn_day, amount_value, amount_currency, is_refund, link_status)
    VALUES (2, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'linked')`);
  const golden = db.prepare('INSERT INTO golden_members (customer_id, golden_id) VALUES (?, ?)');
  const currencies = ['EUR', 'USD', 'CNY'];
  const base = Date.parse(AS_OF);
  db.transaction(() => {
    for (let id = 1; id <= customers; id++) customer.run(id, id, `C${id}`, `Customer ${id}`);
    for (let id = 1; id + 1 <= customers * 0.05; id += 2) (golden.run(id, id), golden.run(id + 1, id));
    for (let i = 0; i < transactions; i++) {
      // Skewed: a few customers buy often, many rarely.
      const id = 1 + Math.floor(customers * rand() ** 2);
      const day = new Date(base - Math.floor(rand() * 1095) * 86_400_000).toISOString().slice(0, 10);
      const refund = rand() < 0.1 ? 1 : 0;
      const amount = Math.round(rand() * 50_000) / 100;
      const currency = currencies[Math.floor(rand() * 3)];
      txn.run(`C${id}`, id, day, amount, currency, refund ? 'Refund' : 'Purchase', day, amount, currency, refund);
    }
  })();
  db.pragma('foreign_keys = ON');
}

function timed<T>(label: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  console.log(`${label.padEnd(48)} ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s`);
  return result;
}

async function main(): Promise<void> {
  const dir = join(import.meta.dirname, '.data', `bench-rfm-${customers}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = openProject(join(dir, 'p.crmsteward'), { create: true });
  console.log(`RFM bench: ${customers.toLocaleString('en-US')} customers, ${transactions.toLocaleString('en-US')} transactions`);
  timed('fill (not part of RFM)', () => fill(db));
  const rates = { USD: 0.92, CNY: 0.13 };
  const perCustomer = timed('RFM per customer (compute)', () => computeRfm(db, { asOf: AS_OF, per: 'customer', currency: 'EUR', rates }));
  console.log(`  scored ${perCustomer.rows.length.toLocaleString('en-US')}`);
  timed('RFM per golden record (compute)', () => computeRfm(db, { asOf: AS_OF, per: 'golden', currency: 'EUR', rates }));
  timed('RFM run as the app does it (compute + store)', () => runRfm(db, { asOf: AS_OF, per: 'customer', currency: 'EUR', rates }));
  const overview = timed('segment table (rules over the score cells)', () => rfmOverview(db));
  const repo = new CustomersRepo(db);
  const biggest = overview.segments.reduce((a, b) => (b.count > a.count ? b : a));
  const page = await (async () => {
    const started = performance.now();
    const p = await repo.page({ startRow: 0, endRow: 100, sortModel: [], filterModel: {}, quickFilter: '', restrictTo: segmentCustomers(db, biggest.index) });
    console.log(`${`first grid page of "${biggest.name}"`.padEnd(48)} ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s`);
    return p;
  })();
  console.log(`  ${page.lastRow.toLocaleString('en-US')} customers in it (segment table says ${biggest.count.toLocaleString('en-US')})`);
  const unread = Math.floor(transactions / 10);
  db.prepare('UPDATE transactions SET is_refund = NULL WHERE id <= ?').run(unread);
  timed(`read ${unread.toLocaleString('en-US')} transactions (standardisers)`, () => db.transaction(() => readActivity(db))());
  timed(`relink ${transactions.toLocaleString('en-US')} references`, () => db.transaction(() => linkReferences(db))());
  db.close();
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}

await main();
