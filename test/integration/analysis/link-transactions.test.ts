import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { setLinkSource } from '../../../main/ingest/link-references.ts';
import { linkCounts, transactionsPage } from '../../../main/store/activity-repo.ts';
import { openProject, type Db } from '../../../main/store/open-project.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

const crm = 'Customer ID,First Name,Last Name,Email\nC1,Ada,Lovelace,ada@example.com\nC2,Alan,Turing,alan@example.com\nC3,Grace,Hopper,grace@example.com\n';
// Other headers than crm.csv's: another system, not a later export of the CRM (which would update its records).
const shop = 'Customer ID,Given Name,Family Name,E-mail\nC1,Zhang,Wei,zhang@example.cn\nC5,Li,Na,li@example.cn\n';
const orders = 'Customer ID,Order Date,Amount,Currency,Type\nC1,2026-06-01,10,EUR,Purchase\nC3,2026-06-02,20,EUR,Purchase\nC5,2026-06-03,30,CNY,Purchase\nC9,2026-06-04,40,EUR,Purchase\n,2026-06-05,50,EUR,Purchase\n';

function project(): { db: Db; dir: string; write: (name: string, text: string) => string } {
  const dir = tempDir();
  const db = openProject(join(dir, 'p.crmsteward'), { create: true });
  return { db, dir, write: (name, text) => (writeFileSync(join(dir, name), text), join(dir, name)) };
}

/** Each order's reference and whom it is linked to: "<source file>:<record id>", or why not. */
function links(db: Db): Record<string, string> {
  const rows = db.prepare(`SELECT t.customer_ref, t.link_status, s.file_name, c.source_record_id FROM transactions t
    LEFT JOIN customers c ON c.id = t.customer_id LEFT JOIN sources s ON s.id = c.source_id ORDER BY t.id`).all() as { customer_ref: string | null; link_status: string; file_name: string | null; source_record_id: string | null }[];
  return Object.fromEntries(rows.map((r) => [r.customer_ref ?? '(blank)', r.file_name ? `${r.file_name}:${r.source_record_id}` : r.link_status]));
}

const sourceId = (db: Db, name: string): number => db.prepare('SELECT id FROM sources WHERE file_name = ?').pluck().get(name) as number;

describe('linking transactions to customers', () => {
  it('links an id held by one source; an id held by two stays unlinked as ambiguous until the steward picks the source', async () => {
    const { db, write } = project();
    await importFiles(db, [{ path: write('crm.csv', crm) }, { path: write('shop.csv', shop) }, { path: write('orders.csv', orders) }]);
    expect(links(db)).toEqual({ C1: 'ambiguous', C3: 'crm.csv:C3', C5: 'shop.csv:C5', C9: 'not_found', '(blank)': 'no_reference' });

    // The steward says the orders are the shop's: C1 is the shop's Zhang Wei, and the CRM's C3 is no longer a candidate.
    db.transaction(() => setLinkSource(db, sourceId(db, 'orders.csv'), sourceId(db, 'shop.csv')))();
    expect(links(db)).toEqual({ C1: 'shop.csv:C1', C3: 'not_found', C5: 'shop.csv:C5', C9: 'not_found', '(blank)': 'no_reference' });
    db.transaction(() => setLinkSource(db, sourceId(db, 'orders.csv'), null))();
    expect(links(db).C1).toBe('ambiguous');
    expect(() => setLinkSource(db, sourceId(db, 'crm.csv'), null)).toThrow(/not a transactions or needs file/);
    expect(() => setLinkSource(db, sourceId(db, 'orders.csv'), sourceId(db, 'orders.csv'))).toThrow(/not a customers file/);
  });

  it('does not depend on the order of imports: orders first, their customers later', async () => {
    const { db, write } = project();
    await importFiles(db, [{ path: write('orders.csv', orders) }]);
    expect(links(db).C3).toBe('not_found');
    await importFiles(db, [{ path: write('crm.csv', crm) }]);
    expect(links(db)).toMatchObject({ C1: 'crm.csv:C1', C3: 'crm.csv:C3' });
    // A second system with a C1 makes it ambiguous: the link is revisited, not kept by whoever came first.
    await importFiles(db, [{ path: write('shop.csv', shop) }]);
    expect(links(db)).toMatchObject({ C1: 'ambiguous', C3: 'crm.csv:C3', C5: 'shop.csv:C5' });
  });

  it('links the orders sheet of a workbook to the customers sheet of the same workbook', async () => {
    const { db, dir, write } = project();
    const book = new ExcelJS.Workbook();
    const people = book.addWorksheet('Customers');
    for (const line of shop.trim().split('\n')) people.addRow(line.split(','));
    const sales = book.addWorksheet('Orders');
    for (const line of orders.trim().split('\n')) sales.addRow(line.split(','));
    await book.xlsx.writeFile(join(dir, 'shop.xlsx'));
    await importFiles(db, [{ path: write('crm.csv', crm) }, { path: join(dir, 'shop.xlsx') }]);
    expect(links(db)).toMatchObject({ C1: 'shop.xlsx › Customers:C1', C3: 'not_found', C5: 'shop.xlsx › Customers:C5' });
  });

  it('lists unlinked transactions with the reason, never drops them', async () => {
    const { db, write } = project();
    await importFiles(db, [{ path: write('crm.csv', crm) }, { path: write('shop.csv', shop) }, { path: write('orders.csv', orders) }]);
    const page = transactionsPage(db, { startRow: 0, endRow: 100, sortModel: [{ colId: 'id', sort: 'asc' }], filterModel: {}, quickFilter: '', unlinkedOnly: true });
    expect(page.lastRow).toBe(3);
    expect(page.rows.map((r) => [r.customer_ref, r.link_status, r.amount_value])).toEqual([['C1', 'ambiguous', 10], ['C9', 'not_found', 40], [null, 'no_reference', 50]]);
    expect(transactionsPage(db, { startRow: 0, endRow: 100, sortModel: [], filterModel: {}, quickFilter: '' }).lastRow).toBe(5);
    expect(linkCounts(db).filter((c) => c.entity === 'transaction').sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { entity: 'transaction', status: 'ambiguous', count: 1 },
      { entity: 'transaction', status: 'linked', count: 2 },
      { entity: 'transaction', status: 'no_reference', count: 1 },
      { entity: 'transaction', status: 'not_found', count: 1 },
    ]);
  });

  it('sorts and filters the transactions grid in SQL', async () => {
    const { db, write } = project();
    await importFiles(db, [{ path: write('crm.csv', crm) }, { path: write('orders.csv', orders) }]);
    const page = transactionsPage(db, { startRow: 0, endRow: 100, sortModel: [{ colId: 'amount_value', sort: 'desc' }], filterModel: { currency: { filterType: 'text', type: 'equals', filter: 'eur' } }, quickFilter: '' });
    expect(page.rows.map((r) => r.amount_value)).toEqual([50, 40, 20, 10]);
    // A CRM export with first and last names only: the grid names the customer from them.
    expect(page.rows.find((r) => r.customer_ref === 'C3')).toMatchObject({ customer_name: 'Grace Hopper', source: 'orders.csv' });
    const found = transactionsPage(db, { startRow: 0, endRow: 100, sortModel: [], filterModel: {}, quickFilter: 'grace hop' });
    expect(found.rows.map((r) => r.customer_ref)).toEqual(['C3']);
  });
});
