import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeService } from '../match/match-fixture.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const cli = (args: string[]) => spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8' });

// Every personal value here is one a masked file or report must never contain.
const csv = [
  'Customer ID,First Name,Last Name,Email,Phone,Mobile,Birthdate,Street,City,Country,Notes',
  'C1,Jane,Doe,jane.doe@example.org,+44 20 7946 0958,+44 7700 900123,1985-03-12,221B Baker Street,London,GB,VIP since 2019',
  'C2,Bob,Young,bob@@mail,020 7946 0000,,31/02/1990,12 Downing Street,London,GB,',
].join('\n');
const personal = ['jane.doe@', '7946 0958', '900123', '1985-03-12', 'Baker', 'bob@@mail', '7946 0000', '31/02', 'Downing', 'VIP since'];

describe('exports and reports masked for sharing', () => {
  it('export:start with mask: personal fields masked, names kept, unmapped columns left out (CSV and XLSX)', async () => {
    const dir = tempDir();
    const { service, waitForJob } = makeService(dir);
    await service.invoke('project:create', { path: join(dir, 'p.crmsteward') });
    writeFileSync(join(dir, 'crm.csv'), csv);
    expect((await waitForJob((await service.invoke('import:start', { files: [{ path: join(dir, 'crm.csv') }] })).jobId)).status).toBe('succeeded');
    while (service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 20));
    const exported = async (name: string, format: 'csv' | 'xlsx', mask: boolean) => {
      const path = join(dir, name);
      expect((await waitForJob((await service.invoke('export:start', { path, format, mask })).jobId)).status).toBe('succeeded');
      return path;
    };
    // Unmasked, the values are all there: the masked file below differs because of the mask.
    const plain = readFileSync(await exported('plain.csv', 'csv', false), 'utf8');
    for (const v of personal) expect(plain).toContain(v);

    const masked = readFileSync(await exported('masked.csv', 'csv', true), 'utf8');
    for (const v of personal) expect(masked).not.toContain(v);
    const [header, jane] = masked.trim().split('\n').map((l) => l.split(','));
    const cell = (row: string[], column: string) => row[header.indexOf(column)];
    expect(header).not.toContain('Notes');
    expect({ given: cell(jane, 'given_name'), email: cell(jane, 'email'), phone: cell(jane, 'phone'), mobile: cell(jane, 'mobile'), born: cell(jane, 'birth_date'), street: cell(jane, 'street'), city: cell(jane, 'city'), id: cell(jane, 'source_record_id') })
      // A masked number starting with + is no number to a spreadsheet: it gets the apostrophe that keeps it text.
      .toEqual({ given: 'Jane', email: 'j***@example.org', phone: "'+44 ** **** **58", mobile: "'+44 **** ****23", born: '1985-**-**', street: '221B B*** S***', city: 'London', id: 'C1' });

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await exported('masked.xlsx', 'xlsx', true));
    const values = book.worksheets[0].getSheetValues().flat().map(String).join('\n');
    for (const v of personal) expect(values).not.toContain(v);
    expect(values).toContain('j***@example.org');
    expect(values).toContain('\n+44 ** **** **58\n'); // a text cell as it is
    service.dispose();
  });

  it('crm-steward export --mask and audit --mask: no personal value in the file, the HTML report or its JSON, and the report says it is masked', () => {
    const dir = tempDir();
    const file = join(dir, 'crm.csv');
    writeFileSync(file, csv);
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', file, '--project', project]).status).toBe(0);
    const out = join(dir, 'shared.csv');
    const exported = cli(['export', '--project', project, '--out', out, '--mask']);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('masked');
    const shared = readFileSync(out, 'utf8');
    for (const v of personal) expect(shared).not.toContain(v);

    const audit = (...extra: string[]) => {
      const report = join(dir, `r${extra.length}.html`);
      const json = join(dir, `r${extra.length}.json`);
      const res = cli(['audit', file, '--report', report, '--json', json, '--default-country', 'GB', ...extra]);
      expect(res.status, res.stderr).toBe(0);
      return { html: readFileSync(report, 'utf8'), json: readFileSync(json, 'utf8') };
    };
    // The unmasked report quotes the broken values; the masked one shows their shape only.
    const plain = audit();
    expect(plain.html).toContain('bob@@mail');
    expect(plain.json).toContain('bob@@mail');
    expect(plain.html).not.toContain('id="masked"');
    const masked = audit('--mask');
    for (const text of [masked.html, masked.json]) for (const v of personal) expect(text).not.toContain(v);
    expect(masked.html).toContain('id="masked"');
    expect(masked.html).toContain('b***@mail');
    const zh = audit('--mask', '--lang', 'zh-CN');
    expect(zh.html).toContain('已隐藏个人信息');
    for (const v of personal) expect(zh.html).not.toContain(v);
  });
});
