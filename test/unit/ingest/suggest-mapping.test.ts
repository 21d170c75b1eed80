import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../main/ingest/suggest-mapping.ts';
import { normaliseHeaders } from '../../../main/ingest/records.ts';
import { headerWords } from '../../../main/ingest/header-words.ts';

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

describe('header words', () => {
  it.each([
    ['lastModifiedDate', ['last', 'modified', 'date']],
    ['Last_Modified-Date', ['last', 'modified', 'date']],
    ['最后更新时间', ['最后', '更新', '时间']],
    ['客户ID', ['客户', 'id']],
    ['E-Mail Adresse', ['email', 'adresse']],
    ['Kunden-Nr.', ['kunden', 'nr']],
    ['手机号码', ['手机号', '码']],
  ])('reads %j as words', (header, words) => {
    expect(headerWords(header)).toEqual(words);
  });
});

describe('mapping by header words', () => {
  it('maps 最后更新时间 in a Chinese ERP export that has no 更新时间 column', () => {
    const s = suggestMapping(['客户编号', '姓名', '手机', '邮箱', '出生日期', '创建时间', '最后更新时间', '备注'], []);
    expect(s.preset).toBe('chinese_erp');
    expect(s.mapping).toMatchObject({ 创建时间: 'created_at', 最后更新时间: 'updated_at', 备注: null });
  });

  it("maps HubSpot's Last Activity Date when the export has no Last Modified Date, and leaves it alone when it has", () => {
    const without = suggestMapping(['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Create Date', 'Last Activity Date', 'Lead Status'], []);
    expect(without.preset).toBe('hubspot');
    expect(without.mapping).toMatchObject({ 'Last Activity Date': 'updated_at', 'Lead Status': null, 'Last Name': 'family_name' });
    const both = suggestMapping(['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Create Date', 'Last Activity Date', 'Last Modified Date'], []);
    expect(both.mapping).toMatchObject({ 'Last Modified Date': 'updated_at', 'Last Activity Date': null });
  });

  it('reads camelCase and Chinese compounds', () => {
    const s = suggestMapping(['customerId', 'firstName', 'lastName', 'emailAddress', 'phoneNumber', 'dateOfBirth', 'zipCode', 'lastModifiedDate'], [['c1'], ['c2']]);
    expect(s.mapping).toEqual({ customerId: 'source_record_id', firstName: 'given_name', lastName: 'family_name', emailAddress: 'email', phoneNumber: 'phone', dateOfBirth: 'birth_date', zipCode: 'postcode', lastModifiedDate: 'updated_at' });
    const zh = suggestMapping(['会员编号', '客户姓名', '手机号码', '电子邮箱', '联系电话', '最近跟进时间', '注册日期'], []);
    expect(zh.mapping).toMatchObject({ 客户姓名: 'full_name', 手机号码: 'mobile', 电子邮箱: 'email', 联系电话: 'phone', 最近跟进时间: 'updated_at', 注册日期: 'created_at' });
  });

  it.each([
    ['Email Opt Out'],
    ['Last Modified By'],
    ['Created By'],
    ['更新人'],
    ['修改人'],
    ['Fax'],
    ['Do Not Call'],
    ['(Do Not Modify) Row Checksum'],
    ['Lead Source'],
  ])('does not take %j for a field it only sounds like', (header) => {
    expect(suggestMapping([header], []).mapping[header]).toBeNull();
  });

  it.each([
    ['Mobile Phone', 'mobile'],
    ['Contact Number', 'phone'],
    ['Company Name', 'company'],
    ['City Name', 'city'],
    ['Address 1: City', 'city'],
    ['Primary E-mail (work)', 'email'],
    ['Last Contacted', 'updated_at'],
  ])('takes %j for %s', (header, field) => {
    expect(suggestMapping([header], []).mapping[header]).toBe(field);
  });

  it('does not propose 身份证号 (an identity card number) as the record id', () => {
    expect(suggestMapping(['身份证号', '姓名'], [['110101199001011234', '王伟'], ['110101199202022345', '李娜']]).idColumn).toBeNull();
  });
});

describe('likely columns for the expected fields', () => {
  it('finds columns by their name, and by their values when the name says nothing', () => {
    const sample = [
      ['K-1', 'ann@x.com', '+44 20 7946 0958', '2024-01-02'],
      ['K-2', 'bob@x.com', '+44 20 7946 0959', '2024-02-03'],
      ['K-3', 'cy@x.com', '020 7946 0960', '2024-03-04'],
    ];
    const s = suggestMapping(['Ref', 'Kontakt', 'Durchwahl', 'Datum'], sample);
    expect(s.likely).toEqual([
      { field: 'email', headers: ['Kontakt'] },
      { field: 'phone', headers: ['Durchwahl'] },
      { field: 'updated_at', headers: ['Datum'] },
    ]);
  });
});
