/**
 * Missing values filled only from the same customer: another record that
 * duplicate matching put in the same entity (usually another source). A
 * value is proposed only when every record of the entity that holds one
 * agrees (after standardising), and the proposal names the record it came
 * from. Never from a neighbouring row, never a guess: where the entity holds
 * nothing, or disagrees, the field stays blank and quality keeps reporting it.
 */
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import type { CellValue } from '../store/change-writer.ts';
import type { Db } from '../store/open-project.ts';
import type { NewSuggestion } from '../store/suggestions-repo.ts';
import { detectPlaceholder } from '../standardize/placeholder.ts';
import { standardiseValue } from '../standardize/standardise-record.ts';
import type { StandardiseContext } from '../standardize/standardiser.ts';
import { recordCountry, type SourceContext } from './source-context.ts';

/** Fields worth filling from a duplicate: facts about the person, not about the record. */
export const fillableFields = [
  'given_name', 'family_name', 'gender', 'birth_date', 'email', 'phone', 'mobile', 'company', 'street', 'city', 'region', 'postcode', 'country',
] as const satisfies readonly CustomerFieldKey[];

interface Member {
  id: number;
  sourceId: number;
  file: string;
  recordId: string | null;
  probability: number;
  values: CellValue[];
}

const isBlank = (v: CellValue, field: string): boolean =>
  v === null || (typeof v === 'string' && (v.trim() === '' || !!detectPlaceholder(v, field)));

/** Members read per query: pages, not one iterator, because `store` writes on this connection as entities are done. */
const PAGE = 10_000;

export function fillFromDuplicates(db: Db, contexts: Map<number, SourceContext>, now: Date, store: (s: NewSuggestion) => void): number {
  const hasRun = db.prepare("SELECT 1 FROM match_runs WHERE status = 'current'").get();
  if (!hasRun) return 0;
  // A connection cannot write while one of its statements iterates ("busy executing a query"): read a page, then store.
  const page = db.prepare(
    `SELECT m.cluster_id, c.id, c.source_id, s.file_name, c.source_record_id, m.probability, ${fillableFields.map((f) => `c.${f}`).join(', ')}
     FROM match_members m JOIN customers c ON c.id = m.customer_id JOIN sources s ON s.id = c.source_id
     WHERE (m.cluster_id, m.customer_id) > (?, ?) ORDER BY m.cluster_id, m.customer_id LIMIT ?`,
  ).raw();
  let filled = 0;
  let cluster = Number.NaN;
  let members: Member[] = [];
  // Stored after the read: a connection cannot write while one of its statements is still being iterated.
  const proposals: NewSuggestion[] = [];
  const flush = (): void => {
    filled += fillEntity(members, contexts, now, (s) => proposals.push(s));
    members = [];
  };
  let after: [number, number] = [Number.MIN_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
  for (;;) {
    const rows = page.all(after[0], after[1], PAGE) as [number, number, number, string, string | null, number, ...CellValue[]][];
    for (const [clusterId, id, sourceId, file, recordId, probability, ...values] of rows) {
      if (clusterId !== cluster) (flush(), (cluster = clusterId));
      members.push({ id, sourceId, file, recordId, probability, values });
    }
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1];
    after = [last[0], last[1]];
  }
  flush();
  for (const s of proposals) store(s);
  return filled;
}

function fillEntity(members: Member[], contexts: Map<number, SourceContext>, now: Date, store: (s: NewSuggestion) => void): number {
  if (members.length < 2) return 0;
  const countryAt = fillableFields.indexOf('country');
  let filled = 0;
  for (let f = 0; f < fillableFields.length; f++) {
    const field = fillableFields[f];
    const holders = members.filter((m) => !isBlank(m.values[f], field));
    if (holders.length === 0 || holders.length === members.length) continue;
    for (const target of members) {
      if (!isBlank(target.values[f], field)) continue;
      const source = contexts.get(target.sourceId);
      const dateOrder = field === 'birth_date' ? source?.dateOrders.birth_date : undefined;
      const ctx: StandardiseContext = { recordCountry: recordCountry(target.values[countryAt]), sourceCountry: source?.country, dateOrder, now };
      // Each holder's value in the form it would take in this record; all must agree.
      const proposals = holders.map((h) => canonical(field, h.values[f]!, ctx));
      if (proposals.some((p) => String(p).toLowerCase() !== String(proposals[0]).toLowerCase())) continue;
      const donor = holders[0];
      store({
        customerId: target.id, sourceId: target.sourceId, field, kind: 'change', rule: 'fill_from_duplicate',
        before: target.values[f], after: proposals[0], confidence: Math.round(target.probability * 1000) / 1000,
        params: JSON.stringify({ fromCustomer: donor.id, fromSource: donor.file, fromRecord: donor.recordId ?? '', holders: holders.length }),
      });
      filled++;
    }
  }
  return filled;
}

function canonical(field: CustomerFieldKey, value: string | number, ctx: StandardiseContext): string | number {
  const o = standardiseValue(field, value, ctx);
  if (o && o.kind === 'change') return o.value;
  return typeof value === 'string' ? value.trim() : value;
}
