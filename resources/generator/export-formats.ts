import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import type { Locale } from './types.ts';

/**
 * Column layouts of the contact exports our users bring, as each product
 * writes them by default. Each preset also carries one or two columns no
 * customer field maps to (owner, lead source, notes): an importer must keep
 * those as extras, not drop them or force them into a field.
 */
export type PresetName = 'salesforce' | 'hubspot' | 'zoho' | 'dynamics365' | 'sugarcrm' | 'chinese_erp' | 'generic';

export const PRESET_NAMES: readonly PresetName[] = ['salesforce', 'hubspot', 'zoho', 'dynamics365', 'sugarcrm', 'chinese_erp', 'generic'];

/** Unmapped columns and what the generator fills them with. */
export type ExtraKind = 'lead_source' | 'owner' | 'notes' | 'lifecycle' | 'row_checksum' | 'tier' | 'assigned_user';

export interface ExportColumn {
  header: string;
  field?: CustomerFieldKey;
  extra?: ExtraKind;
}

const f = (header: string, field: CustomerFieldKey): ExportColumn => ({ header, field });
const x = (header: string, extra: ExtraKind): ExportColumn => ({ header, extra });

export const presetColumns: Readonly<Record<PresetName, readonly ExportColumn[]>> = {
  salesforce: [
    f('Contact ID', 'source_record_id'), f('First Name', 'given_name'), f('Last Name', 'family_name'), f('Account Name', 'company'),
    f('Mailing Street', 'street'), f('Mailing City', 'city'), f('Mailing State/Province', 'region'),
    f('Mailing Zip/Postal Code', 'postcode'), f('Mailing Country', 'country'), f('Phone', 'phone'), f('Mobile', 'mobile'),
    f('Email', 'email'), f('Birthdate', 'birth_date'), f('Created Date', 'created_at'), f('Last Modified Date', 'updated_at'),
    x('Lead Source', 'lead_source'), x('Description', 'notes'),
  ],
  hubspot: [
    f('Record ID', 'source_record_id'), f('First Name', 'given_name'), f('Last Name', 'family_name'), f('Email', 'email'),
    f('Phone Number', 'phone'), f('Mobile Phone Number', 'mobile'), f('Company Name', 'company'), f('Street Address', 'street'),
    f('City', 'city'), f('State/Region', 'region'), f('Postal Code', 'postcode'), f('Country/Region', 'country'),
    f('Date of Birth', 'birth_date'), f('Gender', 'gender'), f('Create Date', 'created_at'), f('Last Modified Date', 'updated_at'),
    x('Lifecycle Stage', 'lifecycle'), x('Contact owner', 'owner'),
  ],
  zoho: [
    f('Record Id', 'source_record_id'), f('First Name', 'given_name'), f('Last Name', 'family_name'), f('Email', 'email'),
    f('Phone', 'phone'), f('Mobile', 'mobile'), f('Account Name', 'company'), f('Mailing Street', 'street'),
    f('Mailing City', 'city'), f('Mailing State', 'region'), f('Mailing Zip', 'postcode'), f('Mailing Country', 'country'),
    f('Date of Birth', 'birth_date'), f('Created Time', 'created_at'), f('Modified Time', 'updated_at'),
    x('Lead Source', 'lead_source'), x('Contact Owner', 'owner'),
  ],
  dynamics365: [
    f('(Do Not Modify) Contact', 'source_record_id'), x('(Do Not Modify) Row Checksum', 'row_checksum'),
    f('(Do Not Modify) Modified On', 'updated_at'), f('Full Name', 'full_name'), f('First Name', 'given_name'),
    f('Last Name', 'family_name'), f('Email', 'email'), f('Business Phone', 'phone'), f('Mobile Phone', 'mobile'),
    f('Company Name', 'company'), f('Address 1: Street 1', 'street'), f('Address 1: City', 'city'),
    f('Address 1: State/Province', 'region'), f('Address 1: ZIP/Postal Code', 'postcode'),
    f('Address 1: Country/Region', 'country'), f('Birthday', 'birth_date'), f('Gender', 'gender'),
    f('Annual Income', 'income'), f('Created On', 'created_at'), x('Owner', 'owner'),
  ],
  sugarcrm: [
    f('ID', 'source_record_id'), f('First Name', 'given_name'), f('Last Name', 'family_name'), f('Email Address', 'email'),
    f('Office Phone', 'phone'), f('Mobile Phone', 'mobile'), f('Account Name', 'company'), f('Primary Address Street', 'street'),
    f('Primary Address City', 'city'), f('Primary Address State', 'region'), f('Primary Address Postal Code', 'postcode'),
    f('Primary Address Country', 'country'), f('Birthdate', 'birth_date'), f('Date Created', 'created_at'),
    f('Date Modified', 'updated_at'), x('Lead Source', 'lead_source'), x('Assigned to', 'assigned_user'),
  ],
  chinese_erp: [
    f('客户编号', 'source_record_id'), f('姓名', 'full_name'), f('性别', 'gender'), f('出生日期', 'birth_date'), f('手机', 'mobile'),
    f('电话', 'phone'), f('邮箱', 'email'), f('公司名称', 'company'), f('地址', 'street'), f('城市', 'city'), f('省份', 'region'),
    f('邮编', 'postcode'), f('国家', 'country'), f('年收入', 'income'), f('创建时间', 'created_at'), f('更新时间', 'updated_at'),
    x('客户等级', 'tier'), x('备注', 'notes'),
  ],
  generic: [
    f('Customer ID', 'source_record_id'), f('Full Name', 'full_name'), f('First Name', 'given_name'), f('Last Name', 'family_name'),
    f('Gender', 'gender'), f('Date of Birth', 'birth_date'), f('Email', 'email'), f('Phone', 'phone'), f('Mobile', 'mobile'),
    f('Company', 'company'), f('Address', 'street'), f('City', 'city'), f('State', 'region'), f('Postcode', 'postcode'),
    f('Country', 'country'), f('Annual Income', 'income'), f('Created', 'created_at'), f('Updated', 'updated_at'),
    x('Notes', 'notes'),
  ],
};

/** Header → customer field for every mapped column of each preset; extras are absent on purpose. */
export const presetHeaders: Readonly<Record<PresetName, Readonly<Record<string, CustomerFieldKey>>>> = Object.fromEntries(
  PRESET_NAMES.map((name) => [name, Object.fromEntries(presetColumns[name].filter((c) => c.field).map((c) => [c.header, c.field!]))]),
) as Record<PresetName, Record<string, CustomerFieldKey>>;

/** Headers of the columns an importer should keep as extras. */
export const presetExtraHeaders: Readonly<Record<PresetName, readonly string[]>> = Object.fromEntries(
  PRESET_NAMES.map((name) => [name, presetColumns[name].filter((c) => c.extra).map((c) => c.header)]),
) as Record<PresetName, string[]>;

/** Who a preset's users mostly are: a Chinese ERP holds Chinese customers, the global CRMs everyone. */
export const presetLocales: Readonly<Record<PresetName, Partial<Record<Locale, number>>>> = {
  salesforce: { 'en-US': 4, 'en-GB': 2, 'de-DE': 1, 'fr-FR': 1, 'es-ES': 1, 'it-IT': 1, 'nl-NL': 1, 'zh-CN': 1 },
  hubspot: { 'en-US': 3, 'en-GB': 2, 'de-DE': 2, 'fr-FR': 2, 'es-ES': 1, 'it-IT': 1, 'nl-NL': 1, 'zh-CN': 0.5 },
  zoho: { 'en-US': 2, 'en-GB': 2, 'de-DE': 1, 'fr-FR': 1, 'es-ES': 1, 'it-IT': 1, 'nl-NL': 1, 'zh-CN': 1 },
  dynamics365: { 'en-US': 3, 'en-GB': 2, 'de-DE': 2, 'fr-FR': 1, 'es-ES': 1, 'it-IT': 1, 'nl-NL': 1, 'zh-CN': 1 },
  sugarcrm: { 'en-US': 3, 'en-GB': 1, 'de-DE': 1, 'fr-FR': 1, 'es-ES': 1, 'it-IT': 1, 'nl-NL': 1 },
  chinese_erp: { 'zh-CN': 20, 'en-US': 0.5, 'de-DE': 0.3, 'en-GB': 0.2 },
  generic: { 'en-US': 1, 'en-GB': 1, 'de-DE': 1, 'fr-FR': 1, 'es-ES': 1, 'it-IT': 1, 'nl-NL': 1, 'zh-CN': 1 },
};
