/**
 * Findings that need the duplicate matching's entities (issue 4's clusters):
 *  - uniqueness: every member of an entity after its first record is a
 *    probable duplicate of it (as with exact duplicates, the first record
 *    with a key is the one kept);
 *  - consistency: where one customer appears in several sources, each value
 *    that differs from what most of the entity's records say, once both are
 *    written the same way (canonical email, E.164 phone, calendar date,
 *    postcode without spaces, ISO country, recognised gender).
 * Only the current match run counts; without one nothing is judged here and
 * the metrics say so rather than counting the records as unique.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { CountryCode } from 'libphonenumber-js';
import { canonicalEmail, canonicalPhone } from '../standardize/contact.ts';
import { dateOrderFor, isoDate, parseDate } from '../standardize/date.ts';
import { normalizePostcode } from '../standardize/address.ts';
import { addIssue, type RangeResult } from './accumulators.ts';
import { fieldBit } from './flag-schema.ts';
import { indexOfId } from './run-index.ts';
import { resolveCountry } from '../standardize/country.ts';
import { recogniseGender } from '../standardize/gender.ts';

/** The fields whose agreement across an entity's sources is judged, each with the form values compare in. */
export const agreementFields = {
  email: (v: string) => canonicalEmail(v)?.canonical ?? null,
  phone: (v: string, country?: string) => canonicalPhone(v, country as CountryCode | undefined)?.e164 ?? null,
  mobile: (v: string, country?: string) => canonicalPhone(v, country as CountryCode | undefined)?.e164 ?? null,
  // Read in the record's country's order, exactly as validity reads it: a UK "07/03/1985" is 7 March.
  birth_date: (v: string, country?: string) => {
    const d = parseDate(v, dateOrderFor(country));
    return d ? isoDate(d) : null;
  },
  postcode: (v: string) => normalizePostcode(v) || null,
  country: (v: string) => resolveCountry(v) ?? null,
  gender: (v: string) => recogniseGender(v) ?? null,
} satisfies Record<string, (value: string, country?: string) => string | null>;

type AgreementField = keyof typeof agreementFields;
const fields = Object.keys(agreementFields) as AgreementField[];

interface Member {
  id: number;
  index: number;
  sourceId: number;
  fileName: string;
  probability: number;
  values: Partial<Record<AgreementField, { shown: string; key: string }>>;
}

/** Whether the project has a current match run to judge against. */
export function hasMatchRun(db: Database.Database): boolean {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'match_runs'").get();
  return !!table && !!db.prepare("SELECT 1 FROM match_runs WHERE status = 'current'").get();
}

/** Adds the entity findings of customers up to maxId to the run's issues. */
export function flagEntityFindings(db: Database.Database, maxId: number, run: RangeResult): void {
  const rows = db
    .prepare(
      `SELECT m.cluster_id AS cluster, m.probability, c.id, c.source_id AS sourceId, s.file_name AS fileName,
              ${fields.map((f) => `c.${f}`).join(', ')}
       FROM match_members m JOIN customers c ON c.id = m.customer_id JOIN sources s ON s.id = c.source_id
       WHERE m.customer_id <= ? ORDER BY m.cluster_id, c.id`,
    )
    .all(maxId) as ({ cluster: number; probability: number; id: number; sourceId: number; fileName: string } & Record<AgreementField, unknown>)[];
  let entity: Member[] = [];
  let cluster = Number.NaN;
  for (const row of rows) {
    if (row.cluster !== cluster) {
      judgeEntity(entity, run);
      entity = [];
      cluster = row.cluster;
    }
    const index = indexOfId(run.ids, run.count, row.id);
    if (index < 0) continue;
    const country = row.country == null ? undefined : resolveCountry(String(row.country));
    const values: Member['values'] = {};
    for (const f of fields) {
      const raw = row[f];
      if (raw == null || raw === '' || run.missing[index] & fieldBit(f)) continue;
      const key = agreementFields[f](String(raw), country);
      if (key) values[f] = { shown: String(raw), key };
    }
    entity.push({ id: row.id, index, sourceId: row.sourceId, fileName: row.fileName, probability: row.probability, values });
  }
  judgeEntity(entity, run);
}

function judgeEntity(members: Member[], run: RangeResult): void {
  if (members.length < 2) return;
  const first = members[0];
  for (const m of members.slice(1)) {
    addIssue(run.issues, m.index, 'record', 'probable_duplicate', { code: 'probableDuplicate', params: { customer: first.id, file: first.fileName, probability: m.probability.toFixed(3) } });
  }
  if (new Set(members.map((m) => m.sourceId)).size < 2) return;
  for (const f of fields) {
    const holders = members.filter((m) => m.values[f]);
    const majority = majorityKey(holders.map((m) => m.values[f]!.key));
    if (majority === undefined) continue;
    const witness = holders.find((m) => m.values[f]!.key === majority)!;
    for (const m of holders) {
      if (m.values[f]!.key === majority) continue;
      // A disagreement only inside one source is that source's own duplicate, not a cross-source inconsistency.
      if (!holders.some((o) => o.sourceId !== m.sourceId && o.values[f]!.key !== m.values[f]!.key)) continue;
      const params = { value: m.values[f]!.shown, other: witness.values[f]!.shown, customer: witness.id, file: witness.fileName };
      addIssue(run.issues, m.index, f, 'differs_across_sources', { code: 'differsAcrossSources', params });
    }
  }
}

/** The value most records hold; a tie goes to the earliest record's value. Undefined when all agree. */
function majorityKey(keys: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  if (counts.size < 2) return undefined;
  let best = keys[0];
  for (const [k, n] of counts) if (n > counts.get(best)!) best = k;
  return best;
}
