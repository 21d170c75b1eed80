/**
 * A golden record's values from its members: first its master record (the
 * master rules in order; the smallest id when they leave a tie), then each
 * field by its own rules. A field's rules narrow the members holding a value
 * one after another; the first rule that leaves one value (compared in
 * canonical form) decides, and says so. What they leave undecided is the
 * master's value. A steward's pick beats every rule.
 *
 * The surviving value is a member's value as stored, never rewritten: the
 * golden record can always say which record it came from. Among members
 * holding the winning value in different spellings, the canonical one.
 */
import type { FieldRule, MasterRule, SurvivingValue, SurvivorReason, SurvivorshipSettings } from '../../shared/channels/merge.ts';
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import { judgeValue, type Cell, type Judged, type SourceHint } from './value-judge.ts';

export interface MemberRecord {
  id: number;
  sourceId: number;
  values: Partial<Record<string, Cell>>;
}

export interface SurvivorInput {
  members: readonly MemberRecord[];
  /** field → the member a steward picked it from (the newest pick). */
  picks: ReadonlyMap<string, number>;
  settings: SurvivorshipSettings;
  hints: ReadonlyMap<number, SourceHint>;
  now: Date;
}

export interface Survivors {
  master: { id: number; reason: MasterRule | 'smallest_id' };
  values: Record<string, SurvivingValue>;
}

const filled = (v: Cell | undefined): v is string | number => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');

/** Per-member facts the rules compare, computed once per golden record. */
class Facts {
  private readonly judged = new Map<string, Judged>();
  private readonly recency = new Map<number, string>();
  private readonly completeness = new Map<number, number>();

  constructor(private readonly input: SurvivorInput) {}

  judge(m: MemberRecord, field: string): Judged {
    const k = `${m.id}\u0000${field}`;
    let j = this.judged.get(k);
    if (!j) this.judged.set(k, (j = judgeValue(field as CustomerFieldKey, m.values[field] as string | number, { country: m.values.country ?? null, hint: this.input.hints.get(m.sourceId), now: this.input.now })));
    return j;
  }

  /** The record's last update (or creation) in canonical form; '' when it has neither readable. */
  recent(m: MemberRecord): string {
    let r = this.recency.get(m.id);
    if (r === undefined) {
      r = '';
      for (const f of ['updated_at', 'created_at']) {
        if (!filled(m.values[f])) continue;
        const j = this.judge(m, f);
        if (j.rank > 0) {
          r = j.key;
          break;
        }
      }
      this.recency.set(m.id, r);
    }
    return r;
  }

  complete(m: MemberRecord): number {
    let n = this.completeness.get(m.id);
    if (n === undefined) this.completeness.set(m.id, (n = Object.values(m.values).filter(filled).length));
    return n;
  }

  priority(m: MemberRecord): number {
    const at = this.input.settings.sourcePriority.indexOf(m.sourceId);
    return at >= 0 ? at : this.input.settings.sourcePriority.length + m.sourceId;
  }
}

/** Keeps the candidates with the best score (higher is better). */
function best<T>(items: readonly T[], score: (x: T) => number | string): T[] {
  let top: number | string | undefined;
  let out: T[] = [];
  for (const x of items) {
    const s = score(x);
    if (top === undefined || s > top) (top = s, out = [x]);
    else if (s === top) out.push(x);
  }
  return out;
}

function narrowMaster(rule: MasterRule, items: readonly MemberRecord[], f: Facts): MemberRecord[] {
  if (rule === 'most_recent') return best(items, (m) => f.recent(m));
  if (rule === 'most_complete') return best(items, (m) => f.complete(m));
  return best(items, (m) => -f.priority(m));
}

export function chooseMaster(input: SurvivorInput, f: Facts = new Facts(input)): Survivors['master'] {
  let left: readonly MemberRecord[] = input.members;
  for (const rule of input.settings.master) {
    left = narrowMaster(rule, left, f);
    if (left.length === 1) return { id: left[0].id, reason: rule };
  }
  return { id: Math.min(...left.map((m) => m.id)), reason: 'smallest_id' };
}

function narrowField(rule: FieldRule, field: string, items: readonly MemberRecord[], f: Facts): MemberRecord[] {
  switch (rule) {
    case 'valid_first':
      // Valid is valid: a canonical spelling decides which member's spelling is kept, not which value wins.
      return best(items, (m) => Math.min(2, f.judge(m, field).rank));
    case 'most_frequent': {
      const counts = new Map<string, number>();
      for (const m of items) counts.set(f.judge(m, field).key, (counts.get(f.judge(m, field).key) ?? 0) + 1);
      return best(items, (m) => counts.get(f.judge(m, field).key)!);
    }
    case 'longest':
      return best(items, (m) => String(m.values[field]).trim().length);
    default:
      return narrowMaster(rule, items, f);
  }
}

/** The member whose spelling of the winning value is kept: the most canonical, then the master's, then the oldest record's. */
function representative(field: string, items: readonly MemberRecord[], master: number, f: Facts): MemberRecord {
  const top = best(items, (m) => f.judge(m, field).rank);
  return top.find((m) => m.id === master) ?? top.reduce((a, b) => (b.id < a.id ? b : a));
}

function survive(field: string, input: SurvivorInput, master: number, f: Facts): SurvivingValue {
  const holders = input.members.filter((m) => filled(m.values[field]));
  const picked = input.picks.get(field);
  const pick = picked === undefined ? undefined : input.members.find((m) => m.id === picked);
  const value = (m: MemberRecord, reason: SurvivorReason): SurvivingValue => ({ value: m.values[field] ?? null, from: m.id, reason });
  if (pick) return value(pick, 'picked');
  if (holders.length === 0) return { value: null, from: null, reason: 'none' };
  if (holders.length === 1) return value(holders[0], 'only_value');
  const first = String(holders[0].values[field]);
  if (holders.every((m) => String(m.values[field]) === first)) return value(holders.find((m) => m.id === master) ?? holders[0], 'all_agree');
  const keys = (items: readonly MemberRecord[]) => new Set(items.map((m) => f.judge(m, field).key)).size;
  if (keys(holders) === 1) return value(representative(field, holders, master, f), 'all_agree');
  let left: readonly MemberRecord[] = holders;
  for (const rule of input.settings.fields[field] ?? []) {
    left = narrowField(rule, field, left, f);
    if (keys(left) === 1) return value(representative(field, left, master, f), rule);
  }
  const fromMaster = left.find((m) => m.id === master);
  const key = f.judge(fromMaster ?? left.reduce((a, b) => (b.id < a.id ? b : a)), field).key;
  return value(representative(field, left.filter((m) => f.judge(m, field).key === key), master, f), 'master');
}

export function survivors(input: SurvivorInput, fields: readonly string[]): Survivors {
  const f = new Facts(input);
  const master = chooseMaster(input, f);
  const values: Record<string, SurvivingValue> = {};
  for (const field of fields) values[field] = survive(field, input, master.id, f);
  return { master, values };
}

export { Facts };
