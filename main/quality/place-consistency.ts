/**
 * Postcode ↔ city and postcode ↔ region agreement, learnt from the project's
 * own records: with no offline gazetteer, the place a postcode belongs to is
 * "known" when most customers with that postcode (in the same country) give
 * the same city. A record that names another city at that postcode is
 * inconsistent: a typo, a stale address, or a postcode from somewhere else.
 * Regions are compared the same way, codes ("CA") only with codes and names
 * ("California") only with names, so two spellings of one region are not
 * called a disagreement.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { addIssue, type RangeResult } from './accumulators.ts';
import { placeFields, type RuleId } from './rules.ts';

/** A postcode's place is known when at least this many customers give it… */
export const minCustomersPerPostcode = 3;
/** …and at least this share of them (and two or more) agree on it. */
export const minAgreement = 2 / 3;

export type PlaceField = (typeof placeFields)[number];

const ruleOf: Record<PlaceField, RuleId> = { city: 'postcode_city_mismatch', region: 'postcode_region_mismatch' };

/** A record whose place disagrees with the one most customers give for its postcode. */
export interface PlaceMismatch {
  index: number;
  field: PlaceField;
  witness: number;
  agreeing: number;
  total: number;
}

/**
 * Each record's postcode as a small dense number (-1: none), so the place
 * tallies below are array reads: float keys in a Map cost about a second per
 * million records for each lookup pass.
 */
export function postcodeGroups(run: RangeResult): { of: Int32Array; count: number } {
  const of = new Int32Array(run.count).fill(-1);
  const numbers = new Map<number, number>();
  for (let r = 0; r < run.count; r++) {
    const key = run.postcodeKeys[r];
    if (Number.isNaN(key)) continue;
    let g = numbers.get(key);
    if (g === undefined) numbers.set(key, (g = numbers.size));
    of[r] = g;
  }
  return { of, count: numbers.size };
}

/** The disagreeing records of one place field, in record order. */
export function placeMismatches(run: RangeResult, field: PlaceField, groups: { of: Int32Array; count: number }): PlaceMismatch[] {
  const places = field === 'city' ? run.cityKeys : run.regionKeys;
  // Region codes (negative keys) and names are tallied apart: slot = postcode × 2 + (code ? 1 : 0).
  const slotOf = (r: number): number => (groups.of[r] < 0 || Number.isNaN(places[r]) ? -1 : groups.of[r] * 2 + (places[r] < 0 ? 1 : 0));
  const total = new Uint32Array(groups.count * 2);
  // Per slot, the places named there as flat triples [place key, customers, first customer]: a postcode has few.
  const tallies: (number[] | undefined)[] = new Array(groups.count * 2);
  for (let r = 0; r < run.count; r++) {
    const slot = slotOf(r);
    if (slot < 0) continue;
    total[slot]++;
    const t = tallies[slot];
    if (!t) {
      tallies[slot] = [places[r], 1, r];
      continue;
    }
    let k = 0;
    while (k < t.length && t[k] !== places[r]) k += 3;
    if (k < t.length) t[k + 1]++;
    else t.push(places[r], 1, r);
  }
  // The place known for a slot (NaN: none), how many name it, and the first of them (quoted in messages).
  const known = new Float64Array(groups.count * 2).fill(Number.NaN);
  const agreeing = new Uint32Array(groups.count * 2);
  const witness = new Int32Array(groups.count * 2);
  let any = false;
  for (let slot = 0; slot < tallies.length; slot++) {
    const t = tallies[slot];
    if (!t || t.length === 3 || total[slot] < minCustomersPerPostcode) continue;
    let best = 0;
    for (let k = 3; k < t.length; k += 3) if (t[k + 1] > t[best + 1]) best = k;
    if (t[best + 1] < 2 || t[best + 1] < total[slot] * minAgreement) continue;
    known[slot] = t[best];
    agreeing[slot] = t[best + 1];
    witness[slot] = t[best + 2];
    any = true;
  }
  const out: PlaceMismatch[] = [];
  if (!any) return out;
  for (let r = 0; r < run.count; r++) {
    const slot = slotOf(r);
    if (slot < 0 || Number.isNaN(known[slot]) || places[r] === known[slot]) continue;
    out.push({ index: r, field, witness: witness[slot], agreeing: agreeing[slot], total: total[slot] });
  }
  return out;
}

/** Adds the postcode ↔ place findings of the run's customers to its issues, each naming the spelling most customers use. */
export function flagPlaceMismatches(db: Database.Database, run: RangeResult, fields: readonly string[]): void {
  if (!fields.includes('postcode')) return;
  const judged = placeFields.filter((f) => fields.includes(f));
  if (judged.length === 0) return;
  const groups = postcodeGroups(run);
  const found = judged.flatMap((f) => placeMismatches(run, f, groups));
  if (found.length === 0) return;
  const ids = [...new Set(found.flatMap((m) => [run.ids[m.index], run.ids[m.witness]]))];
  const rows = db
    .prepare('SELECT id, city, region, postcode FROM customers WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: number; city: string | null; region: string | null; postcode: string | null }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const m of found) {
    const own = byId.get(run.ids[m.index]);
    const witness = byId.get(run.ids[m.witness]);
    if (!own || !witness) continue;
    const value = String(own[m.field] ?? '').trim();
    const usual = String(witness[m.field] ?? '').trim();
    const params = { value, usual, agreeing: m.agreeing, total: m.total, postcode: String(own.postcode ?? '').trim() };
    addIssue(run.issues, m.index, m.field, ruleOf[m.field], { code: 'placeMismatch', params }, usual);
  }
}
