import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../main/ingest/suggest-mapping.ts';
import { normaliseHeaders } from '../../../main/ingest/records.ts';

describe('suggestMapping', () => {
  it('recognises a Salesforce contact export and its id column', () => {
    const headers = ['Contact ID', 'First Name', 'Last Name', 'Account Name', 'Mailing Street', 'Mailing City', 'Mailing State/Province', 'Mailing Zip/Postal Code', 'Mailing Country', 'Phone', 'Mobile', 'Email', 'Birthdate', 'Created Date', 'Last Modified Date', 'Lead Source'];
    const s = suggestMapping(headers, []);
    expect(s.preset).toBe('salesforce');
    expect(s.idColumn).toBe('Contact ID');
    expect(s.mapping).toMatchObject({ 'Account Name': 'company', 'Mailing Zip/Postal Code': 'postcode', Mobile: 'mobile', 'Last Modified Date': 'updated_at', 'Lead Source': null });
  });

  it.each([
    ['hubspot', ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Company Name', 'Street Address', 'City', 'State/Region', 'Postal Code', 'Country/Region', 'Create Date'], 'Record ID', { 'Country/Region': 'country', 'Mobile Phone Number': 'mobile' }],
    ['zoho', ['Record Id', 'First Name', 'Last Name', 'Email', 'Mailing Street', 'Mailing Zip', 'Date of Birth', 'Created Time', 'Modified Time'], 'Record Id', { 'Mailing Zip': 'postcode', 'Modified Time': 'updated_at' }],
    ['dynamics365', ['(Do Not Modify) Contact', '(Do Not Modify) Row Checksum', '(Do Not Modify) Modified On', 'Full Name', 'Email', 'Business Phone', 'Address 1: City', 'Address 1: ZIP/Postal Code', 'Created On'], '(Do Not Modify) Contact', { 'Address 1: City': 'city', '(Do Not Modify) Row Checksum': null }],
    ['sugarcrm', ['ID', 'First Name', 'Last Name', 'Email Address', 'Office Phone', 'Primary Address Street', 'Primary Address City', 'Date Created', 'Date Modified'], 'ID', { 'Office Phone': 'phone', 'Primary Address City': 'city' }],
    ['chinese_erp', ['客户编号', '姓名', '性别', '出生日期', '手机', '电话', '邮箱', '公司名称', '地址', '城市', '省份', '邮编', '年收入', '备注'], '客户编号', { 姓名: 'full_name', 手机: 'mobile', 电话: 'phone', 年收入: 'income', 备注: null }],
  ])('recognises %s exports', (preset, headers, id, expected) => {
    const s = suggestMapping(headers as string[], []);
    expect(s.preset).toBe(preset);
    expect(s.idColumn).toBe(id);
    expect(s.mapping).toMatchObject(expected as object);
  });

  it('maps generic and localised headers and never maps one field twice', () => {
    const s = suggestMapping(['Vorname', 'Nachname', 'E-Mail', 'Telefon', 'Tel. privat', 'PLZ', 'Ort', 'Land', 'Geburtsdatum'], []);
    expect(s.mapping).toMatchObject({ Vorname: 'given_name', Nachname: 'family_name', 'E-Mail': 'email', Telefon: 'phone', 'Tel. privat': 'mobile', PLZ: 'postcode', Ort: 'city', Land: 'country', Geburtsdatum: 'birth_date' });
    const fields = Object.values(s.mapping).filter(Boolean);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it('finds an id column by its name and distinct values', () => {
    const s = suggestMapping(['Kunden-Nr', 'Name'], [['K-1', 'a'], ['K-2', 'b']]);
    expect(s.idColumn).toBe('Kunden-Nr');
    expect(suggestMapping(['Kunden-Nr', 'Name'], [['K-1', 'a'], ['K-1', 'b']]).idColumn).toBeNull();
  });

  it('recognises a transactions file and points its customer column at the customer', () => {
    const s = suggestMapping(['Customer ID', 'Order Date', 'Amount', 'Currency', 'Product'], []);
    expect(s.entity).toBe('transaction');
    expect(s.mapping).toMatchObject({ 'Customer ID': 'customer_ref', 'Order Date': 'txn_date', Amount: 'amount', Product: 'product' });
  });
});

describe('normaliseHeaders', () => {
  it('names blank headers and numbers repeated ones so no column is lost', () => {
    expect(normaliseHeaders(['\uFEFFid', '', 'Email', 'email', ' ', 'Email'])).toEqual(['id', 'Column 2', 'Email', 'email (2)', 'Column 5', 'Email (3)']);
  });
});
