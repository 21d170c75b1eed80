import { fieldDef, type Entity, type TargetField } from '../../shared/domain/fields.ts';
import { emptyMapping, fieldOf, type Mapping } from '../../shared/domain/mapping.ts';
import type { LikelyColumns } from '../../shared/domain/expected-fields.ts';
import { fieldsByWords } from './header-rules.ts';
import { distinctValues, likelyColumns, namesAnId } from './likely-columns.ts';
import { detectPreset, type PresetName } from './presets.ts';
import { headerKey, synonymIndex } from './synonyms.ts';

export type { Mapping };

export interface MappingSuggestion {
  mapping: Mapping;
  idColumn: string | null;
  preset: PresetName | null;
  entity: Entity;
  /** Columns that look like the fields a steward expects, for the preview's warning when one stays unmapped. */
  likely: LikelyColumns[];
}

/** Word-matched fields are proposed for mapping except the record id, which also needs distinct values (pickIdColumn). */
function wordMatches(headers: string[], skip: (header: string) => boolean): { header: string; field: TargetField; score: number }[] {
  const matches = headers.flatMap((header, order) => (skip(header) ? [] : fieldsByWords(header).filter((m) => m.field !== 'source_record_id').map((m) => ({ header, order, ...m }))));
  // Best-named columns claim their fields first; ties go to the earlier column.
  return matches.sort((a, b) => b.score - a.score || a.order - b.order);
}

/**
 * Maps each header to at most one target field and each field to at most one
 * header; a second phone column becomes the mobile. A detected CRM preset
 * claims its own headers first, then exact synonyms claim theirs, then the
 * words of the remaining headers ("Last Activity Date", 最后更新时间) name
 * the fields still free: a product's columns never displace its known ones.
 */
export function suggestMapping(headers: string[], sample: string[][]): MappingSuggestion {
  const preset = detectPreset(headers);
  const presetHeaders = new Map(Object.entries(preset?.headers ?? {}).map(([h, f]) => [h.toLowerCase(), f]));
  const mapping = emptyMapping();
  for (const h of headers) mapping[h] = null;
  const taken = new Set<TargetField>();
  const claim = (header: string, field: TargetField | null): void => {
    if (fieldOf(mapping, header)) return;
    if (field === 'phone' && taken.has('phone') && !taken.has('mobile')) field = 'mobile';
    if (!field || taken.has(field)) return;
    taken.add(field);
    mapping[header] = field;
  };
  for (const h of headers) claim(h, presetHeaders.get(h.toLowerCase()) ?? null);
  for (const h of headers) if (!presetHeaders.has(h.toLowerCase())) claim(h, synonymIndex.get(headerKey(h)) ?? null);
  for (const m of wordMatches(headers, (h) => presetHeaders.has(h.toLowerCase()) || fieldOf(mapping, h) !== null)) claim(m.header, m.field);
  const entity = detectEntity(mapping);
  if (entity !== 'customer') retarget(mapping, entity);
  const idColumn = pickIdColumn(headers, mapping, sample, preset?.idHeader ?? null);
  if (entity === 'customer' && idColumn && fieldOf(mapping, idColumn) !== 'source_record_id') {
    for (const h of headers) if (fieldOf(mapping, h) === 'source_record_id') mapping[h] = null;
    mapping[idColumn] = 'source_record_id';
  }
  return { mapping, idColumn, preset: preset?.name ?? null, entity, likely: likelyColumns(headers, sample) };
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
  const mapped = headers.find((h) => fieldOf(mapping, h) === 'source_record_id');
  if (mapped) return mapped;
  // A column named like an id whose sampled values are all present and distinct.
  for (let c = 0; c < headers.length; c++) {
    if (fieldOf(mapping, headers[c])) continue;
    if (!namesAnId(headers[c])) continue;
    if (distinctValues(sample, c)) return headers[c];
  }
  return null;
}
