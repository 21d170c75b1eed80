import { fieldDef, type Entity, type TargetField } from '../../shared/domain/fields.ts';
import { detectPreset, type PresetName } from './presets.ts';
import { headerKey, synonymIndex } from './synonyms.ts';

export type Mapping = Record<string, TargetField | null>;

export interface MappingSuggestion {
  mapping: Mapping;
  idColumn: string | null;
  preset: PresetName | null;
  entity: Entity;
}

/** Substring rules for headers no synonym names exactly ("Primary E-mail (work)"). Order matters. */
const containsRules: [RegExp, TargetField][] = [
  [/e ?mail|邮箱|邮件/, 'email'],
  [/mobile|cell|手机|移动/, 'mobile'],
  [/phone|tel|电话/, 'phone'],
  [/zip|postal|post ?code|邮编/, 'postcode'],
  [/birth|dob|生日|出生/, 'birth_date'],
  [/first ?name|given|名字/, 'given_name'],
  [/last ?name|surname|family|姓氏/, 'family_name'],
  [/country|国家/, 'country'],
  [/city|城市/, 'city'],
  [/province|state|region|省/, 'region'],
  [/street|address|地址/, 'street'],
  [/company|organi[sz]ation|公司|单位/, 'company'],
  [/income|salary|收入/, 'income'],
  [/gender|sex|性别/, 'gender'],
  [/creat|注册/, 'created_at'],
  [/modif|updat|更新|修改/, 'updated_at'],
];

function guessField(header: string, fuzzy: boolean): TargetField | null {
  const key = headerKey(header);
  const exact = synonymIndex.get(key);
  if (exact || !fuzzy) return exact ?? null;
  for (const [re, field] of containsRules) if (re.test(key)) return field;
  return null;
}

/**
 * Maps each header to at most one target field and each field to at most one
 * header; a second phone column becomes the mobile. A detected CRM preset
 * claims its own headers first, and then the other columns of that export get
 * exact synonyms only: a product's extra columns ("Row Checksum") must not be
 * guessed into fields its known columns hold.
 */
export function suggestMapping(headers: string[], sample: string[][]): MappingSuggestion {
  const preset = detectPreset(headers);
  const presetHeaders = new Map(Object.entries(preset?.headers ?? {}).map(([h, f]) => [h.toLowerCase(), f]));
  const mapping: Mapping = Object.fromEntries(headers.map((h) => [h, null]));
  const taken = new Set<TargetField>();
  const claim = (header: string, field: TargetField | null): void => {
    if (field === 'phone' && taken.has('phone') && !taken.has('mobile')) field = 'mobile';
    if (!field || taken.has(field)) return;
    taken.add(field);
    mapping[header] = field;
  };
  for (const h of headers) claim(h, presetHeaders.get(h.toLowerCase()) ?? null);
  for (const h of headers) if (!presetHeaders.has(h.toLowerCase())) claim(h, guessField(h, preset === null));
  const entity = detectEntity(mapping);
  if (entity !== 'customer') retarget(mapping, entity);
  const idColumn = pickIdColumn(headers, mapping, sample, preset?.idHeader ?? null);
  if (entity === 'customer' && idColumn && mapping[idColumn] !== 'source_record_id') {
    for (const h of headers) if (mapping[h] === 'source_record_id') mapping[h] = null;
    mapping[idColumn] = 'source_record_id';
  }
  return { mapping, idColumn, preset: preset?.name ?? null, entity };
}

/** A file with amounts or needs and no personal details is transactions or needs, not customers. */
function detectEntity(mapping: Mapping): Entity {
  const fields = new Set(Object.values(mapping).filter(Boolean) as TargetField[]);
  const personal = ['email', 'given_name', 'family_name', 'phone', 'mobile', 'street', 'birth_date'].filter((f) => fields.has(f as TargetField)).length;
  if (personal >= 2) return 'customer';
  if (fields.has('amount') && (fields.has('txn_date') || fields.has('product') || fields.has('txn_kind'))) return 'transaction';
  if (fields.has('need_description') || fields.has('need_kind')) return 'need';
  return 'customer';
}

/** In a transactions or needs file the customer id column is the reference to the customer. */
function retarget(mapping: Mapping, entity: Entity): void {
  for (const [header, field] of Object.entries(mapping)) {
    if (field === 'source_record_id' || field === 'customer_ref' || field === 'need_customer_ref') {
      mapping[header] = entity === 'transaction' ? 'customer_ref' : 'need_customer_ref';
    } else if (field && fieldDef(field)?.entity !== entity) {
      mapping[header] = null;
    }
  }
}

function pickIdColumn(headers: string[], mapping: Mapping, sample: string[][], presetId: string | null): string | null {
  if (presetId && headers.includes(presetId)) return presetId;
  const mapped = headers.find((h) => mapping[h] === 'source_record_id');
  if (mapped) return mapped;
  // A column named like an id whose sampled values are all present and distinct.
  for (let c = 0; c < headers.length; c++) {
    if (mapping[headers[c]]) continue;
    if (!/(^|[^a-z])(id|no|nr|number|code|key)$|编号|代码/.test(headerKey(headers[c]))) continue;
    const values = sample.map((r) => (r[c] ?? '').trim());
    if (values.length > 0 && values.every((v) => v !== '') && new Set(values).size === values.length) return headers[c];
  }
  return null;
}
