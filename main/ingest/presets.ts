import type { TargetField } from '../../shared/domain/fields.ts';

/**
 * Contact-export layouts of the CRMs our users come from. The header names are
 * the ones each product writes in its default English export; `signature`
 * headers are distinctive enough that three of them identify the product.
 */
export type PresetName = 'salesforce' | 'hubspot' | 'zoho' | 'dynamics365' | 'sugarcrm' | 'chinese_erp';

export interface Preset {
  name: PresetName;
  label: string;
  idHeader: string;
  signature: string[];
  headers: Record<string, TargetField>;
}

export const presets: Preset[] = [
  {
    name: 'salesforce',
    label: 'Salesforce',
    idHeader: 'Contact ID',
    signature: ['Contact ID', 'Mailing Street', 'Mailing City', 'Mailing Zip/Postal Code', 'Mailing State/Province', 'Account Name', 'Last Modified Date'],
    headers: {
      'Contact ID': 'source_record_id', 'First Name': 'given_name', 'Last Name': 'family_name', 'Full Name': 'full_name',
      'Account Name': 'company', 'Mailing Street': 'street', 'Mailing City': 'city', 'Mailing State/Province': 'region',
      'Mailing Zip/Postal Code': 'postcode', 'Mailing Country': 'country', Phone: 'phone', Mobile: 'mobile', Email: 'email',
      Birthdate: 'birth_date', 'Created Date': 'created_at', 'Last Modified Date': 'updated_at', 'Annual Income': 'income', Gender: 'gender',
    },
  },
  {
    name: 'hubspot',
    label: 'HubSpot',
    idHeader: 'Record ID',
    signature: ['Record ID', 'Create Date', 'Phone Number', 'State/Region', 'Country/Region', 'Street Address', 'Mobile Phone Number'],
    headers: {
      'Record ID': 'source_record_id', 'First Name': 'given_name', 'Last Name': 'family_name', Email: 'email',
      'Phone Number': 'phone', 'Mobile Phone Number': 'mobile', 'Company Name': 'company', 'Street Address': 'street', City: 'city',
      'State/Region': 'region', 'Postal Code': 'postcode', 'Country/Region': 'country', 'Create Date': 'created_at',
      'Last Modified Date': 'updated_at', 'Date of Birth': 'birth_date', 'Annual Income': 'income', Gender: 'gender',
    },
  },
  {
    name: 'zoho',
    label: 'Zoho CRM',
    idHeader: 'Record Id',
    signature: ['Record Id', 'Created Time', 'Modified Time', 'Mailing Zip', 'Date of Birth', 'Mailing Street'],
    headers: {
      'Record Id': 'source_record_id', 'First Name': 'given_name', 'Last Name': 'family_name', Email: 'email', Phone: 'phone',
      Mobile: 'mobile', 'Account Name': 'company', 'Mailing Street': 'street', 'Mailing City': 'city', 'Mailing State': 'region',
      'Mailing Zip': 'postcode', 'Mailing Country': 'country', 'Date of Birth': 'birth_date', 'Created Time': 'created_at',
      'Modified Time': 'updated_at', 'Annual Income': 'income', Gender: 'gender',
    },
  },
  {
    name: 'dynamics365',
    label: 'Dynamics 365',
    idHeader: '(Do Not Modify) Contact',
    signature: ['(Do Not Modify) Contact', '(Do Not Modify) Row Checksum', 'Address 1: City', 'Business Phone', 'Created On', 'Address 1: Street 1'],
    headers: {
      '(Do Not Modify) Contact': 'source_record_id', 'Full Name': 'full_name', 'First Name': 'given_name', 'Last Name': 'family_name',
      Email: 'email', 'Business Phone': 'phone', 'Mobile Phone': 'mobile', 'Company Name': 'company', 'Address 1: Street 1': 'street',
      'Address 1: City': 'city', 'Address 1: State/Province': 'region', 'Address 1: ZIP/Postal Code': 'postcode',
      'Address 1: Country/Region': 'country', Birthday: 'birth_date', Gender: 'gender', 'Annual Income': 'income',
      'Created On': 'created_at', '(Do Not Modify) Modified On': 'updated_at', 'Modified On': 'updated_at',
    },
  },
  {
    name: 'sugarcrm',
    label: 'SugarCRM',
    idHeader: 'ID',
    signature: ['Primary Address Street', 'Primary Address City', 'Office Phone', 'Date Created', 'Date Modified', 'Email Address'],
    headers: {
      ID: 'source_record_id', 'First Name': 'given_name', 'Last Name': 'family_name', 'Email Address': 'email', 'Office Phone': 'phone',
      'Mobile Phone': 'mobile', 'Account Name': 'company', 'Primary Address Street': 'street', 'Primary Address City': 'city',
      'Primary Address State': 'region', 'Primary Address Postal Code': 'postcode', 'Primary Address Country': 'country',
      Birthdate: 'birth_date', 'Date Created': 'created_at', 'Date Modified': 'updated_at', Gender: 'gender', 'Annual Income': 'income',
    },
  },
  {
    name: 'chinese_erp',
    label: '中文 ERP',
    idHeader: '客户编号',
    signature: ['客户编号', '姓名', '手机', '邮箱', '出生日期', '创建时间', '更新时间', '公司名称'],
    headers: {
      客户编号: 'source_record_id', 姓名: 'full_name', 姓: 'family_name', 名: 'given_name', 性别: 'gender', 出生日期: 'birth_date',
      手机: 'mobile', 电话: 'phone', 邮箱: 'email', 公司名称: 'company', 地址: 'street', 城市: 'city', 省份: 'region',
      邮编: 'postcode', 国家: 'country', 年收入: 'income', 创建时间: 'created_at', 更新时间: 'updated_at',
    },
  },
];

/** The preset whose signature headers appear most (at least three), or null. */
export function detectPreset(headers: string[]): Preset | null {
  const present = new Set(headers.map((h) => h.trim().toLowerCase()));
  let best: { preset: Preset; hits: number } | null = null;
  for (const preset of presets) {
    const hits = preset.signature.filter((s) => present.has(s.toLowerCase())).length;
    if (hits >= 3 && (!best || hits > best.hits)) best = { preset, hits };
  }
  return best?.preset ?? null;
}
