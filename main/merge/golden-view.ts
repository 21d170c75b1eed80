/**
 * A golden record as a reviewer and an export see it: each field's
 * surviving value with what decided it, and, for the side-by-side view, the
 * fields grouped as differing (members hold different values), equal, and
 * empty.
 */
import { goldenFieldKeys, type ClusterField, type GoldenRecord, type SurvivorshipSettings } from '../../shared/channels/merge.ts';
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import { AppError } from '../../shared/errors.ts';
import { goldenMembers, goldenOf } from '../store/golden-repo.ts';
import type { Db } from '../store/open-project.ts';
import { picksOf } from './picks.ts';
import { survivors, Facts, type MemberRecord, type Survivors } from './survivorship.ts';
import type { SourceHint } from './value-judge.ts';

export interface GoldenContext {
  settings: SurvivorshipSettings;
  hints: ReadonlyMap<number, SourceHint>;
  now: Date;
}

const filled = (v: unknown): boolean => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
const groupOrder = { differing: 0, equal: 1, empty: 2 } as const;

export function clusterFields(members: readonly MemberRecord[], picks: ReadonlyMap<string, number>, ctx: GoldenContext): { survivors: Survivors; fields: ClusterField[] } {
  const input = { members, picks, ...ctx };
  const result = survivors(input, goldenFieldKeys);
  const facts = new Facts(input);
  const fields = goldenFieldKeys.map((field): ClusterField => {
    const values = members.map((m) => m.values[field] ?? null);
    const held = members.filter((m) => filled(m.values[field]));
    const distinct = new Set(held.map((m) => String(m.values[field])));
    const group = distinct.size === 0 ? 'empty' : distinct.size === 1 ? 'equal' : 'differing';
    const sameWhenStandardised = group === 'differing' && new Set(held.map((m) => facts.judge(m, field).key)).size === 1;
    return { field, group, values, sameWhenStandardised, pickedFrom: picks.get(field) ?? null, surviving: result.values[field] };
  });
  fields.sort((a, b) => groupOrder[a.group] - groupOrder[b.group]);
  return { survivors: result, fields };
}

export function readMemberRecords(db: Db, ids: readonly number[]): (MemberRecord & { source: string; sourceRecordId: string | null })[] {
  const rows = db.prepare(
    `SELECT c.id, c.source_id, s.file_name, c.source_record_id, ${goldenFieldKeys.map((f) => `c.${f}`).join(', ')}
     FROM customers c JOIN sources s ON s.id = c.source_id WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`,
  ).raw().all(JSON.stringify(ids)) as unknown[][];
  return rows.map((r) => ({
    id: r[0] as number, sourceId: r[1] as number, source: r[2] as string, sourceRecordId: (r[3] as string | null) ?? null,
    values: Object.fromEntries(goldenFieldKeys.map((f, i) => [f, (r[4 + i] as string | number | null) ?? null])) as Partial<Record<CustomerFieldKey, string | number | null>>,
  }));
}

export function goldenRecord(db: Db, id: number, ctx: GoldenContext): GoldenRecord {
  const golden = goldenOf(db, id);
  if (golden !== null && golden !== id) throw new AppError('not_found', `Customer ${id} is in golden record ${golden}; there is no golden record ${id}.`);
  const ids = goldenMembers(db, id);
  const members = readMemberRecords(db, ids);
  if (members.length === 0) throw new AppError('not_found', `There is no customer ${id}.`);
  const s = survivors({ members, picks: picksOf(db, ids), ...ctx }, goldenFieldKeys);
  return { id, members: members.map((m) => ({ id: m.id, source: m.source, sourceRecordId: m.sourceRecordId })), values: s.values, master: s.master.id };
}
